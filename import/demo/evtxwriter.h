#pragma once

#include "evtxtypes.h"
#include "winevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Chainscope {

// One substitution value, already in its on-disk encoding (little-endian, strings
// without terminator, string arrays NUL-separated), so writing it is a copy.
class EvtxValue
{
public:
    EvtxValue() = default; // null: optional elements and attributes disappear

    // Shares the string's UTF-16 data: no copy per value.
    static EvtxValue string(const QString &text);
    static EvtxValue ansiString(QByteArrayView bytes);
    static EvtxValue int8(qint8 v) { return scalar(Evtx::Int8Type, quint8(v), 1); }
    static EvtxValue uint8(quint8 v) { return scalar(Evtx::UInt8Type, v, 1); }
    static EvtxValue int16(qint16 v) { return scalar(Evtx::Int16Type, quint16(v), 2); }
    static EvtxValue uint16(quint16 v) { return scalar(Evtx::UInt16Type, v, 2); }
    static EvtxValue int32(qint32 v) { return scalar(Evtx::Int32Type, quint32(v), 4); }
    static EvtxValue uint32(quint32 v) { return scalar(Evtx::UInt32Type, v, 4); }
    static EvtxValue int64(qint64 v) { return scalar(Evtx::Int64Type, quint64(v), 8); }
    static EvtxValue uint64(quint64 v) { return scalar(Evtx::UInt64Type, v, 8); }
    static EvtxValue real32(float v);
    static EvtxValue real64(double v);
    static EvtxValue boolean(bool v) { return scalar(Evtx::BoolType, v ? 1 : 0, 4); }
    static EvtxValue binary(QByteArrayView bytes);
    static EvtxValue guid(const QUuid &guid);
    static EvtxValue sizeT(quint64 v) { return scalar(Evtx::SizeTType, v, 8); }
    static EvtxValue fileTime(quint64 ticks) { return scalar(Evtx::FileTimeType, ticks, 8); }
    // SYSTEMTIME fields of a UTC time, millisecond precision.
    static EvtxValue systemTime(const QDateTime &utc);
    // A SID from its "S-1-5-21-…" form; null when the text is not one.
    static EvtxValue sid(QStringView text);
    static EvtxValue hexInt32(quint32 v) { return scalar(Evtx::HexInt32Type, v, 4); }
    static EvtxValue hexInt64(quint64 v) { return scalar(Evtx::HexInt64Type, v, 8); }
    static EvtxValue stringArray(const QStringList &items);
    static EvtxValue ansiStringArray(const QList<QByteArray> &items);
    static EvtxValue uint16Array(const QList<quint16> &items);
    static EvtxValue uint32Array(const QList<quint32> &items);
    static EvtxValue uint64Array(const QList<quint64> &items);
    // Any other array of fixed-size elements, given packed little-endian.
    static EvtxValue array(Evtx::ValueType element, QByteArrayView packed);
    // Bytes exactly as given, with any type code: for damaged-file and fuzz seeds.
    static EvtxValue raw(quint8 type, QByteArrayView bytes);

    Evtx::ValueType type() const { return Evtx::ValueType(m_type); }
    quint8 typeCode() const { return m_type; }
    bool isNull() const { return m_type == quint8(Evtx::NullType); }
    QByteArrayView bytes() const;

private:
    static EvtxValue scalar(Evtx::ValueType type, quint64 v, quint8 size);

    quint8 m_type = 0;
    quint8 m_scalarSize = 0; // > 0: the value is the low bytes of m_scalar
    quint64 m_scalar = 0; // stored little-endian
    QString m_text; // String values on little-endian hosts: already the on-disk form
    QByteArray m_bytes; // everything else
};

struct EvtxDataItem
{
    QString name; // empty: an unnamed <Data> (classic providers)
    EvtxValue value;
};

// One event as the writer lays it out: the System fields Windows writes, then either
// EventData (named or unnamed <Data>, optional <Binary>) or UserData (one element
// with simple children).
//
// System elements follow Windows: Version and Opcode only when set; Correlation when
// Version is set (manifest providers write it even empty) or an activity is; Execution
// when a process or thread id is. Absent optional attributes (Qualifiers, Guid,
// ActivityID, UserID, …) are null optional substitutions, which readers omit.
//
// EventData: a named item is <Data Name="…">; unnamed items that are all strings
// become one <Data> holding a string array, which renders one <Data> per string (what
// classic providers such as MsiInstaller write); other unnamed items one <Data> each.
// An item with a null value is an optional substitution: readers omit its element.
struct EvtxEvent
{
    QString provider;
    QUuid providerGuid; // null: no Guid attribute (classic providers have none)
    quint16 eventId = 0;
    std::optional<quint16> qualifiers; // classic providers: the high word of the event code
    std::optional<quint8> version = quint8(0); // classic providers write neither Version
    quint8 level = 4;
    quint16 task = 0;
    std::optional<quint8> opcode = quint8(0); // … nor Opcode
    quint64 keywords = 0x8000000000000000ull;
    quint64 timeCreated = 0; // FILETIME: 100 ns ticks since 1601-01-01 UTC
    quint64 writtenTime = 0; // record header time; 0: timeCreated
    quint64 recordId = 0; // EventRecordID and record header id; 0: the writer's next
    QUuid activityId; // null: absent
    QUuid relatedActivityId;
    std::optional<quint32> processId;
    std::optional<quint32> threadId;
    QString channel;
    QString computer;
    QString userSid; // "S-1-5-18"; empty: no UserID attribute

