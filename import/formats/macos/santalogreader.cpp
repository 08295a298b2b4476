#include "santalogreader.h"

#include "inputfile.h"
#include "macosparsing.h"
#include "textscan.h"

#include <QCoreApplication>
#include <QList>

namespace Chainscope {

using namespace Macos;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::SantaLogReader)
};

constexpr int MaxFields = 64;

struct SantaLine
{
    qint64 timeUs = 0;
    QString level;
    QString message; // the text after "] I ", when it is not santad's fields
    QList<std::pair<QString, QString>> fields;

    QString value(QStringView key) const
    {
        for (const auto &[k, v] : fields) {
            if (k == key)
                return v;
        }
        return QString();
    }
    bool has(QStringView key) const
    {
        for (const auto &f : fields) {
            if (f.first == key)
                return true;
        }
        return false;
    }
};

bool isKey(QStringView piece, qsizetype &eq)
{
    eq = piece.indexOf(u'=');
    if (eq <= 0)
        return false;
    for (const QChar c : piece.left(eq)) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

// "[STAMP] L santad: fields" or "[STAMP] text". Nothing when the line has no stamp.
std::optional<SantaLine> parseLine(QByteArrayView line)
{
    if (line.size() < 3 || line[0] != '[')
        return std::nullopt;
    const qsizetype close = line.indexOf(']');
    if (close < 0)
        return std::nullopt;
    const std::optional<qint64> timeUs = parseWholeStamp(line.sliced(1, close - 1), QTimeZone::utc());
    if (!timeUs)
        return std::nullopt;
    SantaLine s;
    s.timeUs = *timeUs;
    const QString rest = QString::fromUtf8(line.sliced(close + 1)).trimmed();
    // "I santad: …": a level letter, the daemon's name and the fields.
    static constexpr QStringView Daemon = u" santad: ";
    const qsizetype daemon = rest.indexOf(Daemon);
    if (daemon < 1 || daemon > 2) {
        s.message = rest;
        return s;
    }
    s.level = rest.left(daemon);
    const QStringView body = QStringView(rest).mid(daemon + Daemon.size());
    qsizetype eq = 0;
    for (const QStringView piece : body.split(u'|')) {
        if (isKey(piece, eq) && s.fields.size() < MaxFields) {
            s.fields.append({piece.left(eq).toString(), piece.mid(eq + 1).toString()});
        } else if (!s.fields.isEmpty()) {
            s.fields.last().second += u'|' + piece.toString();
        } else {
            s.message = body.toString();
            break;
        }
    }
    return s;
}

bool isIdentityReason(const QString &reason)
{
    static const QStringList Reasons = {QStringLiteral("UNKNOWN"), QStringLiteral("BINARY"), QStringLiteral("CERT"),
        QStringLiteral("TEAMID"), QStringLiteral("SIGNINGID"), QStringLiteral("CDHASH")};
    return Reasons.contains(reason) || reason.contains(QLatin1String("SIGN"))
        || reason.contains(QLatin1String("INVALID"));
}

qint64 number(const QString &text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

bool SantaLogReader::probe(QByteArrayView head)
{
    int lines = 0;
    int santa = 0;
    qsizetype at = 0;
    while (at < head.size() && lines < 16) {
        qsizetype end = head.indexOf('\n', at);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(at, end - at).trimmed();
        at = end + 1;
        if (line.isEmpty())
            continue;
        ++lines;
        const auto s = parseLine(line);
        if (s && s->has(u"action"))
            ++santa;
    }
    return santa > 0 && santa * 2 >= lines;
}

void SantaLogReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    const QString tooLong = Text::tr("Santa log: line longer than %1 bytes, skipped").arg(InputFile::MaxLineLength);
    forEachTextLine(input, context, sink, tooLong, [&](QByteArrayView line, qint64 pos) {
        const std::optional<SantaLine> s = parseLine(line);
        if (!s) {
            sink.recordError(pos, Text::tr("Santa log: not a Santa log line (expected '[time] L santad: …')"));
            return;
        }
        const qint64 rawId = sink.addRaw(line.toByteArray());
        const QString action = s->value(u"action");
        Event e = baseEvent(context, EventKind::LogMessage, s->timeUs, pos);
        e.pid = number(s->value(u"pid"));
        e.ppid = number(s->value(u"ppid"));
        e.user = s->value(u"user");
        QJsonObject d;
        putText(d, QStringLiteral("action"), action);
        if (action == u"EXEC") {
            e.kind = EventKind::ProcessStart;
            e.image = s->value(u"path");
            e.commandLine = s->value(u"args");
            e.signer = s->value(u"cert_cn");
            const QString sha256 = s->value(u"sha256");
            if (!sha256.isEmpty())
                e.hashes = QStringLiteral("SHA256=") + sha256.toLower();
            e.teamId = s->value(u"teamid");
            if (e.teamId.isEmpty())
                e.teamId = teamIdFromCommonName(e.signer);
            if (!s->has(u"cert_sha256") && !s->has(u"cert_cn"))
                e.signatureStatus = QStringLiteral("Unsigned");
            for (const char *key : {"decision", "reason", "explain", "cert_sha256", "signingid", "mode", "uid", "gid",
                     "group", "pidversion", "quarantine_url", "machineid"}) {
                const QString name = QString::fromLatin1(key);
                putText(d, name == u"signingid" ? QStringLiteral("signing_id") : name, s->value(name));
            }
            const QString decision = s->value(u"decision");
            const bool blocked = decision == u"DENY" || decision == u"BLOCK";
            if (blocked) {
                // A blocked binary never ran: no process start (the correlator would take
                // it for a first run). A block for the code's identity is a signature
                // fault; any other (a rule on the path, the transitive rules, …) is shown
                // as a message. The decision and the reason stay in the details.
                d.insert(QStringLiteral("blocked"), true);
                if (isIdentityReason(s->value(u"reason"))) {
                    e.kind = EventKind::SignatureFault;
                    e.targetPath = e.image;
                    e.commandLine.clear();
                } else {
                    e.kind = EventKind::LogMessage;
                }
            }
            e.details = d;
            sink.addEvent(e, rawId);
            return;
        }
        if (action == u"WRITE" || action == u"RENAME" || action == u"DELETE") {
            e.kind = action == u"WRITE" ? EventKind::FileWrite
                : action == u"RENAME"   ? EventKind::FileRename
                                        : EventKind::FileDelete;
            e.image = s->value(u"processpath");
            if (e.image == u"(null)")
                e.image.clear();
            putText(d, QStringLiteral("process"), s->value(u"process"));
            if (e.kind == EventKind::FileRename) {
                e.targetPath = s->value(u"newpath");
                putText(d, QStringLiteral("old_path"), s->value(u"path"));
            } else {
                e.targetPath = s->value(u"path");
            }
            for (const char *key : {"uid", "gid", "group", "pidversion"})
                putText(d, QString::fromLatin1(key), s->value(QString::fromLatin1(key)));
            if (e.targetPath.isEmpty())
                e.kind = EventKind::LogMessage;
            e.details = d;
            sink.addEvent(e, rawId);
            return;
        }
        // Everything else is shown with its fields.
        putText(d, QStringLiteral("message"), s->message);
        putText(d, QStringLiteral("level"), s->level);
        for (const auto &[key, value] : s->fields) {
            if (!d.contains(key))
                putText(d, key, value);
        }
        e.details = d;
        sink.addEvent(e, rawId);
    });
}

} // namespace Chainscope
