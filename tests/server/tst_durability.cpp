// SPDX-License-Identifier: GPL-3.0-or-later
// Durability of a real confab-server process: what it acknowledged survives a SIGKILL in the
// middle of a stream of sends, exactly once and in a gap-free order; and the admin command
// creates accounts in the data directory.

#include "apitestutil.h"

#include <QHash>
#include <QSet>

using namespace confab::test;

namespace {

QString clientMsgId(int i) { return QStringLiteral("dur-%1").arg(i, 4, 10, QLatin1Char('0')); }

json sendFrame(const QString &roomId, int i)
{
    return json{{"type", "send_message"},
                {"roomId", ss(roomId)},
                {"content", ss(QStringLiteral("durable message %1").arg(i))},
                {"clientMsgId", ss(clientMsgId(i))},
                {"ref", ss(clientMsgId(i))}};
}

const QStringList kServerArgs{QStringLiteral("--insecure-fast-password-hashing"),
                              QStringLiteral("--message-rate"),
                              QStringLiteral("100000"),
                              QStringLiteral("--message-burst"),
                              QStringLiteral("100000"),
                              QStringLiteral("--request-rate"),
                              QStringLiteral("100000"),
                              QStringLiteral("--request-burst"),
                              QStringLiteral("100000")};

} // namespace

class TestDurability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedMessagesSurviveSigkill();
    void adminCommandCreatesAccounts();

private:
    // Streams sends from `first` on with up to `window` in flight until `stopAfter` more acks came
    // back, then SIGKILLs the server. Records every ack (also those that arrived as it died).
    void streamThenKill(TestServer &server, const Account &a, const QString &roomId, int first, int total,
                        int stopAfter, QHash<QString, QString> &acked, int *nextUnsent);
};

void TestDurability::streamThenKill(TestServer &server, const Account &a, const QString &roomId, int first, int total,
                                    int stopAfter, QHash<QString, QString> &acked, int *nextUnsent)
{
    auto ws = connectWs(server, a);
    QVERIFY(ws);
    const int window = 16;
    int next = first;
    for (; next < std::min(total, first + window); ++next)
        ws->send(sendFrame(roomId, next));
    const auto record = [&](const json &ack) {
        const QString id = qs(ack["clientMsgId"]);
        const QString messageId = qs(ack["message"]["messageId"]);
        QVERIFY2(!id.isEmpty() && !messageId.isEmpty(), dumpJson(ack).constData());
        // An ack for the same clientMsgId always names the same message.
        QVERIFY2(!acked.contains(id) || acked.value(id) == messageId, qPrintable(id));
        acked.insert(id, messageId);
    };
    for (int got = 0; got < stopAfter; ++got) {
        const json ack = ws->waitFor(ofType("ack"), 15000);
        QVERIFY2(!ack.is_null(), qPrintable(QStringLiteral("ack %1 did not come").arg(got)));
        record(ack);
        if (next < total)
            ws->send(sendFrame(roomId, next++));
    }
    // Mid-stream: up to `window` sends are in flight, some committed, some not.
    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!ws->isConnected(), 10000);
    for (json ack = ws->waitFor(ofType("ack"), 0); !ack.is_null(); ack = ws->waitFor(ofType("ack"), 0))
        record(ack);
    *nextUnsent = next;
}

