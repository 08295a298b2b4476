#pragma once

#include "correlator.h"

#include <QString>

namespace Chainscope {

class CaseIndex;
class Policy;

// A chain's stages on a time axis, as an SVG document the report embeds (HTML) or
// paints (PDF): one lane per stage, a marker per evidence item (flagged ones red
// with a "!", approved ones green), the policy's time window as a band from the
// install, and the nearest miss of a missing stage after a broken axis with its gap
// ("egress +3 h 02 min; window 90m"). Built as text here, in the headless room, so
// that the same case gives the same bytes: no clock, no locale, no hash order.
// Every string taken from a log is escaped.
QString timelineSvg(const Chain &chain, const CaseIndex &index, const Policy &policy);

// "+3 h 02 min", "+45 s", "+2 d 04 h": a gap as analysts read it.
QString formatGap(qint64 us);

// XML text: & < > " ' as entities, control characters and bidi overrides shown as
// escapes (showControlCharacters), so that a log can neither break the document nor
// make a label read backwards.
QString svgEscape(const QString &text);

} // namespace Chainscope
