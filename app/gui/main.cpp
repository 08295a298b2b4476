#include "heap.h"
#include "language.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    // Before any thread allocates: the window and the analysis worker share one arena,
    // and large blocks go back to the system when freed (heap.h says why). The CLI
    // keeps glibc's defaults: it ends after one job, and its import threads would
    // queue on one arena.
    Chainscope::Heap::configureForWorkbench();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Chainscope"));
    QApplication::setOrganizationName(QStringLiteral("Chainscope"));

    // The language chosen in View → Language, else the system's; read before the
    // window makes its strings.
    Chainscope::installTranslators(app, Chainscope::uiLocale(Chainscope::languageSetting()));

    Chainscope::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openCase(args.at(1));
    window.show();
    return QApplication::exec();
}
