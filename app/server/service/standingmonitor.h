// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storage.h"

#include <QHash>

#include <vector>

namespace confab::server {

// The storage thread's view of standing changes (storage.h): which users' cached callers are
// out of date, and the changes not yet handed to the network thread to close or re-check
// connections. Changes come from this process (noteLocalChange) and from other processes on the
// same database (the command line), which poll() notices through the storage's commit marker.
class StandingMonitor {
public:
    // Starts from what the database holds now: changes made before the server ran do not concern
    // any connection of it.
    void start(Storage &storage);
    // A change was written by this process's connection, whose own commits do not move the
    // commit marker: the next poll() must read.
    void noteLocalChange() { m_mustRead = true; }
    // Reads changes committed since the last poll; only the commit marker when there are none.
    // Call outside a transaction that wrote a change (it would read the uncommitted row).
    void poll(Storage &storage);

    // The last change read: a caller authenticated now is current up to it.
    qint64 lastId() const { return m_lastId; }
    // Has the user's standing changed after change `sinceId`?
    bool changedSince(const QString &userId, qint64 sinceId) const { return m_latestByUser.value(userId) > sinceId; }
    // The changes read since the last call, oldest first.
    std::vector<StandingChange> takeUnannounced() { return std::exchange(m_unannounced, {}); }

private:
    static constexpr int kReadLimit = 1000;

    qint64 m_lastId = 0;
    qint64 m_commitMarker = 0;
    bool m_mustRead = false;
    QHash<QString, qint64> m_latestByUser; // user -> id of their last change
    std::vector<StandingChange> m_unannounced;
};

} // namespace confab::server
