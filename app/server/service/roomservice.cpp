// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomservice.h"

#include "accountaudit.h"
#include "pollservice.h"
#include "systemmessages.h"

#include "core/limits.h"
#include "core/validation.h"

namespace confab::server {

namespace {
int defaultMaxMembers(RoomType type, int configured)
{
    switch (type) {
    case RoomType::Direct: return 2;
    case RoomType::Group: return limits::kGroupMembersMax;
    default: return configured;
    }
}

bool isDiscoverable(RoomType t) { return t == RoomType::Public || t == RoomType::Announcement; }

ApiError roomFull(int max)
{
    return apiError(ErrorCode::Conflict, QStringLiteral("the room is full (%1 members)").arg(max));
}

bool banIsActive(const std::optional<BanRecord> &ban, qint64 now)
{
    return ban && (ban->until == 0 || ban->until > now);
}
} // namespace

Member RoomService::memberView(const QString &roomId, const QString &userId)
{
    Member out;
    out.userId = userId;
    if (const auto u = m_ctx.storage.userById(userId)) {
        out.username = u->user.username;
        out.displayName = u->user.displayName;
        out.avatar = u->user.avatar;
        out.lastSeen = u->user.lastSeen;
        out.customStatus = u->user.customStatus;
    }
    if (const auto m = m_ctx.storage.member(roomId, userId)) {
        out.role = m->role;
        out.joinedAt = m->joinedAt;
        out.isMuted = m->isMuted && (m->mutedUntil == 0 || m->mutedUntil > m_ctx.now());
        out.mutedUntil = out.isMuted ? m->mutedUntil : 0;
    }
    out.isBanned = banIsActive(m_ctx.storage.ban(roomId, userId), m_ctx.now());
    overlayPresence(out);
    return out;
}

Member RoomService::addMember(const RoomRecord &room, const QString &userId, Role role, Effects &fx,
                              const QString &addedBy)
{
    MemberRecord m;
    m.roomId = room.room.roomId;
    m.userId = userId;
    m.role = role;
    m.joinedAt = m_ctx.now();
    m.lastReadSeq = room.lastSeq; // what was said before joining is history, not unread
    m_ctx.storage.insertMember(m);
    const Member member = memberView(m.roomId, userId);
    const QByteArray bytes = m_guard.logEvent(m.roomId, [&](qint64 seq) {
        return UserJoinedFrame{seq, m.roomId, member};
    });
    // The index changes only after commit; the delivery is computed then (see commitMembership).
    m_ctx.members.add(m.roomId, userId);
    fx.deliver(bytes, m_ctx.members.membersOf(m.roomId), m.roomId);
    SystemEvent joined = systemEvent(SystemEventKind::Joined, userId);
    if (!addedBy.isEmpty() && addedBy != userId)
        joined = systemEvent(SystemEventKind::Joined, addedBy, userId);
    SystemMessages(m_ctx).post(m.roomId, joined, fx);
    return member;
}

void RoomService::removeMember(const QString &roomId, const QString &userId, Effects &fx,
                               std::optional<SystemEvent> line)
{
    m_ctx.storage.deleteMember(roomId, userId);
    const QByteArray bytes = m_guard.logEvent(roomId, [&](qint64 seq) { return UserLeftFrame{seq, roomId, userId}; });
    fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId); // including the one leaving
    m_ctx.members.remove(roomId, userId);
    SystemMessages(m_ctx).post(roomId, line.value_or(systemEvent(SystemEventKind::Left, userId)), fx);
}

