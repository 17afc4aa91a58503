// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in and coming back: the token with no keychain (the user is told, nothing on disk),
// with the consented file (0600), restore on the next start, sign-out; and confab-cli, two
// people chatting from two terminals.

#include "clienttest.h"

#include "client/account/session.h"
#include "client/models/roomlistmodel.h"

#include <QDirIterator>
#include <QProcess>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {

// True if any file under dir contains needle.
bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // No session bus: every keychain job fails, as on a headless box. With
        // CONFAB_TEST_REAL_KEYCHAIN=1 (under dbus-run-session with gnome-keyring-daemon, see
        // TOOLCHAIN.md) the real keychain is used instead and only that test runs.
        m_realKeychain = qEnvironmentVariableIntValue("CONFAB_TEST_REAL_KEYCHAIN") == 1;
        if (!m_realKeychain)
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/confab-test-bus");
        QVERIFY(m_server.start(fastServerArgs()));
    }

    void realKeychainKeepsTheToken()
    {
        if (!m_realKeychain)
            QSKIP("set CONFAB_TEST_REAL_KEYCHAIN=1 and run under a Secret Service");
        QTemporaryDir dir;
        Session::Config config;
        config.dataDir = dir.path();
        config.keychainService = QStringLiteral("org.confab.Confab.test");
        QString token;
        {
            Session session(config);
            QSignalSpy saved(&session.tokens(), &TokenStore::saved);
            session.registerAccount(m_server.httpUrl(), QStringLiteral("kim"), QStringLiteral("correct horse"));
            QVERIFY(saved.wait(20000));
            QVERIFY(saved.at(0).at(1).value<TokenStore::Backend>() == TokenStore::Backend::Keychain);
            QVERIFY(session.secretStorageWarning().isEmpty());
            token = session.api().token();
            QVERIFY(!anyFileContains(dir.path(), token.toUtf8()));
        }
        Session restored(config);
        QSignalSpy signedIn(&restored, &Session::signedIn);
        restored.restore();
        QVERIFY(signedIn.wait(20000));
        QCOMPARE(restored.api().token(), token);
        QSignalSpy removed(&restored.tokens(), &TokenStore::removed);
        restored.signOut();
        QVERIFY(removed.wait(20000));
    }

    void noKeychainKeepsTheTokenInMemoryAndSaysSo()
    {
        if (m_realKeychain)
            QSKIP("a keychain answers");
        QTemporaryDir dir;
        Session::Config config;
        config.dataDir = dir.path();
        {
            Session session(config);
            QSignalSpy problem(&session, &Session::secretStorageProblem);
            QSignalSpy signedIn(&session, &Session::signedIn);
            QSignalSpy saved(&session.tokens(), &TokenStore::saved);
            session.registerAccount(m_server.httpUrl(), QStringLiteral("carol"), QStringLiteral("correct horse"));
            QVERIFY(signedIn.count() || signedIn.wait(10000));
            QCOMPARE(session.state(), Session::State::SignedIn);
            QVERIFY(session.engine());
            QVERIFY(saved.count() || saved.wait(20000));
            QVERIFY(saved.at(0).at(1).value<TokenStore::Backend>() == TokenStore::Backend::Memory);
            QCOMPARE(problem.count(), 1);
            QVERIFY(!problem.at(0).at(0).toString().isEmpty());
            QCOMPARE(session.secretStorageWarning(), problem.at(0).at(0).toString());
            QVERIFY(session.tokens().backend() == TokenStore::Backend::Memory);
            // Signed in and working, with the token nowhere on disk.
            QTRY_VERIFY_WITH_TIMEOUT(session.engine()->rooms().isLoaded(), 10000);
            const QByteArray token = session.api().token().toUtf8();
            QVERIFY(!token.isEmpty());
            QVERIFY(!anyFileContains(dir.path(), token));
        }
        // The next start has no token to restore: the user signs in again.
        Session next(config);
        QSignalSpy failed(&next, &Session::failed);
        next.restore();
        QVERIFY(failed.count() || failed.wait(20000));
        QCOMPARE(next.state(), Session::State::SignedOut);
        QVERIFY(!next.engine());
    }

    void consentedFileKeepsTheTokenAcrossRestarts()
    {
        if (m_realKeychain)
            QSKIP("only the keychain test runs with a real keychain");
        QTemporaryDir dir;
        Session::Config config;
        config.dataDir = dir.filePath(QStringLiteral("data"));
        config.tokenFile = dir.filePath(QStringLiteral("secret/token.json"));
        QString token;
        {
            Session session(config);
            QSignalSpy saved(&session.tokens(), &TokenStore::saved);
            session.registerAccount(m_server.httpUrl(), QStringLiteral("dave"), QStringLiteral("correct horse"));
            QVERIFY(saved.wait(20000));
            QVERIFY(saved.at(0).at(1).value<TokenStore::Backend>() == TokenStore::Backend::File);
            token = session.api().token();
            QFile f(config.tokenFile);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains(token.toUtf8()));
            QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                        QFileDevice::WriteOther),
                     QFileDevice::Permissions());
        }
        {
            Session restored(config);
            QSignalSpy signedIn(&restored, &Session::signedIn);
            restored.restore();
            QVERIFY(signedIn.wait(20000));
            QCOMPARE(restored.me().username, QStringLiteral("dave"));
            QCOMPARE(restored.api().token(), token);
            QTRY_VERIFY_WITH_TIMEOUT(restored.engine()->rooms().isLoaded(), 10000);

            QSignalSpy removed(&restored.tokens(), &TokenStore::removed);
            QSignalSpy leaving(&restored, &Session::aboutToSignOut);
            restored.signOut();
            QCOMPARE(leaving.count(), 1);
            QVERIFY(!restored.engine());
            QCOMPARE(restored.state(), Session::State::SignedOut);
            QVERIFY(removed.wait(20000));
            QFile f(config.tokenFile);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(!f.readAll().contains(token.toUtf8()));
        }
    }

    void adoptedTokenIsKeptInMemoryOnly()
    {
        if (m_realKeychain)
            QSKIP("only the keychain test runs with a real keychain");
        // The demo hands over a token: signed in with it, nothing stored, and signing out
        // leaves a real account's file alone.
        QTemporaryDir dir;
        Session::Config config;
        config.dataDir = dir.path();
        QFile account(dir.filePath(QStringLiteral("account.json")));
        QVERIFY(account.open(QIODevice::WriteOnly));
        account.write("{\"server\": \"http://example.invalid\", \"user\": {}}");
        account.close();
        const Account erin = signUp(m_server, QStringLiteral("gwen"));
        QVERIFY(!erin.token.isEmpty());
        Session session(config);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy saved(&session.tokens(), &TokenStore::saved);
        session.adoptToken(m_server.httpUrl(), erin.token);
        QVERIFY(signedIn.wait(20000));
        QCOMPARE(session.me().userId, erin.user.userId);
        QTRY_VERIFY_WITH_TIMEOUT(session.engine()->rooms().isLoaded(), 10000);
        QCOMPARE(saved.count(), 0);
        QVERIFY(!anyFileContains(dir.path(), erin.token.toUtf8()));
        session.signOut();
        QVERIFY(QFile::exists(account.fileName()));

        // A bad token fails like a bad password.
        QSignalSpy failed(&session, &Session::failed);
        session.adoptToken(m_server.httpUrl(), QStringLiteral("not-a-token"));
        QVERIFY(failed.wait(20000));
        QCOMPARE(session.state(), Session::State::SignedOut);
    }

    void wrongPasswordIsReported()
    {
        if (m_realKeychain)
            QSKIP("only the keychain test runs with a real keychain");
        QTemporaryDir dir;
        Session::Config config;
        config.dataDir = dir.path();
        config.useKeychain = false;
        Session session(config);
        QSignalSpy failed(&session, &Session::failed);
        session.signIn(m_server.httpUrl(), QStringLiteral("dave"), QStringLiteral("not the password"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(session.state(), Session::State::SignedOut);
        QVERIFY(!session.errorMessage().isEmpty());
    }

    void twoTerminalsChat()
    {
        if (m_realKeychain)
            QSKIP("only the keychain test runs with a real keychain");
        QTemporaryDir dir;
        auto cli = [&](const QString &who, const QStringList &args) {
            auto *p = new QProcess(this);
            p->setProgram(QStringLiteral(CONFAB_CLI_BINARY));
            p->setArguments(QStringList{QStringLiteral("--server"), m_server.httpUrl().toString(),
                                        QStringLiteral("--data-dir"), dir.filePath(who), QStringLiteral("--token-file"),
                                        dir.filePath(who + QStringLiteral("/token")), QStringLiteral("--no-keychain")} +
                            args);
            p->start();
            return p;
        };
        auto finish = [](QProcess *p, const QByteArray &stdinData = {}) {
            if (!stdinData.isEmpty()) {
                p->write(stdinData);
                p->closeWriteChannel();
            }
            // Not waitForFinished: the server shares nothing with it, but keep the loop running.
            const bool done = QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 30000);
            return done && p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        };
        QCOMPARE(finish(cli(QStringLiteral("erin"), {QStringLiteral("register"), QStringLiteral("erin")}),
                        "correct horse\n"),
                 0);
        QCOMPARE(finish(cli(QStringLiteral("frank"), {QStringLiteral("register"), QStringLiteral("frank")}),
                        "correct horse\n"),
                 0);

        // A room for the two (the CLI has no room commands yet).
        RestClient erin(m_server.httpUrl()), frank(m_server.httpUrl());
        QVERIFY(!erin.signUp(QStringLiteral("erin")).is_null());
        QVERIFY(!frank.signUp(QStringLiteral("frank")).is_null());
        const RestReply room = erin.post(QStringLiteral("/v1/chat/rooms"), {{"name", "porch"}, {"type", "public"}});
        QVERIFY(room.ok());
        const QString roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
        QVERIFY(frank.post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/join")).ok());

        QProcess *rooms = cli(QStringLiteral("frank"), {QStringLiteral("rooms")});
        QCOMPARE(finish(rooms), 0);
        QVERIFY(rooms->readAllStandardOutput().contains("porch"));

        QProcess *tail = cli(QStringLiteral("frank"), {QStringLiteral("tail"), QStringLiteral("porch")});
        QVERIFY(QTest::qWaitFor([tail] { return tail->readAllStandardError().contains("porch"); }, 20000));
        QCOMPARE(finish(cli(QStringLiteral("erin"), {QStringLiteral("send"), QStringLiteral("porch"),
                                                     QStringLiteral("hello from a terminal")})),
                 0);
        QByteArray seen;
        QVERIFY(QTest::qWaitFor(
            [&] {
                seen += tail->readAllStandardOutput();
                return seen.contains("ERIN: hello from a terminal") || seen.contains("erin: hello from a terminal");
            },
            20000));
        tail->kill();
        (void)QTest::qWaitFor([tail] { return tail->state() == QProcess::NotRunning; }, 5000);

        // Signing out forgets the token; the next command has to sign in again.
        QFile tokenFile(dir.filePath(QStringLiteral("erin/token")));
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        QVERIFY(tokenFile.readAll().size() > 10);
        tokenFile.close();
        QCOMPARE(finish(cli(QStringLiteral("erin"), {QStringLiteral("logout")})), 0);
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        QCOMPARE(tokenFile.readAll(), QByteArray("{}"));
        tokenFile.close();
        QCOMPARE(finish(cli(QStringLiteral("erin"), {QStringLiteral("rooms")})), 1);
    }

private:
    TestServer m_server;
    bool m_realKeychain = false;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
