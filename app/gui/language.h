#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Chainscope {

// The languages the workbench offers: the system's, or one chosen in View → Language.
// The choice is kept in QSettings and applies at the next start: the window's
// strings are made once, when it is built.
struct UiLanguage
{
    QString code; // "" for the system's language, else "en", "de", "ja"
    QString name; // in its own language ("Deutsch", "日本語"); "System" translated
};
QList<UiLanguage> uiLanguages();

// The stored choice ("" when none, or when it names no language offered).
QString languageSetting();
void setLanguageSetting(const QString &code);
// The locale the UI uses for a choice: the system's for "".
QLocale uiLocale(const QString &code);

// Installs the translators for `locale` into `app` (Qt's own strings and Chainscope's,
// from the translations embedded under :/i18n) and makes it the default locale.
// Returns whether Chainscope's translation was found; English needs none.
bool installTranslators(QCoreApplication &app, const QLocale &locale);

} // namespace Chainscope
