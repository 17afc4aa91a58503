#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace confab::client {
class ChatEngine;
class MessageModel;
class TypingModel;
} // namespace confab::client

namespace confab::ui {

class Composer;
class TimelineView;

// The right side: the open room's header, timeline, who is typing, and the composer. Owns the
// room's per-room models; clear() drops them (on room switch and before sign-out).
class RoomView : public QWidget {
    Q_OBJECT
public:
    explicit RoomView(QWidget *parent = nullptr);

    void openRoom(client::ChatEngine *engine, const QString &roomId, const QString &name, const QString &description);
    void clear();

    QString roomId() const { return m_roomId; }
    TimelineView *timeline() const { return m_timeline; }
    Composer *composer() const { return m_composer; }
    client::MessageModel *messageModel() const { return m_messages; }
    QString typingText() const;

private:
    void send(const QString &text);

    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    QLabel *m_name;
    QLabel *m_description;
    TimelineView *m_timeline;
    QLabel *m_typing;
    Composer *m_composer;
    client::MessageModel *m_messages = nullptr;
    client::TypingModel *m_typers = nullptr;
};

} // namespace confab::ui
