#include "linuxformats.h"

#include "auditdreader.h"
#include "formatregistry.h"
#include "packagelogreader.h"

namespace Chainscope {

void addLinuxFormats(FormatRegistry &registry)
{
    registry.addFormat({LogFormat::Auditd, [] { return std::make_unique<AuditdReader>(); }, {}, {}});
    for (const LogFormat format : {LogFormat::DpkgLog, LogFormat::AptHistory, LogFormat::YumLog, LogFormat::DnfLog})
        registry.addFormat({format, [format] { return std::make_unique<PackageLogReader>(format); }, {}, {}});
    // An audit record is recognised by its own shape; package logs last, since their
    // lines are the least specific (a date and a few words).
    registry.addDetector(
        [](QByteArrayView head) { return AuditdReader::probe(head) ? LogFormat::Auditd : LogFormat::Unknown; });
    registry.addDetector(&PackageLogReader::probe);
}

} // namespace Chainscope
