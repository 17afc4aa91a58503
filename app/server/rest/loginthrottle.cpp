// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginthrottle.h"

#include <algorithm>
#include <vector>

namespace confab::server {

LoginThrottle::LoginThrottle(const Clock &clock, Settings settings) : m_clock(clock), m_settings(settings) {}

int LoginThrottle::retryAfterSeconds(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return 0;
    const qint64 left = it->lockedUntilMs - m_clock.nowMs();
    return left > 0 ? int((left + 999) / 1000) : 0;
}

void LoginThrottle::recordFailure(const QString &key)
{
    const qint64 now = m_clock.nowMs();
    if (!m_entries.contains(key) && m_entries.size() >= m_settings.maxEntries)
        makeRoom(now);
    Entry &e = m_entries[key];
    if (e.lastFailureMs != 0 && now - e.lastFailureMs > m_settings.forgetAfterMs)
        e = Entry{};
    if (e.failures == 0 || now - e.windowStartMs > m_settings.windowMs) {
        e.failures = 0;
        e.windowStartMs = now;
    }
    e.lastFailureMs = now;
    if (++e.failures < m_settings.maxFailures)
        return;
    // Doubling per lockout; the shift is capped so it cannot overflow.
    const qint64 lockout = std::min(m_settings.maxLockoutMs, m_settings.baseLockoutMs << std::min(e.lockouts, 20));
    ++e.lockouts;
    e.failures = 0;
    e.lockedUntilMs = now + lockout;
}

void LoginThrottle::makeRoom(qint64 now)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const bool quiet = it->lockedUntilMs <= now && now - it->windowStartMs > m_settings.windowMs;
        it = quiet ? m_entries.erase(it) : std::next(it);
    }
    if (m_entries.size() < m_settings.maxEntries)
        return;
    // Still full of recent failures: drop the older half of the names not locked (a flood of
    // names must not unlock the one under attack), and only if that is not enough, of all.
    evictOlderHalf(now, false);
    if (m_entries.size() >= m_settings.maxEntries)
        evictOlderHalf(now, true);
}

void LoginThrottle::evictOlderHalf(qint64 now, bool lockedToo)
{
    const auto candidate = [&](const Entry &e) { return lockedToo || e.lockedUntilMs <= now; };
    std::vector<qint64> times;
    for (const Entry &e : std::as_const(m_entries)) {
        if (candidate(e))
            times.push_back(e.lastFailureMs);
    }
    if (times.empty())
        return;
    const auto middle = times.begin() + qsizetype(times.size() / 2);
    std::nth_element(times.begin(), middle, times.end());
    const qint64 cutoff = *middle;
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = candidate(*it) && it->lastFailureMs <= cutoff ? m_entries.erase(it) : std::next(it);
}

} // namespace confab::server
