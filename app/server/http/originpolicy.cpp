// SPDX-License-Identifier: GPL-3.0-or-later
#include "originpolicy.h"

#include <QUrl>

namespace confab::server {

OriginPolicy::OriginPolicy(const QStringList &allowed)
{
    for (const QString &origin : allowed) {
        if (const auto normal = normalize(origin))
            m_allowed.insert(*normal);
    }
}

std::optional<QString> OriginPolicy::normalize(QStringView origin)
{
    const QUrl url(origin.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty() || !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != u"/") ||
        url.hasQuery() || url.hasFragment())
        return std::nullopt;
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    QString out = scheme + QLatin1String("://") + url.host(QUrl::FullyEncoded).toLower();
    if (url.port(defaultPort) != defaultPort)
        out += QLatin1Char(':') + QString::number(url.port());
    return out;
}

bool OriginPolicy::allows(QByteArrayView originHeader) const
{
    if (originHeader.isEmpty())
        return true; // not a browser
    const auto normal = normalize(QString::fromLatin1(originHeader));
    return normal && m_allowed.contains(*normal);
}

} // namespace confab::server
