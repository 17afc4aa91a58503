// SPDX-License-Identifier: GPL-3.0-or-later
#include "readinessprobe.h"

#include "storagestall.h"

#include "service/storageworker.h"

#include <QTimer>

namespace confab::server {

ReadinessProbe::ReadinessProbe(StorageWorker &worker, int timeoutMs, QObject *parent)
    : QObject(parent), m_worker(worker), m_timeoutMs(timeoutMs)
{
}

void ReadinessProbe::check(std::function<void(const Readiness &)> done)
{
    m_waiting.push_back(std::move(done));
    if (m_inFlight)
        return;
    m_inFlight = true;
    const quint64 probe = ++m_probe;
    QTimer::singleShot(m_timeoutMs, this, [this, probe] {
        finish(probe, {QStringLiteral("storage"),
                       QStringLiteral("the storage thread did not answer within %1 ms").arg(m_timeoutMs)});
    });
    StorageWorker *worker = &m_worker;
    m_worker.run<Readiness>(
        this,
        [worker](Services &s, Effects &) -> Result<Readiness> {
            StorageStall::holdWhileAsked();
            try {
                s.context.storage.probeWrite();
            } catch (const std::exception &e) {
                qCWarning(lcStorageWorker) << "readiness: the test write failed:" << e.what();
                // No internals to anonymous callers: the log has them.
                return Readiness{QStringLiteral("storage"),
                                 QStringLiteral("the test write failed (the server log says why)")};
            }
            const QString disk = worker->diskSpaceProblem();
            return disk.isEmpty() ? Readiness{} : Readiness{QStringLiteral("disk"), disk};
        },
        [this, probe](Result<Readiness> result) {
            finish(probe, result ? result.value
                                 : Readiness{QStringLiteral("storage"), QStringLiteral("the storage check failed")});
        });
}

void ReadinessProbe::finish(quint64 probe, const Readiness &result)
{
    if (probe != m_probe || !m_inFlight)
        return; // answered already (by the timeout or the storage thread)
    m_inFlight = false;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(result);
}

} // namespace confab::server
