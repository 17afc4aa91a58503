// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationservice.h"

#include "anonymousaudit.h"
#include "systemmessages.h"

#include "core/validation.h"

namespace confab::server {

namespace {
ApiError notAMember(const QString &userId)
{
    return apiError(ErrorCode::UserNotFound, QStringLiteral("user %1 is not a member of this room").arg(userId),
                    QStringLiteral("userId"));
}
} // namespace

void ModerationService::announceMember(const QString &roomId, const QString &userId, Effects &fx)
{
    const Member member = m_rooms.memberView(roomId, userId);
    const QByteArray bytes = m_guard.logEvent(roomId, [&](qint64 seq) {
        return MemberUpdatedFrame{seq, roomId, member};
    });
    fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
}

Result<Member> ModerationService::changeMember(const Caller &caller, const QString &roomId, const QString &userId,
                                               const MemberChange &change, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    const RoomAccess &a = access.value;
    auto target = m_ctx.storage.member(roomId, userId);
    if (!target)
        return notAMember(userId);
    if (target->userId == caller.userId && !caller.serverAdmin)
        return apiError(ErrorCode::Forbidden, QStringLiteral("you cannot change your own role or mute yourself"));
    if (a.record.room.type == RoomType::Direct)
        return apiError(ErrorCode::Forbidden, QStringLiteral("roles and mutes do not apply in a direct conversation"));

    if (change.role && *change.role == Role::Owner)
        return transferOwnership(caller, a, *target, fx);

    MemberRecord next = *target;
    QStringList actions;
    if (change.role) {
        // Checked even when the role would stay the same: whoever may not change it is refused,
        // not answered with a silent success.
        const QString why = roleChangeDenialReason(a.actor, target->role, *change.role);
        if (!why.isEmpty())
            return apiError(ErrorCode::Forbidden, why, QStringLiteral("role"));
        if (*change.role != target->role) {
            next.role = *change.role;
            actions << QStringLiteral("member.role_%1").arg(toString(*change.role));
        }
    }
    if (change.isMuted) {
        if (auto denied = m_guard.require(a, Action::MuteMember, target->role))
            return *denied;
        const qint64 until = change.mutedUntil.value_or(0);
        if (*change.isMuted && until != 0 && until <= m_ctx.now())
            return apiError(ErrorCode::ValidationFailed, QStringLiteral("must be in the future"),
                            QStringLiteral("mutedUntil"));
        next.isMuted = *change.isMuted;
        next.mutedUntil = *change.isMuted ? until : 0;
        actions << (*change.isMuted ? QStringLiteral("member.mute") : QStringLiteral("member.unmute"));
    }
    if (actions.isEmpty())
        return m_rooms.memberView(roomId, userId);
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.updateMember(next);
        for (const QString &action : actions)
            audit(m_ctx, caller, action, roomId, userId);
        announceMember(roomId, userId, fx);
    });
    return m_rooms.memberView(roomId, userId);
}

Result<Member> ModerationService::transferOwnership(const Caller &caller, const RoomAccess &access,
                                                    const MemberRecord &target, Effects &fx)
{
    if (auto denied = m_guard.require(access, Action::TransferOwnership, target.role))
        return *denied;
    const QString roomId = target.roomId;
    inTransaction(m_ctx.storage, [&] {
        MemberRecord newOwner = target;
        newOwner.role = Role::Owner;
        m_ctx.storage.updateMember(newOwner);
        // The old owner steps down to admin (a server admin acting for an absent owner demotes
        // whoever owned the room).
        for (const Member &m : m_ctx.storage.listMembers(roomId, 100000, 0, nullptr)) {
            if (m.role == Role::Owner && m.userId != target.userId) {
                auto old = m_ctx.storage.member(roomId, m.userId);
                old->role = Role::Admin;
                m_ctx.storage.updateMember(*old);
                announceMember(roomId, m.userId, fx);
            }
        }
        audit(m_ctx, caller, actionName(Action::TransferOwnership), roomId, target.userId);
        announceMember(roomId, target.userId, fx);
        SystemMessages(m_ctx).post(
            roomId, systemEvent(SystemEventKind::OwnershipTransferred, caller.userId, target.userId), fx);
    });
    return m_rooms.memberView(roomId, target.userId);
}

