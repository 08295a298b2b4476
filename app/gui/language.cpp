#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace Chainscope {

namespace {
const QString LanguageKey = QStringLiteral("language");
}

QList<UiLanguage> uiLanguages()
{
    // The names stay in their own language: an analyst who cannot read the current
    // one still finds theirs.
    return {
        {QString(), QCoreApplication::translate("Chainscope::MainWindow", "System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
    };
}

QString languageSetting()
{
    const QString code = QSettings().value(LanguageKey).toString();
    for (const UiLanguage &l : uiLanguages()) {
        if (l.code == code)
            return code;
    }
    return QString();
}

void setLanguageSetting(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(LanguageKey);
    else
        settings.setValue(LanguageKey, code);
}

QLocale uiLocale(const QString &code)
{
    if (code == u"en")
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (code == u"de")
        return QLocale(QLocale::German, QLocale::Germany);
    if (code == u"ja")
        return QLocale(QLocale::Japanese, QLocale::Japan);
    return QLocale::system();
}

bool installTranslators(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    // Qt's own strings (dialog buttons, the file dialog) in the same language.
    auto *qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("chainscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
        return true;
    }
    delete ours;
    return false;
}

} // namespace Chainscope
