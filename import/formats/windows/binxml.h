#pragma once

#include "evtxtypes.h"
#include "winevent.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Chainscope::Evtx {

// One substitution value: a typed view into the chunk.
struct Value
{
    quint8 type = NullType;
    const uchar *data = nullptr;
    quint32 size = 0;
};

// Text of a value the way Windows renders it in event XML: decimal integers,
// lower-case 0x-prefixed hex, braced upper-case GUIDs, S-1-… SIDs, ISO 8601 UTC times
// with nanosecond digits, upper-case hex for binary. Array elements are joined by ", ".
void appendValueText(QString &out, const Value &value);
QString valueText(const Value &value);
// The elements of an array value as text. Windows renders an element whose content is
// one array substitution once per array element.
QStringList arrayItems(const Value &value);

// FILETIME (100 ns ticks since 1601) to Unix microseconds; nullopt for zero or out of range.
std::optional<qint64> fileTimeToUnixUs(quint64 fileTime);

// Names known to the decoder, resolved once per template so the per-record walk
// compares small integers instead of strings.
enum class Name : quint8 {
    Other,
    Event,
    System,
    Provider,
    EventID,
    Version,
    Level,
    Task,
    Opcode,
    Keywords,
    TimeCreated,
    EventRecordID,
    Execution,
    Channel,
    Computer,
    Security,
    EventData,
    UserData,
    Data,
    Binary,
    // attribute names
    AttrName,
    AttrGuid,
    AttrEventSourceName,
    AttrQualifiers,
    AttrSystemTime,
    AttrProcessID,
    AttrThreadID,
    AttrUserID,
};

// A piece of element content or attribute value.
struct Item
{
    enum Kind : quint8 { Text, Substitution, OptionalSubstitution };
    Kind kind = Text;
    quint8 type = NullType; // declared type of a substitution
    quint16 index = 0; // substitution index
    QString text; // for Text (literal values, CDATA, resolved character/entity references)
};

struct Attribute
{
    QString name;
    Name id = Name::Other;
    QList<Item> value;
};

// A content part of an element: either a child element or a piece of text.
struct Part
{
    qint32 child = -1;
    Item item;
};

struct Element
{
    QString name;
    Name id = Name::Other;
    QList<Attribute> attributes;
    QList<Part> content;
};

// A parsed binary XML document body: a template definition, or the literal content
// of a record that uses no template. Elements refer to each other by index.
// The text of the value a substitution had in the last record that used the same
// template. Consecutive records repeat most values (the same process loads one DLL
// after another), so comparing bytes and sharing the string is cheaper than making it.
struct Memo
{
    // Into the chunk of `Document::memoGeneration`; a template reused from the cache
    // may outlive that chunk, so the memo is reset when the generation changes.
    const uchar *data = nullptr;
    quint32 size = 0;
    quint8 type = NullType;
    QString text;
};

// An EventData element whose children are all <Data Name="literal">substitution</Data>
// (Sysmon and most manifest providers): extracted without walking the tree.
struct DataPlan
{
    struct Field
    {
        // The Name attribute's text in the document's elements, which stay unchanged
        // while the document lives: records borrow it as their field name.
        const QString *name = nullptr;
        quint16 index = 0;
        bool optional = false;
    };
    std::vector<Field> fields;
    bool distinctNames = true; // no two fields share a name
};

// A System element whose fields each come from one item (a substitution or a
// literal), as every Windows template writes it: the record's header fields are read
// through this list instead of walking the element's children.
struct SystemPlan
{
    enum class Target : quint8 {
        ProviderName,
        ProviderGuid,
        EventSourceName,
        EventID,
        Version,
        Level,
        Task,
        Opcode,
        Keywords,
        TimeCreated,
        EventRecordID,
        ProcessID,
        ThreadID,
        Channel,
        Computer,
        UserID,
    };
    struct Field
    {
        Target target;
        const Item *item; // into the document's elements
    };
    std::vector<Field> fields;
};

struct Document
{
    QList<Element> elements;
    QList<qint32> roots;
    std::vector<Memo> memo; // by substitution index; used while extracting records
    // The chunk (ChunkParser::generation()) whose bytes `memo` points into. A template
    // reused from TemplateCache starts a new chunk with its memo cleared.
    quint64 memoGeneration = 0;
    // The record of that chunk (ChunkParser's record serial) whose fields borrow the
    // memo's texts. A document met a second time within one record (two payloads of
    // the same template) leaves the memo alone: the first use's fields point into it.
    quint64 memoRecord = 0;
    // Per element: 0 not looked at yet, 1 no plan, 2 plan in dataPlans or systemPlans
    // (by the element's name: EventData or System).
    std::vector<quint8> planState;
    QHash<qint32, DataPlan> dataPlans;
    QHash<qint32, SystemPlan> systemPlans;
};

// Errors in binary XML throw this; the record is counted as failed and decoding goes
// on with the next record, so the exception never leaves the decoder.
struct DecodeError
{
    QString message;
};

