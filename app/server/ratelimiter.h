// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

namespace confab::server {

// The server's rate limits, one owner for REST and WebSocket alike, so a user's calls over both
// draw on one budget. Token buckets per key and budget ("user:m"): `ratePerSecond` refill up to
// `burst`. Network thread only.
class RateLimiter : public QObject {
public:
    struct Rule {
        double ratePerSecond = 10;
        double burst = 20;
    };
    enum class Budget {
        Messages, // send/edit/react per user
        Requests, // every other frame and REST call per user (or address, before sign-in)
        Typing,
    };
    struct Rules {
        Rule messages{5, 20};
        Rule requests{20, 60};
        Rule typing{3, 10};
    };

    RateLimiter(const Clock &clock, Rules rules, QObject *parent = nullptr);

    // Takes one token from `key`'s bucket for `budget`. Returns 0 when allowed, else the seconds
    // to wait before a token is there.
    int take(const QString &key, Budget budget);

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
        double burst = 0;
    };
    // Drops buckets that have been full for a while, to bound memory.
    void prune(qint64 nowMs);

    const Clock &m_clock;
    Rules m_rules;
    QHash<QString, Bucket> m_buckets;
    QTimer m_pruneTimer;
};

} // namespace confab::server
