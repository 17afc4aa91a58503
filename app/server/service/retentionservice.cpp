// SPDX-License-Identifier: GPL-3.0-or-later
#include "retentionservice.h"

#include "ops/faultpoint.h"

namespace confab::server {

Result<int> RetentionService::purgeAuditBatch(int days, int batchSize)
{
    if (days <= 0)
        return 0;
    const qint64 cutoff = m_ctx.now() - qint64(days) * kDayMs;
    return inTransaction(m_ctx.storage, [&] { return m_ctx.storage.purgeAuditBefore(cutoff, batchSize); });
}

RetentionRule RetentionService::rule(int days, const MessageRetentionPolicy &policy) const
{
    return RetentionRule{m_ctx.now() - qint64(days) * kDayMs, policy.keepPinned, policy.keepLast};
}

Result<std::vector<RoomRetention>> RetentionService::roomsUnderRetention(const MessageRetentionPolicy &policy)
{
    std::vector<RoomRetention> out;
    RoomQuery q;
    q.everyRoom = true;
    q.limit = 1000;
    for (int total = 0;; q.offset += q.limit) {
        const std::vector<RoomRecord> page = m_ctx.storage.listRooms(q, &total);
        for (const RoomRecord &r : page) {
            const int days =
                r.room.settings.messageRetention > 0 ? r.room.settings.messageRetention : policy.defaultDays;
            if (days > 0)
                out.push_back({r.room.roomId, r.room.name, days, 0});
        }
        if (page.empty() || q.offset + q.limit >= total)
            break;
    }
    return out;
}

Result<std::vector<RoomRetention>> RetentionService::preview(const MessageRetentionPolicy &policy)
{
    auto rooms = roomsUnderRetention(policy);
    for (RoomRetention &r : rooms.value)
        r.expired = m_ctx.storage.countExpiredMessages(r.roomId, rule(r.days, policy));
    return rooms;
}

Result<int> RetentionService::purgeRoomBatch(const QString &roomId, int days, const MessageRetentionPolicy &policy,
                                             int batchSize, Effects &fx)
{
    if (days <= 0)
        return 0;
    return inTransaction(m_ctx.storage, [&]() -> int {
        if (!m_ctx.storage.roomById(roomId))
            return 0; // deleted since the sweep listed it
        const std::vector<ExpiredMessage> expired =
            m_ctx.storage.expiredMessages(roomId, rule(days, policy), batchSize);
        if (expired.empty())
            return 0;
        std::vector<QString> ids;
        QStringList shownIds;
        ids.reserve(expired.size());
        for (const ExpiredMessage &m : expired) {
            ids.push_back(m.messageId);
            shownIds.append(m.messageId);
        }
        m_ctx.storage.deleteMessages(ids);
        const qint64 upToSeq = expired.back().seq;
        const QByteArray bytes = RoomGuard(m_ctx).logEvent(roomId, [&](qint64 seq) {
            return MessagesPurgedFrame{seq, roomId, shownIds, upToSeq};
        });
        fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
        FaultPoint::reach("retention-batch"); // a crash test's SIGKILL before this commits
        return int(expired.size());
    });
}

} // namespace confab::server
