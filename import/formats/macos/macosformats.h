#pragma once

namespace Chainscope {

class FormatRegistry;

// Registers the macOS formats: unified log exports, eslogger, install.log, InstallHistory.plist, Santa's log, and
// .tracev3 files (recognised, to say how to export them).
void addMacosFormats(FormatRegistry &registry);

} // namespace Chainscope
