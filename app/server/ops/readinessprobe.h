// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace confab::server {

class StorageWorker;

// What /readyz answers: ready, or the first failing check by name ("storage", "disk") and why.
struct Readiness {
    QString failing;
    QString reason;
    bool ready() const { return failing.isEmpty(); }
};

// Whether the server can do its job now: a tiny real write on the storage thread that must come
// back within the timeout, then free space under the data directory. Callers that ask while a
// probe is out wait for that one, so a flood of /readyz costs one write at a time. Network
// thread only.
class ReadinessProbe : public QObject {
    Q_OBJECT
public:
    ReadinessProbe(StorageWorker &worker, int timeoutMs, QObject *parent = nullptr);

    void check(std::function<void(const Readiness &)> done);

private:
    void finish(quint64 probe, const Readiness &result);

    StorageWorker &m_worker;
    int m_timeoutMs;
    quint64 m_probe = 0; // the probe out now (or last), so a late answer of an older one is ignored
    bool m_inFlight = false;
    std::vector<std::function<void(const Readiness &)>> m_waiting;
};

} // namespace confab::server
