// SPDX-License-Identifier: GPL-3.0-or-later
// SIGKILL of the real server in the middle of work that spans files and transactions: a plain
// upload, a resumable upload, a retention batch. After a restart nothing is half there, and the
// database passes SQLite's own checks (docs/testing.md, "Faults").

#include "apitestutil.h"
#include "storage/sqlitedatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace confab::test;
using confab::server::SqliteDatabase;
using confab::server::Statement;

namespace {

QString databasePath(const TestServer &server) { return QDir(server.dataDir()).filePath(QStringLiteral("confab.db")); }

// With the server stopped: SQLite's integrity and foreign-key checks, the search index against
// its messages, and the number of rows `sql` counts. Empty when all is well.
QString checkDatabase(const TestServer &server)
{
    SqliteDatabase db(databasePath(server));
    db.open();
    QString problems;
    {
        Statement integrity(db, QStringLiteral("PRAGMA integrity_check"));
        while (integrity.next())
            if (integrity.text(0) != QLatin1String("ok"))
                problems += QStringLiteral("integrity_check: %1\n").arg(integrity.text(0));
    }
    {
        Statement keys(db, QStringLiteral("PRAGMA foreign_key_check"));
        while (keys.next())
            problems += QStringLiteral("foreign_key_check: row %1 of %2\n").arg(keys.integer(1)).arg(keys.text(0));
    }
    try {
        db.execOnce(QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES('integrity-check')"));
    } catch (const std::exception &e) {
        problems += QStringLiteral("messages_fts: %1\n").arg(QString::fromUtf8(e.what()));
    }
    db.close();
    return problems;
}

qint64 countRows(const TestServer &server, const QString &sql)
{
    SqliteDatabase db(databasePath(server));
    db.open();
    qint64 n = -1;
    {
        Statement s(db, sql);
        if (s.next())
            n = s.integer(0);
    }
    db.close();
    return n;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + i / 4096) & 0xff);
    return bytes;
}

// A request whose head and first part of the body are sent now; the rest never is.
class UnfinishedRequest {
public:
    UnfinishedRequest(quint16 port, const QByteArray &head, const QByteArray &part)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.write(head + part);
    }
    QByteArray answer() { return m_socket.readAll(); }

private:
    QTcpSocket m_socket;
};

bool waitForFileOfSize(const QString &dirOrFile, qint64 atLeast)
{
    return QTest::qWaitFor(
        [&] {
            const QFileInfo info(dirOrFile);
            if (info.isFile())
                return info.size() >= atLeast;
            const QDir dir(dirOrFile);
            const auto files = dir.entryInfoList(QDir::Files);
            return std::any_of(files.begin(), files.end(), [&](const QFileInfo &f) { return f.size() >= atLeast; });
        },
        30000);
}

} // namespace

class TestCrashes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sigkillDuringPlainUpload();
    void sigkillBetweenBlobAndItsRecord();
    void sigkillDuringResumableUpload();
    void sigkillInsideRetentionBatch();
};

void TestCrashes::sigkillDuringPlainUpload()
{
    TestServer server;
    QVERIFY(server.start(TestServer::relaxedArgs()));
    Account a = makeAccount(server, QStringLiteral("uploader"));
    QVERIFY(!a.id.isEmpty());
    const QByteArray whole = pattern(300 * 1024);
    const RestReply first =
        a->send("POST", QStringLiteral("/v1/files"), whole, "application/octet-stream", {{"X-Filename", "whole.bin"}});
    CHECK_STATUS(first, 201);
    const QString wholeId = qs(first.data()["fileId"]);

    // Half of a 2 MiB body, then the server dies with the rest of it still to come.
    const QByteArray body = pattern(2 * 1024 * 1024);
    UnfinishedRequest upload(server.port(),
                             "POST /v1/files HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + a.token().toLatin1() +
                                 "\r\nX-Filename: half.bin\r\nContent-Type: application/octet-stream\r\n"
                                 "Content-Length: " +
                                 QByteArray::number(body.size()) + "\r\n\r\n",
                             body.left(body.size() / 2));
    const QString tmp = server.dataDir() + QStringLiteral("/files/tmp");
    QVERIFY2(waitForFileOfSize(tmp, 256 * 1024), "the upload never reached files/tmp");
    server.kill();

    QCOMPARE(checkDatabase(server), QString());
    QVERIFY(server.start(TestServer::relaxedArgs()));
    // The half upload left nothing: no temporary file, no file record; the whole one is intact.
    QCOMPARE(QDir(tmp).entryList(QDir::Files | QDir::Hidden), QStringList());
    const RestReply again = a->get(QStringLiteral("/v1/files/") + wholeId);
    CHECK_STATUS(again, 200);
    QVERIFY(again.raw == whole);
    QVERIFY(server.stop());
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM files")), 1);
    QCOMPARE(checkDatabase(server), QString());
}

