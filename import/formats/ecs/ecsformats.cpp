#include "ecsformats.h"

#include "formatregistry.h"

namespace Chainscope {

void addEcsFormats(FormatRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace Chainscope
