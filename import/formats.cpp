#include "formats.h"

#include "auditdreader.h"
#include "evtxreader.h"
#include "packagelogreader.h"
#include "wevtxmlreader.h"
#include "windowsnormalizer.h"

#include <QStringList>

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

QString readableFormatsText()
{
    // LogFormat's values are consecutive; the first without a reader ends the list.
    QStringList names;
    for (int f = int(LogFormat::Unknown) + 1; createReader(LogFormat(f)); ++f)
        names << formatDescription(LogFormat(f));
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

namespace {

// Issue 11, finding 4: one flipped bit in "ElfFile\0" must not turn a log whose chunks
// are intact into "not a log". Chunks lie at 4096 + k × 65536; those within `head`
// are looked at, and one carrying its own signature makes the file EVTX. The reader
// then reads chunk by chunk and reports the damaged header as one error.
bool hasEvtxChunks(QByteArrayView head)
{
    constexpr qsizetype FileHeaderSize = 4096, ChunkSize = 65536;
    for (qsizetype at = FileHeaderSize; at + 8 <= head.size(); at += ChunkSize) {
        if (head.sliced(at, 8) == QByteArrayView("ElfChnk\0", 8))
            return true;
    }
    return false;
}

} // namespace

LogFormat detectFormat(QByteArrayView head)
{
    if (head.startsWith(QByteArrayView("ElfFile\0", 8)) || hasEvtxChunks(head))
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
