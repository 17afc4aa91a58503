#pragma once

#include <QHash>
#include <QString>

namespace confab::server {

// Token buckets per key ("user:kind"): `ratePerSecond` refill up to `burst`. Network thread only.
class RateLimiter {
public:
    struct Rule {
        double ratePerSecond = 10;
        double burst = 20;
    };

    // Takes one token. Returns 0 when allowed, else the seconds to wait before a token is there.
    int take(const QString &key, const Rule &rule, qint64 nowMs);
    // Drops buckets that have been full for a while, to bound memory.
    void prune(qint64 nowMs);

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
        double burst = 0;
    };
    QHash<QString, Bucket> m_buckets;
};

} // namespace confab::server
