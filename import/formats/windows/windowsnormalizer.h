#pragma once

#include "event.h"
#include "winevent.h"

#include <QList>

namespace Chainscope {

// Turns one Windows event (from an EVTX file or an XML export) into normalized
// events: Sysmon process, file, image-load, network and DNS events; Security 4688,
// 4689 and 5156; MsiInstaller transactions and installs; service installs (7045);
// Windows Update (19/43/44); CodeIntegrity signature failures. Every record yields at
// least one event: records of no interest to the chain become log messages that
// keep provider and event id, so the case still accounts for every record.
//
// Stateless and cheap: it runs on the decoding threads, once per record.
void normalizeWindowsEvent(const WinEventRecord &record, QList<Event> &out);

// Sysmon 22 QueryResults ("type:  5 cdn.example;::ffff:192.0.2.1;192.0.2.2;") as
// the list of addresses it holds.
QStringList parseDnsAnswers(const QString &queryResults);

} // namespace Chainscope
