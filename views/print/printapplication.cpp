#include "printapplication.h"

#include <QGuiApplication>

namespace Chainscope {

std::unique_ptr<QCoreApplication> createPrintingApplication(int &argc, char **argv)
{
    // Always offscreen: a QT_QPA_PLATFORM=xcb exported in a headless session would
    // otherwise abort a tool that never opens a window.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace Chainscope
