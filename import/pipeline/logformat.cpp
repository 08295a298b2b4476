#include "logformat.h"

namespace Chainscope {

QString formatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Auditd:
        return QStringLiteral("auditd");
    case LogFormat::DpkgLog:
        return QStringLiteral("dpkg");
    case LogFormat::AptHistory:
        return QStringLiteral("apt-history");
    case LogFormat::YumLog:
        return QStringLiteral("yum");
    case LogFormat::DnfLog:
        return QStringLiteral("dnf");
    case LogFormat::Evtx:
        return QStringLiteral("evtx");
    case LogFormat::WinEventXml:
        return QStringLiteral("windows-xml");
    case LogFormat::UnifiedLogJson:
        return QStringLiteral("unified-log");
    case LogFormat::EsLogger:
        return QStringLiteral("eslogger");
    case LogFormat::MacInstallLog:
        return QStringLiteral("install-log");
    case LogFormat::InstallHistory:
        return QStringLiteral("install-history");
    case LogFormat::SantaLog:
        return QStringLiteral("santa");
    case LogFormat::TraceV3:
        return QStringLiteral("tracev3");
    case LogFormat::Ecs:
        return QStringLiteral("ecs");
    case LogFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString formatDescription(LogFormat format)
{
    switch (format) {
    case LogFormat::Auditd:
        return QStringLiteral("auditd");
    case LogFormat::DpkgLog:
        return QStringLiteral("dpkg");
    case LogFormat::AptHistory:
        return QStringLiteral("apt history");
    case LogFormat::YumLog:
        return QStringLiteral("yum");
    case LogFormat::DnfLog:
        return QStringLiteral("dnf");
    case LogFormat::Evtx:
        return QStringLiteral("EVTX (Windows event log)");
    case LogFormat::WinEventXml:
        return QStringLiteral("Windows XML (exported events)");
    case LogFormat::UnifiedLogJson:
        return QStringLiteral("macOS unified log (log show --style ndjson/json)");
    case LogFormat::EsLogger:
        return QStringLiteral("eslogger (macOS Endpoint Security JSON)");
    case LogFormat::MacInstallLog:
        return QStringLiteral("macOS install.log");
    case LogFormat::InstallHistory:
        return QStringLiteral("InstallHistory.plist");
    case LogFormat::SantaLog:
        return QStringLiteral("Santa log");
    case LogFormat::TraceV3:
        return QStringLiteral("macOS unified log .tracev3 (export it with `log show --style ndjson` first)");
    case LogFormat::Ecs:
        return QStringLiteral("ECS JSON (Elastic Endpoint, Auditbeat, Winlogbeat)");
    case LogFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace Chainscope
