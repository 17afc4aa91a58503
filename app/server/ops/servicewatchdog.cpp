// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicewatchdog.h"

#include "storagestall.h"
#include "systemdnotifier.h"

#include "service/storageworker.h"

namespace confab::server {

ServiceWatchdog::ServiceWatchdog(StorageWorker &worker, QObject *parent) : QObject(parent), m_worker(worker)
{
    connect(&m_timer, &QTimer::timeout, this, &ServiceWatchdog::tick);
}

void ServiceWatchdog::start()
{
    m_started = true;
    SystemdNotifier::notify("READY=1");
    const qint64 intervalUs = SystemdNotifier::watchdogIntervalUs();
    if (intervalUs <= 0)
        return;
    // A quarter of the interval: a ping answered just after one tick is reported at the next,
    // still well inside systemd's limit.
    m_timer.start(int(qBound(qint64(50), intervalUs / 4000, qint64(60 * 60 * 1000))));
    tick();
}

void ServiceWatchdog::stop()
{
    if (!std::exchange(m_started, false))
        return;
    m_timer.stop();
    SystemdNotifier::notify("STOPPING=1");
}

void ServiceWatchdog::tick()
{
    if (m_storageAnswered)
        SystemdNotifier::notify("WATCHDOG=1");
    if (m_pingOut)
        return; // the last one is still queued or running: storage is behind or stuck
    m_pingOut = true;
    m_storageAnswered = false;
    m_worker.run<Done>(
        this,
        [](Services &, Effects &) -> Result<Done> {
            StorageStall::holdWhileAsked();
            return Done{};
        },
        [this](Result<Done>) {
            m_pingOut = false;
            m_storageAnswered = true;
        });
}

} // namespace confab::server
