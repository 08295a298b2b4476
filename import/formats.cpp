#include "formats.h"

#include "auditdreader.h"
#include "evtxreader.h"
#include "packagelogreader.h"
#include "wevtxmlreader.h"
#include "windowsnormalizer.h"

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

LogFormat detectFormat(QByteArrayView head)
{
    if (head.startsWith(QByteArrayView("ElfFile\0", 8)))
        return LogFormat::Evtx;
    if (WinXmlReader::probe(head))
        return LogFormat::WinEventXml;
    if (AuditdReader::probe(head))
        return LogFormat::Auditd;
    return PackageLogReader::probe(head);
}

std::unique_ptr<Reader> createReader(LogFormat format)
{
    switch (format) {
    case LogFormat::Auditd:
        return std::make_unique<AuditdReader>();
    case LogFormat::DpkgLog:
    case LogFormat::AptHistory:
    case LogFormat::YumLog:
    case LogFormat::DnfLog:
        return std::make_unique<PackageLogReader>(format);
    case LogFormat::Evtx:
        return std::make_unique<EvtxReader>(&normalizeWindowsEvent);
    case LogFormat::WinEventXml:
        return std::make_unique<WinXmlReader>();
    case LogFormat::Unknown:
        break;
    }
    return nullptr;
}

} // namespace Chainscope
