#pragma once

#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// Google Santa's log (santad, /var/db/santa/santa.log):
//   [2018-08-19T03:10:45.966Z] I santad: action=EXEC|decision=ALLOW|reason=CERT|sha256=…|
//     cert_sha256=…|cert_cn=Software Signing|pid=479|ppid=1|uid=0|user=root|…|path=…|args=…
// Fields are key=value separated by '|'; a piece without "key=" belongs to the value
// before it (a '|' inside a path or an argument).
//
//  - EXEC: process_start of `path` with pid, ppid, user and args as the command line;
//    signer = cert_cn, hashes "SHA256=<sha256>", teamId = teamid, else the Team ID at the
//    end of a Developer ID certificate's name; signatureStatus "Unsigned" when no
//    certificate is logged for the binary [decision, reason, explain, cert_sha256,
//    signing_id, mode, uid, gid, group, pidversion, quarantine_url]. A DENY or BLOCK
//    decision is marked [blocked] and, when its reason is about the code's identity
//    (UNKNOWN, BINARY, CERT, TEAMID, SIGNINGID, CDHASH, or a signature reason), adds a
//    signature_fault for the binary from the same record.
//  - WRITE, RENAME, DELETE: file_write, file_rename (targetPath = newpath, old path in
//    [old_path]), file_delete of `path`, by `processpath` (image) and pid [process].
//  - anything else (DISKAPPEAR, DISKDISAPPEAR, LINK, ALLOWLIST, lines without fields
//    such as "*** LOG MESSAGE QUOTA EXCEEDED ***"): log_message with its fields.
class SantaLogReader final : public Reader
{
public:
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;
};

} // namespace Chainscope
