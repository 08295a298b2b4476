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
    case LogFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace Chainscope
