// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

namespace confab::server {

// The lock a serving confab-server holds on its data directory (<data-dir>/confab-server.lock),
// so that offline-only commands (admin restore) can tell a server is running there. Serving does
// not refuse to start without it: admin commands keep working beside a running server.
class DataDirLock {
public:
    explicit DataDirLock(const QString &dataDir);

    // Takes the lock for as long as this object lives. False when another live process holds it.
    bool tryHold();
    // The process id of the server holding the lock on `dataDir`: 0 when none does (a lock left by
    // a process that died is stale and does not count), -1 when held by a process it cannot name.
    static qint64 holderOf(const QString &dataDir);

private:
    static QString lockPath(const QString &dataDir);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace confab::server
