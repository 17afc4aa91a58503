// SPDX-License-Identifier: GPL-3.0-or-later
// Operating a server (docs/operations.md): backups while it serves, restore, health, the
// systemd watchdog, structured logs that hold no secrets, and /metrics.

#include "apitestutil.h"

#include "server/ops/logoutput.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstring>
#include <set>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace confab::test;

namespace {

// The rows of `sql` (first column) in the SQLite file at `path`, opened on a connection of its own.
QStringList sqliteColumn(const QString &path, const QString &sql)
{
    QStringList values;
    const QString name = QStringLiteral("tst_operations_%1").arg(quintptr(&values));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next())
                    values.append(q.value(0).toString());
            } else {
                values.append(QStringLiteral("<query failed>"));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

bool isAckOf(const json &f, const std::string &ref)
{
    return f.value("type", std::string()) == "ack" && f.value("ref", json()) == ref;
}

// The AF_UNIX datagram socket systemd listens on for sd_notify, played by the test.
class NotifySocket {
public:
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool bind(const QString &path)
    {
        const QByteArray p = QFile::encodeName(path);
        sockaddr_un address{};
        if (std::size_t(p.size()) >= sizeof(address.sun_path))
            return false;
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, p.constData(), std::size_t(p.size()));
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        return m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    }
    // Every datagram received since the last call.
    QStringList take()
    {
        QStringList received;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
            if (n < 0)
                return received;
            received.append(QString::fromUtf8(buffer, qsizetype(n)));
        }
    }

private:
    int m_fd = -1;
};

} // namespace

class TestOperations : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_scratch;

