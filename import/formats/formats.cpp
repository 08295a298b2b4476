#include "formats.h"

#include "casestore.h"
#include "ecsformats.h"
#include "linuxformats.h"
#include "macosformats.h"
#include "windowsformats.h"

namespace Chainscope {

const FormatRegistry &builtinFormats()
{
    // Built once, on first use (thread-safe), and read-only afterwards, so import
    // threads share it. Windows first: its binary signature is the most specific
    // test, and an exported-XML file must not be mistaken for a text log.
    static const FormatRegistry registry = [] {
        FormatRegistry r;
        addWindowsFormats(r);
        // JSON documents next: an ECS document or a unified-log export would otherwise
        // look like nothing else, but ECS names its schema and must be asked first.
        addEcsFormats(r);
        addMacosFormats(r);
        addLinuxFormats(r);
        return r;
    }();
    return registry;
}

std::optional<QString> renderedRaw(CaseStore &store, qint64 eventId, const QByteArray &raw)
{
    const std::optional<Event> event = store.event(eventId);
    if (!event)
        return std::nullopt;
    const std::optional<SourceInfo> source = store.source(event->sourceId);
    if (!source)
        return std::nullopt;
    return builtinFormats().renderRaw(source->format, raw, event->recordPos);
}

} // namespace Chainscope