Result<Room> RoomService::create(const Caller &caller, const NewRoom &req, Effects &fx)
{
    if (req.type == RoomType::Direct)
        return findOrCreateDirect(caller, req, fx);
    if (auto bad = validateRoomName(req.name))
        return *bad;
    if (auto bad = validateDescription(req.description))
        return *bad;
    const int maxMembers = req.maxMembers.value_or(defaultMaxMembers(req.type, m_ctx.settings.defaultMaxMembers));
    const int ceiling = req.type == RoomType::Group ? limits::kGroupMembersMax : 100000;
    if (maxMembers < 2 || maxMembers > ceiling)
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("must be between 2 and %1").arg(ceiling),
                        QStringLiteral("maxMembers"));
    QStringList others;
    for (const QString &id : req.members) {
        if (id != caller.userId && !others.contains(id))
            others << id;
    }
    if (others.size() + 1 > maxMembers)
        return roomFull(maxMembers);
    if (req.type == RoomType::Group && others.isEmpty())
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("a group needs at least one other member"),
                        QStringLiteral("members"));
    for (const QString &id : others) {
        if (!m_ctx.storage.userById(id))
            return apiError(ErrorCode::UserNotFound, QStringLiteral("user %1 does not exist").arg(id),
                            QStringLiteral("members"));
    }

    RoomRecord record;
    Room &room = record.room;
    room.roomId = m_ctx.ids.newId(u"r");
    room.name = req.name.trimmed();
    room.description = req.description;
    room.type = req.type;
    room.createdBy = caller.userId;
    room.createdAt = room.updatedAt = room.lastActivity = m_ctx.now();
    room.maxMembers = maxMembers;
    req.settings.applyTo(room.settings);
    if (req.allowInvites)
        room.settings.allowInvites = *req.allowInvites;

    Effects local;
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.insertRoom(record);
        addMember(record, caller.userId, Role::Owner, local);
        for (const QString &id : others)
            addMember(*m_ctx.storage.roomById(room.roomId), id, Role::Member, local);
    });
    for (auto &d : local.deliveries)
        fx.deliveries.push_back(std::move(d));
    auto fresh = m_ctx.storage.roomById(room.roomId);
    return m_guard.view(caller, *fresh, m_ctx.storage.member(room.roomId, caller.userId));
}

Result<Room> RoomService::findOrCreateDirect(const Caller &caller, const NewRoom &req, Effects &fx)
{
    QStringList others;
    for (const QString &id : req.members) {
        if (id != caller.userId && !others.contains(id))
            others << id;
    }
    if (others.size() != 1)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("a direct conversation needs exactly one other person"),
                        QStringLiteral("members"));
    const QString other = others.first();
    const auto otherUser = m_ctx.storage.userById(other);
    if (!otherUser || otherUser->disabled)
        return apiError(ErrorCode::UserNotFound, QStringLiteral("user %1 does not exist").arg(other),
                        QStringLiteral("members"));
    if (const auto existing = m_ctx.storage.directRoomBetween(caller.userId, other)) {
        auto record = m_ctx.storage.roomById(*existing);
        return m_guard.view(caller, *record, m_ctx.storage.member(*existing, caller.userId));
    }
    RoomRecord record;
    Room &room = record.room;
    room.roomId = m_ctx.ids.newId(u"r");
    room.name = req.name.trimmed().isEmpty() ? otherUser->user.displayName : req.name.trimmed();
    room.type = RoomType::Direct;
    room.createdBy = caller.userId;
    room.createdAt = room.updatedAt = room.lastActivity = m_ctx.now();
    room.maxMembers = 2;
    room.settings.allowInvites = false;
    Effects local;
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.insertRoom(record);
        addMember(record, caller.userId, Role::Owner, local);
        addMember(*m_ctx.storage.roomById(room.roomId), other, Role::Owner, local);
    });
    for (auto &d : local.deliveries)
        fx.deliveries.push_back(std::move(d));
    auto fresh = m_ctx.storage.roomById(room.roomId);
    return m_guard.view(caller, *fresh, m_ctx.storage.member(room.roomId, caller.userId));
}

Result<RoomPage> RoomService::list(const Caller &caller, const RoomQuery &query)
{
    RoomQuery q = query;
    if (q.everyRoom && !caller.serverAdmin)
        return apiError(ErrorCode::Forbidden, QStringLiteral("only server admins may list every room"),
                        QStringLiteral("all"));
    q.visibleTo = caller.userId;
    q.limit = std::clamp(q.limit, 1, 100);
    q.offset = std::max(0, q.offset);
    int total = 0;
    const auto records = m_ctx.storage.listRooms(q, &total);
    RoomPage page;
    page.rooms.reserve(records.size());
    for (const auto &r : records)
        page.rooms.push_back(m_guard.view(caller, r, m_ctx.storage.member(r.room.roomId, caller.userId)));
    page.pagination = {total, q.limit, q.offset, q.offset + int(records.size()) < total};
    return page;
}

