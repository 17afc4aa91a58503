#pragma once

#include "servicecontext.h"

#include "core/pages.h"

namespace confab::server {

struct CreateRoomRequest {
    QString name;
    QString description;
    RoomType type = RoomType::Public;
    std::optional<int> maxMembers;
    std::optional<bool> allowInvites;
    QStringList members; // user ids to add (private, group, direct)
    std::optional<RoomSettings> settings;
};

struct UpdateRoomRequest {
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> avatar;
    std::optional<int> maxMembers;
    std::optional<RoomSettings> settings;
};

using confab::MemberPage;
using confab::RoomPage;

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

    Result<Room> create(const Caller &caller, const CreateRoomRequest &req, Effects &fx);
    Result<RoomPage> list(const Caller &caller, const RoomQuery &query);
    Result<Room> get(const Caller &caller, const QString &roomId);
    Result<Room> update(const Caller &caller, const QString &roomId, const UpdateRoomRequest &req, Effects &fx);
    Result<Done> remove(const Caller &caller, const QString &roomId, Effects &fx);
    Result<JoinedRoom> join(const Caller &caller, const QString &roomId, int historyLimit, Effects &fx);
    Result<Done> leave(const Caller &caller, const QString &roomId, Effects &fx);
    Result<MemberPage> members(const Caller &caller, const QString &roomId, int limit, int offset);
    Result<Member> invite(const Caller &caller, const QString &roomId, const QString &userId, Effects &fx);

    // Erases the caller's account: leaves every room (handing ownership to the highest-ranking
    // remaining member, so no room is left without an owner), then anonymises the account.
    Result<Done> eraseAccount(const Caller &caller, Effects &fx, const QString &address = {});

    // Shared with moderation: adds a member, logs user_joined and announces it.
    Member addMember(const RoomRecord &room, const QString &userId, Role role, Effects &fx);
    // Removes a member, logs user_left and announces it (to the room before they go).
    void removeMember(const QString &roomId, const QString &userId, Effects &fx);
    Member memberView(const QString &roomId, const QString &userId);

private:
    Result<Room> findOrCreateDirect(const Caller &caller, const CreateRoomRequest &req, Effects &fx);
    void announceRoomUpdate(const Caller &caller, const QString &roomId, Effects &fx);

    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
