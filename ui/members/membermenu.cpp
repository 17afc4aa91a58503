// SPDX-License-Identifier: GPL-3.0-or-later
#include "membermenu.h"

namespace confab::ui {

using Kind = client::MemberAction::Kind;

QList<qint64> MemberMenu::muteDurations() { return {5 * 60, 3600, 24 * 3600, 0}; }

QString MemberMenu::muteDurationText(qint64 seconds)
{
    switch (seconds) {
    case 5 * 60: return tr("For 5 minutes");
    case 3600: return tr("For 1 hour");
    case 24 * 3600: return tr("For 1 day");
    case 0: return tr("Until lifted");
    }
    return tr("For %n second(s)", nullptr, int(seconds));
}

MemberMenu::MemberMenu(const client::ModerationPolicy &policy, const Member &target, QWidget *parent)
    : QMenu(parent), m_target(target)
{
    setAccessibleName(tr("Actions for %1").arg(target.displayName));
    setToolTipsVisible(true); // a disabled action says why in its tooltip
    setAttribute(Qt::WA_DeleteOnClose);

    QAction *title = addSection(target.displayName);
    title->setData(QString());

    std::vector<client::MemberAction> actions = policy.memberActions(target);
    // On oneself, what can never apply is left out rather than listed disabled.
    if (target.userId == policy.myUserId())
        std::erase_if(actions, [](const client::MemberAction &a) { return !a.allowed(); });
    Kind previous = Kind::SetRole;
    bool first = true;
    for (const client::MemberAction &a : actions) {
        // A separator between kinds of action (roles, ownership, mute, removal).
        const bool roleGroup = a.kind == Kind::SetRole || a.kind == Kind::TransferOwnership;
        const bool previousRoleGroup = previous == Kind::SetRole || previous == Kind::TransferOwnership;
        if (!first && roleGroup != previousRoleGroup)
            addSeparator();
        first = false;
        previous = a.kind;
        switch (a.kind) {
        case Kind::SetRole: {
            const Role role = *a.role;
            QString text;
            switch (role) {
            case Role::Admin: text = tr("Make admin"); break;
            case Role::Moderator: text = role > target.role ? tr("Make moderator") : tr("Demote to moderator"); break;
            case Role::Member: text = tr("Demote to member"); break;
            case Role::Owner: break;
            }
            QAction *act = addKeyed(this, text, QStringLiteral("role:") + toString(role), a.denial);
            connect(act, &QAction::triggered, this, [this, role] { Q_EMIT roleChosen(role); });
            break;
        }
        case Kind::TransferOwnership: {
            QAction *act = addKeyed(this, tr("Hand over ownership…"), QStringLiteral("transfer"), a.denial);
            connect(act, &QAction::triggered, this, &MemberMenu::transferChosen);
            break;
        }
        case Kind::Mute: {
            if (!a.allowed()) {
                addKeyed(this, tr("Mute"), QStringLiteral("mute"), a.denial);
                break;
            }
            QMenu *sub = addMenu(tr("Mute"));
            sub->setAccessibleName(tr("Mute for how long"));
            sub->menuAction()->setData(QStringLiteral("mute"));
            for (qint64 seconds : muteDurations()) {
                QAction *act = addKeyed(sub, muteDurationText(seconds), QStringLiteral("mute:%1").arg(seconds), {});
                connect(act, &QAction::triggered, this, [this, seconds] { Q_EMIT muteChosen(seconds); });
            }
            break;
        }
        case Kind::Unmute: {
            QAction *act = addKeyed(this, tr("Unmute"), QStringLiteral("unmute"), a.denial);
            connect(act, &QAction::triggered, this, &MemberMenu::unmuteChosen);
            break;
        }
        case Kind::Kick: {
            QAction *act = addKeyed(this, tr("Kick…"), QStringLiteral("kick"), a.denial);
            connect(act, &QAction::triggered, this, &MemberMenu::kickChosen);
            break;
        }
        case Kind::Ban: {
            QAction *act = addKeyed(this, tr("Ban…"), QStringLiteral("ban"), a.denial);
            connect(act, &QAction::triggered, this, &MemberMenu::banChosen);
            break;
        }
        }
    }
    if (!actions.empty())
        addSeparator();
    if (target.userId != policy.myUserId()) {
        QAction *message = addKeyed(this, tr("Send message"), QStringLiteral("message"), {});
        connect(message, &QAction::triggered, this, &MemberMenu::messageChosen);
    }
    QAction *profile = addKeyed(this, tr("View profile"), QStringLiteral("profile"), {});
    connect(profile, &QAction::triggered, this, &MemberMenu::profileChosen);
}

QAction *MemberMenu::addKeyed(QMenu *menu, const QString &text, const QString &key, const QString &denial)
{
    QAction *act = menu->addAction(text);
    act->setData(key);
    if (!denial.isEmpty()) {
        act->setEnabled(false);
        act->setToolTip(denial);
        act->setStatusTip(denial);
    }
    return act;
}

namespace {
void collect(const QMenu *menu, QList<QAction *> &out)
{
    for (QAction *a : menu->actions()) {
        out << a;
        if (a->menu())
            collect(a->menu(), out);
    }
}
} // namespace

QAction *MemberMenu::actionFor(const QString &key) const
{
    QList<QAction *> all;
    collect(this, all);
    for (QAction *a : all) {
        if (a->data().toString() == key)
            return a;
    }
    return nullptr;
}

QStringList MemberMenu::enabledKeys() const
{
    QList<QAction *> all;
    collect(this, all);
    QStringList keys;
    for (QAction *a : all) {
        const QString key = a->data().toString();
        if (!key.isEmpty() && !a->isSeparator() && a->isEnabled() && !a->menu())
            keys << key;
    }
    return keys;
}

QStringList MemberMenu::shownKeys() const
{
    QList<QAction *> all;
    collect(this, all);
    QStringList keys;
    for (QAction *a : all) {
        const QString key = a->data().toString();
        if (!key.isEmpty() && !a->isSeparator())
            keys << key;
    }
    return keys;
}

} // namespace confab::ui
