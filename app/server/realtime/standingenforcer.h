// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/storageworker.h"

#include <QObject>
#include <QTimer>

namespace confab::server {

class ConnectionRegistry;
class RealtimeSession;

// Makes changes of a user's standing (StandingChange: signed out, password reset, disabled,
// banned, erased, role changed) reach that user's open WebSockets, whichever process made them:
// it asks the storage thread every `intervalMs` for the changes it has read (StandingMonitor,
// cheap when there are none), then closes the connections a change revoked (1008, with the
// reason) and re-checks the others, so a demoted server admin's cached caller loses the flag.
// Network thread; the polling never blocks it.
class StandingEnforcer : public QObject {
public:
    StandingEnforcer(StorageWorker &worker, ConnectionRegistry &registry, int intervalMs, QObject *parent = nullptr);

    // The WebSocket close reason for a change that ends connections; empty for one that does not.
    static QString closeReason(StandingChangeKind kind);

    void apply(const std::vector<StandingChange> &changes);

private:
    void poll();
    void recheck(RealtimeSession *session);

    StorageWorker &m_worker;
    ConnectionRegistry &m_registry;
    QTimer m_timer;
    bool m_polling = false; // one poll queued at a time, however busy the storage thread is
};

} // namespace confab::server
