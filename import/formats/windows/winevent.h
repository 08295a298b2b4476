#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <cstring>
#include <initializer_list>
#include <utility>
#include <vector>

namespace Chainscope {

// "Data1", "Data2", …: the name WinEventRecord gives the n-th unnamed <Data> element
// (classic providers write no Name). The common ones are made once: every reader
// names every unnamed field with it.
inline QString unnamedDataName(int n)
{
    static const QStringList names = [] {
        QStringList l;
        for (int i = 0; i <= 64; ++i)
            l.append(QStringLiteral("Data%1").arg(i));
        return l;
    }();
    return n >= 0 && n < names.size() ? names.at(n) : QStringLiteral("Data%1").arg(n);
}

// The EventData / UserData fields of one record, in document order.
//
// A field's name and value are either owned by the list or borrowed from the EVTX
// decoder: the names of a template and the texts it memoizes per substitution live as
// long as the decoder's state for that template, so a record can point at them instead
// of copying two strings per field (a reference count taken and dropped each, on every
// field of every record). Borrowed fields are only valid for as long as
// Evtx::ChunkParser::decodeRecord() says; detach() turns them into owned copies for a
// record that is kept longer. Copies of a list share its borrowed fields, so the same
// rule applies to them.
class WinEventFields
{
public:
    // One field as a (name, value) pair of references into the list.
    using Field = std::pair<const QString &, const QString &>;

    WinEventFields() = default;
    WinEventFields(std::initializer_list<QPair<QString, QString>> fields) { assign(fields); }
    WinEventFields(const QList<QPair<QString, QString>> &fields) { assign(fields); }
    WinEventFields &operator=(const QList<QPair<QString, QString>> &fields)
    {
        clear();
        assign(fields);
        return *this;
    }
    WinEventFields &operator=(std::initializer_list<QPair<QString, QString>> fields)
    {
        clear();
        assign(fields);
        return *this;
    }

    void append(const QPair<QString, QString> &field) { append(field.first, field.second); }
    void append(const QString &name, const QString &value)
    {
        m_entries.push_back({nullptr, nullptr, own(name), own(value)});
        m_mayRepeat = true;
    }
    // The caller keeps `name` and `value` alive and unchanged until clear(), and calls
    // mayRepeatNames() unless it knows the names it adds are new to the list.
    void appendBorrowed(const QString &name, const QString &value) { m_entries.push_back({&name, &value, -1, -1}); }
    void appendBorrowedName(const QString &name, const QString &value)
    {
        m_entries.push_back({&name, nullptr, -1, own(value)});
    }
    // Borrowing a temporary would dangle at once.
    void appendBorrowed(QString &&, const QString &) = delete;
    void appendBorrowed(const QString &, QString &&) = delete;
    void appendBorrowed(QString &&, QString &&) = delete;
    void appendBorrowedName(QString &&, const QString &) = delete;
    // Makes every field owned.
    void detach()
    {
        for (Entry &e : m_entries) {
            if (e.name) {
                e.ownName = own(*e.name);
                e.name = nullptr;
            }
            if (e.value) {
                e.ownValue = own(*e.value);
                e.value = nullptr;
            }
        }
    }
    void setValue(qsizetype i, const QString &value)
    {
        Entry &e = m_entries[size_t(i)];
        e.value = nullptr;
        e.ownValue = own(value);
    }

    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    const QString &name(qsizetype i) const { return nameOf(m_entries[size_t(i)]); }
    const QString &value(qsizetype i) const { return valueOf(m_entries[size_t(i)]); }
    Field at(qsizetype i) const { return {name(i), value(i)}; }

