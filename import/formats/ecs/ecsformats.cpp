#include "ecsformats.h"

#include "ecsreader.h"
#include "formatregistry.h"

namespace Chainscope {

void addEcsFormats(FormatRegistry &registry)
{
    registry.addFormat({LogFormat::Ecs, [] { return std::make_unique<EcsReader>(); }, {}, {}});
    registry.addDetector(
        [](QByteArrayView head) { return EcsReader::probe(head) ? LogFormat::Ecs : LogFormat::Unknown; });
}

} // namespace Chainscope
