#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Chainscope"));
    QApplication::setOrganizationName(QStringLiteral("Chainscope"));

    // Qt's own strings (dialog buttons) and ours, in the user's language when we have it.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("chainscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    Chainscope::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openCase(args.at(1));
    window.show();
    return QApplication::exec();
}
