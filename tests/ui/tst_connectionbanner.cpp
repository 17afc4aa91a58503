// SPDX-License-Identifier: GPL-3.0-or-later
// The connection banner says which transport carries the client: hidden on the WebSocket, and
// "Connected (long-poll fallback: WebSockets are blocked)" while a proxy that refuses WebSocket
// upgrades (a real TCP proxy in front of the real server) keeps it on the fallback.

#include "restclient.h"
#include "testserver.h"
#include "websocketrefusingproxy.h"

#include "shell/connectionbanner.h"

#include "client/net/realtimeconnection.h"

#include <QtTest>

using namespace confab;
using namespace confab::test;

class TestConnectionBanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saysWhichTransportIsInUse()
    {
        TestServer server;
        QVERIFY(server.start(TestServer::relaxedArgs()));
        RestClient rest(server.httpUrl());
        QVERIFY(rest.signUp(QStringLiteral("bannerwatcher")).is_object());
        WebSocketRefusingProxy proxy(server.port());
        QVERIFY(proxy.listen());
        QUrl viaProxy;
        viaProxy.setScheme(QStringLiteral("http"));
        viaProxy.setHost(QStringLiteral("127.0.0.1"));
        viaProxy.setPort(proxy.port());

        client::RealtimeConnection connection;
        connection.setWatchNetwork(false);
        connection.policy().setTable({{100, 0}, {200, 0}});
        connection.setFallback(3, 10 * 60 * 1000); // no background retry: the test presses the button
        ui::ConnectionBanner banner;
        banner.setConnection(&connection);
        connection.start(viaProxy, rest.token());

        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == client::RealtimeConnection::State::Online, 15000);
        QCOMPARE(connection.transport(), client::RealtimeConnection::Transport::LongPoll);
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.text(), QStringLiteral("Connected (long-poll fallback: WebSockets are blocked)"));

        // Upgrades pass again; "Reconnect now" tries the WebSocket at once.
        proxy.setRefusingUpgrades(false);
        connection.retryNow();
        QTRY_COMPARE_WITH_TIMEOUT(connection.transport(), client::RealtimeConnection::Transport::WebSocket, 15000);
        QCOMPARE(connection.state(), client::RealtimeConnection::State::Online);
        QTRY_VERIFY(banner.isHidden());
        connection.stop();
    }
};

QTEST_MAIN(TestConnectionBanner)
#include "tst_connectionbanner.moc"
