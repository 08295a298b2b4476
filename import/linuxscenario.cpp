#include "linuxscenario.h"

namespace Chainscope {

LinuxScenarioResult writeLinuxScenario(const QString &directory, const LinuxScenarioOptions &options)
{
    Q_UNUSED(directory)
    Q_UNUSED(options)
    return {{}, QStringLiteral("not implemented yet")};
}

} // namespace Chainscope
