// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <cmath>

namespace confab::server {

RateLimiter::RateLimiter(const Clock &clock, Rules rules, QObject *parent)
    : QObject(parent), m_clock(clock), m_rules(rules)
{
    m_pruneTimer.setInterval(30000);
    connect(&m_pruneTimer, &QTimer::timeout, this, [this] { prune(m_clock.nowMs()); });
    m_pruneTimer.start();
}

int RateLimiter::take(const QString &bucketKey, Budget budget)
{
    const Rule *ruleOf = &m_rules.requests;
    QLatin1String suffix(":r");
    switch (budget) {
    case Budget::Messages:
        ruleOf = &m_rules.messages;
        suffix = QLatin1String(":m");
        break;
    case Budget::Requests: break;
    case Budget::Typing:
        ruleOf = &m_rules.typing;
        suffix = QLatin1String(":t");
        break;
    }
    const Rule &rule = *ruleOf;
    const QString key = bucketKey + suffix;
    const qint64 nowMs = m_clock.nowMs();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{rule.burst, nowMs, rule.burst});
    Bucket &b = *it;
    const double elapsed = double(std::max<qint64>(0, nowMs - b.updatedMs)) / 1000.0;
    b.tokens = std::min(rule.burst, b.tokens + elapsed * rule.ratePerSecond);
    b.updatedMs = nowMs;
    b.burst = rule.burst;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - b.tokens) / rule.ratePerSecond)));
}

void RateLimiter::prune(qint64 nowMs)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        // A bucket idle for a minute has refilled for any sane rule: forgetting it changes nothing.
        if (nowMs - it->updatedMs > 60000)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace confab::server
