// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationflow.h"

#include "members/membermenu.h"
#include "moderation/moderationdialogs.h"

#include "client/room/moderationactions.h"

#include <QDateTime>
#include <QMessageBox>
#include <QPushButton>

namespace confab::ui {

ModerationFlow::ModerationFlow(client::ModerationActions &actions, QWidget *dialogParent, const QString &roomName,
                               QObject *parent)
    : QObject(parent), m_actions(actions), m_parent(dialogParent), m_roomName(roomName)
{
}

void ModerationFlow::attach(MemberMenu *menu)
{
    const Member m = menu->target();
    connect(menu, &MemberMenu::roleChosen, this, [this, m](Role role) { setRole(m, role); });
    connect(menu, &MemberMenu::transferChosen, this, [this, m] { transferOwnership(m); });
    connect(menu, &MemberMenu::muteChosen, this, [this, m](qint64 seconds) { mute(m, seconds); });
    connect(menu, &MemberMenu::unmuteChosen, this, [this, m] { unmute(m); });
    connect(menu, &MemberMenu::kickChosen, this, [this, m] { kick(m); });
    connect(menu, &MemberMenu::banChosen, this, [this, m] { ban(m); });
    connect(menu, &MemberMenu::profileChosen, this, [this, m] { Q_EMIT profileRequested(m); });
    connect(menu, &MemberMenu::messageChosen, this, [this, m] { Q_EMIT messageRequested(m); });
}

void ModerationFlow::setRole(const Member &member, Role role)
{
    m_actions.setRole(member.userId, member.displayName, role);
}

void ModerationFlow::transferOwnership(const Member &member)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Hand over ownership"),
                                tr("Make %1 the owner of %2?").arg(member.displayName, m_roomName), QMessageBox::Cancel,
                                m_parent);
    box->setInformativeText(tr("You become an admin. Only the new owner can delete the room or hand it back."));
    box->setTextFormat(Qt::PlainText);
    QPushButton *yes = box->addButton(tr("Hand over"), QMessageBox::DestructiveRole);
    yes->setAccessibleName(tr("Hand over ownership to %1").arg(member.displayName));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, yes, member](QAbstractButton *clicked) {
        if (clicked == yes)
            m_actions.transferOwnership(member.userId, member.displayName);
        box->close();
    });
    m_dialog = box;
    box->open();
}

void ModerationFlow::mute(const Member &member, qint64 seconds)
{
    const qint64 until = seconds > 0 ? QDateTime::currentMSecsSinceEpoch() + seconds * 1000 : 0;
    m_actions.mute(member.userId, member.displayName, until);
}

void ModerationFlow::unmute(const Member &member) { m_actions.unmute(member.userId, member.displayName); }

void ModerationFlow::kick(const Member &member)
{
    auto *dialog = new RemovalDialog(RemovalDialog::Kind::Kick, member.displayName, m_roomName, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, member] { m_actions.kick(member.userId, member.displayName, dialog->reason()); });
    m_dialog = dialog;
    dialog->open();
}

void ModerationFlow::ban(const Member &member)
{
    auto *dialog = new RemovalDialog(RemovalDialog::Kind::Ban, member.displayName, m_roomName, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, member] {
        m_actions.ban(member.userId, member.displayName, dialog->reason(), dialog->durationSeconds());
    });
    m_dialog = dialog;
    dialog->open();
}

} // namespace confab::ui
