// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

class QPalette;

namespace confab::ui {

// Small line icons for the room header, drawn in the palette's text colour so that they follow
// light and dark themes (no icon theme is needed).
QIcon membersIcon(const QPalette &palette);
QIcon settingsIcon(const QPalette &palette);
QIcon shieldIcon(const QPalette &palette);

} // namespace confab::ui