private Q_SLOTS:
    // The backup runs in its own process while this test keeps sending messages over the
    // WebSocket: the copy is intact and holds every message acknowledged before it began.
    void backupWhileTheServerWrites()
    {
        TestServer server;
        QVERIFY(server.start(TestServer::relaxedArgs()));
        if (!server.databaseUrl().isEmpty()) {
            // PostgreSQL: confab-server does not back up (pg_dump does); it says so and fails.
            QByteArray output;
            QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("backup"),
                                        m_scratch.filePath(QStringLiteral("refused.db"))},
                                       &output),
                     1);
            QVERIFY2(output.contains("PostgreSQL storage does not support backup through confab-server yet"),
                     output.constData());
            QSKIP("backup and restore through confab-server are SQLite's only");
        }
        Account alice = makeAccount(server, QStringLiteral("alice"));
        const json room = createRoom(alice, QStringLiteral("busy"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        const QString roomId = qs(room["roomId"]);
        auto ws = connectWs(server, alice);
        QVERIFY(ws);

        int next = 0;
        const auto sendOne = [&]() -> QString {
            const QString content = QStringLiteral("message %1").arg(next++);
            const std::string ref = ss(content);
            ws->send({{"type", "send_message"}, {"roomId", ss(roomId)}, {"content", ref}, {"ref", ref}});
            return ws->waitFor([&](const json &f) { return isAckOf(f, ref); }, 10000).is_null() ? QString() : content;
        };
        std::set<QString> ackedBefore;
        for (int i = 0; i < 150; ++i) {
            const QString acked = sendOne();
            QVERIFY2(!acked.isEmpty(), "a send before the backup was not acknowledged");
            ackedBefore.insert(acked);
        }

        const QString file = m_scratch.filePath(QStringLiteral("busy.db"));
        auto backup = server.startCommand({QStringLiteral("admin"), QStringLiteral("backup"), file});
        QVERIFY(backup->waitForStarted(10000));
        int sentDuring = 0;
        while (backup->state() != QProcess::NotRunning) {
            QVERIFY2(!sendOne().isEmpty(), "a send during the backup was not acknowledged");
            ++sentDuring;
        }
        const QByteArray output = backup->readAll();
        QVERIFY2(backup->exitStatus() == QProcess::NormalExit && backup->exitCode() == 0, output.constData());
        QVERIFY2(output.contains("backed up"), output.constData());
        qInfo("%d messages were sent while the backup ran", sentDuring);

        QCOMPARE(sqliteColumn(file, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
        const QStringList stored = sqliteColumn(file, QStringLiteral("SELECT content FROM messages"));
        const std::set<QString> inBackup(stored.begin(), stored.end());
        for (const QString &content : ackedBefore)
            QVERIFY2(inBackup.count(content), qPrintable(content + QStringLiteral(" is missing from the backup")));
        QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
    }

    // Restore refuses while a server runs on the data dir, keeps the old database as .bak, and
    // the server started on the restored database serves what the backup held.
    void restoreReplacesTheDatabaseOnlyWhenStopped()
    {
        TestServer server;
        if (!server.databaseUrl().isEmpty()) {
            // PostgreSQL: confab-server does not restore (pg_restore does); it says so and fails.
            QFile copy(m_scratch.filePath(QStringLiteral("any.db")));
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.close();
            QByteArray output;
            QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("restore"), copy.fileName()}, &output),
                     1);
            QVERIFY2(output.contains("PostgreSQL storage does not support"), output.constData());
            QSKIP("backup and restore through confab-server are SQLite's only");
        }
        QVERIFY(server.start(TestServer::relaxedArgs()));
        Account bob = makeAccount(server, QStringLiteral("bob"));
        const json room = createRoom(bob, QStringLiteral("kept"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        const QString roomId = qs(room["roomId"]);
        QVERIFY(!postMessage(bob, roomId, QStringLiteral("in the backup")).is_null());

        const QString file = m_scratch.filePath(QStringLiteral("kept.db"));
        QByteArray out;
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("backup"), file}, &out), 0);
        QVERIFY(!postMessage(bob, roomId, QStringLiteral("after the backup")).is_null());

        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("restore"), file}, &out), 1);
        QVERIFY2(out.contains("restore refused") && out.contains("is running on") &&
                     out.contains(QByteArray::number(server.pid())),
                 out.constData());
        QVERIFY(!postMessage(bob, roomId, QStringLiteral("still served")).is_null());

        QVERIFY(server.stop());
        // Not a database, and no file at all: clear errors, nothing replaced.
        const QString junk = m_scratch.filePath(QStringLiteral("junk.db"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("restore"), junk}, &out), 1);
        QVERIFY2(out.contains("restore failed") && out.contains("not a database"), out.constData());
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("restore"),
                                    m_scratch.filePath(QStringLiteral("none.db"))},
                                   &out),
                 1);
        QVERIFY2(out.contains("no backup file"), out.constData());

        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("restore"), file}, &out), 0);
        QVERIFY2(out.contains("restored") && out.contains("confab.db.bak"), out.constData());
        const QString bak = QDir(server.dataDir()).filePath(QStringLiteral("confab.db.bak"));
        QVERIFY(
            sqliteColumn(bak, QStringLiteral("SELECT content FROM messages")).contains(QStringLiteral("still served")));

        QVERIFY(server.start(TestServer::relaxedArgs()));
        bool ok = false;
        QStringList contents;
        for (const json &m : fullHistory(bob, roomId, &ok))
            contents.append(qs(m["content"]));
        QVERIFY(ok);
        QVERIFY2(contents.contains(QStringLiteral("in the backup")), qPrintable(contents.join(QLatin1Char('|'))));
        QVERIFY(!contents.contains(QStringLiteral("after the backup")));
        QVERIFY(!contents.contains(QStringLiteral("still served")));
    }

    // /healthz is liveness (the loop answers), /readyz names the failing check: here the disk,
    // with a free-space minimum no disk meets.
    void readinessNamesTheFailingCheck()
    {
        TestServer server;
        QVERIFY(server.start(TestServer::relaxedArgs()
                             << QStringLiteral("--min-free-disk-mb") << QStringLiteral("1073741824")));
        RestClient anonymous(server.httpUrl());
        const RestReply live = anonymous.get(QStringLiteral("/healthz"));
        CHECK_STATUS(live, 200);
        QCOMPARE(qs(live.body["status"]), QStringLiteral("ok"));
        const RestReply ready = anonymous.get(QStringLiteral("/readyz"));
        CHECK_STATUS(ready, 503);
        QCOMPARE(qs(ready.body["status"]), QStringLiteral("unready"));
        QCOMPARE(qs(ready.body["failing"]), QStringLiteral("disk"));
        QVERIFY2(qs(ready.body["reason"]).contains(QStringLiteral("free")), ready.raw.constData());
    }

    // Under systemd (NOTIFY_SOCKET, WATCHDOG_USEC): READY=1 once listening, WATCHDOG=1 while both
    // threads work; a stuck storage thread stops the keep-alives and /readyz says so, /healthz
    // still answers; once storage moves again, so do the keep-alives.
    void watchdogStopsWhileStorageIsStuck()
    {
        QTemporaryDir dir;
        const QString socketPath = dir.filePath(QStringLiteral("notify"));
        const QString stallFile = dir.filePath(QStringLiteral("stall"));
        NotifySocket systemd;
        QVERIFY(systemd.bind(socketPath));

        TestServer server;
        QProcessEnvironment env;
        env.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath);
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000")); // a keep-alive every 100 ms
        env.insert(QStringLiteral("CONFAB_FAULT_STALL_STORAGE_FILE"), stallFile);
        server.setEnvironment(env);
        QVERIFY(server.start(TestServer::relaxedArgs()));

        QStringList received;
        QVERIFY(
            QTest::qWaitFor([&] { return (received += systemd.take()).contains(QStringLiteral("READY=1")); }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return (received += systemd.take()).count(QStringLiteral("WATCHDOG=1")) >= 3; },
                                10000));
        RestClient anonymous(server.httpUrl());
        CHECK_STATUS(anonymous.get(QStringLiteral("/readyz")), 200);

        QFile stall(stallFile);
        QVERIFY(stall.open(QIODevice::WriteOnly));
        stall.close();
        // The storage thread is held now (the next ping holds it); /readyz waits its timeout.
        const RestReply stuck = anonymous.get(QStringLiteral("/readyz"));
        CHECK_STATUS(stuck, 503);
        QCOMPARE(qs(stuck.body["failing"]), QStringLiteral("storage"));
        QVERIFY2(qs(stuck.body["reason"]).contains(QStringLiteral("did not answer")), stuck.raw.constData());
        systemd.take();     // keep-alives sent before the storage thread was held
        QTest::qWait(1500); // fifteen keep-alive periods
        CHECK_STATUS(anonymous.get(QStringLiteral("/healthz")), 200);
        const QStringList whileStuck = systemd.take();
        QVERIFY2(!whileStuck.contains(QStringLiteral("WATCHDOG=1")), qPrintable(whileStuck.join(QLatin1Char(' '))));

        QVERIFY(QFile::remove(stallFile));
        received.clear();
        QVERIFY(QTest::qWaitFor([&] { return (received += systemd.take()).contains(QStringLiteral("WATCHDOG=1")); },
                                10000));
        QVERIFY(QTest::qWaitFor([&] { return anonymous.get(QStringLiteral("/readyz")).status == 200; }, 10000));

        QVERIFY(server.stop());
        QVERIFY(QTest::qWaitFor([&] { return systemd.take().contains(QStringLiteral("STOPPING=1")); }, 5000));
    }

    // A whole scenario with debug logging on and JSON logs: every line is one JSON object with
    // the documented fields, requests carry their id (echoed as X-Request-Id) and user, and no
    // secret the scenario used appears anywhere in the output.
    void jsonLogsCarryRequestsAndNoSecrets()
    {
        TestServer server;
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("confab.*.debug=true"));
        server.setEnvironment(env);
        QVERIFY(server.start(TestServer::relaxedArgs() << QStringLiteral("--log-format") << QStringLiteral("json")));

        const QString password = QStringLiteral("Sesame-Password-4417");
        const QString wrongPassword = QStringLiteral("Wrong-Password-9051");
        const QByteArray cookie = "confab_session=Cookie-Secret-7730";
        RestClient alice(server.httpUrl());
        const json user = alice.signUp(QStringLiteral("alice"), password);
        QVERIFY(user.is_object());
        const QString userId = qs(user["userId"]);
        const QString registerToken = alice.token();
        const RestReply login =
            alice.post(QStringLiteral("/v1/auth/login"), {{"username", "alice"}, {"password", ss(password)}});
        CHECK_STATUS(login, 200);
        const QString loginToken = qs(login.data()["token"]);
        alice.setToken(loginToken);
        CHECK_STATUS(
            alice.post(QStringLiteral("/v1/auth/login"), {{"username", "alice"}, {"password", ss(wrongPassword)}}),
            401);
        const RestReply room = alice.post(QStringLiteral("/v1/chat/rooms"), {{"name", "logs"}, {"type", "public"}});
        CHECK_STATUS(room, 201);
        const QString roomId = qs(room.data()["roomId"]);
        CHECK_STATUS(alice.post(roomPath(roomId, QStringLiteral("/messages")), {{"content", "hello logs"}}), 201);
        CHECK_STATUS(alice.send("POST", QStringLiteral("/v1/files"), QByteArray("plain text file"), "text/plain",
                                {{"X-Filename", "notes.txt"}}),
                     201);
        WsClient ws;
        QVERIFY(ws.open(server.wsUrl(loginToken)));
        ws.send({{"type", "send_message"}, {"roomId", ss(roomId)}, {"content", "over ws"}, {"ref", "r1"}});
        QVERIFY(!ws.waitFor([](const json &f) { return isAckOf(f, "r1"); }).is_null());
        ws.close();
        // A request id of the client's own is kept and echoed; the line about it names the user.
        const RestReply traced = alice.send(
            "GET", QStringLiteral("/v1/me"), {}, "application/json",
            {{"X-Request-Id", "trace-me-123"}, {"Cookie", cookie}, {"Authorization", "Bearer " + loginToken.toUtf8()}});
        CHECK_STATUS(traced, 200);
        QCOMPARE(traced.header("X-Request-Id"), QByteArray("trace-me-123"));
        const RestReply anonymous = RestClient(server.httpUrl()).get(QStringLiteral("/healthz"));
        QCOMPARE(anonymous.header("X-Request-Id").size(), 16);
        QVERIFY(server.stop());

        const QByteArray log = server.output();
        for (const QByteArray &secret : {password.toUtf8(), wrongPassword.toUtf8(), registerToken.toUtf8(),
                                         loginToken.toUtf8(), QByteArray("Cookie-Secret-7730")}) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!log.contains(secret), QByteArray("a secret is in the server's log: " + secret).constData());
        }
        int lines = 0;
        bool sawTraced = false;
        for (const QByteArray &line : log.split('\n')) {
            if (line.isEmpty() || line.startsWith("confab-server ") || line.startsWith("demo "))
                continue; // standard output: the start-up banner, not the log
            const json j = json::parse(line.toStdString(), nullptr, false);
            QVERIFY2(j.is_object(), line.constData());
            for (const char *field : {"time", "level", "category", "message"})
                QVERIFY2(j.contains(field), line.constData());
            ++lines;
            if (j.value("requestId", std::string()) == "trace-me-123") {
                sawTraced = true;
                QCOMPARE(qs(j["userId"]), userId);
                QVERIFY2(j["latencyMs"].is_number(), line.constData());
                QCOMPARE(qs(j["category"]), QStringLiteral("confab.http"));
            }
        }
        QVERIFY2(lines > 10, log.left(2000).constData());
        QVERIFY2(sawTraced, log.right(3000).constData());
    }

    // The last line of defence: a secret a future log line might quote is redacted.
    void logLinesRedactSecrets()
    {
        using confab::server::LogOutput;
        const QByteArray line = LogOutput::formatLine(
            LogOutput::Format::Json, QtWarningMsg, "confab.http",
            QStringLiteral("odd request: Authorization: Bearer tok-123 ?token=tok-456 {\"password\":\"pw-789\"} "
                           "Cookie=ck-000 the token expired"));
        const json j = json::parse(line.toStdString(), nullptr, false);
        QVERIFY2(j.is_object(), line.constData());
        QCOMPARE(qs(j["level"]), QStringLiteral("warning"));
        for (const char *secret : {"tok-123", "tok-456", "pw-789", "ck-000"})
            QVERIFY2(!line.contains(secret), line.constData());
        QVERIFY2(line.contains("the token expired"), line.constData()); // words are not secrets
    }

    // /metrics: latency per route template (never a raw path), WebSocket delivery, storage queue
    // wait and transaction time, file counters.
    void metricsByRouteStorageAndFiles()
    {
        TestServer server;
        QVERIFY(server.start(TestServer::relaxedArgs() << QStringLiteral("--max-file-mb") << QStringLiteral("1")));
        Account carol = makeAccount(server, QStringLiteral("carol"));
        const json room = createRoom(carol, QStringLiteral("metered"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        const QString roomId = qs(room["roomId"]);
        QVERIFY(!postMessage(carol, roomId, QStringLiteral("counted")).is_null());
        auto ws = connectWs(server, carol);
        QVERIFY(ws);
        ws->send({{"type", "send_message"}, {"roomId", ss(roomId)}, {"content", "over ws"}, {"ref", "m1"}});
        QVERIFY(!ws->waitFor([](const json &f) { return isAckOf(f, "m1"); }).is_null());
        const QByteArray file(1000, 'a');
        CHECK_STATUS(carol->send("POST", QStringLiteral("/v1/files"), file, "text/plain", {{"X-Filename", "a.txt"}}),
                     201);
        const RestReply tooBig = carol->send("POST", QStringLiteral("/v1/files"), QByteArray(2 * 1024 * 1024, 'b'),
                                             "text/plain", {{"X-Filename", "b.txt"}});
        // 413, or the connection closed under a client still sending (the server does not read the rest).
        QVERIFY2(tooBig.status == 413 || tooBig.status == 0, tooBig.raw.constData());

        const QByteArray text = RestClient(server.httpUrl()).get(QStringLiteral("/metrics")).raw;
        const auto value = [&](const QByteArray &series) {
            for (const QByteArray &line : text.split('\n')) {
                if (line.startsWith(QByteArray(series + ' ')))
                    return line.mid(series.size() + 1).toDouble();
            }
            return -1.0;
        };
        QVERIFY2(
            value(
                R"(confab_http_route_duration_seconds_count{method="POST",route="/v1/chat/rooms/{roomId}/messages"})") >=
                1,
            text.constData());
        QVERIFY2(value(R"(confab_http_route_duration_seconds_count{method="GET",route="/chat"})") >= 1,
                 text.constData());
        QVERIFY2(!text.contains(roomId.toUtf8()), "a raw path is a metric label");
        QVERIFY2(value("confab_storage_queue_wait_seconds_count") > 0, text.constData());
        QVERIFY2(value("confab_storage_transaction_seconds_count") > 0, text.constData());
        QVERIFY2(value("confab_websocket_delivery_seconds_count") > 0, text.constData());
        QCOMPARE(value("confab_file_uploads_total"), 1.0);
        QCOMPARE(value("confab_file_upload_bytes_total"), 1000.0);
        QCOMPARE(value("confab_file_uploads_refused_total"), 1.0);

        // The sample Grafana dashboard asks only for series the server has.
        QFile dashboard(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../packaging/grafana/confab.json"));
        QVERIFY(dashboard.open(QIODevice::ReadOnly));
        static const QRegularExpression metricName(QStringLiteral("confab_[a-z_]+"));
        int names = 0;
        for (const auto &m : metricName.globalMatch(QString::fromUtf8(dashboard.readAll()))) {
            ++names;
            QVERIFY2(text.contains(m.captured(0).toUtf8()),
                     qPrintable(m.captured(0) + QStringLiteral(" is not in /metrics")));
        }
        QVERIFY(names > 10);
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
