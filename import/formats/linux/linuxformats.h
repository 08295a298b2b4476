#pragma once

namespace Chainscope {

class FormatRegistry;

// Registers the Linux formats: auditd, then the package logs (dpkg, apt history, yum,
// dnf), detected in that order.
void addLinuxFormats(FormatRegistry &registry);

} // namespace Chainscope
