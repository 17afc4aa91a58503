// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace confab::client {

class Outbox;
class RoomStanding;

// Whether the composer of one room may send now, and if not, why: muted (until when), an
// announcement room for a role that cannot post, or slow mode's wait after one's own message,
// counted down once a second. The server decides in the end; this is what the user sees first.
class PostingState : public QObject {
    Q_OBJECT
public:
    enum class Block { None, Muted, Announcement, SlowMode };
    Q_ENUM(Block)

    PostingState(RoomStanding &standing, Outbox &outbox, QObject *parent = nullptr);

    Block block() const { return m_block; }
    // Read-only: nothing can be sent until the state changes (muted, announcement).
    bool isReadOnly() const { return m_block == Block::Muted || m_block == Block::Announcement; }
    // What to tell the user; empty when sending is allowed.
    QString reason() const { return m_reason; }
    int slowModeSecondsLeft() const;

    // The user just sent a message here: slow mode's wait starts now (and again from the moment
    // the server stored it, which is what the server counts from).
    void noteSent();

Q_SIGNALS:
    void changed();

private:
    void startSlowMode();
    void update();

    RoomStanding &m_standing;
    QTimer m_tick;
    qint64 m_slowUntil = 0; // ms since epoch
    Block m_block = Block::None;
    QString m_reason;
};

} // namespace confab::client
