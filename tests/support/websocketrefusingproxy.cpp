// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketrefusingproxy.h"

#include <QTcpSocket>

namespace confab::test {

WebSocketRefusingProxy::WebSocketRefusingProxy(quint16 serverPort, QObject *parent)
    : QObject(parent), m_serverPort(serverPort)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &WebSocketRefusingProxy::onNewConnection);
}

WebSocketRefusingProxy::~WebSocketRefusingProxy()
{
    const auto pairs = m_pairs;
    for (Pair *p : pairs)
        drop(p);
}

bool WebSocketRefusingProxy::listen() { return m_listener.listen(QHostAddress::LocalHost, 0); }

void WebSocketRefusingProxy::onNewConnection()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        auto *pair = new Pair;
        pair->client = client;
        pair->server = new QTcpSocket(this);
        m_pairs.append(pair);
        connect(client, &QIODevice::readyRead, this, [this, pair] { onClientData(pair); });
        connect(client, &QAbstractSocket::disconnected, this, [this, pair] { drop(pair); });
        connect(pair->server, &QIODevice::readyRead, this, [pair] { pair->client->write(pair->server->readAll()); });
        connect(pair->server, &QAbstractSocket::disconnected, this, [this, pair] { drop(pair); });
        connect(pair->server, &QAbstractSocket::connected, this, [this, pair] {
            if (pair->decided && !pair->firstBytes.isEmpty())
                pair->server->write(std::exchange(pair->firstBytes, {}));
            onClientData(pair);
        });
        pair->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
    }
}

void WebSocketRefusingProxy::onClientData(Pair *pair)
{
    if (!m_pairs.contains(pair))
        return;
    if (!pair->decided) {
        pair->firstBytes += pair->client->readAll();
        if (!pair->firstBytes.contains("\r\n\r\n"))
            return;
        pair->decided = true;
        const QByteArray head = pair->firstBytes.left(pair->firstBytes.indexOf("\r\n\r\n")).toLower();
        const bool upgrade = head.contains("\nupgrade: websocket") || head.contains("\nupgrade:websocket");
        if (upgrade && m_refuse) {
            ++m_refused;
            pair->firstBytes.clear();
            pair->client->write("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n"
                                "Connection: close\r\n\r\nWebSockets are not allowed\n");
            pair->client->disconnectFromHost();
            return;
        }
        if (upgrade)
            ++m_forwardedUpgrades;
    }
    if (pair->server->state() != QAbstractSocket::ConnectedState)
        return; // sent once connected
    if (!pair->firstBytes.isEmpty())
        pair->server->write(std::exchange(pair->firstBytes, {}));
    pair->server->write(pair->client->readAll());
}

void WebSocketRefusingProxy::drop(Pair *pair)
{
    if (!m_pairs.removeOne(pair))
        return;
    // What one side sent before closing still reaches the other.
    if (pair->server->bytesAvailable() > 0)
        pair->client->write(pair->server->readAll());
    pair->client->disconnect(this);
    pair->server->disconnect(this);
    pair->client->disconnectFromHost();
    pair->server->disconnectFromHost();
    pair->client->deleteLater();
    pair->server->deleteLater();
    delete pair;
}

} // namespace confab::test
