#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace confab {

QString formatTimestamp(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
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
