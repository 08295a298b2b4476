#pragma once

#include "jsonrecordstream.h"
#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// Endpoint Security events as JSON lines, as `eslogger` (macOS 13+) prints es_message_t:
// {"event_type": 9, "event": {"exec": {…}}, "process": {…}, "time": "…Z", "seq_num": …,
// "global_seq_num": …}. One line is one raw record; `time` is the event's time.
//
// Process identity: processKey "<pid>.<pidversion>" of an es_process_t's audit_token,
// parentProcessKey the same of its parent_audit_token (macOS 13 and later), and the
// responsible process in the details [responsible, responsible_pid]. ppid is the
// process's `ppid`.
//
// Mapping by the key under "event":
//  - exec: process_start of event.exec.target: its pid, key, image and parent; commandLine
//    from `args` (arguments with blanks in double quotes); parentImage is the image that
//    called exec (the process before it, which a fork made from its parent)
//    [cwd, script];
//  - fork: process_start with forked=true of event.fork.child, whose parent is the
//    process that forked;
//  - exit: process_exit [exit_status];
//  - create, write, close (modified only), rename, unlink: file_write, file_write,
//    file_write, file_rename, file_delete with the file in targetPath [action; rename:
//    old_path]. A close without modification is a log_message;
//  - mmap of a file mapped executable (PROT_EXEC): module_load of it [protection];
//  - any other event: log_message [event].
// Process starts carry the started image's signing: teamId (team_id), hashes
// "CDHASH=<hex>", signatureStatus from codesigning_flags (Macos::signatureStatus:
// Valid, Ad-hoc, Invalid, or Unsigned for a process without a signature at all)
// [signing_id, codesigning_flags, cs_flags, hardened_runtime, platform_binary]. Every
// event keeps [event, event_type, seq_num, global_seq_num]; the acting process's
// signing_id and team_id go to the details of the other events.
class EsloggerReader final : public Reader
{
public:
    explicit EsloggerReader(qsizetype maxObjectBytes = JsonRecordStream::DefaultMaxObjectBytes);
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

private:
    qsizetype m_maxObjectBytes;
};

} // namespace Chainscope
