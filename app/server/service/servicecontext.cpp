// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicecontext.h"

#include "core/jsondocument.h"

#include <nlohmann/json.hpp>

namespace confab::server {

QByteArray frameBytes(const ServerFrame &frame) { return toJsonBytes(encodeFrame(frame)); }

namespace {
bool isDiscoverable(RoomType t) { return t == RoomType::Public || t == RoomType::Announcement; }
} // namespace

Result<RoomAccess> RoomGuard::visible(const Caller &caller, const QString &roomId)
{
    auto record = m_ctx.storage.roomById(roomId);
    if (!record)
        return apiError(ErrorCode::RoomNotFound, QStringLiteral("room %1 does not exist").arg(roomId),
                        QStringLiteral("roomId"));
    RoomAccess access;
    access.membership = m_ctx.storage.member(roomId, caller.userId);
    if (!access.membership && !caller.serverAdmin && !isDiscoverable(record->room.type))
        return apiError(ErrorCode::RoomNotFound, QStringLiteral("room %1 does not exist").arg(roomId),
                        QStringLiteral("roomId"));
    access.record = std::move(*record);
    access.actor.serverAdmin = caller.serverAdmin;
    if (access.membership)
        access.actor.roomRole = access.membership->role;
    return access;
}

Result<RoomAccess> RoomGuard::joined(const Caller &caller, const QString &roomId)
{
    auto access = visible(caller, roomId);
    if (access && !access.value.membership && !caller.serverAdmin)
        return apiError(ErrorCode::Forbidden, QStringLiteral("join the room first"), QStringLiteral("roomId"));
    return access;
}

std::optional<ApiError> RoomGuard::require(const RoomAccess &access, Action action,
                                           std::optional<Role> targetRole) const
{
    const QString why = denialReason(access.actor, action, targetRole);
    if (why.isEmpty())
        return std::nullopt;
    return apiError(ErrorCode::Forbidden, why);
}

Room RoomGuard::view(const Caller &caller, const RoomRecord &record, const std::optional<MemberRecord> &membership)
{
    Room room = record.room;
    room.isJoined = membership.has_value();
    room.myRole.reset();
    room.unreadCount = 0;
    room.notifications = membership ? membership->notifications : NotificationPrefs{};
    if (membership) {
        room.myRole = membership->role;
        if (record.lastSeq > membership->lastReadSeq) {
            room.unreadCount = m_ctx.storage.countUnread(room.roomId, membership->lastReadSeq, caller.userId);
            if (room.unreadCount > 0 && !caller.username.isEmpty())
                room.mentionCount = m_ctx.storage.countUnreadMentions(room.roomId, membership->lastReadSeq,
                                                                      caller.userId, caller.username);
        }
    }
    if (auto last = m_ctx.storage.lastMessage(room.roomId))
        room.lastMessage = presentMessage(std::move(*last));
    if (room.type == RoomType::Direct && membership) {
        // A direct conversation is named after the other person, for each of the two.
        int total = 0;
        for (const Member &m : m_ctx.storage.listMembers(room.roomId, 2, 0, &total)) {
            if (m.userId != caller.userId) {
                room.name = m.displayName;
                room.avatar = m.avatar;
                room.peerUserId = m.userId;
            }
        }
    }
    return room;
}

QByteArray RoomGuard::logEvent(const QString &roomId, const std::function<ServerFrame(qint64 seq)> &make,
                               const QString &messageId)
{
    EventRecord e;
    e.roomId = roomId;
    e.seq = m_ctx.storage.nextSeq(roomId);
    const ServerFrame frame = make(e.seq);
    const QByteArray bytes = frameBytes(frame);
    e.type = frameType(frame);
    e.messageId = messageId;
    if (messageId.isEmpty())
        e.payload = bytes;
    e.createdAt = m_ctx.now();
    m_ctx.storage.appendEvent(e);
    if (m_ctx.counters)
        ++m_ctx.counters->roomEvents;
    return bytes;
}

Message presentMessage(Message m)
{
    if (m.isDeleted) {
        m.reactions.clear(); // a placeholder carries nothing of what it was
        m.poll.reset();
    }
    if (m.isAnonymous) {
        m.authorId.clear();
        m.authorAvatar.clear();
        m.authorName = m.anonymousName.isEmpty() ? QStringLiteral("Anonymous") : m.anonymousName;
    }
    return m;
}

void audit(ServiceContext &ctx, const Caller &caller, const QString &action, const QString &roomId,
           const QString &targetUserId, const QString &messageId, const QString &reason)
{
    AuditEntry e;
    e.auditId = ctx.ids.newId(u"a");
    e.actorId = caller.userId;
    e.actorName = caller.displayName;
    e.action = action;
    e.roomId = roomId;
    e.targetUserId = targetUserId;
    e.messageId = messageId;
    e.reason = reason;
    e.createdAt = ctx.now();
    ctx.storage.insertAudit(e);
}

void recordStandingChange(ServiceContext &ctx, const QString &userId, StandingChangeKind kind,
                          const QByteArray &tokenHash)
{
    // A running server reads a change within a second; a day is plenty for one that is busy.
    constexpr qint64 kKeepMs = 24 * 3600 * 1000;
    ctx.storage.purgeStandingChangesBefore(ctx.now() - kKeepMs);
    ctx.storage.insertStandingChange(StandingChange{0, userId, tokenHash, kind, ctx.now()});
    ctx.standing.noteLocalChange();
}

} // namespace confab::server
