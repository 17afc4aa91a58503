// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

class QFont;
class QPainter;
class QPalette;
class QRect;

namespace confab::ui {

// A server-made line (joined, left, kicked, room changed, pinned, ...) worded in the user's
// language from its structured event, never from text the server wrote, and painted as a
// compact centred grey line. Also words a collapsed run of such lines ("Ana, Bo and 3 others
// joined"). The same sentence is what screen readers hear.
class SystemLine {
    Q_DECLARE_TR_FUNCTIONS(confab::ui::SystemLine)
public:
    enum class Toggle { None, Collapsed, Expanded };

    static QString text(const SystemEvent &event);
    static QString runText(const std::vector<SystemEvent> &run);

    static int height(const QFont &font);
    static void paint(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                      const QString &text, Toggle toggle);
};

} // namespace confab::ui
