#include "packagelogreader.h"

#include "inputfile.h"

namespace Chainscope {

PackageLogReader::PackageLogReader(LogFormat format)
    : m_format(format)
{
}

LogFormat PackageLogReader::probe(QByteArrayView head)
{
    Q_UNUSED(head)
    return LogFormat::Unknown;
}

void PackageLogReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    Q_UNUSED(context)
    QByteArrayView line;
    qint64 pos = 0;
    while (input.nextLine(line, pos) != InputFile::LineStatus::End)
        sink.recordRead();
}

} // namespace Chainscope
