#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace confab::ui {

namespace {
QPointer<QTranslator> s_confab;
QPointer<QTranslator> s_qt;

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

} // namespace confab::ui
