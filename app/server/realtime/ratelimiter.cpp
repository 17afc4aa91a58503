#include "ratelimiter.h"

#include <cmath>

namespace confab::server {

int RateLimiter::take(const QString &key, const Rule &rule, qint64 nowMs)
{
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
