#pragma once

namespace Chainscope {

class FormatRegistry;

// Registers the Windows formats: EVTX (with the rendering of its stored chunks as
// event XML) and exported event XML, detected in that order.
void addWindowsFormats(FormatRegistry &registry);

} // namespace Chainscope
