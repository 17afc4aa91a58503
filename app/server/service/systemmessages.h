// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

namespace confab::server {

// A system line's event before post() fills in the names.
SystemEvent systemEvent(SystemEventKind kind, const QString &actorId, const QString &targetId = {});

// Server-made `system` messages: the timeline's record of joins, leaves, kicks, bans, room
// changes, pins, ownership and the assistant. Each is a message with its own seq (so history
// and sync carry it gap-free) and its event as data, so clients word it in their own language.
// They carry no text (search never finds them), no author (nobody edits or deletes them) and
// are not unread. Called inside the transaction of the change they record.
class SystemMessages {
public:
    explicit SystemMessages(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    // Stores and announces the line; names left empty are filled from the accounts. Direct
    // conversations get none (two people need no "joined").
    void post(const QString &roomId, SystemEvent event, Effects &fx);
    // The lines a room change makes: "room_changed" with what changed, and "assistant_enabled"
    // when the assistant was switched on.
    void postRoomChange(const Room &before, const Room &after, const QString &actorId, Effects &fx);

private:
    QString nameOf(const QString &userId) const;

    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
