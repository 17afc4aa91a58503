// confab-server admin ...: run on the data directory of a running server, as an operator would.

#include "restclient.h"
#include "testserver.h"

#include <QtTest>

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

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray out;
        QCOMPARE(m_server.runCommand({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("root"),
                                      QStringLiteral("--admin"), QStringLiteral("--password"), QStringLiteral("rootpass1"),
                                      QStringLiteral("--insecure-fast-password-hashing")},
                                     &out),
                 0);
        QVERIFY2(out.contains("created admin root"), out.constData());
        QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing")}));
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
        admin({QStringLiteral("reset-password"), QStringLiteral("dave"), QStringLiteral("--password"), QStringLiteral("short")}, 2);
        QCOMPARE(login(dave, QStringLiteral("dave"), QStringLiteral("newpassword")).status, 200);
    }

    void serverBanIsAudited()
    {
        RestClient eve(m_server.httpUrl());
        QVERIFY(!eve.signUp(QStringLiteral("eve")).is_null());
        QVERIFY(admin({QStringLiteral("ban"), QStringLiteral("eve"), QStringLiteral("--reason"), QStringLiteral("spam links")})
                    .contains("banned eve"));
        QCOMPARE(eve.get(QStringLiteral("/v1/me")).status, 401);
        const QByteArray log = admin({QStringLiteral("audit")});
        QVERIFY2(log.contains("server.ban") && log.contains("spam links"), log.constData());

        // The server admin sees the same entry over the API.
        RestClient root(m_server.httpUrl());
        QVERIFY(login(root, QStringLiteral("root"), QStringLiteral("rootpass1")).ok());
        root.setToken(QString::fromStdString(login(root, QStringLiteral("root"), QStringLiteral("rootpass1")).data()["token"].get<std::string>()));
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

    void badCommandsSayWhatIsWrong()
    {
        QVERIFY(admin({QStringLiteral("disable"), QStringLiteral("nobody")}, 1) != "<wrong exit code>");
        QVERIFY(admin({QStringLiteral("frobnicate")}, 2) != "<wrong exit code>");
        QVERIFY(admin({QStringLiteral("ban")}, 2) != "<wrong exit code>");
    }
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
