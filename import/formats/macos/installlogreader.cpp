#include "installlogreader.h"

#include "inputfile.h"
#include "macosparsing.h"
#include "textscan.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace Chainscope {

using namespace Macos;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::InstallLogReader)
};

struct Line
{
    qint64 timeUs = 0;
    QString host;
    QString process;
    qint64 pid = -1;
    QString message;
};

// "HOST PROCESS[PID]: MESSAGE" after the stamp; the process name may hold blanks
// ("Installer Progress"), the pid may be missing.
std::optional<Line> parseLine(QByteArrayView line, const QTimeZone &zone, bool &stamped)
{
    stamped = false;
    const std::optional<Stamp> stamp = parseStamp(line);
    // install.log writes seconds and an offset, never a fraction, and a blank before the host.
    if (!stamp || !stamp->hasZone || stamp->end < 22 || line[10] != ' ' || stamp->end >= line.size()
        || line[stamp->end] != ' ')
        return std::nullopt;
    stamped = true;
    static const QRegularExpression rest(
        QStringLiteral(R"(^(\S+) ([^\[\]:]+?)(?:\[(\d+)\])?: ?(.*)$)"), QRegularExpression::DotMatchesEverythingOption);
    const QString text = QString::fromUtf8(line.sliced(stamp->end + 1));
    const QRegularExpressionMatch m = rest.match(text);
    const std::optional<qint64> timeUs = utcMicros(*stamp, zone);
    if (!m.hasMatch() || !timeUs)
        return std::nullopt;
    Line l;
    l.timeUs = *timeUs;
    l.host = m.captured(1);
    l.process = m.captured(2);
    l.pid = m.capturedView(3).isEmpty() ? -1 : m.captured(3).toLongLong();
    l.message = m.captured(4);
    return l;
}

bool isSyslogStamp(QByteArrayView line)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S)"));
    return line.size() > 16 && re.match(QString::fromLatin1(line.first(17))).hasMatch();
}

struct Pending
{
    bool open = false;
    Event event;
    QJsonObject details;
    QByteArray raw;
    QString message;
};

} // namespace

bool InstallLogReader::probe(QByteArrayView head)
{
    int lines = 0;
    int stamped = 0;
    qsizetype at = 0;
    while (at < head.size() && lines < 16) {
        qsizetype end = head.indexOf('\n', at);
        if (end < 0)
            break; // a cut last line decides nothing
        const QByteArrayView line = head.sliced(at, end - at);
        at = end + 1;
        if (isBlankLine(line))
            continue;
        ++lines;
        bool hasStamp = false;
        if (parseLine(line, QTimeZone::utc(), hasStamp))
            ++stamped;
    }
    if (stamped == 0 || stamped * 2 < lines)
        return false;
    // A line of this shape is any syslog with ISO stamps: the installer's own processes
    // make it install.log.
    for (const char *word : {"installd[", "system_installd[", "softwareupdated[", "Installer[", "installer[",
             "PackageKit", "package_script_service[", "install_monitor["}) {
        if (head.indexOf(word) >= 0)
            return true;
    }
    return false;
}

void InstallLogReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    ReceiptTracker receipts;
    Pending pending;
    auto flush = [&] {
        if (!pending.open)
            return;
        while (pending.message.endsWith(u'\n'))
            pending.message.chop(1);
        putText(pending.details, QStringLiteral("message"), pending.message);
        pending.event.details = pending.details;
        sink.addEvent(pending.event, sink.addRaw(pending.raw));
        pending.open = false;
    };

    QByteArrayView line;
    qint64 pos = 0;
    for (qint64 n = 0;; ++n) {
        if (n % TextLineCancelPoll == 0 && context.cancelled())
            return;
        const InputFile::LineStatus status = input.nextLine(line, pos);
        if (status == InputFile::LineStatus::End)
            break;
        if (status == InputFile::LineStatus::TooLong) {
            flush();
            sink.recordRead();
            sink.recordError(
                pos, Text::tr("install.log: line longer than %1 bytes, skipped").arg(InputFile::MaxLineLength));
            continue;
        }
        if (isBlankLine(line)) {
            // Kept inside a multi-line message; between records it is nothing.
            if (pending.open && pending.raw.size() + 1 + line.size() <= MaxRecordBytes) {
                pending.raw.append('\n');
                pending.raw.append(line);
                pending.message.append(u'\n');
            } else {
                sink.recordSkipped();
            }
            continue;
        }
        bool stamped = false;
        const std::optional<Line> l = parseLine(line, context.timeZone, stamped);
        if (!l) {
            if (stamped || isSyslogStamp(line)) {
                flush();
                sink.recordRead();
                sink.recordError(pos,
                    stamped ? Text::tr("install.log: unreadable line (expected 'HOST PROCESS[PID]: message' after "
                                       "the time)")
                            : Text::tr("install.log: line in the old syslog form without a year, not read"));
                continue;
            }
            // A further line of the message before it.
            if (!pending.open) {
                sink.recordRead();
                sink.recordError(pos, Text::tr("install.log: line without a time and no record before it"));
                continue;
            }
            if (pending.raw.size() + 1 + line.size() > MaxRecordBytes) {
                const Event base = pending.event;
                flush();
                pending.open = true;
                pending.event = base;
                pending.event.kind = EventKind::LogMessage;
                pending.event.targetPath.clear();
                pending.event.recordPos = pos;
                pending.details = QJsonObject();
                pending.details.insert(QStringLiteral("continuation"), true);
                pending.raw = line.toByteArray();
                pending.message = QString::fromUtf8(line);
                sink.recordRead();
                continue;
            }
            pending.raw.append('\n');
            pending.raw.append(line);
            pending.message.append(u'\n');
            pending.message.append(QString::fromUtf8(line));
            continue;
        }
        flush();
        sink.recordRead();
        pending.open = true;
        pending.raw = line.toByteArray();
        pending.message = l->message;
        pending.details = QJsonObject();
        Event &e = pending.event;
        e = baseEvent(context, EventKind::LogMessage, l->timeUs, pos);
        e.host = l->host.isEmpty() ? context.host : l->host;
        e.image = l->process;
        e.pid = l->pid;
        // One installer process at a time is tracked by pid; lines without one share -1.
        if (const auto installed = parseInstalled(l->message)) {
            e.kind = EventKind::PackageInstall;
            e.targetPath = installed->name;
            pending.details.insert(QStringLiteral("package"), installed->name);
            putText(pending.details, QStringLiteral("version"), installed->version);
            const QStringList ids = receipts.take(l->pid);
            if (!ids.isEmpty())
                pending.details.insert(QStringLiteral("package_identifiers"), QJsonArray::fromStringList(ids));
        } else if (isBeginInstall(l->message)) {
            receipts.begin(l->pid);
        } else if (const QString id = parseReceiptIdentifier(l->message); !id.isEmpty()) {
            receipts.add(l->pid, id);
            pending.details.insert(QStringLiteral("package_identifier"), id);
        }
    }
    if (!context.cancelled())
        flush();
}

} // namespace Chainscope
