#pragma once

#include "reader.h"
#include "winevent.h"

#include <QByteArrayView>
#include <QString>

namespace Chainscope {

// Windows events exported as XML: `wevtutil qe <log> /f:xml` (<Event> elements one
// after the other, no root), `wevtutil qe … /e:Events` (wrapped in <Events>), and
// PowerShell `Get-WinEvent | % { $_.ToXml() }`. UTF-8, or UTF-16 as PowerShell's `>`
// redirection writes it. Each <Event> becomes a WinEventRecord and goes through the
// same normalizer as EVTX records, so an export and its .evtx yield the same events.
class WinXmlReader : public Reader
{
public:
    // An <Event> larger than this is not an event any exporter writes; it is skipped
    // and reported, which also bounds the memory one event can take.
    static constexpr qsizetype MaxEventSize = 1024 * 1024;

    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

    // Whether `head` (decoded content) starts, after an optional BOM, XML declaration
    // and whitespace, with an <Event> in the Windows event namespace or an <Events> root.
    static bool probe(QByteArrayView head);
};

// Parses one <Event>…</Event> element into `out` (which is cleared first), naming
// EventData and UserData fields as the EVTX decoder does. False, with a message in
// `error`, when the text is not well-formed XML or not an <Event>.
bool parseWinEventXml(const QString &xml, WinEventRecord &out, QString *error = nullptr);

} // namespace Chainscope
