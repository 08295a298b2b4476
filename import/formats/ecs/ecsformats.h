#pragma once

namespace Chainscope {

class FormatRegistry;

// Registers the Elastic Common Schema documents of all three platforms (Elastic Endpoint, Auditbeat, Winlogbeat).
void addEcsFormats(FormatRegistry &registry);

} // namespace Chainscope
