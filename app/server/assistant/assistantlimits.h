// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistantconfig.h"

#include "core/errors.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>

namespace confab::server {

// The assistant's limits, checked before a model is called: one answer at a time per room,
// answers per minute per user and per room, and daily token quotas (tokens in + out, UTC day)
// per user and per room. Network thread only; AssistantHub keeps the day's tokens in storage too
// and hands them back here at start (restoreTokens).
class AssistantLimits {
public:
    explicit AssistantLimits(const AssistantConfig &config) : m_config(config) {}

    // Nullopt when this user may have an answer in this room now (roomId empty: no room);
    // else CONFLICT (the room is busy) or RATE_LIMITED with the wait.
    std::optional<ApiError> check(const QString &userId, const QString &roomId, qint64 nowMs) const;
    // Counts an answer that starts now; with a room, marks it busy until release().
    void admit(const QString &userId, const QString &roomId, qint64 nowMs);
    void release(const QString &roomId) { m_busyRooms.remove(roomId); }
    void addTokens(const QString &userId, const QString &roomId, qint64 tokens, qint64 nowMs);
    // Tokens a room's (room) or a user's count had on `day` (dayOf) before this run.
    void restoreTokens(qint64 day, bool room, const QString &id, qint64 tokens);
    // The UTC day of a time, as the quotas count days.
    static qint64 dayOf(qint64 nowMs);

private:
    struct Window {
        std::deque<qint64> starts; // within the last minute
    };
    struct Quota {
        qint64 day = -1;
        qint64 used = 0;
    };
    static int waitSeconds(const Window &w, int perMinute, qint64 nowMs);
    static void trim(Window &w, qint64 nowMs);
    static qint64 usedToday(const Quota &q, qint64 nowMs);

    AssistantConfig m_config;
    QSet<QString> m_busyRooms;
    mutable QHash<QString, Window> m_userWindows;
    mutable QHash<QString, Window> m_roomWindows;
    QHash<QString, Quota> m_userQuotas;
    QHash<QString, Quota> m_roomQuotas;
};

} // namespace confab::server