void TestCrashes::sigkillBetweenBlobAndItsRecord()
{
    // Killed after a complete upload's bytes were moved into the blob store, before its row was
    // committed: the upload was never answered, so no file exists; the same bytes uploaded again
    // become a file (the blob already there is taken as it is) that downloads intact.
    TestServer server;
    QVERIFY(server.start(TestServer::relaxedArgs()));
    Account a = makeAccount(server, QStringLiteral("unlucky"));
    QVERIFY(!a.id.isEmpty());
    QVERIFY(server.stop());
    QTemporaryDir marks;
    const QString reached = marks.filePath(QStringLiteral("reached"));
    QProcessEnvironment fault;
    fault.insert(QStringLiteral("CONFAB_FAULT_POINT"), QStringLiteral("file-stored"));
    fault.insert(QStringLiteral("CONFAB_FAULT_POINT_FILE"), reached);
    server.setEnvironment(fault);
    QVERIFY(server.start(TestServer::relaxedArgs()));
    const QByteArray body = pattern(200 * 1024);
    UnfinishedRequest upload(server.port(),
                             "POST /v1/files HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + a.token().toLatin1() +
                                 "\r\nX-Filename: blob.bin\r\nContent-Type: application/octet-stream\r\n"
                                 "Content-Length: " +
                                 QByteArray::number(body.size()) + "\r\n\r\n",
                             body);
    QVERIFY2(QTest::qWaitFor([&] { return QFileInfo::exists(reached); }, 30000), "the upload was never stored");
    server.kill();
    QVERIFY(upload.answer().isEmpty());
    QCOMPARE(checkDatabase(server), QString());
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM files")), 0);

    server.setEnvironment(QProcessEnvironment());
    QVERIFY(server.start(TestServer::relaxedArgs()));
    const RestReply again =
        a->send("POST", QStringLiteral("/v1/files"), body, "application/octet-stream", {{"X-Filename", "blob.bin"}});
    CHECK_STATUS(again, 201);
    const RestReply download = a->get(QStringLiteral("/v1/files/") + qs(again.data()["fileId"]));
    CHECK_STATUS(download, 200);
    QVERIFY(download.raw == body);
    QVERIFY(server.stop());
    QCOMPARE(QDir(server.dataDir() + QStringLiteral("/files/tmp")).entryList(QDir::Files | QDir::Hidden),
             QStringList());
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM files")), 1);
    QCOMPARE(checkDatabase(server), QString());
}

void TestCrashes::sigkillDuringResumableUpload()
{
    TestServer server;
    QVERIFY(server.start(TestServer::relaxedArgs()));
    Account a = makeAccount(server, QStringLiteral("resumer"));
    QVERIFY(!a.id.isEmpty());
    const QByteArray body = pattern(3 * 1024 * 1024);
    const RestReply created =
        a->post(QStringLiteral("/v1/uploads"), {{"fileName", "big.bin"}, {"fileSize", qint64(body.size())}});
    CHECK_STATUS(created, 201);
    const QString uploadId = qs(created.data()["uploadId"]);

    // One PATCH with the whole file announced, of which 2 MiB arrive before the SIGKILL.
    UnfinishedRequest patch(server.port(),
                            "PATCH /v1/uploads/" + uploadId.toLatin1() +
                                " HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + a.token().toLatin1() +
                                "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                                "Content-Length: " +
                                QByteArray::number(body.size()) + "\r\n\r\n",
                            body.left(2 * 1024 * 1024));
    const QString part = server.dataDir() + QStringLiteral("/files/uploads/") + uploadId;
    QVERIFY2(waitForFileOfSize(part, 512 * 1024), "the upload never reached files/uploads");
    server.kill();
    QCOMPARE(checkDatabase(server), QString());

    QVERIFY(server.start(TestServer::relaxedArgs()));
    // It resumes where the bytes on disk end, and the file it makes is the one sent.
    const RestReply where = a->get(QStringLiteral("/v1/uploads/") + uploadId);
    CHECK_STATUS(where, 200);
    const qint64 offset = where.data()["offset"].get<qint64>();
    QCOMPARE(offset, QFileInfo(part).size());
    QVERIFY2(offset >= 512 * 1024 && offset <= 2 * 1024 * 1024, qPrintable(QString::number(offset)));
    QVERIFY(a->get(QStringLiteral("/v1/uploads/") + uploadId).header("Upload-Offset") == QByteArray::number(offset));
    const RestReply rest = a->send("PATCH", QStringLiteral("/v1/uploads/") + uploadId, body.mid(offset),
                                   "application/offset+octet-stream", {{"Upload-Offset", QByteArray::number(offset)}});
    CHECK_STATUS(rest, 201);
    const RestReply download = a->get(QStringLiteral("/v1/files/") + qs(rest.data()["file"]["fileId"]));
    CHECK_STATUS(download, 200);
    QVERIFY2(download.raw == body, "the resumed file differs from what was sent");
    QVERIFY(server.stop());
    QCOMPARE(QDir(server.dataDir() + QStringLiteral("/files/tmp")).entryList(QDir::Files | QDir::Hidden),
             QStringList());
    QCOMPARE(checkDatabase(server), QString());
}

