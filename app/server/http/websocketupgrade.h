// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"

namespace confab::server {

// True when the request asks to switch to WebSocket ("Upgrade: websocket").
bool isWebSocketUpgrade(const HttpRequest &head);

// Empty when Qt WebSockets will accept this opening handshake, otherwise what is wrong with it.
// Checked before handing a socket over, because QWebSocketServer drops a bad handshake without
// an HTTP answer.
QString webSocketHandshakeProblem(const HttpRequest &head, int httpMinor);

} // namespace confab::server
