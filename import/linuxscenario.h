#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Chainscope {

// Writes the Linux demo evidence: audit.log, dpkg.log and apt history.log exactly as
// auditd, dpkg and apt write them, for one host that lived through three stories:
//  (a) a malicious .deb whose postinst drops /usr/local/bin/<tool>; its first run
//      pipes curl into sh and connects to an unlisted IPv4 host;
//  (b) an ordinary apt upgrade from approved repositories whose new binaries run and
//      reach only approved hosts;
//  (c) a near miss: like (a), but the egress comes three hours after the install.
// Deterministic for a given seed. `noiseEvents` adds that many benign audit events
// (logins, cron, ordinary execs and connects) around the stories, for benchmarks.
struct LinuxScenarioOptions
{
    quint64 seed = 1;
    QString host = QStringLiteral("build-07");
    QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    qint64 noiseEvents = 0;
};

struct LinuxScenarioResult
{
    QStringList files; // absolute paths of the files written
    QString error; // empty on success
};

LinuxScenarioResult writeLinuxScenario(const QString &directory, const LinuxScenarioOptions &options);

} // namespace Chainscope
