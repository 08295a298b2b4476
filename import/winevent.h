#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <cstring>

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
    QList<QPair<QString, QString>> data;

    // The value of a named field, or a null string when absent.
    QString value(QStringView name) const
    {
        const qsizetype i = indexOf(name);
        return i < 0 ? QString() : data.at(i).second;
    }
    bool has(QStringView name) const { return indexOf(name) >= 0; }
    // For literal names (the normalizer's u"Image"): the length is known at compile
    // time instead of being counted on every lookup.
    template<qsizetype N> QString value(const char16_t (&name)[N]) const { return value(QStringView(name, N - 1)); }
    template<qsizetype N> bool has(const char16_t (&name)[N]) const { return has(QStringView(name, N - 1)); }

private:
    // Normalizers ask for a record's fields mostly in document order, so the search
    // starts after the previous hit and wraps around; lengths are compared inline, and
    // only names of the right length reach the character comparison. A lookup costs a
    // comparison or two instead of a scan of half the fields.
    qsizetype indexOf(QStringView name) const
    {
        const qsizetype n = data.size();
        // The list may have been refilled since the last hit, shorter.
        const qsizetype start = m_lastHit + 1 < n ? m_lastHit + 1 : 0;
        for (qsizetype k = 0; k < n; ++k) {
            qsizetype i = start + k;
            if (i >= n)
                i -= n;
            const QString &key = data.at(i).first;
            if (key.size() == name.size()
                && std::memcmp(key.constData(), name.data(), size_t(name.size()) * sizeof(char16_t)) == 0) {
                m_lastHit = i;
                return i;
            }
        }
        return -1;
    }
    mutable qsizetype m_lastHit = -1;
};

} // namespace Chainscope
