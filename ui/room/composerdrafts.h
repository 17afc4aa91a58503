// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace confab::client {
class RoomContext;
}

namespace confab::ui {

class Composer;

// Keeps the composer's draft per room in the account's local store (through the room's RoomContext), so it survives switching
// rooms and restarting the client. Saved a moment after typing pauses (not on every key: that
// is a disk write) and when the room closes. An edit in progress is not kept, its draft is.
class ComposerDrafts : public QObject {
    Q_OBJECT
public:
    explicit ComposerDrafts(Composer *composer, QObject *parent = nullptr);

    // Puts this room's draft in the composer.
    void open(client::RoomContext *room);
    // Saves the open room's draft and forgets the room.
    void close();
    void save();

private:
    Composer *m_composer;
    QPointer<client::RoomContext> m_room;
    QTimer m_saveTimer;
};

} // namespace confab::ui