void TestCrashes::sigkillInsideRetentionBatch()
{
    // Old messages with reactions and attachments under a 30-day retention; the server is killed
    // inside a retention batch's transaction, after its deletes, before its commit.
    constexpr int kMessages = 60;
    constexpr int kBatch = 25;
    TestServer server;
    QVERIFY(server.start(TestServer::relaxedArgs()));
    Account owner = makeAccount(server, QStringLiteral("owner"));
    QVERIFY(!owner.id.isEmpty());
    const QString roomId = qs(createRoom(owner, QStringLiteral("old times"), QStringLiteral("public"))["roomId"]);
    QVERIFY(!roomId.isEmpty());
    for (int i = 0; i < kMessages; ++i) {
        json extra = json::object();
        if (i % 3 == 0) {
            const RestReply f = owner->send("POST", QStringLiteral("/v1/files"), pattern(1000 + i),
                                            "application/octet-stream", {{"X-Filename", "a.bin"}});
            CHECK_STATUS(f, 201);
            extra["attachments"] = json::array({f.data()["fileId"]});
        }
        const json m = postMessage(owner, roomId, QStringLiteral("searchable old words %1").arg(i), extra);
        QVERIFY(m.is_object());
        if (i % 2 == 0)
            CHECK_STATUS(owner->post(roomPath(roomId, QStringLiteral("/messages/") + qs(m["messageId"]) +
                                                          QStringLiteral("/reactions")),
                                     {{"emoji", "\xF0\x9F\x91\x8D"}}),
                         200);
    }
    CHECK_STATUS(owner->patch(roomPath(roomId), {{"settings", {{"messageRetention", 30}}}}), 200);
    QVERIFY(server.stop());
    {
        SqliteDatabase db(databasePath(server));
        db.open();
        Statement(db, QStringLiteral("UPDATE messages SET created_at = created_at - ?"),
                  {qlonglong(40) * 24 * 3600 * 1000});
        db.close();
    }
    const QString countMessages = QStringLiteral("SELECT COUNT(*) FROM messages");
    const qint64 before = countRows(server, countMessages);
    const qint64 reactionsBefore = countRows(server, QStringLiteral("SELECT COUNT(*) FROM reactions"));
    const qint64 attachmentsBefore = countRows(server, QStringLiteral("SELECT COUNT(*) FROM message_attachments"));
    QVERIFY(before > kMessages && reactionsBefore == kMessages / 2 && attachmentsBefore == kMessages / 3);

    const QStringList retentionArgs =
        TestServer::relaxedArgs() + QStringList{QStringLiteral("--retention-batch-size"), QString::number(kBatch)};
    QTemporaryDir marks;
    const QString reached = marks.filePath(QStringLiteral("reached"));
    QProcessEnvironment fault;
    fault.insert(QStringLiteral("CONFAB_FAULT_POINT"), QStringLiteral("retention-batch"));
    fault.insert(QStringLiteral("CONFAB_FAULT_POINT_FILE"), reached);
    server.setEnvironment(fault);
    QVERIFY(server.start(retentionArgs));
    QVERIFY2(QTest::qWaitFor([&] { return QFileInfo::exists(reached); }, 30000), "retention never ran");
    server.kill();

    // The batch is gone as a whole: every message still there, with its reactions,
    // attachments and search entries.
    QCOMPARE(checkDatabase(server), QString());
    QCOMPARE(countRows(server, countMessages), before);
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM reactions")), reactionsBefore);
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM message_attachments")), attachmentsBefore);

    // Restarted without the fault: the job runs to its end.
    server.setEnvironment(QProcessEnvironment());
    QVERIFY(server.start(retentionArgs));
    QVERIFY2(QTest::qWaitFor([&] { return server.output().contains("retention removed"); }, 30000),
             server.output().right(2000).constData());
    QVERIFY(server.stop());
    QCOMPARE(checkDatabase(server), QString());
    // One message stays (the room's last); nothing of the others is left anywhere.
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM messages WHERE type = 'text'")), 1);
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM reactions WHERE message_id NOT IN "
                                              "(SELECT message_id FROM messages)")),
             0);
    QCOMPARE(countRows(server, QStringLiteral("SELECT COUNT(*) FROM message_attachments WHERE message_id NOT IN "
                                              "(SELECT message_id FROM messages)")),
             0);
    QVERIFY(countRows(server, QStringLiteral("SELECT COUNT(*) FROM reactions")) <= 1);
    QCOMPARE(
        countRows(server, QStringLiteral("SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH 'searchable'")),
        1);
}

QTEST_GUILESS_MAIN(TestCrashes)
#include "tst_crashes.moc"
