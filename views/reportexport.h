#pragma once

#include <QString>

namespace Chainscope {

// Renders report HTML to a PDF file (A4, the document's own styles). Returns an
// error message, or an empty string on success.
QString exportPdf(const QString &html, const QString &path);

} // namespace Chainscope
