#include "macosformats.h"

#include "formatregistry.h"

namespace Chainscope {

void addMacosFormats(FormatRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace Chainscope