Result<Done> ModerationService::kick(const Caller &caller, const QString &roomId, const QString &userId,
                                     const QString &reason, Effects &fx)
{
    if (auto bad = validateReason(reason))
        return *bad;
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto target = m_ctx.storage.member(roomId, userId);
    if (!target)
        return notAMember(userId);
    if (userId == caller.userId)
        return apiError(ErrorCode::Forbidden, QStringLiteral("leave the room instead of kicking yourself"));
    if (auto denied = m_guard.require(access.value, Action::KickMember, target->role))
        return *denied;
    inTransaction(m_ctx.storage, [&] {
        audit(m_ctx, caller, actionName(Action::KickMember), roomId, userId, {}, reason);
        m_rooms.removeMember(roomId, userId, fx, systemEvent(SystemEventKind::Kicked, caller.userId, userId));
    });
    fx.deliver(frameBytes(KickedFrame{roomId, reason}), singleUser(userId), roomId);
    return Done{};
}

Result<BanRecord> ModerationService::ban(const Caller &caller, const QString &roomId, const QString &userId,
                                         const QString &reason, qint64 durationSeconds, Effects &fx)
{
    if (auto bad = validateReason(reason))
        return *bad;
    if (durationSeconds < 0 || durationSeconds > qint64(100) * 365 * 86400)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("must be 0 (permanent) or a positive number of seconds"),
                        QStringLiteral("durationSeconds"));
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (userId == caller.userId)
        return apiError(ErrorCode::Forbidden, QStringLiteral("you cannot ban yourself"));
    if (!m_ctx.storage.userById(userId))
        return apiError(ErrorCode::UserNotFound, QStringLiteral("user %1 does not exist").arg(userId),
                        QStringLiteral("userId"));
    const auto target = m_ctx.storage.member(roomId, userId);
    // Someone not in the room can be banned ahead of time; they rank as a member.
    if (auto denied = m_guard.require(access.value, Action::BanMember, target ? target->role : Role::Member))
        return *denied;
    BanRecord b;
    b.roomId = roomId;
    b.userId = userId;
    b.bannedBy = caller.userId;
    b.reason = reason;
    b.createdAt = m_ctx.now();
    b.until = durationSeconds > 0 ? b.createdAt + durationSeconds * 1000 : 0;
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.upsertBan(b);
        audit(m_ctx, caller, actionName(Action::BanMember), roomId, userId, {}, reason);
        if (target)
            m_rooms.removeMember(roomId, userId, fx, systemEvent(SystemEventKind::Banned, caller.userId, userId));
    });
    fx.deliver(frameBytes(BannedFrame{roomId, reason, b.until}), singleUser(userId), roomId);
    return b;
}

Result<Done> ModerationService::unban(const Caller &caller, const QString &roomId, const QString &userId)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (auto denied = m_guard.require(access.value, Action::UnbanMember))
        return *denied;
    if (!m_ctx.storage.ban(roomId, userId))
        return apiError(ErrorCode::NotFound, QStringLiteral("user %1 is not banned here").arg(userId),
                        QStringLiteral("userId"));
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.deleteBan(roomId, userId);
        audit(m_ctx, caller, actionName(Action::UnbanMember), roomId, userId);
    });
    return Done{};
}

Result<std::vector<BanRecord>> ModerationService::bans(const Caller &caller, const QString &roomId)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (auto denied = m_guard.require(access.value, Action::BanMember))
        return *denied;
    return m_ctx.storage.listBans(roomId);
}

Result<std::vector<AuditEntry>> ModerationService::auditLog(const Caller &caller, AuditQuery query)
{
    query.limit = std::clamp(query.limit, 1, 200);
    if (!caller.serverAdmin) {
        std::vector<QString> mine;
        for (const auto &r : m_ctx.storage.roomsOfUser(caller.userId)) {
            const auto m = m_ctx.storage.member(r.room.roomId, caller.userId);
            if (m && roleAllows(m->role, Action::ViewRoomAudit))
                mine.push_back(r.room.roomId);
        }
        if (query.roomIds) {
            std::vector<QString> asked;
            for (const QString &id : *query.roomIds) {
                if (std::find(mine.begin(), mine.end(), id) == mine.end())
                    return apiError(ErrorCode::Forbidden,
                                    QStringLiteral("you may not read the audit log of room %1").arg(id),
                                    QStringLiteral("roomId"));
                asked.push_back(id);
            }
            mine = std::move(asked);
        }
        if (mine.empty())
            return apiError(ErrorCode::Forbidden,
                            QStringLiteral("only server admins and room admins may read the audit log"));
        query.roomIds = std::move(mine);
        std::vector<AuditEntry> entries = m_ctx.storage.listAudit(query);
        anonymousaudit::hideAuthors(entries);
        return entries;
    }
    return m_ctx.storage.listAudit(query);
}

} // namespace confab::server