Result<Room> RoomService::get(const Caller &caller, const QString &roomId)
{
    auto access = m_guard.visible(caller, roomId);
    if (!access)
        return *access.error;
    return m_guard.view(caller, access.value.record, access.value.membership);
}

void RoomService::announceRoomUpdate(const Caller &caller, const QString &roomId, Effects &fx)
{
    const auto record = m_ctx.storage.roomById(roomId);
    Room room = m_guard.view(caller, *record, std::nullopt);
    room.isJoined = false;
    room.myRole.reset(); // the same bytes go to every member: no caller-specific fields
    room.unreadCount = 0;
    const QByteArray bytes = m_guard.logEvent(roomId, [&](qint64 seq) { return RoomUpdatedFrame{seq, room}; });
    fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
}

Result<Room> RoomService::update(const Caller &caller, const QString &roomId, const RoomChange &req, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (auto denied = m_guard.require(access.value, Action::EditRoomSettings))
        return *denied;
    Room room = access.value.record.room;
    if (req.name) {
        if (auto bad = validateRoomName(*req.name))
            return *bad;
        room.name = req.name->trimmed();
    }
    if (req.description) {
        if (auto bad = validateDescription(*req.description))
            return *bad;
        room.description = *req.description;
    }
    if (req.avatar) {
        if (auto bad = validateAvatarUrl(*req.avatar))
            return *bad;
        room.avatar = *req.avatar;
    }
    if (req.maxMembers) {
        const int members = m_ctx.storage.memberCount(roomId);
        const int ceiling = room.type == RoomType::Direct  ? 2
                            : room.type == RoomType::Group ? limits::kGroupMembersMax
                                                           : 100000;
        if (*req.maxMembers < std::max(2, members) || *req.maxMembers > ceiling)
            return apiError(ErrorCode::ValidationFailed,
                            QStringLiteral("must be between %1 and %2").arg(std::max(2, members)).arg(ceiling),
                            QStringLiteral("maxMembers"));
        room.maxMembers = *req.maxMembers;
    }
    req.settings.applyTo(room.settings);
    room.updatedAt = m_ctx.now();
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.updateRoom(room);
        audit(m_ctx, caller, actionName(Action::EditRoomSettings), roomId);
        announceRoomUpdate(caller, roomId, fx);
        SystemMessages(m_ctx).postRoomChange(access.value.record.room, room, caller.userId, fx);
    });
    return get(caller, roomId);
}

Result<Done> RoomService::remove(const Caller &caller, const QString &roomId, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (auto denied = m_guard.require(access.value, Action::DeleteRoom))
        return *denied;
    const UserSet audience = m_ctx.members.membersOf(roomId);
    inTransaction(m_ctx.storage, [&] {
        audit(m_ctx, caller, actionName(Action::DeleteRoom), roomId, {}, {}, access.value.record.room.name);
        m_ctx.storage.deleteRoom(roomId);
    });
    m_ctx.members.removeRoom(roomId);
    fx.deliver(frameBytes(RoomDeletedFrame{roomId}), audience, roomId);
    return Done{};
}

Result<JoinedRoom> RoomService::join(const Caller &caller, const QString &roomId, int historyLimit, Effects &fx)
{
    auto access = m_guard.visible(caller, roomId);
    if (!access)
        return *access.error;
    RoomAccess &a = access.value;
    if (!a.membership) {
        if (!isDiscoverable(a.record.room.type) && !caller.serverAdmin)
            return apiError(ErrorCode::RoomNotFound, QStringLiteral("room %1 does not exist").arg(roomId),
                            QStringLiteral("roomId"));
        if (banIsActive(m_ctx.storage.ban(roomId, caller.userId), m_ctx.now()))
            return apiError(ErrorCode::Forbidden, QStringLiteral("you are banned from this room"));
        if (m_ctx.storage.memberCount(roomId) >= a.record.room.maxMembers)
            return roomFull(a.record.room.maxMembers);
        inTransaction(m_ctx.storage, [&] { addMember(a.record, caller.userId, Role::Member, fx); });
        a.record = *m_ctx.storage.roomById(roomId);
        a.membership = m_ctx.storage.member(roomId, caller.userId);
    }
    JoinedRoom out;
    out.room = m_guard.view(caller, a.record, a.membership);
    const int limit = std::clamp(historyLimit, 1, m_ctx.settings.historyPageMax);
    out.messages = m_ctx.storage.messagesBefore(roomId, std::numeric_limits<qint64>::max(), limit, &out.hasMore);
    PollService(m_ctx).addMyVotes(caller.userId, out.messages);
    for (auto &m : out.messages)
        m = presentMessage(std::move(m));
    return out;
}

