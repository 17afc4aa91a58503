// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace confab {

QString formatTimestamp(qint64 msSinceEpoch)
{
    // Every message on the wire carries one or two of these: formatted by hand (days to civil
    // date, H. Hinnant's algorithm), not through QDateTime::toString's format parser, which was
    // a tenth of the server's cost of a history page. Same output, years 1970-9999.
    constexpr qint64 kMsPerDay = 86400000;
    if (msSinceEpoch < 0 || msSinceEpoch >= 253402300800000) // outside 1970..9999: the general way
        return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    const qint64 days = msSinceEpoch / kMsPerDay;
    qint64 ms = msSinceEpoch % kMsPerDay;
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    const int hour = int(ms / 3600000);
    ms %= 3600000;
    const int minute = int(ms / 60000);
    ms %= 60000;
    const int second = int(ms / 1000);
    const int milli = int(ms % 1000);

    char buf[24];
    auto put = [&buf](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    buf[4] = '-';
    put(5, month, 2);
    buf[7] = '-';
    put(8, day, 2);
    buf[10] = 'T';
    put(11, hour, 2);
    buf[13] = ':';
    put(14, minute, 2);
    buf[16] = ':';
    put(17, second, 2);
    buf[19] = '.';
    put(20, milli, 3);
    buf[23] = 'Z';
    return QString::fromLatin1(buf, 24);
}

std::optional<qint64> parseTimestamp(const QString &iso)
{
    // Strict: date, 'T', time, optional fraction, then 'Z' or a +hh:mm offset. Qt's ISODateWithMs
    // reads all of those forms, but also "+2:00", "+0200" and a comma for the fraction point, so
    // the shape is checked first.
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})\\z"));
    if (iso.size() < 20 || iso.size() > 35 || !shape.match(iso).hasMatch())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

} // namespace confab
