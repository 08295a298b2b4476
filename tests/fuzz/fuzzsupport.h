#pragma once

// What the line-based reader harnesses share: a sink that keeps what a reader
// delivers, and a way to hand fuzz input to InputFile, which reads files only (the
// importer never reads evidence from memory, so neither does the harness).
#include "inputfile.h"
#include "reader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Chainscope::Fuzz {

class KeepingSink final : public ImportSink
{
public:
    qint64 addRaw(const QByteArray &raw) override;
    void addEvent(const Event &event, qint64 rawId) override;

    QList<QByteArray> raws;
    QList<QJsonObject> events; // as the CLI's JSON, so two reads compare field by field
    QList<qint64> eventRaws;
    QStringList errors;

protected:
    void storeError(qint64 pos, const QString &message) override;
};

// Writes `data` to this process's scratch file and returns its path.
QString scratchFile(const char *data, size_t size);

// Reads the scratch file with `reader` into `sink`. False when InputFile refused it.
bool readInto(Reader &reader, const QString &path, KeepingSink &sink);

// The oracles every reader must meet on any input, hostile or not. Traps (so
// libFuzzer records the input) when one fails:
//  - no event refers to a raw record that was never stored;
//  - counts are never negative;
//  - a second read of the same bytes delivers the same events, raws and counts
//    (a reader with state leaking between files would import differently twice).
void checkReader(Reader &first, Reader &second, const char *data, size_t size);

} // namespace Chainscope::Fuzz