Result<Done> RoomService::leave(const Caller &caller, const QString &roomId, Effects &fx)
{
    auto access = m_guard.visible(caller, roomId);
    if (!access)
        return *access.error;
    if (!access.value.membership)
        return apiError(ErrorCode::Conflict, QStringLiteral("you are not a member of this room"));
    if (access.value.membership->role == Role::Owner && access.value.record.room.type != RoomType::Direct &&
        m_ctx.storage.memberCount(roomId) > 1)
        return apiError(ErrorCode::Conflict, QStringLiteral("hand ownership to another member before leaving"));
    inTransaction(m_ctx.storage, [&] { removeMember(roomId, caller.userId, fx); });
    return Done{};
}

void RoomService::overlayPresence(Member &m) const
{
    if (const auto p = m_ctx.presence.get(m.userId)) {
        m.status = p->status;
        m.lastSeen = p->lastSeen;
        m.customStatus = p->customStatus;
    }
    m.isOnline = m_ctx.presence.isOnline(m.userId);
}

Result<MemberPage> RoomService::members(const Caller &caller, const QString &roomId, const MemberQuery &query)
{
    auto access = m_guard.visible(caller, roomId);
    if (!access)
        return *access.error;
    const int limit = std::clamp(query.limit, 1, 200);
    const qint64 now = m_ctx.now();
    // The whole list is read and sorted here: "online" lives in memory, not in the database.
    // A few thousand rows take milliseconds, on the storage thread.
    std::vector<Member> all;
    constexpr int kChunk = 10000;
    for (int offset = 0;; offset += kChunk) {
        std::vector<Member> chunk = m_ctx.storage.listMembers(roomId, kChunk, offset, nullptr);
        const bool last = int(chunk.size()) < kChunk;
        std::move(chunk.begin(), chunk.end(), std::back_inserter(all));
        if (last)
            break;
    }
    MemberPage page;
    for (Member &m : all) {
        if (m.isMuted && m.mutedUntil != 0 && m.mutedUntil <= now) {
            m.isMuted = false;
            m.mutedUntil = 0;
        }
        overlayPresence(m);
        if (m.userId == caller.userId)
            page.self = m;
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        std::erase_if(all, [&](const Member &m) {
            return !m.displayName.contains(text, Qt::CaseInsensitive) &&
                   !m.username.contains(text, Qt::CaseInsensitive);
        });
    }
    std::vector<std::pair<MemberOrderKey, std::size_t>> order;
    order.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        order.emplace_back(MemberOrderKey::of(all[i]), i);
        switch (memberSection(all[i])) {
        case MemberSection::Owner: ++page.sections.owner; break;
        case MemberSection::Admin: ++page.sections.admin; break;
        case MemberSection::Moderator: ++page.sections.moderator; break;
        case MemberSection::Online: ++page.sections.online; break;
        case MemberSection::Offline: ++page.sections.offline; break;
        }
    }
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::size_t start = std::size_t(std::clamp(query.offset, 0, int(order.size())));
    if (query.after) {
        const auto it = std::upper_bound(order.begin(), order.end(), *query.after,
                                         [](const MemberOrderKey &k, const auto &e) { return k < e.first; });
        start = std::size_t(it - order.begin());
    }
    const std::size_t end = std::min(order.size(), start + std::size_t(limit));
    for (std::size_t i = start; i < end; ++i)
        page.members.push_back(std::move(all[order[i].second]));
    const bool hasMore = end < order.size();
    if (hasMore && end > start)
        page.nextCursor = QString::fromLatin1(order[end - 1].first.encode());
    page.pagination = {int(order.size()), limit, int(start), hasMore};
    return page;
}

