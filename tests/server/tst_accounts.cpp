// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts in the audit log (issue 17, point 5): registration, sign-in, failed sign-in (folded
// per address and minute), sign-out, erasure and the command line's account actions, read back
// through GET /v1/admin/audit; and the audit log's own retention.

#include "apitestutil.h"

#include <QDir>
#include <QTcpSocket>

using namespace confab::test;

namespace {

const QString kPassword = QStringLiteral("correct horse");

// The HTTP status of a sign-in sent from another loopback address (127.0.0.N), as a client on
// another machine would; 0 when no answer came. (The server runs in its own process, so the
// blocking socket calls are safe here.)
int loginFrom(const QString &sourceAddress, quint16 port, const QString &username, const QString &password)
{
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(sourceAddress)))
        return 0;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return 0;
    const std::string body = json{{"username", ss(username)}, {"password", ss(password)}}.dump();
    socket.write("POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nConnection: close\r\n"
                 "Content-Length: " +
                 QByteArray::number(qsizetype(body.size())) + "\r\n\r\n" + QByteArray::fromStdString(body));
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
}

} // namespace

class TestAccounts : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<RestClient> m_root; // a server admin: reads the audit log

    void signInRoot()
    {
        m_root = std::make_unique<RestClient>(m_server.httpUrl());
        const RestReply r =
            m_root->post(QStringLiteral("/v1/auth/login"), {{"username", "root"}, {"password", "rootpass1"}});
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        m_root->setToken(qs(r.data()["token"]));
    }

    // Audit entries with this action (newest first), optionally only those about `targetUserId`.
    std::vector<json> entries(const QString &action, const QString &targetUserId = {})
    {
        const RestReply r = m_root->get(QStringLiteral("/v1/admin/audit?limit=200&action=") + action);
        if (r.status != 200) {
            qWarning("audit read failed: %s", describe(r, 200).constData());
            return {};
        }
        std::vector<json> out;
        const json data = r.data();
        for (const json &e : data["entries"]) {
            if (targetUserId.isEmpty() || qs(e["targetUserId"]) == targetUserId)
                out.push_back(e);
        }
        return out;
    }

    QByteArray admin(const QStringList &args)
    {
        QByteArray output;
        const int rc = m_server.runCommand(QStringList{QStringLiteral("admin")} + args, &output);
        return rc == 0 ? output : QByteArray("<exit ") + QByteArray::number(rc) + "> " + output;
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
        QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing")}));
        signInRoot();
    }

    void registrationSignInSignOutAndErasureAreAudited()
    {
        Account dora = makeAccount(m_server, QStringLiteral("dora"));
        QVERIFY(!dora.id.isEmpty());
        auto reg = entries(QStringLiteral("user.register"), dora.id);
        QCOMPARE(reg.size(), size_t(1));
        QCOMPARE(qs(reg[0]["actorId"]), dora.id);
        QCOMPARE(qs(reg[0]["address"]), QStringLiteral("127.0.0.1"));
        QVERIFY2(reg[0]["roomId"].is_null(), dumpJson(reg[0]).constData()); // room-less

        QCOMPARE(loginFrom(QStringLiteral("127.0.0.5"), m_server.port(), QStringLiteral("dora"), kPassword), 200);
        auto logins = entries(QStringLiteral("user.login"), dora.id);
        QCOMPARE(logins.size(), size_t(1));
        QCOMPARE(qs(logins[0]["address"]), QStringLiteral("127.0.0.5"));

        QCOMPARE(dora->post(QStringLiteral("/v1/auth/logout")).status, 200);
        auto logouts = entries(QStringLiteral("user.logout"), dora.id);
        QCOMPARE(logouts.size(), size_t(1));
        QCOMPARE(qs(logouts[0]["address"]), QStringLiteral("127.0.0.1"));

        Account ed = makeAccount(m_server, QStringLiteral("eddie"));
        QVERIFY(!ed.id.isEmpty());
        const RestReply erased = eraseAccount(ed);
        QVERIFY2(erased.status == 200, describe(erased, 200).constData());
        auto erasures = entries(QStringLiteral("user.erase"), ed.id);
        QCOMPARE(erasures.size(), size_t(1));
        QCOMPARE(qs(erasures[0]["actorId"]), ed.id);
        QCOMPARE(qs(erasures[0]["address"]), QStringLiteral("127.0.0.1"));
    }

    // Erasure asks for the password, checked by the server: without it or with a wrong one,
    // a clear error and nothing is deleted.
    void erasureNeedsTheRightPassword()
    {
        Account ivy = makeAccount(m_server, QStringLiteral("ivy"));
        QVERIFY(!ivy.id.isEmpty());
        const json room = createRoom(ivy, QStringLiteral("ivy's room"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        QVERIFY(postMessage(ivy, qs(room["roomId"]), QStringLiteral("still here")).is_object());

        RestReply r = ivy->del(QStringLiteral("/v1/me"));
        QVERIFY2(r.status == 400 && r.errorCode() == QStringLiteral("BAD_REQUEST"), describe(r, 400).constData());
        r = ivy->send("DELETE", QStringLiteral("/v1/me"), "{}");
        QVERIFY2(r.status == 422 && r.errorField() == QStringLiteral("password"), describe(r, 422).constData());
        r = eraseAccount(ivy, QStringLiteral("not my password"));
        QVERIFY2(r.status == 403 && r.errorField() == QStringLiteral("password"), describe(r, 403).constData());
        QVERIFY2(qs(r.body["error"]["message"]).contains(QStringLiteral("not deleted")), r.raw.constData());

        // Nothing happened: the session works, the message is there, nothing was audited.
        QCOMPARE(ivy->get(QStringLiteral("/v1/me")).status, 200);
        const auto history = fullHistory(ivy, qs(room["roomId"]));
        QVERIFY(!history.empty() && qs(history.back()["content"]) == QStringLiteral("still here"));
        QVERIFY(entries(QStringLiteral("user.erase"), ivy.id).empty());

        r = eraseAccount(ivy);
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        QCOMPARE(ivy->get(QStringLiteral("/v1/me")).status, 401);
    }

    void failedSignInsFoldPerAddressAndMinute()
    {
        Account erin = makeAccount(m_server, QStringLiteral("erin"));
        QVERIFY(!erin.id.isEmpty());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(loginFrom(QStringLiteral("127.0.0.6"), m_server.port(), QStringLiteral("erin"),
                               QStringLiteral("wrong guess")),
                     401);
        QCOMPARE(loginFrom(QStringLiteral("127.0.0.7"), m_server.port(), QStringLiteral("erin"),
                           QStringLiteral("wrong guess")),
                 401);

        // The failure is audited after the answer: wait for the last one to land.
        QTRY_COMPARE_WITH_TIMEOUT(entries(QStringLiteral("user.login_failed"), erin.id).size(), size_t(2), 10000);
        const auto failed = entries(QStringLiteral("user.login_failed"), erin.id);
        json from6, from7;
        for (const json &e : failed)
            (qs(e["address"]) == QStringLiteral("127.0.0.6") ? from6 : from7) = e;
        QVERIFY2(from6.is_object() && from7.is_object(), dumpJson(json(failed)).constData());
        QCOMPARE(from6["count"].get<int>(), 3);
        QCOMPARE(from7["count"].get<int>(), 1);
        QCOMPARE(qs(from6["reason"]), QStringLiteral("wrong password"));
    }

    void guessingManyUsernamesFromOneAddressIsBounded()
    {
        const QString address = QStringLiteral("127.0.0.8");
        // 14 made-up names: one entry each up to the per-address bound, then one entry counts the rest.
        for (int i = 0; i < 14; ++i)
            QCOMPARE(loginFrom(address, m_server.port(), QStringLiteral("ghost%1").arg(i), QStringLiteral("whatever1")),
                     401);
        auto fromAddress = [&] {
            std::vector<json> out;
            int total = 0;
            for (const json &e : entries(QStringLiteral("user.login_failed"))) {
                if (qs(e["address"]) == address) {
                    out.push_back(e);
                    total += e["count"].get<int>();
                }
            }
            return std::make_pair(out, total);
        };
        QTRY_COMPARE_WITH_TIMEOUT(fromAddress().second, 14, 10000);
        const auto [rows, total] = fromAddress();
        QCOMPARE(rows.size(), size_t(11));
        bool sawUnknown = false, sawMany = false;
        for (const json &e : rows) {
            sawUnknown |= qs(e["reason"]) == QStringLiteral("unknown username ghost0");
            if (qs(e["reason"]) == QStringLiteral("many usernames")) {
                sawMany = true;
                QCOMPARE(e["count"].get<int>(), 4);
            }
        }
        QVERIFY2(sawUnknown && sawMany, dumpJson(json(rows)).constData());
    }

    void commandLineAccountActionsAreAudited()
    {
        Account fay = makeAccount(m_server, QStringLiteral("fay"));
        QVERIFY(!fay.id.isEmpty());
        const QStringList verbs{QStringLiteral("promote"), QStringLiteral("demote"), QStringLiteral("disable"),
                                QStringLiteral("enable")};
        for (const QString &verb : verbs) {
            const QByteArray out = admin({verb, QStringLiteral("fay")});
            QVERIFY2(!out.startsWith("<exit"), out.constData());
        }
        QVERIFY(!admin({QStringLiteral("reset-password"), QStringLiteral("fay"), QStringLiteral("--password"),
                        QStringLiteral("new password 1")})
                     .startsWith("<exit"));
        for (const QString &action :
             {QStringLiteral("user.promote"), QStringLiteral("user.demote"), QStringLiteral("user.disable"),
              QStringLiteral("user.enable"), QStringLiteral("user.reset_password")}) {
            const auto found = entries(action, fay.id);
            QVERIFY2(found.size() == 1, qPrintable(action));
            QCOMPARE(qs(found[0]["actorId"]), QStringLiteral("system"));
        }
    }

    // Entries older than --audit-retention-days go when the server starts (and every interval).
    void auditLogFollowsItsRetention()
    {
        Account gus = makeAccount(m_server, QStringLiteral("gus"));
        Account hal = makeAccount(m_server, QStringLiteral("hal"));
        QVERIFY(!gus.id.isEmpty() && !hal.id.isEmpty());
        QCOMPARE(entries(QStringLiteral("user.register"), gus.id).size(), size_t(1));
        QVERIFY(m_server.stop());
        {
            // Age gus's entry by 40 days, as if it had been written then.
            QVERIFY(m_server.execSql(
                QStringLiteral("UPDATE audit_log SET created_at = created_at - ? WHERE target_user_id = ?"),
                {qlonglong(40) * 24 * 3600 * 1000, gus.id}));
        }
        QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing"),
                                QStringLiteral("--audit-retention-days"), QStringLiteral("30")}));
        signInRoot();
        QTRY_VERIFY_WITH_TIMEOUT(entries(QStringLiteral("user.register"), gus.id).empty(), 10000);
        QCOMPARE(entries(QStringLiteral("user.register"), hal.id).size(), size_t(1));
    }

    void badRetentionSettingIsRefusedByName()
    {
        QByteArray out;
        const int rc = m_server.runCommand(
            {QStringLiteral("admin"), QStringLiteral("users"), QStringLiteral("--audit-retention-days=forever")}, &out);
        QVERIFY(rc != 0);
        QVERIFY2(out.contains("audit-retention-days"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
