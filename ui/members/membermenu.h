// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/room/moderationpolicy.h"

#include <QMenu>

namespace confab::ui {

// The context menu of one member: every action ModerationPolicy offers against them (an action
// the target rules out is disabled, with the reason as its tooltip; one the role never allows is
// not there), then "Send message" (not on oneself) and "View profile". Each QAction's data() names
// it: "role:admin", "transfer", "mute:<seconds>" (0 = until lifted), "unmute", "kick", "ban",
// "message", "profile".
class MemberMenu : public QMenu {
    Q_OBJECT
public:
    MemberMenu(const client::ModerationPolicy &policy, const Member &target, QWidget *parent = nullptr);

    const Member &target() const { return m_target; }
    // The action with this data() key (searching submenus), or nullptr.
    QAction *actionFor(const QString &key) const;
    // Keys of the enabled actions, submenus included ("mute" itself is not listed, its choices are).
    QStringList enabledKeys() const;
    // Keys of every action shown, enabled or not.
    QStringList shownKeys() const;

    // The choices of the mute submenu, in seconds (0: until lifted).
    static QList<qint64> muteDurations();
    static QString muteDurationText(qint64 seconds);

Q_SIGNALS:
    void roleChosen(confab::Role role);
    void transferChosen();
    void muteChosen(qint64 seconds);
    void unmuteChosen();
    void kickChosen();
    void banChosen();
    void profileChosen();
    void messageChosen();

private:
    QAction *addKeyed(QMenu *menu, const QString &text, const QString &key, const QString &denial);

    Member m_target;
};

} // namespace confab::ui
