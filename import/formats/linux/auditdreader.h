#pragma once

#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// Raw Linux audit logs (auditd's audit.log), as auditd writes them with any
// log_format (RAW or ENRICHED) and name_format (node= prefix or none).
//
// Records are grouped into events by their msg=audit(TIME:SERIAL) stamp and node,
// also when the lines of neighbouring events interleave or arrive out of order: a
// window of pending events is kept and an event is emitted once enough records and
// enough audit time have passed since its last record (or at the end). Events leave
// the window in (time, serial) order, which is also the order in which gaps in a
// host's serial sequence (lost events) are detected. Memory is bounded in bytes: lines
// longer than 64 KiB are rejected as they stream past, and past a cap on the bytes
// held for pending events the oldest one leaves the window early.
//
// Each event becomes one Chainscope::Event (see auditdreader.cpp for the mapping of
// syscalls to event kinds); its raw record is the event's lines as they were in the
// file, joined with '\n'.
class AuditdReader final : public Reader
{
public:
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;
};

} // namespace Chainscope
