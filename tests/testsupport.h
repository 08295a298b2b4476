#pragma once

#include "event.h"
#include "reader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chainscope::Test {

QString corpusPath(const QString &relative);

// Collects what a reader delivers, without a case file.
class MemorySink final : public ImportSink
{
public:
    struct Stored
    {
        Event event;
        qint64 rawId;
    };
    struct Error
    {
        qint64 pos;
        QString message;
    };

    qint64 addRaw(const QByteArray &raw) override;
    void addEvent(const Event &event, qint64 rawId) override;

    QList<QByteArray> raws;
    QList<Stored> events;
    QList<Error> errors;

    QList<Event> ofKind(EventKind kind) const;

protected:
    void storeError(qint64 pos, const QString &message) override;
};

// Reads a whole file with the reader for its detected format into a MemorySink.
// Fails the current test (QVERIFY-style) through the return value's error.
struct ReadResult
{
    QString format;
    MemorySink sink;
    QString error;
};
void readFile(const QString &path, ReadResult &result, const QString &host = QString());

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
ProcessResult run(const QString &program, const QStringList &args, int timeoutMs = 120000);

} // namespace Chainscope::Test
