#include "timeutil.h"

#include <QDateTime>
#include <QTimeZone>

namespace confab {

QString formatTimestamp(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<qint64> parseTimestamp(const QString &iso)
{
    // Strict: date, 'T', time, optional fraction, then 'Z' or an offset. Qt's ISODateWithMs
    // accepts all of those forms.
    if (iso.size() < 20 || iso.size() > 35 || iso.at(10) != QLatin1Char('T'))
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

} // namespace confab
