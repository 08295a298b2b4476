#pragma once

#include <QByteArray>
#include <QString>

namespace Chainscope {

// Renders report HTML to a PDF document in memory (A4, the document's own styles).
QByteArray renderPdf(const QString &html);

// Renders report HTML to a PDF file, written whole or not at all (writeOutputFile).
// Returns an error message, or an empty string on success.
QString exportPdf(const QString &html, const QString &path);

} // namespace Chainscope
