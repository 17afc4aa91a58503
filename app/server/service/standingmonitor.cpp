// SPDX-License-Identifier: GPL-3.0-or-later
#include "standingmonitor.h"

namespace confab::server {

void StandingMonitor::start(Storage &storage)
{
    m_commitMarker = storage.externalCommitMarker();
    m_lastId = storage.lastStandingChangeId();
    m_mustRead = false;
}

void StandingMonitor::poll(Storage &storage)
{
    const qint64 marker = storage.externalCommitMarker();
    if (marker == m_commitMarker && !m_mustRead)
        return;
    m_commitMarker = marker;
    m_mustRead = false;
    for (;;) {
        const std::vector<StandingChange> changes = storage.standingChangesAfter(m_lastId, kReadLimit);
        for (const StandingChange &c : changes) {
            m_latestByUser.insert(c.userId, c.id);
            m_lastId = c.id;
            m_unannounced.push_back(c);
        }
        if (int(changes.size()) < kReadLimit)
            return;
    }
}

} // namespace confab::server
