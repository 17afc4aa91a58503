// SPDX-License-Identifier: GPL-3.0-or-later
#include "shiftedclock.h"

#include <QFile>

namespace confab::server {

qint64 ShiftedClock::nowMs() const
{
    QFile file(m_offsetFile);
    const qint64 offset = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
    return m_system.nowMs() + offset;
}

std::unique_ptr<Clock> ShiftedClock::fromEnvironment()
{
    const QString file = qEnvironmentVariable("CONFAB_TEST_CLOCK_OFFSET_FILE");
    if (file.isEmpty())
        return std::make_unique<SystemClock>();
    qWarning("CONFAB_TEST_CLOCK_OFFSET_FILE is set: the clock is shifted by what %s says (tests only)",
             qUtf8Printable(file));
    return std::make_unique<ShiftedClock>(file);
}

} // namespace confab::server
