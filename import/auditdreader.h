#pragma once

#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// Raw Linux audit logs (auditd's audit.log), as auditd writes them with any
// log_format (RAW or ENRICHED) and name_format (node= prefix or none).
class AuditdReader final : public Reader
{
public:
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;
};

} // namespace Chainscope
