#pragma once

#include "jsonrecordstream.h"
#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// macOS unified log exports: `log show --style ndjson` (one JSON object per line) and
// `log show --style json` (one array of objects, pretty-printed), read one object at a
// time (JsonRecordStream). The raw record is the entry's JSON as exported: every field
// the mapping does not name (traceID, machTimestamp, formatString, backtrace, …) stays
// there.
//
// Every entry becomes one event at its `timestamp`, with pid and image of the logging
// process (`processID`, `processImagePath`) [message, subsystem, category, sender,
// event_type, message_type]. A log_message unless the message says more:
//  - installd / system_installd / softwareupdated / Installer / PackageKit:
//    'Installed "Name" (version)' is a package_install with the name in targetPath
//    [version, package_identifiers: from the 'Writing receipt for …' lines the same
//    process logged since its '----- Begin install -----'];
//  - Gatekeeper, syspolicyd, amfid and AMFI (com.apple.syspolicy*, kernel "AMFI:",
//    AppleMobileFileIntegrity): a verdict against code (not valid, rejected, denied,
//    unsigned, ad-hoc, not notarized, revoked, malware …) is a signature_fault with the
//    path and Team ID the message names; when it names the judged process ("process:
//    1234"), pid and image are that process's and the reporter goes to the details
//    [reporter, reporter_pid];
//  - mDNSResponder: a query start ("getaddrinfo start", "DNSServiceQueryRecord START",
//    "DNSServiceGetAddrInfo START") whose name is not masked is a dns_query with the
//    querying client's pid and name [query_type];
//  - com.apple.network: a connection to a named endpoint ("create connection to
//    host:443", "[C12 host:443 tcp, …] start") is a net_connect, once per connection id
//    and process; a masked endpoint ("Hostname#1a2b3c4d:443", "<private>") is not.
class UnifiedLogReader final : public Reader
{
public:
    explicit UnifiedLogReader(qsizetype maxObjectBytes = JsonRecordStream::DefaultMaxObjectBytes);
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

private:
    qsizetype m_maxObjectBytes;
};

} // namespace Chainscope
