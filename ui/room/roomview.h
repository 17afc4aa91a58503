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

class Composer;
class ComposerDrafts;
class LengthCounter;
class MessageController;
class ModerationController;
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
    MessageController *messageController() const { return m_actions; }
    ModerationController *moderation() const { return m_moderation; }
    RoomFiles *files() const { return m_files; }
    RoomPolls *polls() const { return m_polls; }
    QString typingText() const;
    // Focus to the composer when the open room can be written in; false otherwise.
    bool focusComposer();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void send(const QString &text, const QString &replyTo);

    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    QLabel *m_name;
    QLabel *m_description;
    TimelineView *m_timeline;
    QLabel *m_typing;
    Composer *m_composer;
    LengthCounter *m_counter = nullptr;
    ComposerDrafts *m_drafts = nullptr;    // the composer's text per room, kept in the local store
    client::RoomContext *m_room = nullptr; // made by the engine's openRoom(), deleted by clear()
    // Pins in the header and the message actions (reply, edit, react, pin, delete...).
    PinsButton *m_pins = nullptr;
    MessageController *m_actions = nullptr;
    // Members, settings, moderation, posting state (ModerationController).
    ModerationController *m_moderation = nullptr;
    // Attaching, sending and opening files (RoomFiles).
    RoomFiles *m_files = nullptr;
    RoomPolls *m_polls = nullptr; // creating and voting on polls
};

} // namespace confab::ui
