// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"
#include "ids.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace confab {

qint64 SystemClock::nowMs() const { return QDateTime::currentMSecsSinceEpoch(); }

QString RandomIdGenerator::newId(QStringView prefix)
{
    static constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32
    quint64 bits[2];
    QRandomGenerator::system()->fillRange(bits);
    QString id;
    id.reserve(prefix.size() + 27);
    id.append(prefix).append(QLatin1Char('_'));
    for (quint64 word : bits) {
        for (int i = 0; i < 13; ++i) { // 13 x 5 bits covers 64
            id.append(QLatin1Char(kAlphabet[word & 31]));
            word >>= 5;
        }
    }
    return id;
}

QString SequentialIdGenerator::newId(QStringView prefix)
{
    return prefix.toString() + QLatin1Char('_') + QString::number(m_next.fetch_add(1));
}

} // namespace confab
