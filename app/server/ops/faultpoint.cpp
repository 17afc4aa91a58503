// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultpoint.h"

#include <QFile>
#include <QThread>

namespace confab::server {

void FaultPoint::reach(const char *name)
{
    static const QByteArray point = qgetenv("CONFAB_FAULT_POINT");
    if (point.isEmpty() || point != name)
        return;
    QFile reached(qEnvironmentVariable("CONFAB_FAULT_POINT_FILE"));
    if (reached.open(QIODevice::WriteOnly))
        reached.close();
    for (;;)
        QThread::sleep(1); // until the test's SIGKILL
}

} // namespace confab::server