void TestDurability::acknowledgedMessagesSurviveSigkill()
{
    TestServer server;
    QVERIFY(server.start(kServerArgs));
    const Account alice = makeAccount(server, QStringLiteral("alice"));
    QVERIFY(!alice.id.isEmpty());
    const json room = createRoom(alice, QStringLiteral("Durable"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    const QString roomId = qs(room["roomId"]);

    const int total = 400;
    QHash<QString, QString> acked; // clientMsgId -> messageId, for every ack the server sent
    int next = 0;
    // Two crashes at different points of the stream, each followed by a restart on the same data.
    for (const int stopAfter : {150, 120}) {
        streamThenKill(server, alice, roomId, next, total, stopAfter, acked, &next);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(server.start(kServerArgs), server.output().constData());
        // The account and its token survived too.
        CHECK_STATUS(alice->get(QStringLiteral("/v1/me")), 200);
    }
    QVERIFY(acked.size() >= 270);

    // Every acknowledged message is there exactly once, under the id its ack named.
    bool ok = false;
    std::vector<json> history = fullHistory(alice, roomId, &ok);
    QVERIFY(ok);
    QHash<QString, QString> stored; // clientMsgId -> messageId
    for (const json &m : history) {
        const QString id = qs(m["clientMsgId"]);
        QVERIFY2(!stored.contains(id), qPrintable(QStringLiteral("%1 is stored twice").arg(id)));
        stored.insert(id, qs(m["messageId"]));
    }
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        QVERIFY2(stored.contains(it.key()), qPrintable(QStringLiteral("acknowledged %1 was lost").arg(it.key())));
        QCOMPARE(stored.value(it.key()), it.value());
    }
    QVERIFY(int(history.size()) <= next); // nothing that was never sent
    // Seq: strictly increasing and gap-free (the room has no events but its messages after the
    // owner joined).
    for (size_t i = 1; i < history.size(); ++i)
        QCOMPARE(history[i]["seq"].get<qint64>(), history[i - 1]["seq"].get<qint64>() + 1);

    // Sending again everything not acknowledged (the client's outbox after the crash): what was
    // stored without an ack is found, the rest is stored now, each once.
    int repeats = 0;
    for (int i = 0; i < total; ++i) {
        const QString id = clientMsgId(i);
        if (acked.contains(id))
            continue;
        const RestReply r =
            alice->post(roomPath(roomId, QStringLiteral("/messages")),
                        {{"content", ss(QStringLiteral("durable message %1").arg(i))}, {"clientMsgId", ss(id)}});
        QVERIFY2(r.ok(), describe(r, 201).constData());
        if (stored.contains(id)) {
            QCOMPARE(qs(r.data()["messageId"]), stored.value(id));
            ++repeats;
        }
    }
    qInfo("%d acknowledged, %d stored before the resend (%d of them unacknowledged)", int(acked.size()),
          int(stored.size()), repeats);

    history = fullHistory(alice, roomId, &ok);
    QVERIFY(ok);
    QCOMPARE(int(history.size()), total);
    QSet<QString> ids;
    for (size_t i = 0; i < history.size(); ++i) {
        ids.insert(qs(history[i]["clientMsgId"]));
        if (i > 0)
            QCOMPARE(history[i]["seq"].get<qint64>(), history[i - 1]["seq"].get<qint64>() + 1);
    }
    QCOMPARE(int(ids.size()), total);
    for (auto it = acked.cbegin(); it != acked.cend(); ++it)
        QVERIFY(ids.contains(it.key()));

    // The restarted server still serves realtime and replays from its log.
    auto ws = connectWs(server, alice);
    QVERIFY(ws);
    const qint64 last = history.back()["seq"].get<qint64>();
    ws->send({{"type", "sync"}, {"rooms", {{ss(roomId), last - 3}}}, {"ref", "after-crash"}});
    std::vector<qint64> replayed;
    for (json f = ws->waitFor([](const json &) { return true; });
         !f.is_null() && f.value("type", std::string()) != "synced";
         f = ws->waitFor([](const json &) { return true; })) {
        if (f.value("type", std::string()) == "new_message")
            replayed.push_back(f["seq"].get<qint64>());
    }
    QCOMPARE(replayed, (std::vector<qint64>{last - 2, last - 1, last}));
    QVERIFY(server.stop());
}

void TestDurability::adminCommandCreatesAccounts()
{
    TestServer server;
    QByteArray out;
    QCOMPARE(server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("root"),
                                QStringLiteral("--admin"), QStringLiteral("--password"), QStringLiteral("supersecret1"),
                                QStringLiteral("--display-name"), QStringLiteral("The Root"),
                                QStringLiteral("--insecure-fast-password-hashing")},
                               &out),
             0);
    QVERIFY2(out.contains("created admin root"), out.constData());
    QCOMPARE(server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("plain"),
                                QStringLiteral("--password"), QStringLiteral("supersecret2"),
                                QStringLiteral("--insecure-fast-password-hashing")},
                               &out),
             0);
    QVERIFY2(out.contains("created user plain"), out.constData());
    // Refused: a taken name (case-insensitively), a short password, a bad name.
    QVERIFY(server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("ROOT"),
                               QStringLiteral("--password"), QStringLiteral("supersecret3"),
                               QStringLiteral("--insecure-fast-password-hashing")},
                              &out) != 0);
    QVERIFY(server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("shorty"),
                               QStringLiteral("--password"), QStringLiteral("short"),
                               QStringLiteral("--insecure-fast-password-hashing")},
                              &out) != 0);
    QVERIFY2(out.contains("password"), out.constData());
    QVERIFY(server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("bad name"),
                               QStringLiteral("--password"), QStringLiteral("supersecret4"),
                               QStringLiteral("--insecure-fast-password-hashing")},
                              &out) != 0);

    QVERIFY(server.start({QStringLiteral("--insecure-fast-password-hashing")}));
    RestClient c(server.httpUrl());
    RestReply r = c.post(QStringLiteral("/v1/auth/login"), {{"username", "root"}, {"password", "supersecret1"}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["user"]["role"]), QStringLiteral("admin"));
    QCOMPARE(qs(r.data()["user"]["displayName"]), QStringLiteral("The Root"));
    c.setToken(qs(r.data()["token"]));
    CHECK_STATUS(c.get(QStringLiteral("/v1/admin/audit")), 200); // a server admin's endpoint

    RestClient p(server.httpUrl());
    r = p.post(QStringLiteral("/v1/auth/login"), {{"username", "plain"}, {"password", "supersecret2"}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["user"]["role"]), QStringLiteral("user"));
    CHECK_STATUS(p.post(QStringLiteral("/v1/auth/login"), {{"username", "shorty"}, {"password", "short"}}),
                 401); // never created
    CHECK_STATUS(p.post(QStringLiteral("/v1/auth/login"), {{"username", "root"}, {"password", "supersecret3"}}), 401);

    // Someone registering now is not the first account, so not an admin.
    const Account later = makeAccount(server, QStringLiteral("later"));
    QCOMPARE(qs(later.user["role"]), QStringLiteral("user"));
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
