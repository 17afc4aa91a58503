// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The widgets RoomView lays out (complete types for its layout calls).
#include "members/memberpanel.h"
#include "room/postingnotice.h"
#include "room/removalnotice.h"

#include "client/sync/syncengine.h" // SyncEngine::RemovalKind
#include "core/types.h"

#include <QObject>
#include <QPointer>

class QAction;
class QToolButton;
class QWidget;

namespace confab::client {
class ChatEngine;
class MemberModel;
class ModerationActions;
class PostingState;
class RoomContext;
class RoomStanding;
} // namespace confab::client

namespace confab::ui {

class Composer;
class MemberMenu;
class ModerationFlow;
class ModerationPanel;
class ProfileCard;
class RoomSettingsDialog;

// The moderation side of RoomView, kept apart from the timeline: the member panel, the header's
// buttons (members, settings, moderation), what the composer may do (muted, announcement, slow
// mode) and the notice when the user is removed from a room. Works on the open room's member
// model, standing, posting state and moderation actions from its RoomContext (RoomView owns
// that); clear() drops what refers to them (dialogs, menus) before the room goes.
class ModerationController : public QObject {
    Q_OBJECT
public:
    ModerationController(QWidget *host, Composer *composer);
    ~ModerationController() override;

    void open(client::ChatEngine *engine, client::RoomContext *room);
    void clear();
    // The user sent a message in the open room (slow mode starts counting).
    void noteSent();
    // Whether the room view is wide enough for the member panel beside the timeline: when it is
    // not, the panel hides (the Members action still shows it on request).
    void setPanelFits(bool fits);

    // Widgets for RoomView's layout.
    QWidget *headerButtons() const { return m_header; }
    MemberPanel *memberPanel() const { return m_panel; }
    PostingNotice *postingNotice() const { return m_notice; }
    RemovalNotice *removalNotice() const { return m_removal; }

    // For the window's Room menu.
    QAction *membersAction() const { return m_membersAction; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *moderationAction() const { return m_moderationAction; }
    QToolButton *settingsButton() const { return m_settingsButton; }
    QToolButton *moderationButton() const { return m_moderationButton; }

    void openSettings();
    void openModeration();
    void showMemberMenu(const Member &member, const QPoint &globalPos);
    void showProfile(const Member &member);

    // The open room's state and what is open now, for tests and the window.
    client::MemberModel *members() const;
    client::RoomStanding *standing() const;
    client::PostingState *posting() const;
    client::ModerationActions *actions() const;
    RoomSettingsDialog *settingsDialog() const;
    ModerationPanel *moderationPanel() const;
    MemberMenu *memberMenu() const;
    ProfileCard *profileCard() const;
    ModerationFlow *flow() const { return m_flow; }

Q_SIGNALS:
    // The open room is gone (left, kicked, banned, deleted): RoomView clears itself.
    void currentRoomRemoved();
    // "Message" on a member (menu or profile card): the window opens the direct room, made if needed.
    void directMessageRequested(const QString &userId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onRemoved(const QString &roomId, const QString &roomName, const QString &message,
                   client::SyncEngine::RemovalKind kind);
    // The removal notice goes once it is out of date: the room is back (rejoined), or the user
    // went on from the room the window showed after the removal.
    void updateRemovalNotice(const QString &openingRoomId);
    void applyStanding();
    void applyPosting();
    void updateIcons();

    QWidget *m_host;
    QPointer<Composer> m_composer;
    QPointer<client::ChatEngine> m_engine;
    QMetaObject::Connection m_removedConnection;
    QMetaObject::Connection m_rejoinedConnection;
    QString m_roomId;
    QString m_removedRoomId; // the room the removal notice is about
    QString m_noticeRoomId;  // the room shown with the notice; empty until one opens after it

    QWidget *m_header;
    QToolButton *m_membersButton;
    QToolButton *m_settingsButton;
    QToolButton *m_moderationButton;
    QAction *m_membersAction;
    QAction *m_settingsAction;
    QAction *m_moderationAction;
    MemberPanel *m_panel;
    PostingNotice *m_notice;
    RemovalNotice *m_removal;

    client::RoomContext *m_room = nullptr; // the open room's, or none
    ModerationFlow *m_flow = nullptr;
    QPointer<RoomSettingsDialog> m_settingsDialog;
    QPointer<ModerationPanel> m_moderationPanel;
    QPointer<MemberMenu> m_menu;
    QPointer<ProfileCard> m_card;

    QString m_savedPlaceholder; // the composer's, while a read-only reason replaces it
    bool m_placeholderReplaced = false;
    bool m_panelFits = true;
};

} // namespace confab::ui
