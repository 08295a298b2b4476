#include "eventjson.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Chainscope {

namespace {
QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QJsonValue orNull(qint64 n)
{
    return n < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(n);
}
} // namespace

QJsonObject eventToJson(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("time"), formatTimeUs(e.timeUs));
    o.insert(QStringLiteral("time_us"), e.timeUs);
    o.insert(QStringLiteral("host"), orNull(e.host));
    o.insert(QStringLiteral("platform"), platformName(e.platform));
    o.insert(QStringLiteral("kind"), kindName(e.kind));
    o.insert(QStringLiteral("process_key"), orNull(e.processKey));
    o.insert(QStringLiteral("pid"), orNull(e.pid));
    o.insert(QStringLiteral("ppid"), orNull(e.ppid));
    o.insert(QStringLiteral("image"), orNull(e.image));
    o.insert(QStringLiteral("command_line"), orNull(e.commandLine));
    o.insert(QStringLiteral("user"), orNull(e.user));
    o.insert(QStringLiteral("target_path"), orNull(e.targetPath));
    o.insert(QStringLiteral("hashes"), orNull(e.hashes));
    o.insert(QStringLiteral("signer"), orNull(e.signer));
    o.insert(QStringLiteral("signature_status"), orNull(e.signatureStatus));
    o.insert(QStringLiteral("team_id"), orNull(e.teamId));
    o.insert(QStringLiteral("dst_ip"), orNull(e.dstIp));
    o.insert(QStringLiteral("dst_port"), orNull(qint64(e.dstPort)));
    o.insert(QStringLiteral("dst_host"), orNull(e.dstHost));
    o.insert(QStringLiteral("source_id"), e.sourceId);
    o.insert(QStringLiteral("record_pos"), orNull(e.recordPos));
    o.insert(QStringLiteral("details"), detailsToJson(e));
    return o;
}

QJsonObject detailsToJson(const Event &e)
{
    // The typed facts are printed where readers wrote them before they had fields of
    // their own (case format 6): the CLI's output keeps its shape.
    QJsonObject d = e.details;
    if (e.forked)
        d.insert(QStringLiteral("via"), QStringLiteral("fork"));
    if (!e.addressFamily.isEmpty())
        d.insert(QStringLiteral("family"), e.addressFamily);
    if (!e.dnsAnswers.isEmpty())
        d.insert(QStringLiteral("answers"), QJsonArray::fromStringList(e.dnsAnswers));
    if (!e.parentProcessKey.isEmpty())
        d.insert(QStringLiteral("parent_guid"), e.parentProcessKey);
    if (!e.parentImage.isEmpty())
        d.insert(QStringLiteral("parent_image"), e.parentImage);
    if (!e.parentCommandLine.isEmpty())
        d.insert(QStringLiteral("parent_command_line"), e.parentCommandLine);
    return d;
}

void insertGaps(QJsonObject &o, const SerialGaps &g)
{
    o.insert(QStringLiteral("gaps"), g.missing);
    o.insert(QStringLiteral("gap_ranges"), QJsonArray::fromStringList(g.rangeStrings()));
    o.insert(QStringLiteral("gap_range_count"), g.rangeCount);
    o.insert(QStringLiteral("gap_ranges_cut"), g.cut());
}

QJsonObject sourceToJson(const SourceInfo &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("path"), s.path);
    o.insert(QStringLiteral("format"), orNull(s.format));
    o.insert(QStringLiteral("sha256"), orNull(s.sha256));
    o.insert(QStringLiteral("size"), orNull(s.size));
    o.insert(QStringLiteral("host"), orNull(s.host));
    o.insert(QStringLiteral("time_zone"), s.timeZone);
    o.insert(QStringLiteral("records"), s.counts.recordsRead);
    o.insert(QStringLiteral("events"), s.counts.eventsStored);
    o.insert(QStringLiteral("errors"), s.counts.recordsFailed);
    o.insert(QStringLiteral("skipped"), s.counts.recordsSkipped);
    insertGaps(o, s.counts.gaps);
    o.insert(QStringLiteral("status"), sourceStatusName(s.status));
    o.insert(QStringLiteral("error"), orNull(s.error));
    o.insert(QStringLiteral("import_started"), s.importStarted.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("import_finished"), orNull(s.importFinished.toString(Qt::ISODateWithMs)));
    // A member of an archive read in place (issue 13); null for a file read from disk.
    o.insert(QStringLiteral("archive_path"), orNull(s.archivePath));
    o.insert(QStringLiteral("archive_sha256"), orNull(s.archiveSha256));
    o.insert(QStringLiteral("member_path"), orNull(s.memberPath));
    return o;
}

} // namespace Chainscope
