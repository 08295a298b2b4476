#pragma once

#include "casestore.h"
#include "event.h"

#include <QJsonObject>

namespace Chainscope {

// The JSON shapes of the CLI contract. Every key is always present (null when the
// log did not carry the value) so consumers can rely on the shape.
QJsonObject eventToJson(const Event &event);
// An event's "details": its free-form facts, and the typed ones under the keys the
// readers used for them before case format 6 ("via": "fork", "family", "answers",
// "parent_guid", "parent_image", "parent_command_line").
QJsonObject detailsToJson(const Event &event);
QJsonObject sourceToJson(const SourceInfo &source);
// The gap keys shared by `import --json` and `sources --json` (issue 11, finding 12):
// gaps (missing sequence numbers), gap_ranges (["first-last", …], the first
// SerialGaps::MaxRangesKept), gap_range_count (all holes) and gap_ranges_cut.
void insertGaps(QJsonObject &object, const SerialGaps &gaps);

} // namespace Chainscope
