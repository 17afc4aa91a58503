// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace confab::server {

// Which web pages may open a WebSocket to this server (--allowed-origin). Browsers send the page's
// Origin with every WebSocket handshake and let any page connect anywhere, with the user's
// cookies and network position: the server must refuse origins it does not know. Clients that are
// not browsers (the desktop client, bots) send no Origin and are always allowed; an empty list
// therefore refuses every browser page.
class OriginPolicy {
public:
    OriginPolicy() = default;
    // Each entry as normalize() accepts it; the caller validated them (ServerConfig).
    explicit OriginPolicy(const QStringList &allowed);

    // "scheme://host[:port]" in lower case without a default port, for http and https origins
    // with nothing after the host; nullopt for anything else.
    static std::optional<QString> normalize(QStringView origin);

    // The value of a handshake's Origin header; empty (no header) is allowed.
    bool allows(QByteArrayView originHeader) const;

private:
    QSet<QString> m_allowed;
};

} // namespace confab::server
