// SPDX-License-Identifier: GPL-3.0-or-later
// RealtimeConnection and SyncEngine against a scripted WebSocket server: heartbeat, the one
// reconnect policy, retryNow(), a rejected token, and a sync on every connect with duplicates
// ignored and gaps sent for.

#include "client/net/realtimeconnection.h"
#include "client/sync/localstore.h"
#include "client/sync/syncengine.h"

#include "core/jsondocument.h"

#include <QTemporaryDir>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace confab;
using namespace confab::client;
using nlohmann::json;

namespace {

// Speaks just enough of /chat: hello on connect, pong to ping, synced to sync.
class ScriptedServer : public QObject {
public:
    bool answerPings = true;
    bool rejectToken = false;
    int connections = 0;
    std::vector<json> received;

    ScriptedServer() : m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                m_sockets.append(s);
                connect(s, &QWebSocket::textMessageReceived, this, [this, s](const QString &text) { onText(s, text); });
                connect(s, &QWebSocket::disconnected, this, [this, s] {
                    m_sockets.removeOne(s);
                    s->deleteLater();
                });
                if (rejectToken) {
                    send(s, ErrorFrame{ErrorCode::Unauthorized, QStringLiteral("token revoked"), {}, {}});
                    s->close(QWebSocketProtocol::CloseCodePolicyViolated);
                    continue;
                }
                User me;
                me.userId = QStringLiteral("u_1");
                me.username = QStringLiteral("alice");
                me.displayName = QStringLiteral("Alice");
                send(s, HelloFrame{me, 1});
            }
        });
    }
    ~ScriptedServer() override
    {
        // nextPendingConnection() hands the sockets to us (QWebSocketServer does not own them):
        // stop hearing from them, then delete them.
        m_server.disconnect(this);
        const auto sockets = m_sockets;
        for (QWebSocket *s : sockets) {
            s->disconnect(this);
            delete s;
        }
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void broadcast(const ServerFrame &f)
    {
        const auto sockets = m_sockets;
        for (QWebSocket *s : sockets)
            send(s, f);
    }
    void dropAll()
    {
        const auto sockets = m_sockets; // abort() emits disconnected, which edits the list
        for (QWebSocket *s : sockets)
            s->abort();
    }
    std::vector<json> framesOfType(const std::string &type) const
    {
        std::vector<json> out;
        for (const json &j : received) {
            if (j.value("type", std::string()) == type)
                out.push_back(j);
        }
        return out;
    }

private:
    void send(QWebSocket *s, const ServerFrame &f)
    {
        s->sendTextMessage(QString::fromUtf8(toJsonBytes(encodeFrame(f))));
    }
    void onText(QWebSocket *s, const QString &text)
    {
        const json j = parseJsonDocument(text.toUtf8(), 32);
        received.push_back(j);
        const std::string type = j.value("type", std::string());
        if (type == "ping" && answerPings)
            send(s, PongFrame{QString::fromStdString(j.value("id", std::string())), 1});
        if (type == "sync")
            send(s, SyncedFrame{QString::fromStdString(j.value("ref", std::string()))});
    }

    QWebSocketServer m_server;
    QList<QWebSocket *> m_sockets;
};

Message message(qint64 seq)
{
    Message m;
    m.messageId = QStringLiteral("m_%1").arg(seq);
    m.roomId = QStringLiteral("r_1");
    m.seq = seq;
    m.content = QStringLiteral("text %1").arg(seq);
    m.timestamp = 1000 + seq;
    return m;
}

} // namespace