    // Keeps the capacity: the decoder refills one list for every record.
    void clear()
    {
        m_entries.clear();
        m_owned.clear();
        m_mayRepeat = false;
    }
    // Some name may occur twice: lookups then make sure they return the first.
    void mayRepeatNames() { m_mayRepeat = true; }
    void reserve(qsizetype n) { m_entries.reserve(size_t(n)); }
    QList<QPair<QString, QString>> toList() const
    {
        QList<QPair<QString, QString>> out;
        out.reserve(size());
        for (qsizetype i = 0; i < size(); ++i)
            out.append({name(i), value(i)});
        return out;
    }
    friend bool operator==(const WinEventFields &a, const WinEventFields &b)
    {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.name(i) != b.name(i) || a.value(i) != b.value(i))
                return false;
        }
        return true;
    }
    friend bool operator!=(const WinEventFields &a, const WinEventFields &b) { return !(a == b); }

    class const_iterator
    {
    public:
        const_iterator(const WinEventFields *list, qsizetype i)
            : m_list(list)
            , m_i(i)
        {
        }
        Field operator*() const { return m_list->at(m_i); }
        const_iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator!=(const const_iterator &o) const { return m_i != o.m_i; }

    private:
        const WinEventFields *m_list;
        qsizetype m_i;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

    // The index of the first field called `name`, or -1.
    //
    // Normalizers look fields up by literal names, and records of one kind come in runs
    // with the same layout. So the index last found for a name is remembered under the
    // address of the name's characters and tried first: one comparison instead of a
    // scan. The remembered index is only a guess, always checked against the name, so
    // a reused address cannot give a wrong field. The table is the thread's, shared by
    // its lists (a record would otherwise carry it in every copy). Without a usable
    // guess the scan starts after the previous hit (fields are mostly asked for in
    // document order) and wraps around.
    // Where a name may occur twice (array values repeat one), the fields before the one
    // found are checked too: the answer is the first field of that name and must not
    // depend on which records came before.
    qsizetype indexOf(QStringView name) const
    {
        const qsizetype n = size();
        Hint &hint = hints()[(quintptr(name.data()) >> 1) % HintCount];
        qsizetype found = -1;
        if (hint.key == name.data() && hint.index < n && nameIs(m_entries[size_t(hint.index)], name)) {
            found = hint.index;
        } else {
            const qsizetype start = m_lastHit + 1 < n ? m_lastHit + 1 : 0;
            for (qsizetype k = 0; k < n; ++k) {
                qsizetype i = start + k;
                if (i >= n)
                    i -= n;
                if (nameIs(m_entries[size_t(i)], name)) {
                    found = i;
                    break;
                }
            }
            if (found < 0)
                return -1;
        }
        for (qsizetype i = 0; m_mayRepeat && i < found; ++i) {
            if (nameIs(m_entries[size_t(i)], name)) {
                found = i;
                break;
            }
        }
        m_lastHit = found;
        hint.key = name.data();
        hint.index = found;
        return found;
    }

private:
    // Borrowed strings by address; owned ones by index into m_owned, which a copy of
    // the list carries along (addresses into it would point into the original).
    struct Entry
    {
        const QString *name;
        const QString *value;
        qint32 ownName;
        qint32 ownValue;
    };
    qint32 own(const QString &s)
    {
        m_owned.append(s);
        return qint32(m_owned.size() - 1);
    }
    const QString &nameOf(const Entry &e) const { return e.name ? *e.name : m_owned.at(e.ownName); }
    bool nameIs(const Entry &e, QStringView name) const
    {
        const QString &key = nameOf(e);
        return key.size() == name.size()
            && std::memcmp(key.constData(), name.data(), size_t(name.size()) * sizeof(char16_t)) == 0;
    }
    const QString &valueOf(const Entry &e) const { return e.value ? *e.value : m_owned.at(e.ownValue); }
    void assign(const auto &fields)
    {
        for (const auto &f : fields)
            append(f.first, f.second);
    }

    struct Hint
    {
        const void *key = nullptr;
        qsizetype index = 0;
    };
    static constexpr int HintCount = 64;
    static Hint *hints()
    {
        thread_local Hint table[HintCount];
        return table;
    }

    std::vector<Entry> m_entries;
    QList<QString> m_owned;
    mutable qsizetype m_lastHit = -1;
    bool m_mayRepeat = false;
};

// One Windows event as the Event Log schema describes it, whatever it was read from
// (a binary EVTX record, or a <Event> element of a wevtutil / Get-WinEvent XML
// export). The normalizer turns these into Chainscope events; it never sees bytes.
struct WinEventRecord
{
    quint64 recordId = 0; // EventRecordID
    // TimeCreated/@SystemTime, UTC microseconds. EVTX record headers carry a written
    // time too; where the two differ the XML's time is the event's (the header time is
    // zero in some real files).
    qint64 timeUs = 0;
    QString provider; // Provider/@Name
    QString providerGuid;
    quint32 eventId = 0; // with the qualifiers' high word removed
    int version = 0;
    int level = 0;
    int task = 0;
    int opcode = 0;
    QString keywords;
    QString channel;
    QString computer;
    qint64 processId = -1; // Execution/@ProcessID: the process that logged it
    qint64 threadId = -1;
    QString userSid; // Security/@UserID

    // EventData <Data Name="…">value</Data> pairs in document order. Unnamed Data
    // elements (classic providers such as MsiInstaller) get the names "Data1",
    // "Data2", …; UserData children are flattened as "Element/Child" paths. Binary
    // values are hex, GUIDs braced upper-case, SIDs as S-1-…, times ISO 8601.
    WinEventFields data;

    // The value of a named field, or a null string when absent.
    const QString &value(QStringView name) const
    {
        const qsizetype i = data.indexOf(name);
        return i < 0 ? nullString() : data.value(i);
    }
    bool has(QStringView name) const { return data.indexOf(name) >= 0; }
    // For literal names (the normalizer's u"Image"): the length is known at compile
    // time instead of being counted on every lookup.
    template<qsizetype N> const QString &value(const char16_t (&name)[N]) const
    {
        return value(QStringView(name, N - 1));
    }
    template<qsizetype N> bool has(const char16_t (&name)[N]) const { return has(QStringView(name, N - 1)); }

private:
    static const QString &nullString()
    {
        static const QString null;
        return null;
    }
};

} // namespace Chainscope
