#pragma once

#include "formatregistry.h"

namespace Chainscope {

// Every format Chainscope reads: the Windows formats and the Linux formats, each
// registered by its own room. Front ends pass this to importFile() and ask it to
// render stored records; they never include a reader.
const FormatRegistry &builtinFormats();

class CaseStore;

// The stored record `raw` of event `eventId` as its format renders it (the event's XML
// from an EVTX chunk), or nothing when it is text to show as stored.
std::optional<QString> renderedRaw(CaseStore &store, qint64 eventId, const QByteArray &raw);

} // namespace Chainscope
