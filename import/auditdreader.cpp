#include "auditdreader.h"

#include "inputfile.h"

namespace Chainscope {

bool AuditdReader::probe(QByteArrayView head)
{
    return head.startsWith("type=") || head.startsWith("node=");
}

void AuditdReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    Q_UNUSED(context)
    QByteArrayView line;
    qint64 pos = 0;
    while (input.nextLine(line, pos) != InputFile::LineStatus::End)
        sink.recordRead();
}

} // namespace Chainscope
