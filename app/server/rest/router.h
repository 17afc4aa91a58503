// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace confab::server {

// Path parameters of a matched route ("{roomId}" -> value), percent-decoded.
using PathParams = QHash<QString, QString>;

// Matches "METHOD /v1/chat/rooms/{roomId}/messages" patterns. A path that exists with another
// method is told apart from one that does not exist (405 versus 404).
template<typename Handler> class Router {
public:
    // needsToken: the route answers only requests with credentials (checked on the head).
    void add(const QByteArray &method, const QString &pattern, Handler handler, bool needsToken = false)
    {
        m_routes.push_back(
            {method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler), needsToken});
    }

    enum class Match { Found, WrongMethod, NotFound };

    // The pattern of the route that takes this request ("/v1/chat/rooms/{roomId}"), empty if none.
    QString patternOf(const QByteArray &method, const QString &path) const
    {
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (const Route &r : m_routes) {
            PathParams p;
            if (r.method == method && matches(r.parts, parts, &p))
                return r.pattern;
        }
        return {};
    }

    Match find(const QByteArray &method, const QString &path, const Handler **handler, PathParams *params,
               bool *needsToken = nullptr) const
    {
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        bool pathExists = false;
        for (const Route &r : m_routes) {
            PathParams p;
            if (!matches(r.parts, parts, &p))
                continue;
            pathExists = true;
            if (r.method == method) {
                *handler = &r.handler;
                *params = std::move(p);
                if (needsToken)
                    *needsToken = r.needsToken;
                return Match::Found;
            }
        }
        return pathExists ? Match::WrongMethod : Match::NotFound;
    }

private:
    struct Route {
        QByteArray method;
        QString pattern;
        QStringList parts;
        Handler handler;
        bool needsToken = false;
    };

    static bool matches(const QStringList &pattern, const QStringList &parts, PathParams *params)
    {
        if (pattern.size() != parts.size())
            return false;
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QString &want = pattern[i];
            if (want.startsWith(QLatin1Char('{')) && want.endsWith(QLatin1Char('}'))) {
                if (parts[i].isEmpty())
                    return false;
                params->insert(want.mid(1, want.size() - 2), parts[i]);
            } else if (want != parts[i]) {
                return false;
            }
        }
        return true;
    }

    std::vector<Route> m_routes;
};

} // namespace confab::server
