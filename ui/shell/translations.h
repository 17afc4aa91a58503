// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace confab::ui {

// Loads Confab's translation for the locale (built into the program under :/i18n) and Qt's own
// (standard buttons and dialogs), replacing any loaded before. Returns whether Confab's was found
// (English has one too: its plural forms). Other languages get the English text. Call before
// creating widgets.
bool installTranslations(const QLocale &locale);

// The locale of the last installTranslations() (the system's before any).
QLocale installedLocale();

// The locale for a language chosen in Settings ("es"...), or the system's for "".
QLocale localeForLanguage(const QString &code);

} // namespace confab::ui
