// SPDX-License-Identifier: GPL-3.0-or-later
// confab-server admin ...: run on the data directory of a running server, as an operator would.

#include "apitestutil.h"

using namespace confab::test;

class TestAdmin : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    QByteArray admin(const QStringList &args, int expectedExit = 0)
    {
        QByteArray output;
        const int rc = m_server.runCommand(QStringList{QStringLiteral("admin")} + args, &output);
        if (rc != expectedExit)
            qWarning("admin %s exited %d:\n%s", qPrintable(args.join(QLatin1Char(' '))), rc, output.constData());
        return rc == expectedExit ? output : QByteArray("<wrong exit code>");
    }
    RestReply login(RestClient &c, const QString &user, const QString &password)
    {
        return c.post(QStringLiteral("/v1/auth/login"),
                      {{"username", user.toStdString()}, {"password", password.toStdString()}});
    }

    // A room everyone below joins, owned by `m_owner`, to send to and read from.
    Account m_owner;
    QString m_room;

    // `username` signed up, in m_room, with an open WebSocket on which a send is acknowledged.
    std::unique_ptr<WsClient> memberOnline(Account &a, const QString &username)
    {
        a = makeAccount(m_server, username);
        if (a.id.isEmpty() || a->post(roomPath(m_room, QStringLiteral("/join"))).status != 200)
            return nullptr;
        auto ws = connectWs(m_server, a);
        if (!ws)
            return nullptr;
        const std::string ref = ss(username) + "-before";
        ws->send(
            {{"type", "send_message"}, {"roomId", ss(m_room)}, {"content", ss(username) + " before"}, {"ref", ref}});
        if (ws->waitFor([&](const json &f) {
                  return f.value("type", std::string()) == "ack" && f.value("ref", json()) == ref;
              }).is_null())
            return nullptr;
        return ws;
    }
    bool roomHasMessage(const QString &content)
    {
        bool ok = false;
        const auto history = fullHistory(m_owner, m_room, &ok);
        if (!ok)
            qWarning("could not read the history of %s", qPrintable(m_room));
        return std::any_of(history.begin(), history.end(), [&](const json &m) { return qs(m["content"]) == content; });
    }
    // The CLI command `args` ends `username`'s open WebSocket with 1008 and `reason`; what they
    // send once the command has returned is not stored, and they receive nothing more.
    void cliEndsOpenConnections(const QString &username, const QStringList &args, const QString &reason)
    {
        Account user;
        auto ws = memberOnline(user, username);
        QVERIFY(ws);
        QVERIFY(roomHasMessage(username + QStringLiteral(" before")));

        QVERIFY(admin(args) != "<wrong exit code>");
        QElapsedTimer sinceChange;
        sinceChange.start();
        ws->send(
            {{"type", "send_message"}, {"roomId", ss(m_room)}, {"content", ss(username) + " after"}, {"ref", "after"}});
        QTRY_VERIFY_WITH_TIMEOUT(ws->wasClosed(),
                                 10000); // generous for a loaded machine; the server polls every 300 ms
        qInfo("closed %lld ms after the command returned", sinceChange.elapsed());
        QCOMPARE(ws->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(ws->closeReason(), reason);
        QVERIFY(ws->waitFor(
                      [](const json &f) {
                          return f.value("type", std::string()) == "ack" && f.value("ref", json()) == "after";
                      },
                      1)
                    .is_null());
        QVERIFY(!roomHasMessage(username + QStringLiteral(" after")));
        // Nor does a new connection with the old token open.
        WsClient again;
        again.openRaw(m_server.wsUrl(user.token()));
        QCOMPARE(qs(again.waitForType("error")["code"]), QStringLiteral("UNAUTHORIZED"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray out;
        QCOMPARE(m_server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("root"),
                                      QStringLiteral("--admin"), QStringLiteral("--password"),
                                      QStringLiteral("rootpass1"), QStringLiteral("--insecure-fast-password-hashing")},
                                     &out),
                 0);
        QVERIFY2(out.contains("created admin root"), out.constData());
        QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing")}));
        m_owner = makeAccount(m_server, QStringLiteral("owner"));
        const json room = createRoom(m_owner, QStringLiteral("lobby"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        m_room = qs(room["roomId"]);
    }

    void listsUsersAndRooms()
    {
        RestClient bob(m_server.httpUrl());
        QVERIFY(!bob.signUp(QStringLiteral("bob")).is_null());
        const auto room = bob.post(QStringLiteral("/v1/chat/rooms"), {{"name", "bob's secret"}, {"type", "private"}});
        QCOMPARE(room.status, 201);

        const QByteArray users = admin({QStringLiteral("users")});
        QVERIFY2(users.contains("\troot\t") && users.contains("\tbob\t"), users.constData());
        QVERIFY(users.contains("admin\tactive"));
        const QByteArray rooms = admin({QStringLiteral("rooms")});
        QVERIFY2(rooms.contains("bob's secret") && rooms.contains("private"), rooms.constData());
    }

    void disableBlocksTheRunningServerAndEnableRestores()
    {
        RestClient carol(m_server.httpUrl());
        QVERIFY(!carol.signUp(QStringLiteral("carol"), QStringLiteral("carolpass")).is_null());
        QCOMPARE(carol.get(QStringLiteral("/v1/me")).status, 200);

        QVERIFY(admin({QStringLiteral("disable"), QStringLiteral("carol")}).contains("disabled carol"));
        QCOMPARE(carol.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(login(carol, QStringLiteral("carol"), QStringLiteral("carolpass")).status, 401);

        QVERIFY(admin({QStringLiteral("enable"), QStringLiteral("carol")}).contains("enabled carol"));
        QCOMPARE(login(carol, QStringLiteral("carol"), QStringLiteral("carolpass")).status, 200);
    }

    void resetPasswordSignsOutEverywhere()
    {
        RestClient dave(m_server.httpUrl());
        QVERIFY(!dave.signUp(QStringLiteral("dave"), QStringLiteral("oldpassword")).is_null());
        QVERIFY(admin({QStringLiteral("reset-password"), QStringLiteral("dave"), QStringLiteral("--password"),
                       QStringLiteral("newpassword")})
                    .contains("password reset"));
        QCOMPARE(dave.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(login(dave, QStringLiteral("dave"), QStringLiteral("oldpassword")).status, 401);
        QCOMPARE(login(dave, QStringLiteral("dave"), QStringLiteral("newpassword")).status, 200);
        // Too short a password is refused and changes nothing.
        admin({QStringLiteral("reset-password"), QStringLiteral("dave"), QStringLiteral("--password"),
               QStringLiteral("short")},
              2);
        QCOMPARE(login(dave, QStringLiteral("dave"), QStringLiteral("newpassword")).status, 200);
    }

    void serverBanIsAudited()
    {
        RestClient eve(m_server.httpUrl());
        QVERIFY(!eve.signUp(QStringLiteral("eve")).is_null());
        QVERIFY(admin({QStringLiteral("ban"), QStringLiteral("eve"), QStringLiteral("--reason"),
                       QStringLiteral("spam links")})
                    .contains("banned eve"));
        QCOMPARE(eve.get(QStringLiteral("/v1/me")).status, 401);
        const QByteArray log = admin({QStringLiteral("audit")});
        QVERIFY2(log.contains("server.ban") && log.contains("spam links"), log.constData());

        // The server admin sees the same entry over the API.
        RestClient root(m_server.httpUrl());
        QVERIFY(login(root, QStringLiteral("root"), QStringLiteral("rootpass1")).ok());
        root.setToken(QString::fromStdString(
            login(root, QStringLiteral("root"), QStringLiteral("rootpass1")).data()["token"].get<std::string>()));
        const auto audit = root.get(QStringLiteral("/v1/admin/audit"));
        QCOMPARE(audit.status, 200);
        bool found = false;
        const auto data = audit.data();
        for (const auto &e : data["entries"])
            found |= e["action"] == "server.ban" && e["reason"] == "spam links";
        QVERIFY2(found, audit.raw.constData());
    }

    void promoteMakesAServerAdmin()
    {
        RestClient frank(m_server.httpUrl());
        QVERIFY(!frank.signUp(QStringLiteral("frank")).is_null());
        QCOMPARE(frank.get(QStringLiteral("/v1/me")).data()["role"], "user");
        QVERIFY(admin({QStringLiteral("promote"), QStringLiteral("frank")}).contains("server admin"));
        QCOMPARE(frank.get(QStringLiteral("/v1/me")).data()["role"], "admin");
        QCOMPARE(frank.get(QStringLiteral("/v1/chat/rooms?all=true")).status, 200);
    }

    // A running server acts on the command line's changes on open WebSockets too (API.md).
    void banEndsOpenConnections()
    {
        cliEndsOpenConnections(QStringLiteral("ws_banned"), {QStringLiteral("ban"), QStringLiteral("ws_banned")},
                               QStringLiteral("banned from the server"));
    }

    void disableEndsOpenConnections()
    {
        cliEndsOpenConnections(QStringLiteral("ws_disabled"),
                               {QStringLiteral("disable"), QStringLiteral("ws_disabled")},
                               QStringLiteral("account disabled"));
    }

    void resetPasswordEndsOpenConnections()
    {
        cliEndsOpenConnections(QStringLiteral("ws_reset"),
                               {QStringLiteral("reset-password"), QStringLiteral("ws_reset"),
                                QStringLiteral("--password"), QStringLiteral("a new password")},
                               QStringLiteral("signed out: password reset"));
    }

    // Promotion and demotion re-check an open connection without closing it: a demoted server
    // admin can no longer enter or read private rooms.
    void roleChangesReachOpenConnections()
    {
        const json secret1 = createRoom(m_owner, QStringLiteral("secret one"), QStringLiteral("private"));
        const json secret2 = createRoom(m_owner, QStringLiteral("secret two"), QStringLiteral("private"));
        QVERIFY(secret1.is_object() && secret2.is_object());
        postMessage(m_owner, qs(secret2["roomId"]), QStringLiteral("for members only"));
        Account gina;
        auto ws = memberOnline(gina, QStringLiteral("ws_gina"));
        QVERIFY(ws);
        const auto join = [&](const json &room, const std::string &ref) {
            ws->send({{"type", "join_room"}, {"roomId", room["roomId"]}, {"ref", ref}});
            return ws->waitFor([&](const json &f) {
                const std::string type = f.value("type", std::string());
                return (type == "error" && f.value("ref", json()) == ref) ||
                       (type == "history" && f.value("roomId", json()) == room["roomId"]);
            });
        };
        QCOMPARE(join(secret1, "j1").value("type", std::string()), "error");

        QVERIFY(admin({QStringLiteral("promote"), QStringLiteral("ws_gina")}) != "<wrong exit code>");
        QCOMPARE(join(secret1, "j2").value("type", std::string()), "history");

        QVERIFY(admin({QStringLiteral("demote"), QStringLiteral("ws_gina")}) != "<wrong exit code>");
        const json refused = join(secret2, "j3");
        QCOMPARE(refused.value("type", std::string()), "error");
        QCOMPARE(qs(refused["code"]), QStringLiteral("ROOM_NOT_FOUND"));
        QCOMPARE(gina->get(roomPath(qs(secret2["roomId"]), QStringLiteral("/messages"))).status, 404);
        // Still connected: a demotion is not a sign-out.
        QVERIFY(ws->isConnected());
        ws->send({{"type", "ping"}, {"id", "still-there"}});
        QVERIFY(!ws->waitForType("pong").is_null());
    }

    void badCommandsSayWhatIsWrong()
    {
        QVERIFY(admin({QStringLiteral("disable"), QStringLiteral("nobody")}, 1) != "<wrong exit code>");
        QVERIFY(admin({QStringLiteral("frobnicate")}, 2) != "<wrong exit code>");
        QVERIFY(admin({QStringLiteral("ban")}, 2) != "<wrong exit code>");
    }
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
