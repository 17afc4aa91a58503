// SPDX-License-Identifier: GPL-3.0-or-later
// The security review's checks (docs/security.md) against a real confab-server process: which
// web pages may open a WebSocket (--allowed-origin), password guessing through a password change,
// error answers that say nothing about the server's insides, and the TLS protocol floor and
// cipher list as openssl s_client sees them.

#include "apitestutil.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace confab::test;

namespace {

const QString kPassword = QStringLiteral("correct horse");
const QString kAllowedOrigin = QStringLiteral("https://chat.example.com");

// The status line and body of the server's answer to a WebSocket handshake with this Origin
// header (none when empty). The server is another process: blocking calls are fine.
QByteArray handshakeAnswer(quint16 port, const QByteArray &origin)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return "no connection";
    QByteArray request = "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: " +
                         QByteArray("confab-origin-t!").toBase64() + "\r\nSec-WebSocket-Version: 13\r\n";
    if (!origin.isEmpty())
        request += "Origin: " + origin + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    // A 101 keeps the connection open: stop at its blank line; an error answer closes it.
    while (!answer.startsWith("HTTP/1.1 101") || !answer.contains("\r\n\r\n")) {
        if (!socket.waitForReadyRead(5000))
            break;
        answer += socket.readAll();
    }
    return answer;
}

bool runOpenSsl(const QStringList &args, QByteArray *output)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), args);
    openssl.closeWriteChannel(); // s_client: no input, so it ends after the handshake
    if (!openssl.waitForFinished(60000))
        return false;
    *output = openssl.readAll();
    return openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}

} // namespace

class TestSecurity : public QObject {
    Q_OBJECT

    TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--allowed-origin"),
                                kAllowedOrigin, QStringLiteral("--allowed-origin"),
                                QStringLiteral("http://localhost:3000")}));
    }

    // Browsers send their page's Origin with a WebSocket handshake; only the configured ones may
    // connect (compared as origins: case and a default port do not matter). Clients that send
    // none, like the desktop client, always may.
    void webSocketOriginIsChecked()
    {
        for (const QByteArray &origin :
             {QByteArray(), QByteArray("https://chat.example.com"), QByteArray("HTTPS://Chat.Example.COM:443"),
              QByteArray("http://localhost:3000")}) {
            const QByteArray answer = handshakeAnswer(m_server.port(), origin);
            QVERIFY2(answer.startsWith("HTTP/1.1 101"), QByteArray(origin + " -> " + answer.left(300)).constData());
        }
        for (const QByteArray &origin :
             {QByteArray("https://evil.example"), QByteArray("http://chat.example.com"),
              QByteArray("https://chat.example.com:8443"), QByteArray("null"), QByteArray("http://localhost:3001")}) {
            const QByteArray answer = handshakeAnswer(m_server.port(), origin);
            QVERIFY2(answer.startsWith("HTTP/1.1 403"), QByteArray(origin + " -> " + answer.left(300)).constData());
            QVERIFY2(answer.contains("\"FORBIDDEN\"") && answer.contains(origin) && answer.contains("--allowed-origin"),
                     answer.constData());
        }
    }

    // An --allowed-origin that is not an origin stops the server with a message naming it.
    void badAllowedOriginIsRefused()
    {
        TestServer server;
        QVERIFY(!server.start({QStringLiteral("--allowed-origin"), QStringLiteral("chat.example.com/app")}));
        QVERIFY2(server.output().contains("--allowed-origin") && server.output().contains("chat.example.com/app"),
                 server.output().constData());
    }

    // Guessing the current password through a password change is limited like sign-in: strictly
    // per account and address (5 wrong guesses), so the sixth is refused before it is checked,
    // even when it is right.
    void passwordChangeGuessesAreLimited()
    {
        Account uma = makeAccount(m_server, QStringLiteral("uma"));
        QVERIFY(!uma.id.isEmpty());
        auto change = [&uma](const QString &oldPassword) {
            return uma->post(QStringLiteral("/v1/me/password"),
                             {{"oldPassword", ss(oldPassword)}, {"newPassword", "a brand new secret"}});
        };
        for (int i = 0; i < 5; ++i) {
            const RestReply r = change(QStringLiteral("guess %1").arg(i));
            QVERIFY2(r.status == 403 && r.errorField() == QStringLiteral("oldPassword"), describe(r, 403).constData());
        }
        RestReply r = change(QStringLiteral("guess 5"));
        QVERIFY2(r.status == 429 && r.errorCode() == QStringLiteral("RATE_LIMITED"), describe(r, 429).constData());
        QVERIFY(!r.header("retry-after").isEmpty());
        r = change(kPassword);
        QVERIFY2(r.status == 429, describe(r, 429).constData());
    }

    // Account erasure asks for the password too, and counts its guesses the same way.
    void erasureGuessesAreLimited()
    {
        Account wen = makeAccount(m_server, QStringLiteral("wen"));
        QVERIFY(!wen.id.isEmpty());
        for (int i = 0; i < 5; ++i) {
            const RestReply r = eraseAccount(wen, QStringLiteral("guess %1").arg(i));
            QVERIFY2(r.status == 403 && r.errorField() == QStringLiteral("password"), describe(r, 403).constData());
        }
        RestReply r = eraseAccount(wen, QStringLiteral("guess 5"));
        QVERIFY2(r.status == 429 && r.errorCode() == QStringLiteral("RATE_LIMITED"), describe(r, 429).constData());
        r = eraseAccount(wen, kPassword);
        QVERIFY2(r.status == 429, describe(r, 429).constData());
        QCOMPARE(wen->get(QStringLiteral("/v1/me")).status, 200); // still there
    }

    // A storage failure (here a table dropped under the running server) is answered with a
    // generic 500: no SQL, no SQLite message, no file path.
    void storageErrorsSayNothingInternal()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--insecure-fast-password-hashing")}));
        Account vic = makeAccount(server, QStringLiteral("vic"));
        QVERIFY(!vic.id.isEmpty());
        const json room = createRoom(vic, QStringLiteral("ops"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        const QString pins = roomPath(qs(room["roomId"]), QStringLiteral("/pins"));
        QCOMPARE(vic->get(pins).status, 200);
        {
            // On SQLite the file in the data directory; on PostgreSQL the server's own database.
            const QUrl pg(server.databaseUrl());
            QSqlDatabase db = QSqlDatabase::addDatabase(
                pg.isEmpty() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), QStringLiteral("saboteur"));
            if (pg.isEmpty()) {
                db.setDatabaseName(QDir(server.dataDir()).filePath(QStringLiteral("confab.db")));
            } else {
                db.setHostName(pg.host());
                db.setPort(pg.port(5432));
                db.setUserName(pg.userName());
                db.setDatabaseName(pg.path().mid(1));
            }
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery drop(db);
            QVERIFY2(drop.exec(QStringLiteral("DROP TABLE pins")), qPrintable(drop.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));

        const RestReply r = vic->get(pins);
        QVERIFY2(r.status == 500 && r.errorCode() == QStringLiteral("INTERNAL"), describe(r, 500).constData());
        for (const QByteArray &secret :
             {QByteArray("SQL"), QByteArray("sqlite"), QByteArray("SELECT"), QByteArray("pins"),
              QByteArray("no such table"), server.dataDir().toUtf8(), QByteArray(".cpp"), QByteArray("confab.db"),
              QByteArray("PostgreSQL"), QByteArray("relation")}) {
            QVERIFY2(!r.raw.contains(secret), QByteArray("leaks " + secret + ": " + r.raw).constData());
        }
    }

    // With --tls-cert the server speaks TLS 1.2 and 1.3 only, and TLS 1.2 only with
    // forward-secret AEAD ciphers (docs/security.md).
    void tlsProtocolFloorAndCiphers()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QByteArray out;
        QVERIFY2(runOpenSsl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                             QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("1"),
                             QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert},
                            &out),
                 out.constData());
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
        auto sClient = [&address](QStringList extra, QByteArray *output) {
            extra.prepend(address);
            extra.prepend(QStringLiteral("-connect"));
            extra.prepend(QStringLiteral("s_client"));
            return runOpenSsl(extra, output);
        };

        QVERIFY2(sClient({QStringLiteral("-tls1_3")}, &out), out.constData());
        QVERIFY2(out.contains("TLSv1.3"), out.constData());
        QVERIFY2(sClient({QStringLiteral("-tls1_2")}, &out), out.constData());
        QVERIFY2(out.contains("TLSv1.2") && out.contains("ECDHE-RSA-") && out.contains("GCM"), out.constData());
        // The client is told to allow what the server must refuse (SECLEVEL=0 lifts the client's
        // own floor), so a failure below is the server's refusal.
        for (const QStringList &refused :
             {QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")},
              QStringList{QStringLiteral("-tls1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")},
              QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("AES128-SHA")},
              QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-RSA-AES128-SHA")},
              QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("AES256-GCM-SHA384")}}) {
            QVERIFY2(!sClient(refused, &out), qPrintable(refused.join(u' ') + QStringLiteral(" was accepted: ") +
                                                         QString::fromUtf8(out.left(2000))));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
