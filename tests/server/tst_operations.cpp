// SPDX-License-Identifier: GPL-3.0-or-later
// Operating a server (docs/operations.md): backups while it serves, restore, health, the
// systemd watchdog, structured logs that hold no secrets, and /metrics.

#include "apitestutil.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <set>

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
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
