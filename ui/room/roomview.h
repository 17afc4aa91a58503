// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include "room/composer.h"

class QLabel;

namespace confab::client {
class ChatEngine;
class MessageModel;
class RoomContext;
} // namespace confab::client

namespace confab::ui {

class AnonymousToggle;
class AvatarImages;
class Composer;
class ComposerCompleter;
class ComposerDrafts;
class LengthCounter;
class MessageController;
class MessageJump;
class NotificationButton;
class ModerationController;
class PeerStatusLabel;
class PinsButton;
class RoomFiles;
class RoomPolls;
class TimelineView;

// The right side: the open room's header, timeline, who is typing, and the composer with its
// length counter and per-room drafts. Owns the open room's RoomContext (its models, standing,
// draft...); clear() drops it (on room switch and before sign-out).
class RoomView : public QWidget {
    Q_OBJECT
public:
    explicit RoomView(QWidget *parent = nullptr);
    // The avatar pictures of the timeline and the member panel.
    AvatarImages *avatarImages() const { return m_avatars; }

    void openRoom(client::ChatEngine *engine, const QString &roomId, const QString &name, const QString &description);
    void clear();
    // Which key sends; the composer's placeholder says it.
    void setSendKey(Composer::SendKey key);

    QString roomId() const { return m_roomId; }
    TimelineView *timeline() const { return m_timeline; }
    Composer *composer() const { return m_composer; }
    LengthCounter *lengthCounter() const { return m_counter; }
    client::MessageModel *messageModel() const;
    PinsButton *pinsButton() const { return m_pins; }
    NotificationButton *notificationButton() const { return m_notify; }
    MessageController *messageController() const { return m_actions; }
    ModerationController *moderation() const { return m_moderation; }
    PeerStatusLabel *peerStatus() const { return m_peerStatus; }
    RoomFiles *files() const { return m_files; }
    AnonymousToggle *anonymousToggle() const { return m_anonymous; }
    ComposerCompleter *completer() const { return m_completer; }
    RoomPolls *polls() const { return m_polls; }
    QString typingText() const;
    // Focus to the composer when the open room can be written in; false otherwise.
    bool focusComposer();
    // Shows this message of the open room in context (loading the window around it), highlighted.
    void showMessageInContext(const QString &messageId);
    MessageJump *messageJump() const { return m_jump; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void send(const QString &text, const QString &replyTo);

    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    QLabel *m_name;
    QLabel *m_description;
    PeerStatusLabel *m_peerStatus = nullptr; // direct rooms: how the other person is
    TimelineView *m_timeline;
    QLabel *m_typing;
    Composer *m_composer;
    LengthCounter *m_counter = nullptr;
    ComposerDrafts *m_drafts = nullptr;    // the composer's text per room, kept in the local store
    client::RoomContext *m_room = nullptr; // made by the engine's openRoom(), deleted by clear()
    // Pins in the header and the message actions (reply, edit, react, pin, delete...).
    PinsButton *m_pins = nullptr;
    NotificationButton *m_notify = nullptr; // the room's notification level and mute
    MessageController *m_actions = nullptr;
    // Members, settings, moderation, posting state (ModerationController).
    ModerationController *m_moderation = nullptr;
    AvatarImages *m_avatars = nullptr;
    // Attaching, sending and opening files (RoomFiles).
    RoomFiles *m_files = nullptr;
    // "Post anonymously" beside the composer, where the room allows it; off on every room switch.
    AnonymousToggle *m_anonymous = nullptr;
    // "@" completes the room's members, ":" emoji.
    ComposerCompleter *m_completer = nullptr;
    // Opening the timeline at a search result.
    MessageJump *m_jump = nullptr;
    RoomPolls *m_polls = nullptr; // creating and voting on polls
};

} // namespace confab::ui
