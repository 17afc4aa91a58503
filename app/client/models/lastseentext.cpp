// SPDX-License-Identifier: GPL-3.0-or-later
#include "lastseentext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace confab::client {

QString LastSeenText::of(qint64 lastSeenMs, qint64 nowMs)
{
    if (lastSeenMs <= 0)
        return tr("Offline");
    const qint64 minutes = std::max<qint64>(0, (nowMs - lastSeenMs) / 60000);
    if (minutes < 1)
        return tr("Last seen just now");
    if (minutes < 60)
        return tr("Last seen %n min ago", nullptr, int(minutes));
    // Days count in the user's calendar: "yesterday" is the day before today, not 24 h back.
    const QDate seen = QDateTime::fromMSecsSinceEpoch(lastSeenMs).date();
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const qint64 days = seen.daysTo(today);
    if (days <= 0)
        return tr("Last seen %n h ago", nullptr, int(minutes / 60));
    if (days == 1)
        return tr("Last seen yesterday");
    if (days < 7)
        return tr("Last seen %n days ago", nullptr, int(days));
    return tr("Last seen on %1").arg(QLocale().toString(seen, QLocale::ShortFormat));
}

} // namespace confab::client
