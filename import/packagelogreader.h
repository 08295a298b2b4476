#pragma once

#include "formats.h"
#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// Package-manager logs: dpkg.log, apt history.log, yum.log, dnf.rpm.log / dnf.log.
// Each installed, upgraded or removed package becomes one package_install event.
class PackageLogReader final : public Reader
{
public:
    explicit PackageLogReader(LogFormat format);
    // Which package log the head of a file is, or LogFormat::Unknown.
    static LogFormat probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

private:
    LogFormat m_format;
};

} // namespace Chainscope
