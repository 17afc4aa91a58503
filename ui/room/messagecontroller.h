// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

namespace confab::client {
class ChatEngine;
class RoomStanding;
} // namespace confab::client

namespace confab::ui {

class Composer;
class TimelineView;

// Carries out what the timeline and the composer ask for in the open room: reply, edit, text
// typed in the timeline and a failed message taken back go to the composer, edits, deletes, reactions, pins and read marks to the engine, and refusals
// come back as a notice over the timeline. Also tells the timeline whether I moderate the room
// (my room role, or a server admin).
class MessageController : public QObject {
    Q_OBJECT
public:
    MessageController(TimelineView *timeline, Composer *composer, QObject *parent = nullptr);

    // nullptr (or an empty id) when no room is open.
    void setRoom(client::ChatEngine *engine, const QString &roomId);
    // My live standing in the open room (follows promotions and demotions as they happen);
    // without one, my role comes from the room list.
    void setStanding(client::RoomStanding *standing);
    bool canModerate() const;

private:
    void updatePermissions();
    void editLast();

    TimelineView *m_timeline;
    Composer *m_composer;
    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    QPointer<client::RoomStanding> m_standing;
    QList<QMetaObject::Connection> m_engineConnections;
    QMetaObject::Connection m_standingConnection;
};

} // namespace confab::ui