// Parsed templates kept from one chunk to the next. Every chunk repeats the
// definitions of the templates its records use; parsing them again was a fifth of
// the decoding time. A definition is reused only when it is byte for byte the same
// and every name it refers to outside itself is the same name in the new chunk; a
// definition that stores names inline must also sit at the same offset. Then parsing
// it again would give exactly the same document. One cache per thread: documents
// carry per-record state (the memo) and are not shared between threads.
class TemplateCache
{
public:
    // Bounds the memory a file of ever-different templates can pin.
    static constexpr qsizetype MaxBytes = 8 * 1024 * 1024;
    // Definitions with the same GUID and size kept at once (the newest), so a file of
    // many look-alike templates cannot make a lookup compare without end.
    static constexpr qsizetype MaxPerKey = 8;

    struct NameRef
    {
        quint32 offset = 0;
        bool isInline = false;
        QString name;
    };
    struct Entry
    {
        qsizetype offset = 0; // of the definition in the chunk it was parsed from
        QByteArray definition; // GUID, size and body as stored
        std::vector<NameRef> names;
        std::shared_ptr<Document> document;
    };

    // The parsed document for the definition at `offset` of `chunk`, if cached.
    std::shared_ptr<Document> find(QByteArrayView chunk, qsizetype offset, QByteArrayView definition) const;
    void insert(Entry entry);
    void clear();
    qsizetype size() const { return m_count; }

private:
    // Keyed by the definition's GUID and size only: hashing whole definitions cost
    // more than comparing the few that share a key.
    static size_t keyOf(QByteArrayView definition);
    QHash<size_t, std::vector<Entry>> m_entries;
    qsizetype m_bytes = 0;
    qsizetype m_count = 0;
};

// Decodes the records of one 64 KiB chunk. Names and templates are cached per chunk
// (a chunk is self-contained), so one instance serves one chunk at a time.
class ChunkParser
{
public:
    // With a `cache`, templates parsed in earlier chunks are reused when they are the same.
    // Fast: System and EventData elements of a known shape are read through plans made
    // once per template, and values that repeat from the previous record share its
    // text. Plain: every record walks its whole document and converts every value;
    // what Fast must always give the same records as.
    enum class Walk { Fast, Plain };
    explicit ChunkParser(QByteArrayView chunk, TemplateCache *cache = nullptr, Walk walk = Walk::Fast);
    // Unique per parser in the process: which chunk a Document's memo belongs to.
    quint64 generation() const { return m_generation; }

    // Decodes the record data (the binary XML after the record header) at chunk offset
    // `dataOffset` into `out`. Throws DecodeError. Fields of `out` may borrow strings
    // held by this parser and its templates. They stay valid until the next
    // decodeRecord() or renderRecord() on this parser, until the parser is destroyed,
    // or until another parser that shares the TemplateCache decodes a record (it may
    // reset a shared template's memo): WinEventFields::detach() keeps them longer.
    // decodeChunk() consumes or detaches each record before any of these.
    void decodeRecord(qsizetype dataOffset, qsizetype dataSize, WinEventRecord &out);
    // Renders the same record as indented XML. Throws DecodeError.
    QString renderRecord(qsizetype dataOffset, qsizetype dataSize);

private:
    struct Instance
    {
        const Document *document = nullptr;
        QList<Value> values;
    };
    class Cursor;
    friend class Cursor;
    friend class Extractor;
    friend class DocumentParser;
    friend class XmlRenderer;

    // Parses a fragment (header, then a template instance or elements) at [pos, end).
    // Literal documents are stored in `scratch` (owned by the caller).
    void parseFragment(qsizetype pos, qsizetype end, std::unique_ptr<Document> &scratch, int depth, Instance &instance);
    const Document *templateAt(qsizetype offset, int depth);
    struct NameEntry
    {
        QString name;
        Name element = Name::Other;
        Name attribute = Name::Other;
    };
    const NameEntry &nameAt(qsizetype offset);

    QByteArrayView m_chunk;
    TemplateCache *m_cache = nullptr;
    Walk m_walk = Walk::Fast;
    quint64 m_generation = 0;
    // While a template is parsed for the cache: every name reference it makes.
    std::vector<TemplateCache::NameRef> *m_nameRefs = nullptr;
    QHash<quint32, NameEntry> m_names;
    QHash<quint32, std::shared_ptr<Document>> m_templates;
    // The last templates found, checked before the hash: records of a chunk use a
    // handful of templates, and every record looks one or two up.
    struct RecentTemplate
    {
        qsizetype offset = -1;
        const Document *document = nullptr;
    };
    RecentTemplate m_recent[4];
    std::vector<std::unique_ptr<Document>> m_scratch; // nested literal fragments of the current record
    quint64 m_recordSerial = 0; // records decoded by this parser
    // Substitution lists reused from record to record, one per nesting depth: the
    // EventData of most records is a template instance nested in the System template's.
    std::vector<QList<Value>> m_valuePools;
};

} // namespace Chainscope::Evtx
