// SPDX-License-Identifier: GPL-3.0-or-later
#include "timetext.h"

#include <QDateTime>
#include <QLocale>

namespace confab::client {

QString shortTimeText(qint64 msSinceEpoch)
{
    if (msSinceEpoch == 0)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime();
    const QLocale locale;
    const QString time = locale.toString(at.time(), QLocale::ShortFormat);
    const QDate today = QDate::currentDate();
    if (at.date() == today)
        return time;
    if (at.date().year() == today.year())
        return locale.toString(at.date(), QStringLiteral("d MMM")) + QLatin1Char(' ') + time;
    return locale.toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') + time;
}

} // namespace confab::client
