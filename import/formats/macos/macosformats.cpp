#include "macosformats.h"

#include "esloggerreader.h"
#include "formatregistry.h"
#include "installhistoryreader.h"
#include "installlogreader.h"
#include "santalogreader.h"
#include "unifiedlogreader.h"

#include <QtEndian>

namespace Chainscope {

namespace {

// A .tracev3 file starts with its header chunk: a chunk preamble of tag 0x1000, sub-tag
// 0x11 and data size 0xd0 (little-endian 32, 32 and 64 bits), and within the data the
// first sub-chunk, tag 0x6100 (mach continuous time), at file offset 56 (libyal's
// dtformats documentation of the Apple Unified Logging formats).
bool isTraceV3(QByteArrayView head)
{
    if (head.size() < 16)
        return false;
    const auto u32 = [&](qsizetype at) {
        return qFromLittleEndian<quint32>(head.data() + at);
    };
    if (u32(0) != 0x1000 || u32(4) != 0x11 || qFromLittleEndian<quint64>(head.data() + 8) != 0xd0)
        return false;
    return head.size() < 60 || u32(56) == 0x6100;
}

} // namespace

void addMacosFormats(FormatRegistry &registry)
{
    registry.addFormat({LogFormat::UnifiedLogJson, [] { return std::make_unique<UnifiedLogReader>(); }, {}, {}});
    registry.addFormat({LogFormat::EsLogger, [] { return std::make_unique<EsloggerReader>(); }, {}, {}});
    registry.addFormat({LogFormat::MacInstallLog, [] { return std::make_unique<InstallLogReader>(); }, {}, {}});
    registry.addFormat({LogFormat::InstallHistory, [] { return std::make_unique<InstallHistoryReader>(); }, {}, {}});
    registry.addFormat({LogFormat::SantaLog, [] { return std::make_unique<SantaLogReader>(); }, {}, {}});
    // Recognised only: a .tracev3 needs its uuidtext and dsc companions and Apple's own
    // reader to become messages.
    registry.addFormat({LogFormat::TraceV3, {}, {},
        QStringLiteral("a raw unified log file (.tracev3); export it with `log show --style ndjson` (or collect it "
                       "with a tool that does) first")});

    // Each detector asks for its format's own keys or shape, so their order does not
    // matter; the binary one is cheapest and goes first.
    registry.addDetector([](QByteArrayView head) { return isTraceV3(head) ? LogFormat::TraceV3 : LogFormat::Unknown; });
    registry.addDetector([](QByteArrayView head) {
        return InstallHistoryReader::probe(head) ? LogFormat::InstallHistory : LogFormat::Unknown;
    });
    registry.addDetector(
        [](QByteArrayView head) { return EsloggerReader::probe(head) ? LogFormat::EsLogger : LogFormat::Unknown; });
    registry.addDetector([](QByteArrayView head) {
        return UnifiedLogReader::probe(head) ? LogFormat::UnifiedLogJson : LogFormat::Unknown;
    });
    registry.addDetector(
        [](QByteArrayView head) { return SantaLogReader::probe(head) ? LogFormat::SantaLog : LogFormat::Unknown; });
    registry.addDetector([](QByteArrayView head) {
        return InstallLogReader::probe(head) ? LogFormat::MacInstallLog : LogFormat::Unknown;
    });
}

} // namespace Chainscope
