// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "roomservice.h"

#include "core/requests.h"

namespace confab::server {

using confab::MemberChange; // the body of PATCH .../members/{userId}

// Roles, mutes, kicks, bans and the audit log, on the storage thread. Every action is audited.
class ModerationService {
public:
    ModerationService(ServiceContext &ctx, RoomService &rooms) : m_ctx(ctx), m_guard(ctx), m_rooms(rooms) {}

    Result<Member> changeMember(const Caller &caller, const QString &roomId, const QString &userId,
                                const MemberChange &change, Effects &fx);
    Result<Done> kick(const Caller &caller, const QString &roomId, const QString &userId, const QString &reason,
                      Effects &fx);
    Result<BanRecord> ban(const Caller &caller, const QString &roomId, const QString &userId, const QString &reason,
                          qint64 durationSeconds, Effects &fx);
    Result<Done> unban(const Caller &caller, const QString &roomId, const QString &userId);
    Result<std::vector<BanRecord>> bans(const Caller &caller, const QString &roomId);
    // Server admins see everything; room admins the entries of rooms where they are admin or owner.
    Result<std::vector<AuditEntry>> auditLog(const Caller &caller, AuditQuery query);

private:
    Result<Member> transferOwnership(const Caller &caller, const RoomAccess &access, const MemberRecord &target,
                                     Effects &fx);
    void announceMember(const QString &roomId, const QString &userId, Effects &fx);

    ServiceContext &m_ctx;
    RoomGuard m_guard;
    RoomService &m_rooms;
};

} // namespace confab::server
