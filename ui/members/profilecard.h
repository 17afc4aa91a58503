// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/room/moderationpolicy.h"
#include "core/types.h"

#include <QDialog>

class QPushButton;

namespace confab::ui {

class MemberMenu;

// A member's card, from a click or Enter in the member panel or "View profile": avatar, display
// name, username, role in the room, status with its custom text, last seen when offline, and
// buttons for a direct message and for the moderation actions the viewer may take (the same
// MemberMenu as the context menu). Plain text only: names and statuses are never HTML.
class ProfileCard : public QDialog {
    Q_OBJECT
public:
    ProfileCard(const Member &member, const client::ModerationPolicy &policy, QWidget *parent = nullptr);

    const Member &member() const { return m_member; }
    QPushButton *messageButton() const { return m_message; }
    QPushButton *moderateButton() const { return m_moderate; }
    // The menu behind "Moderate", or nullptr when the viewer may do nothing to this member.
    MemberMenu *moderationMenu() const { return m_menu; }
    // The lines under the name, as shown ("@carol", "Moderator", "Away · 🌴 on holiday", ...).
    QStringList detailLines() const;

Q_SIGNALS:
    void messageRequested(const confab::Member &member);

private:
    Member m_member;
    QStringList m_lines;
    QPushButton *m_message = nullptr;
    QPushButton *m_moderate = nullptr;
    MemberMenu *m_menu = nullptr;
};

} // namespace confab::ui
