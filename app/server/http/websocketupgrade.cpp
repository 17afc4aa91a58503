// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketupgrade.h"

namespace confab::server {

namespace {
// Whether a comma-separated header value holds `token`, ignoring case ("keep-alive, Upgrade").
bool hasToken(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

bool isWebSocketUpgrade(const HttpRequest &head) { return hasToken(head.header("upgrade"), "websocket"); }

QString webSocketHandshakeProblem(const HttpRequest &head, int httpMinor)
{
    if (head.method != "GET")
        return QStringLiteral("a WebSocket handshake must use GET");
    if (httpMinor < 1)
        return QStringLiteral("a WebSocket handshake needs HTTP/1.1");
    if (!hasToken(head.header("connection"), "upgrade"))
        return QStringLiteral("a WebSocket handshake needs \"Connection: Upgrade\"");
    if (head.header("host").isEmpty())
        return QStringLiteral("a WebSocket handshake needs a Host header");
    if (head.header("sec-websocket-key").isEmpty())
        return QStringLiteral("a WebSocket handshake needs a Sec-WebSocket-Key header");
    if (head.header("sec-websocket-version") != "13")
        return QStringLiteral("only WebSocket version 13 is supported");
    return {};
}

} // namespace confab::server
