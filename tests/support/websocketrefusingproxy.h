// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace confab::test {

// A small TCP proxy on 127.0.0.1 that stands for a corporate proxy or firewall blocking
// WebSockets: it forwards every connection's bytes to the server unchanged, except that a
// connection whose first request carries "Upgrade: websocket" gets 403 and is closed while
// refusing is on. Not a mock: the server behind it is the real one.
class WebSocketRefusingProxy : public QObject {
    Q_OBJECT
public:
    explicit WebSocketRefusingProxy(quint16 serverPort, QObject *parent = nullptr);
    ~WebSocketRefusingProxy() override;

    bool listen(); // 127.0.0.1, a free port
    quint16 port() const { return m_listener.serverPort(); }
    void setRefusingUpgrades(bool refuse) { m_refuse = refuse; }
    int refusedUpgrades() const { return m_refused; }
    int forwardedUpgrades() const { return m_forwardedUpgrades; }

private:
    struct Pair {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        QByteArray firstBytes; // the client's, until its first header block is complete
        bool decided = false;
    };
    void onNewConnection();
    void onClientData(Pair *pair);
    void drop(Pair *pair);

    QTcpServer m_listener;
    quint16 m_serverPort;
    bool m_refuse = true;
    int m_refused = 0;
    int m_forwardedUpgrades = 0;
    QList<Pair *> m_pairs;
};

} // namespace confab::test
