#pragma once

#include <QCoreApplication>

#include <memory>

namespace Chainscope {

// An application object that can lay out and paint text, for a command-line tool that
// writes a PDF: fonts need a QGuiApplication, and a QGuiApplication needs a platform.
// Always the offscreen one, whatever QT_QPA_PLATFORM says: the tool opens no window,
// a DISPLAY whose server is gone (or an xcb platform without one) would abort it, and
// the PDF is then the same wherever it is made.
std::unique_ptr<QCoreApplication> createPrintingApplication(int &argc, char **argv);

} // namespace Chainscope
