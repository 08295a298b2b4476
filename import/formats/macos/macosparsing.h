#pragma once

#include "event.h"
#include "reader.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QTimeZone>

#include <optional>

// What the macOS readers share: Apple's timestamp shapes, the installer's message wording,
// code-signing flags and Team IDs. Facts only; each reader maps its own records.
namespace Chainscope::Macos {

// A wall-clock stamp as the macOS logs write it:
//   "2023-03-29 10:12:33.123456+0200"   log show (ndjson / json)
//   "2022-11-07T21:44:10.123456789Z"    eslogger
//   "2023-03-29 10:12:33+02"            install.log
//   "2018-08-19T03:09:13.120Z"          Santa
//   "2013-11-12T02:59:35Z"              InstallHistory.plist
// Fractions beyond microseconds are cut (not rounded): an event never moves to the next
// microsecond. The zone is optional ("Z", "+HH", "+HHMM", "+HH:MM").
struct Stamp
{
    qint64 wallUs = 0; // the wall-clock time read as if it were UTC
    bool hasZone = false;
    int offsetSeconds = 0; // east of UTC
    qsizetype end = 0; // bytes of the input the stamp took
};
// Parses a stamp at the start of `text`; nothing when it is not one (or names a day
// that does not exist). Text after the stamp is left to the caller (`end`).
std::optional<Stamp> parseStamp(QByteArrayView text);
// The UTC microseconds of a stamp: its own offset, else the zone of the context.
std::optional<qint64> utcMicros(const Stamp &stamp, const QTimeZone &zone);
// parseStamp() and utcMicros() for a value that must be a stamp and nothing else.
std::optional<qint64> parseWholeStamp(QByteArrayView text, const QTimeZone &zone);

// A count or an id of a JSON record (pid, pidversion, flags, …): a JSON number that is
// finite, whole and within qint64, or a decimal string; -1 for anything else (absent,
// negative, 1e300, 1.5, text). Casting a double out of range is undefined behaviour, and a
// log is hostile input.
qint64 wholeNumber(const QJsonValue &value);

// ---- installer wording (install.log and the unified log of installd) -----------------

// 'Installed "Name" (version)' as installd, system_installd and softwareupdated write it
// when a package install completed, with or without a "PackageKit: " prefix and with the
// version quoted or not ('Installed "3CX Desktop App" ("18.12.416")', 'Installed "Foo" ()').
struct InstalledMessage
{
    QString name;
    QString version;
};
std::optional<InstalledMessage> parseInstalled(QStringView message);
// The package identifier of 'PackageKit: Writing receipt for com.example.pkg to /'.
QString parseReceiptIdentifier(QStringView message);
// 'PackageKit: ----- Begin install -----': what installd logs before each install.
bool isBeginInstall(QStringView message);

// Package identifiers that an installer process named (receipts) before it logged the
// install they belong to; bounded, so a log that never says "Installed" cannot grow it.
class ReceiptTracker
{
public:
    static constexpr int MaxProcesses = 64;
    static constexpr int MaxIdentifiers = 256;
    void begin(qint64 pid);
    void add(qint64 pid, const QString &identifier);
    // The identifiers named since the last begin() of `pid`, forgotten on the way.
    QStringList take(qint64 pid);

private:
    QList<std::pair<qint64, QStringList>> m_pending; // oldest first
};

// ---- code signing --------------------------------------------------------------------

// The flag bits of a process's code signature (XNU's cs_blobs.h, CS_*).
enum CodeSigningFlag : quint32 {
    CsValid = 0x1,
    CsAdhoc = 0x2,
    CsRuntime = 0x10000,
    CsPlatformBinary = 0x4000000,
    CsSigned = 0x20000000,
};
// The names of the set bits that XNU defines ("CS_VALID", "CS_ADHOC", …), lowest first;
// unknown bits as their hex value.
QStringList codeSigningFlagNames(quint32 flags);
// Event::signatureStatus of a process: "Unsigned" when it has no signature at all,
// "Invalid" when CS_VALID is clear (a signature that did not verify, or was invalidated
// at run time), "Ad-hoc" for a valid ad-hoc signature, else "Valid". Invalid wins over
// ad-hoc: it is the stronger fact, and the flags themselves stay in the details.
QString signatureStatus(quint32 flags, bool hasSignature);

// The Team ID of an Apple Developer certificate's common name, the ten characters in
// parentheses at its end ("Developer ID Application: Example Ltd (AB12CD34EF)").
QString teamIdFromCommonName(QStringView commonName);
// Whether `text` is a Team ID: ten upper-case letters or digits.
bool isTeamId(QStringView text);

// Whether `text` is an IPv4 address (dotted quad) or an IPv6 address in text form.
bool isIpAddress(QStringView text);

// ---- events ---------------------------------------------------------------------------

Event baseEvent(const ReaderContext &context, EventKind kind, qint64 timeUs, qint64 pos);
void putText(QJsonObject &details, const QString &key, const QString &value);

} // namespace Chainscope::Macos
