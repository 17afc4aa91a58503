// SPDX-License-Identifier: GPL-3.0-or-later
#include "datadirlock.h"

#include <QDir>

namespace confab::server {

DataDirLock::DataDirLock(const QString &dataDir) : m_lock(std::make_unique<QLockFile>(lockPath(dataDir)))
{
    m_lock->setStaleLockTime(0); // only a dead holder makes it stale, never its age
}

QString DataDirLock::lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("confab-server.lock"));
}

bool DataDirLock::tryHold() { return m_lock->tryLock(0); }

qint64 DataDirLock::holderOf(const QString &dataDir)
{
    QLockFile probe(lockPath(dataDir));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return 0;
    }
    qint64 pid = 0;
    QString host, app;
    if (!probe.getLockInfo(&pid, &host, &app))
        return -1; // held, but by whom cannot be read
    return pid;
}

} // namespace confab::server
