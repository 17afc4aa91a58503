// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock.h"

#include <QHash>
#include <QString>

namespace confab::server {

// Failed sign-ins per username, on the network thread. After `maxFailures` failures within
// `windowMs` the name is locked out, for `baseLockoutMs` the first time and twice as long each
// time after (up to `maxLockoutMs`); a successful sign-in forgets the name. Names are counted
// whether or not an account has them, so a lockout does not tell which names exist. The table
// is bounded: when full, names neither locked nor recently failed go first, then the oldest.
class LoginThrottle {
public:
    struct Settings {
        int maxFailures = 5;
        qint64 windowMs = 15 * 60 * 1000;
        qint64 baseLockoutMs = 30 * 1000;
        qint64 maxLockoutMs = 60 * 60 * 1000;
        qint64 forgetAfterMs = 24 * 60 * 60 * 1000; // a quiet day resets the growth of lockouts
        int maxEntries = 100000;
    };

    explicit LoginThrottle(const Clock &clock) : LoginThrottle(clock, Settings{}) {}
    LoginThrottle(const Clock &clock, Settings settings);

    // Seconds until `key` may try again (rounded up), 0 when it may try now.
    int retryAfterSeconds(const QString &key) const;
    void recordFailure(const QString &key);
    void recordSuccess(const QString &key) { m_entries.remove(key); }
    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        int failures = 0;
        int lockouts = 0;
        qint64 windowStartMs = 0;
        qint64 lastFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };
    void makeRoom(qint64 now);
    void evictOlderHalf(qint64 now, bool lockedToo);

    const Clock &m_clock;
    Settings m_settings;
    QHash<QString, Entry> m_entries;
};

} // namespace confab::server
