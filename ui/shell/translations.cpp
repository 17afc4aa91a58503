// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

#include <optional>

namespace confab::ui {

namespace {
QPointer<QTranslator> s_confab;
QPointer<QTranslator> s_qt;
std::optional<QLocale> s_installed;

void drop(QPointer<QTranslator> &t)
{
    if (t) {
        QCoreApplication::removeTranslator(t);
        delete t.data();
    }
}
} // namespace

bool installTranslations(const QLocale &locale)
{
    drop(s_confab);
    drop(s_qt);
    s_installed = locale;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        s_qt = qt;
    } else {
        delete qt;
    }
    auto *confab = new QTranslator(QCoreApplication::instance());
    const bool found = confab->load(locale, QStringLiteral("confab"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // Without a translation the source strings show, with English plural forms ("1 room").
    if (found || confab->load(QStringLiteral("confab_en"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(confab);
        s_confab = confab;
    } else {
        delete confab;
    }
    return found;
}

QLocale installedLocale() { return s_installed.value_or(QLocale()); }

QLocale localeForLanguage(const QString &code) { return code.isEmpty() ? QLocale() : QLocale(code); }

} // namespace confab::ui
