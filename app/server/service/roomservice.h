// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

#include "core/memberorder.h"
#include "core/requests.h"
#include "core/responses.h"

namespace confab::server {

using confab::MemberPage;
using confab::RoomPage;

// GET .../members: a page from `offset`, or after the member `after` names (a cursor); with
// `text`, only members whose display name or username contains it (any case).
struct MemberQuery {
    int limit = 50;
    int offset = 0;
    std::optional<MemberOrderKey> after;
    QString text;
};

struct JoinedRoom {
    Room room;
    std::vector<Message> messages; // recent history
    bool hasMore = false;
};

// Rooms and membership on the storage thread: create, list, view, update, delete, join, leave,
// invite, members.
class RoomService {
public:
    explicit RoomService(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    Result<Room> create(const Caller &caller, const NewRoom &req, Effects &fx);
    Result<RoomPage> list(const Caller &caller, const RoomQuery &query);
    Result<Room> get(const Caller &caller, const QString &roomId);
    // Settings the change leaves out keep their current value.
    Result<Room> update(const Caller &caller, const QString &roomId, const RoomChange &req, Effects &fx);
    Result<Done> remove(const Caller &caller, const QString &roomId, Effects &fx);
    Result<JoinedRoom> join(const Caller &caller, const QString &roomId, int historyLimit, Effects &fx);
    Result<Done> leave(const Caller &caller, const QString &roomId, Effects &fx);
    Result<MemberPage> members(const Caller &caller, const QString &roomId, const MemberQuery &query);
    Result<Member> invite(const Caller &caller, const QString &roomId, const QString &userId, Effects &fx);

    // Erases the caller's account: leaves every room (handing ownership to the highest-ranking
    // remaining member, so no room is left without an owner), then anonymises the account.
    Result<Done> eraseAccount(const Caller &caller, Effects &fx, const QString &address = {});

    // Shared with moderation: adds a member, logs user_joined and announces it, with a "joined"
    // system line (naming who added them, when someone did).
    Member addMember(const RoomRecord &room, const QString &userId, Role role, Effects &fx,
                     const QString &addedBy = {});
    // Removes a member, logs user_left and announces it (to the room before they go), then the
    // system line: `line` (kicked, banned) or, by default, "left".
    void removeMember(const QString &roomId, const QString &userId, Effects &fx,
                      std::optional<SystemEvent> line = std::nullopt);
    Member memberView(const QString &roomId, const QString &userId);

private:
    Result<Room> findOrCreateDirect(const Caller &caller, const NewRoom &req, Effects &fx);
    void announceRoomUpdate(const Caller &caller, const QString &roomId, Effects &fx);
    // Live status, custom status and lastSeen, where the server has seen the user since it started.
    void overlayPresence(Member &m) const;

    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
