#pragma once

#include <QByteArray>
#include <QString>

namespace Chainscope {

// Writes a whole output file (a report, a saved policy, an export) or nothing at all
// (issue 11, finding 5). The bytes go to a temporary file beside `path`, which is
// flushed, synced and checked before it is renamed over `path`: a full disk, a vanished
// folder or a failing device leaves no empty or truncated file, and an existing file at
// `path` stays as it was. Returns false with the system's reason in `error` ("No space
// left on device", "Permission denied").
bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace Chainscope
