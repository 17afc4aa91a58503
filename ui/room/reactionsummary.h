// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace confab::ui {

// "Ana, Bo and 3 others reacted with 👍": who reacted, for a reaction chip's tool tip and its
// accessible text. The user comes first, as "You".
class ReactionSummary {
    Q_DECLARE_TR_FUNCTIONS(confab::ui::ReactionSummary)
public:
    // `names` of the reacting users ("" for one not known here); with `mine`, the user's is the first.
    static QString text(const QString &emoji, QStringList names, bool mine);
};

} // namespace confab::ui
