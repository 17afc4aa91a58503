// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Retention on the storage thread: what is older than its keep period goes, a small batch per
// call, each batch its own short transaction, so that the requests queued meanwhile (sends) run
// between two batches. RetentionSweeper (network thread) posts the batches one after another.

#include "servicecontext.h"

namespace confab::server {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// The server's side of message retention: a room's settings.messageRetention (days) wins; rooms
// without one follow defaultDays (0: keep forever).
struct MessageRetentionPolicy {
    int defaultDays = 0;
    bool keepPinned = true;
    bool keepLast = true;
};

struct RoomRetention {
    QString roomId;
    QString name;
    int days = 0;
    int expired = 0; // filled by preview() only
};

class RetentionService {
public:
    explicit RetentionService(ServiceContext &ctx) : m_ctx(ctx) {}

    // Deletes one batch of audit entries older than `days`; returns how many (< batch: done).
    Result<int> purgeAuditBatch(int days, int batchSize);
    // Every room that keeps messages for a limited time, with its period.
    Result<std::vector<RoomRetention>> roomsUnderRetention(const MessageRetentionPolicy &policy);
    // As roomsUnderRetention(), with how many messages each would lose now (the dry run).
    Result<std::vector<RoomRetention>> preview(const MessageRetentionPolicy &policy);
    // Deletes one batch of the room's expired messages (with their reactions and pins) and logs a
    // messages_purged event for them, delivered to the members; returns how many (< batch: done).
    Result<int> purgeRoomBatch(const QString &roomId, int days, const MessageRetentionPolicy &policy, int batchSize,
                               Effects &fx);

private:
    RetentionRule rule(int days, const MessageRetentionPolicy &policy) const;
    ServiceContext &m_ctx;
};

} // namespace confab::server