Result<Member> RoomService::invite(const Caller &caller, const QString &roomId, const QString &userId, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    const RoomAccess &a = access.value;
    if (auto denied = m_guard.require(a, Action::InviteMember))
        return *denied;
    const Room &room = a.record.room;
    if (room.type == RoomType::Direct)
        return apiError(ErrorCode::Forbidden, QStringLiteral("nobody can be added to a direct conversation"));
    const bool moderator = caller.serverAdmin || (a.actor.roomRole && *a.actor.roomRole >= Role::Moderator);
    if (!room.settings.allowInvites && !moderator)
        return apiError(ErrorCode::Forbidden, QStringLiteral("only moderators may invite to this room"));
    if (auto bad = validateId(userId, QStringLiteral("userId")))
        return *bad;
    const auto user = m_ctx.storage.userById(userId);
    if (!user || user->disabled)
        return apiError(ErrorCode::UserNotFound, QStringLiteral("user %1 does not exist").arg(userId),
                        QStringLiteral("userId"));
    if (m_ctx.storage.member(roomId, userId))
        return apiError(ErrorCode::Conflict, QStringLiteral("%1 is already a member").arg(user->user.displayName));
    if (banIsActive(m_ctx.storage.ban(roomId, userId), m_ctx.now()))
        return apiError(ErrorCode::Forbidden,
                        QStringLiteral("%1 is banned from this room").arg(user->user.displayName));
    if (m_ctx.storage.memberCount(roomId) >= room.maxMembers)
        return roomFull(room.maxMembers);
    Member added;
    inTransaction(m_ctx.storage, [&] {
        added = addMember(a.record, userId, Role::Member, fx, caller.userId);
        audit(m_ctx, caller, actionName(Action::InviteMember), roomId, userId);
    });
    return added;
}

Result<Done> RoomService::eraseAccount(const Caller &caller, Effects &fx, const QString &address)
{
    inTransaction(m_ctx.storage, [&] {
        for (const RoomRecord &r : m_ctx.storage.roomsOfUser(caller.userId)) {
            const QString roomId = r.room.roomId;
            const auto me = m_ctx.storage.member(roomId, caller.userId);
            if (me && me->role == Role::Owner && r.room.type != RoomType::Direct) {
                // Highest role first, then who joined first.
                std::optional<Member> heir;
                for (const Member &m : m_ctx.storage.listMembers(roomId, 100000, 0, nullptr)) {
                    if (m.userId == caller.userId || m.role == Role::Owner)
                        continue;
                    if (!heir || m.role > heir->role || (m.role == heir->role && m.joinedAt < heir->joinedAt))
                        heir = m;
                }
                if (heir) {
                    auto record = m_ctx.storage.member(roomId, heir->userId);
                    record->role = Role::Owner;
                    m_ctx.storage.updateMember(*record);
                    audit(m_ctx, caller, actionName(Action::TransferOwnership), roomId, heir->userId, {},
                          QStringLiteral("account erased"));
                    const Member shown = memberView(roomId, heir->userId);
                    const QByteArray bytes = m_guard.logEvent(roomId, [&](qint64 seq) {
                        return MemberUpdatedFrame{seq, roomId, shown};
                    });
                    fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
                    SystemMessages(m_ctx).post(
                        roomId, systemEvent(SystemEventKind::OwnershipTransferred, caller.userId, heir->userId), fx);
                }
            }
            removeMember(roomId, caller.userId, fx);
        }
        m_ctx.storage.deleteUser(caller.userId);
        AccountAudit(m_ctx).record(accountaction::kErase, caller.userId, caller.displayName, address);
        recordStandingChange(m_ctx, caller.userId, StandingChangeKind::Erased);
    });
    m_ctx.members.removeUser(caller.userId);
    return Done{};
}

} // namespace confab::server
