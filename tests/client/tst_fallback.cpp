// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop client behind a proxy that refuses WebSocket upgrades (a real TCP proxy on
// 127.0.0.1 in front of the real server): it falls back to long-polling on its own, sends and
// receives with nothing lost or duplicated, and when the proxy lets upgrades through again it
// moves back to the WebSocket, still losing and repeating nothing.

#include "clienttest.h"
#include "websocketrefusingproxy.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/outbox.h"
#include "client/sync/syncengine.h"

#include <QAbstractItemModelTester>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
QStringList contents(const MessageModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.deliveryAt(i) == MessageModel::Delivery::Sent && m.messageAt(i).type != MessageType::System)
            out << m.messageAt(i).content;
    }
    return out;
}

// Every message people wrote in the room, as the server has it, oldest first.
QStringList serverHistory(RestClient &rest, const QString &roomId)
{
    const RestReply r = rest.get(QStringLiteral("/v1/chat/rooms/%1/messages?limit=100").arg(roomId));
    QStringList out;
    if (!r.ok())
        return out;
    const nlohmann::json data = r.data();
    for (const auto &m : data["messages"]) {
        if (m["type"] != "system") // the room's own lines (joins): not what people wrote
            out << QString::fromStdString(m["content"].get<std::string>());
    }
    return out;
}
} // namespace

class TestFallback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fallsBackWhenUpgradesAreRefused();
    void sendsAndReceivesOverTheFallback();
    void switchesBackToTheWebSocket();
    void cleanupTestCase();

private:
    void aliceSays(const QString &text)
    {
        QVERIFY(
            m_aliceRest
                ->post(QStringLiteral("/v1/chat/rooms/%1/messages").arg(m_roomId), {{"content", text.toStdString()}})
                .ok());
    }
    RealtimeConnection &connection() { return m_engine->connection(); }

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<WebSocketRefusingProxy> m_proxy;
    std::unique_ptr<RestClient> m_aliceRest;
    Account m_bob;
    QString m_roomId;
    ApiClient m_api;
    std::unique_ptr<ChatEngine> m_engine;
    MessageModel *m_model = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFallback::initTestCase()
{
    QVERIFY(m_server.start(fastServerArgs()));
    const Account alice = signUp(m_server, QStringLiteral("alice"));
    m_bob = signUp(m_server, QStringLiteral("bob"));
    QVERIFY(!alice.token.isEmpty() && !m_bob.token.isEmpty());
    m_aliceRest = std::make_unique<RestClient>(m_server.httpUrl());
    m_aliceRest->setToken(alice.token);
    const RestReply room =
        m_aliceRest->post(QStringLiteral("/v1/chat/rooms"), {{"name", "through the proxy"}, {"type", "public"}});
    QVERIFY(room.ok());
    m_roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
    RestClient bob(m_server.httpUrl());
    bob.setToken(m_bob.token);
    QVERIFY(bob.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());

    m_proxy = std::make_unique<WebSocketRefusingProxy>(m_server.port());
    QVERIFY(m_proxy->listen());
    m_proxy->setRefusingUpgrades(true);
}

void TestFallback::fallsBackWhenUpgradesAreRefused()
{
    // Bob's whole client, REST and realtime, goes through the proxy.
    QUrl viaProxy;
    viaProxy.setScheme(QStringLiteral("http"));
    viaProxy.setHost(QStringLiteral("127.0.0.1"));
    viaProxy.setPort(m_proxy->port());
    m_api.setBaseUrl(viaProxy);
    m_api.setToken(m_bob.token);
    m_engine = std::make_unique<ChatEngine>(
        m_api, ChatEngine::Config{viaProxy, m_bob.token, m_bob.user, m_dir.filePath(QStringLiteral("bob.sqlite"))});
    QVERIFY(m_engine->start());
    connection().setWatchNetwork(false);
    connection().policy().setTable({{100, 0}, {200, 0}, {400, 0}});
    connection().setFallback(3, 500); // then try the WebSocket again every 0.5 s
    QSignalSpy transports(&connection(), &RealtimeConnection::transportChanged);

    QTRY_VERIFY_WITH_TIMEOUT(connection().state() == RealtimeConnection::State::Online &&
                                 connection().transport() == RealtimeConnection::Transport::LongPoll,
                             20000);
    QVERIFY2(m_proxy->refusedUpgrades() >= 1, "the fallback came before the WebSocket was refused");
    QVERIFY(!transports.isEmpty());
    QVERIFY2(connection().statusText().contains(QStringLiteral("long-poll fallback")),
             qPrintable(connection().statusText()));

    QTRY_COMPARE_WITH_TIMEOUT(m_engine->rooms().rowCount(), 1, 10000);
    m_model = m_engine->createMessageModel(m_roomId, this);
    m_tester =
        std::make_unique<QAbstractItemModelTester>(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(m_model, &MessageModel::latestLoaded);
    m_model->load();
    QVERIFY(loaded.count() || loaded.wait(10000));
}

void TestFallback::sendsAndReceivesOverTheFallback()
{
    QVERIFY(m_model);
    for (int i = 1; i <= 3; ++i)
        aliceSays(QStringLiteral("alice %1 (bob polls)").arg(i));
    for (int i = 1; i <= 3; ++i)
        m_engine->sendMessage(m_roomId, QStringLiteral("bob %1 (over REST)").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->outbox().count(), 0, 10000);
    for (int i = 4; i <= 5; ++i)
        aliceSays(QStringLiteral("alice %1 (bob polls)").arg(i));
    // Everything the server has, once each and in its order.
    QTRY_COMPARE_WITH_TIMEOUT(contents(*m_model), serverHistory(*m_aliceRest, m_roomId), 15000);
    QCOMPARE(serverHistory(*m_aliceRest, m_roomId).size(), 8);
    QCOMPARE(connection().transport(), RealtimeConnection::Transport::LongPoll); // still on it
}

void TestFallback::switchesBackToTheWebSocket()
{
    QVERIFY(m_model);
    QSignalSpy onlineAgain(&connection(), &RealtimeConnection::online);
    m_proxy->setRefusingUpgrades(false);
    // Traffic while the switch happens: some before it, some after.
    aliceSays(QStringLiteral("alice during the switch 1"));
    m_engine->sendMessage(m_roomId, QStringLiteral("bob during the switch"));
    aliceSays(QStringLiteral("alice during the switch 2"));
    QTRY_COMPARE_WITH_TIMEOUT(connection().transport(), RealtimeConnection::Transport::WebSocket, 20000);
    QCOMPARE(connection().state(), RealtimeConnection::State::Online);
    QVERIFY(m_proxy->forwardedUpgrades() >= 1);
    QVERIFY(!onlineAgain.isEmpty());
    aliceSays(QStringLiteral("alice over the WebSocket"));
    m_engine->sendMessage(m_roomId, QStringLiteral("bob over the WebSocket"));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->outbox().count(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(contents(*m_model), serverHistory(*m_aliceRest, m_roomId), 15000);
    const QStringList all = contents(*m_model);
    QCOMPARE(all.size(), 13);
    QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size()); // no duplicates
    QCOMPARE(all.last(), QStringLiteral("bob over the WebSocket"));
    QVERIFY(!connection().statusText().contains(QStringLiteral("long-poll")));
}

void TestFallback::cleanupTestCase()
{
    m_tester.reset();
    delete m_model;
    m_model = nullptr;
    m_engine.reset();
    m_proxy.reset();
}

QTEST_GUILESS_MAIN(TestFallback)
#include "tst_fallback.moc"
