// SPDX-License-Identifier: GPL-3.0-or-later
#include "reactionsummary.h"

namespace confab::ui {

namespace {
constexpr int kNamesShown = 2; // then "and N others"
}

QString ReactionSummary::text(const QString &emoji, QStringList names, bool mine)
{
    const int total = int(names.size());
    if (mine && !names.isEmpty())
        names[0] = tr("You");
    // Unknown people (not loaded yet) count among the others.
    QStringList known;
    for (const QString &n : names)
        if (!n.isEmpty())
            known << n;
    const int shownCount = qMin(int(known.size()), total <= kNamesShown + 1 ? total : kNamesShown);
    const QStringList shown = known.mid(0, shownCount);
    const int others = total - int(shown.size());
    // No %n plurals: English takes them from confab_en.ts, which only lists its own strings.
    if (shown.isEmpty())
        return total == 1 ? tr("Someone reacted with %1").arg(emoji)
                          : tr("%1 people reacted with %2").arg(QString::number(total), emoji);
    if (others == 0) {
        if (shown.size() == 1)
            return mine ? tr("You reacted with %1").arg(emoji) : tr("%1 reacted with %2").arg(shown.first(), emoji);
        return tr("%1 and %2 reacted with %3")
            .arg(QStringList(shown.mid(0, shown.size() - 1)).join(QLatin1String(", ")), shown.last(), emoji);
    }
    if (others == 1)
        return tr("%1 and one other reacted with %2").arg(shown.join(QLatin1String(", ")), emoji);
    return tr("%1 and %2 others reacted with %3").arg(shown.join(QLatin1String(", ")), QString::number(others), emoji);
}

} // namespace confab::ui
