// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagestall.h"

#include <QFile>
#include <QThread>

namespace confab::server {

void StorageStall::holdWhileAsked()
{
    static const QString file = qEnvironmentVariable("CONFAB_FAULT_STALL_STORAGE_FILE");
    if (file.isEmpty())
        return;
    while (QFile::exists(file))
        QThread::msleep(20);
}

} // namespace confab::server