    QList<EvtxDataItem> eventData;
    // Written after the Data elements, as classic providers do; null value: no <Binary>.
    EvtxValue binary;

    // UserData instead of EventData when the element name is set.
    QString userDataElement;
    QString userDataNamespace; // xmlns of that element; empty: none
    QList<EvtxDataItem> userData; // children, in order (names required)

    void setTimeUs(qint64 unixUs) { timeCreated = fileTimeFromUnixUs(unixUs); }

    static quint64 fileTimeFromUnixUs(qint64 unixUs);

    // Builds an event from a decoded record, typing each data value with `typeOf`
    // (by field name; a null function or Evtx::StringType keeps text). Follows the
    // record's naming: "Data1", "Data2", … are unnamed Data, "Binary" the classic
    // binary blob, "Element/Child" UserData. Values are parsed from the text forms
    // WinEventRecord documents (0x-hex, braced GUIDs, S-1-… SIDs, ISO 8601 times). A
    // record without provider GUID is taken as a classic provider's: no Version,
    // Opcode or Correlation. Returns a null optional and sets `error` when a value does
    // not parse as its type.
    static std::optional<EvtxEvent> fromRecord(const WinEventRecord &record,
        const std::function<Evtx::ValueType(const QString &name)> &typeOf, QString *error = nullptr);
    // One value from text; null optional when it does not parse.
    static std::optional<EvtxValue> parseValue(Evtx::ValueType type, const QString &text);
};

// Writes Windows XML Event Log files the way the Windows event log service lays them
// out: a 4096-byte file header, 64 KiB chunks with their own name and template tables,
// and records whose binary XML instantiates a per-chunk template (System part, then a
// nested template for EventData/UserData, as Windows writes them). One template per
// distinct structure is defined in the first record of a chunk that uses it and
// referenced afterwards.
class EvtxWriter
{
public:
    EvtxWriter();
    ~EvtxWriter();
    EvtxWriter(const EvtxWriter &) = delete;
    EvtxWriter &operator=(const EvtxWriter &) = delete;

    // Every call returns an empty string on success, the reason otherwise. A rejected
    // event (too large for a chunk, malformed SID, …) leaves no trace in the file;
    // after a write error every later call returns that error.
    QString open(const QString &path);
    // The header's dirty flag: set while Windows has a log open, so a copy taken from a
    // live system carries it. Applies to the header written at close().
    void setDirty(bool dirty) { m_dirty = dirty; }
    void setFull(bool full) { m_full = full; } // the header's "full" flag
    QString add(const EvtxEvent &event);
    QString close();

    quint64 recordsWritten() const { return m_records; }
    int chunksWritten() const { return m_chunks; }
    qint64 bytesWritten() const;

    static constexpr int FileHeaderSize = 4096;
    static constexpr int ChunkSize = 65536;
    static constexpr int ChunkHeaderSize = 512;

private:
    struct Template;
    struct Chunk;
    class RecordBuilder;
    friend class RecordBuilder;

    int nameId(const QString &name);
    int templateFor(const QByteArray &key, const std::function<void(Template &)> &build);
    int systemTemplate(const EvtxEvent &event, quint8 shape);
    int payloadTemplate(const EvtxEvent &event);
    bool tryAdd(const EvtxEvent &event, quint64 recordId);
    void startChunk();
    QString finishChunk();
    QByteArray fileHeader() const;

    QFile m_file;
    QString m_path;
    bool m_dirty = false;
    bool m_full = false;
    bool m_open = false;
    QString m_error; // the first write error; later calls return it

    // Names and templates are interned once for the whole file; each chunk records
    // where it defined them.
    struct NameInfo
    {
        QByteArray utf16; // characters, no terminator
        quint16 hash = 0;
        quint16 length = 0;
    };
    QHash<QString, int> m_nameIds;
    std::vector<NameInfo> m_names;
    QHash<QByteArray, int> m_templateIds;
    std::vector<std::unique_ptr<Template>> m_templates;
    std::unique_ptr<Chunk> m_chunk;
    QByteArray m_key; // template key scratch, reused per record
    QString m_sidText; // the last UserID converted: most events repeat it
    QByteArray m_sidBytes;

    quint64 m_nextRecordId = 1;
    quint64 m_records = 0;
    int m_chunks = 0; // chunks written to the file
};

} // namespace Chainscope
