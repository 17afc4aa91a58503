// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemline.h"

#include "client/models/messagepreview.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <set>

namespace confab::ui {

namespace {
constexpr int kPadding = 4;

QString who(const QString &name) { return client::MessagePreview::personName(name); }

QColor withAlpha(QColor c, float alpha)
{
    c.setAlphaF(alpha);
    return c;
}

// Names in order, each once; with more than three, the first two and how many others.
QString namesOf(const std::vector<SystemEvent> &run, const QString &(*nameOf)(const SystemEvent &), int *others)
{
    QStringList names;
    std::set<QString> seen;
    for (const SystemEvent &e : run) {
        const QString name = who(nameOf(e));
        if (seen.insert(name).second)
            names << name;
    }
    *others = 0;
    if (names.size() > 3) {
        *others = int(names.size()) - 2;
        return names.mid(0, 2).join(QLatin1String(", "));
    }
    return QLocale().createSeparatedList(names);
}

const QString &actorName(const SystemEvent &e) { return e.actorName; }
const QString &joinerName(const SystemEvent &e) { return e.targetId.isEmpty() ? e.actorName : e.targetName; }
} // namespace

QString SystemLine::text(const SystemEvent &e) { return client::MessagePreview::systemEventText(e); }

QString SystemLine::runText(const std::vector<SystemEvent> &run)
{
    if (run.size() == 1)
        return text(run.front());
    const auto allOf = [&](SystemEventKind kind) {
        return std::all_of(run.begin(), run.end(), [kind](const SystemEvent &e) { return e.kind == kind; });
    };
    int others = 0;
    if (allOf(SystemEventKind::Joined)) {
        const QString names = namesOf(run, joinerName, &others);
        return others ? tr("%1 and %2 others joined").arg(names).arg(others) : tr("%1 have joined").arg(names);
    }
    if (allOf(SystemEventKind::Left)) {
        const QString names = namesOf(run, actorName, &others);
        return others ? tr("%1 and %2 others left").arg(names).arg(others) : tr("%1 have left").arg(names);
    }
    return tr("%1 room events").arg(run.size());
}

int SystemLine::height(const QFont &font) { return QFontMetrics(font).height() + 2 * kPadding; }

void SystemLine::paint(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                       const QString &text, Toggle toggle)
{
    painter->save();
    const QColor textColor = palette.color(QPalette::Text);
    painter->setFont(font);
    painter->setPen(withAlpha(textColor, 0.6f));
    const QFontMetrics fm(font);
    // A triangle says a run can open (▸) or close (▾); drawn as text so it follows the font.
    QString shown = text;
    if (toggle == Toggle::Collapsed)
        shown = QStringLiteral("▸ ") + text;
    else if (toggle == Toggle::Expanded)
        shown = QStringLiteral("▾ ") + text;
    painter->drawText(rect.adjusted(8, 0, -8, 0), Qt::AlignCenter,
                      fm.elidedText(shown, Qt::ElideMiddle, rect.width() - 16));
    painter->restore();
}

} // namespace confab::ui