class TestRealtime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heartbeatReplacesASilentConnection()
    {
        ScriptedServer server;
        server.answerPings = false; // the socket stays open, but nothing answers
        RealtimeConnection conn;
        conn.setWatchNetwork(false);
        conn.setHeartbeat(100, 200);
        conn.policy().setTable({{50, 0}});
        QSignalSpy states(&conn, &RealtimeConnection::stateChanged);
        conn.start(server.url(), QStringLiteral("t"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), RealtimeConnection::State::Online, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(server.connections >= 2, 5000);
        QVERIFY(!server.framesOfType("ping").empty());
        bool retried = false;
        for (const auto &args : states)
            retried |= args.at(0).value<RealtimeConnection::State>() == RealtimeConnection::State::Retrying;
        QVERIFY(retried);
    }

    void answeredPingsKeepTheConnection()
    {
        ScriptedServer server;
        RealtimeConnection conn;
        conn.setWatchNetwork(false);
        conn.setHeartbeat(100, 200);
        conn.start(server.url(), QStringLiteral("t"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), RealtimeConnection::State::Online, 5000);
        QTest::qWait(800);
        QCOMPARE(server.connections, 1);
        QVERIFY(server.framesOfType("ping").size() >= 3);
        QCOMPARE(conn.state(), RealtimeConnection::State::Online);
    }

    void retryNowSkipsTheWait()
    {
        ScriptedServer server;
        RealtimeConnection conn;
        conn.setWatchNetwork(false);
        conn.policy().setTable({{10000, 0}});
        conn.start(server.url(), QStringLiteral("t"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), RealtimeConnection::State::Online, 5000);
        QSignalSpy countdown(&conn, &RealtimeConnection::retryCountdown);
        server.dropAll();
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), RealtimeConnection::State::Retrying, 5000);
        const int left = conn.secondsUntilRetry();
        QVERIFY2(
            left >= 9 && left <= 10,
            qPrintable(
                QStringLiteral("%1 s left, %2 failures, %3").arg(left).arg(conn.failures()).arg(conn.lastError())));
        QVERIFY(conn.statusText().contains(QString::number(conn.secondsUntilRetry())));
        QVERIFY(countdown.count() >= 1);
        QCOMPARE(countdown.at(0).at(0).toInt(), conn.secondsUntilRetry());
        conn.retryNow();
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), RealtimeConnection::State::Online, 2000);
        QCOMPARE(server.connections, 2);
    }

    void rejectedTokenStopsRetrying()
    {
        ScriptedServer server;
        server.rejectToken = true;
        RealtimeConnection conn;
        conn.setWatchNetwork(false);
        conn.policy().setTable({{50, 0}});
        QSignalSpy rejected(&conn, &RealtimeConnection::authenticationRejected);
        conn.start(server.url(), QStringLiteral("revoked"));
        QVERIFY(rejected.wait(5000));
        QCOMPARE(rejected.at(0).at(0).toString(), QStringLiteral("token revoked"));
        QCOMPARE(conn.state(), RealtimeConnection::State::Offline);
        QTest::qWait(300);
        QCOMPARE(server.connections, 1);
    }

    void syncOnEveryConnectDuplicatesAndGaps()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))));
        ScriptedServer server;
        RealtimeConnection conn;
        conn.setWatchNetwork(false);
        conn.policy().setTable({{50, 0}});
        SyncEngine sync(conn, store);
        sync.trackRoom(QStringLiteral("r_1"), 5);
        QSignalSpy arrived(&sync, &SyncEngine::messageArrived);
        QSignalSpy gaps(&sync, &SyncEngine::gapDetected);
        QSignalSpy synced(&sync, &SyncEngine::synced);

        conn.start(server.url(), QStringLiteral("t"));
        QVERIFY(synced.wait(5000));
        QCOMPARE(server.framesOfType("sync").size(), std::size_t(1));
        QCOMPARE(server.framesOfType("sync")[0]["rooms"]["r_1"].get<qint64>(), 5);

        server.broadcast(NewMessageFrame{6, message(6)});
        QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 1, 5000);
        QCOMPARE(sync.lastSeq(QStringLiteral("r_1")), 6);
        server.broadcast(NewMessageFrame{6, message(6)}); // duplicate
        server.broadcast(NewMessageFrame{9, message(9)}); // 7 and 8 went missing
        QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(server.framesOfType("sync").size(), std::size_t(2), 5000);
        QCOMPARE(server.framesOfType("sync")[1]["rooms"]["r_1"].get<qint64>(), 6);
        QCOMPARE(arrived.count(), 1); // neither the duplicate nor the event past the gap
        QCOMPARE(sync.lastSeq(QStringLiteral("r_1")), 6);
        // The replay fills the gap in order.
        for (qint64 s : {7, 8, 9})
            server.broadcast(NewMessageFrame{s, message(s)});
        QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 4, 5000);
        QCOMPARE(sync.lastSeq(QStringLiteral("r_1")), 9);
        QCOMPARE(store.lastSeqs()[QStringLiteral("r_1")], 9); // the resume point is on disk

        // Every reconnect syncs from where we are.
        server.dropAll();
        QTRY_COMPARE_WITH_TIMEOUT(server.framesOfType("sync").size(), std::size_t(3), 5000);
        QCOMPARE(server.framesOfType("sync")[2]["rooms"]["r_1"].get<qint64>(), 9);
        QCOMPARE(store.recentMessages(QStringLiteral("r_1"), 10).size(), std::size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestRealtime)
#include "tst_realtime.moc"
