// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingtracker.h"

namespace confab::server {

TypingTracker::TypingTracker(const Clock &clock, int timeoutMs, Notify notify, QObject *parent)
    : QObject(parent), m_clock(clock), m_timeoutMs(timeoutMs), m_notify(std::move(notify))
{
    // A coarse tick is enough: an indicator may outlive its 3 s by a fraction of the tick.
    m_tick.setInterval(std::max(50, timeoutMs / 10));
    connect(&m_tick, &QTimer::timeout, this, [this] { expire(); });
}

void TypingTracker::start(const QString &roomId, const QString &userId, const QString &displayName)
{
    const QString k = key(roomId, userId);
    auto it = m_typing.find(k);
    const bool isNew = it == m_typing.end();
    if (isNew)
        it = m_typing.insert(k, Entry{roomId, userId, displayName, 0});
    it->renewedAt = m_clock.nowMs();
    if (isNew)
        m_notify(roomId, userId, displayName, true); // renewals are not re-announced
    if (!m_tick.isActive())
        m_tick.start();
}

void TypingTracker::stop(const QString &roomId, const QString &userId)
{
    const auto e = m_typing.take(key(roomId, userId));
    if (!e.userId.isEmpty())
        m_notify(e.roomId, e.userId, e.displayName, false);
}

void TypingTracker::stopAllOf(const QString &userId)
{
    endWhere([&](const Entry &e) { return e.userId == userId; });
}

void TypingTracker::expire()
{
    const qint64 nowMs = m_clock.nowMs();
    for (Entry &e : m_typing) {
        if (e.renewedAt > nowMs)
            e.renewedAt = nowMs; // the clock went back: count the timeout from now
    }
    endWhere([&](const Entry &e) { return e.renewedAt + m_timeoutMs <= nowMs; });
    if (m_typing.isEmpty())
        m_tick.stop();
}

void TypingTracker::endWhere(const std::function<bool(const Entry &)> &ended)
{
    // Collected first: a notification may start or stop typing again.
    QList<Entry> done;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        if (ended(*it)) {
            done << *it;
            it = m_typing.erase(it);
        } else {
            ++it;
        }
    }
    for (const Entry &e : done)
        m_notify(e.roomId, e.userId, e.displayName, false);
}

} // namespace confab::server
