#pragma once

#include "casestore.h"
#include "event.h"

#include <QJsonObject>

namespace Chainscope {

// The JSON shapes of the CLI contract. Every key is always present (null when the
// log did not carry the value) so consumers can rely on the shape.
QJsonObject eventToJson(const Event &event);
QJsonObject sourceToJson(const SourceInfo &source);

} // namespace Chainscope
