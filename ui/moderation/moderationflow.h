// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QDialog>
#include <QPointer>

namespace confab::client {
class ModerationActions;
}

namespace confab::ui {

class MemberMenu;

// Carries out what was chosen in a member's menu: destructive actions (kick, ban, handing over
// ownership) first ask in a dialog, then ModerationActions calls the server. Dialogs open
// window-modal without a nested event loop; pendingDialog() is the one waiting for the user.
class ModerationFlow : public QObject {
    Q_OBJECT
public:
    ModerationFlow(client::ModerationActions &actions, QWidget *dialogParent, const QString &roomName,
                   QObject *parent = nullptr);

    // Routes the menu's choices to the actions below, for the menu's member.
    void attach(MemberMenu *menu);

    void setRole(const Member &member, Role role);
    void transferOwnership(const Member &member);
    void mute(const Member &member, qint64 seconds); // 0: until lifted
    void unmute(const Member &member);
    void kick(const Member &member);
    void ban(const Member &member);

    QDialog *pendingDialog() const { return m_dialog; }

Q_SIGNALS:
    // "View profile" and "Send message": the controller shows the card or opens the direct room.
    void profileRequested(const confab::Member &member);
    void messageRequested(const confab::Member &member);

private:
    client::ModerationActions &m_actions;
    QWidget *m_parent;
    QString m_roomName;
    QPointer<QDialog> m_dialog;
};

} // namespace confab::ui
