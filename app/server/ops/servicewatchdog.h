// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace confab::server {

class StorageWorker;

// Tells systemd the server is up (READY=1 once listening) and alive (WATCHDOG=1), so a server
// whose loop is stuck gets restarted. Alive means both threads work: the network thread sends
// WATCHDOG=1 from its event loop, and only while the storage thread answered the previous ping;
// a stuck storage thread (a hung disk) stops the keep-alives as surely as a stuck loop.
class ServiceWatchdog : public QObject {
    Q_OBJECT
public:
    explicit ServiceWatchdog(StorageWorker &worker, QObject *parent = nullptr);

    void start(); // once listening
    void stop();  // STOPPING=1, no more keep-alives

private:
    void tick();

    StorageWorker &m_worker;
    QTimer m_timer;
    bool m_storageAnswered = true; // storage was open and answering when start() was called
    bool m_pingOut = false;
    bool m_started = false;
};

} // namespace confab::server
