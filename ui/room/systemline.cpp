// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemline.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <set>

namespace confab::ui {

namespace {
constexpr int kPadding = 4;

QString who(const QString &name) { return name.isEmpty() ? SystemLine::tr("Someone") : name; }

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

QString SystemLine::text(const SystemEvent &e)
{
    const QString actor = who(e.actorName);
    const QString target = who(e.targetName);
    switch (e.kind) {
    case SystemEventKind::Joined:
        return e.targetId.isEmpty() ? tr("%1 joined").arg(actor) : tr("%1 added %2").arg(actor, target);
    case SystemEventKind::Left: return tr("%1 left").arg(actor);
    case SystemEventKind::Kicked: return tr("%1 removed %2 from the room").arg(actor, target);
    case SystemEventKind::Banned: return tr("%1 banned %2 from the room").arg(actor, target);
    case SystemEventKind::RoomChanged:
        if (e.fields.contains(QLatin1String("name")))
            return tr("%1 renamed the room to “%2”").arg(actor, e.value);
        if (e.fields == QStringList{QStringLiteral("description")})
            return tr("%1 changed the topic").arg(actor);
        if (e.fields == QStringList{QStringLiteral("avatar")})
            return tr("%1 changed the room picture").arg(actor);
        return tr("%1 changed the room settings").arg(actor);
    case SystemEventKind::Pinned:
        return e.value.isEmpty() ? tr("%1 pinned a message").arg(actor)
                                 : tr("%1 pinned a message by %2: “%3”").arg(actor, target, e.value);
    case SystemEventKind::OwnershipTransferred: return tr("%1 made %2 the owner of the room").arg(actor, target);
    case SystemEventKind::AssistantEnabled: return tr("%1 turned on the assistant").arg(actor);
    }
    return {};
}

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
