// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantlimits.h"

namespace confab::server {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 3600 * 1000;

ApiError limited(const QString &message, int waitSeconds)
{
    ApiError e{ErrorCode::RateLimited, message, QStringLiteral("assistant"), waitSeconds};
    return e;
}
} // namespace

void AssistantLimits::trim(Window &w, qint64 nowMs)
{
    while (!w.starts.empty() && w.starts.front() <= nowMs - kMinuteMs)
        w.starts.pop_front();
}

int AssistantLimits::waitSeconds(const Window &w, int perMinute, qint64 nowMs)
{
    if (perMinute <= 0 || int(w.starts.size()) < perMinute)
        return 0;
    const qint64 freeAt = w.starts[w.starts.size() - std::size_t(perMinute)] + kMinuteMs;
    return int(std::max<qint64>(1, (freeAt - nowMs + 999) / 1000));
}

qint64 AssistantLimits::usedToday(const Quota &q, qint64 nowMs) { return q.day == nowMs / kDayMs ? q.used : 0; }

std::optional<ApiError> AssistantLimits::check(const QString &userId, const QString &roomId, qint64 nowMs) const
{
    if (!roomId.isEmpty() && m_busyRooms.contains(roomId))
        return ApiError{ErrorCode::Conflict,
                        QStringLiteral("the assistant is already answering in this room; try again when it is done"),
                        QStringLiteral("assistant"), 0};
    Window &user = m_userWindows[userId];
    trim(user, nowMs);
    if (const int wait = waitSeconds(user, m_config.userPerMinute, nowMs))
        return limited(QStringLiteral("you asked the assistant %1 times this minute: wait %2 s")
                           .arg(m_config.userPerMinute)
                           .arg(wait),
                       wait);
    if (!roomId.isEmpty()) {
        Window &room = m_roomWindows[roomId];
        trim(room, nowMs);
        if (const int wait = waitSeconds(room, m_config.roomPerMinute, nowMs))
            return limited(QStringLiteral("the assistant answered %1 times in this room this minute: wait %2 s")
                               .arg(m_config.roomPerMinute)
                               .arg(wait),
                           wait);
    }
    const int untilTomorrow = int((kDayMs - nowMs % kDayMs + 999) / 1000);
    if (m_config.userDailyTokens > 0 && usedToday(m_userQuotas.value(userId), nowMs) >= m_config.userDailyTokens)
        return limited(QStringLiteral("you used your daily assistant quota of %1 tokens").arg(m_config.userDailyTokens),
                       untilTomorrow);
    if (!roomId.isEmpty() && m_config.roomDailyTokens > 0 &&
        usedToday(m_roomQuotas.value(roomId), nowMs) >= m_config.roomDailyTokens)
        return limited(
            QStringLiteral("this room used its daily assistant quota of %1 tokens").arg(m_config.roomDailyTokens),
            untilTomorrow);
    return std::nullopt;
}

void AssistantLimits::admit(const QString &userId, const QString &roomId, qint64 nowMs)
{
    m_userWindows[userId].starts.push_back(nowMs);
    if (!roomId.isEmpty()) {
        m_roomWindows[roomId].starts.push_back(nowMs);
        m_busyRooms.insert(roomId);
    }
}

qint64 AssistantLimits::dayOf(qint64 nowMs) { return nowMs / kDayMs; }

void AssistantLimits::restoreTokens(qint64 day, bool room, const QString &id, qint64 tokens)
{
    Quota &q = room ? m_roomQuotas[id] : m_userQuotas[id];
    if (q.day != day)
        q = Quota{day, 0};
    q.used += tokens;
}

void AssistantLimits::addTokens(const QString &userId, const QString &roomId, qint64 tokens, qint64 nowMs)
{
    const qint64 day = nowMs / kDayMs;
    auto add = [&](Quota &q) {
        if (q.day != day)
            q = Quota{day, 0};
        q.used += tokens;
    };
    add(m_userQuotas[userId]);
    if (!roomId.isEmpty())
        add(m_roomQuotas[roomId]);
}

} // namespace confab::server
