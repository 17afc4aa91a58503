// SPDX-License-Identifier: GPL-3.0-or-later
// Files (issue 14), against a real confab-server on 127.0.0.1: uploads whole and resumable,
// downloads with ranges, type detection, who may download, attachments and room rules, the
// sweep, quarantine and the limits.

#include "apitestutil.h"
#include "imagesamples.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace confab::test;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    g.fillRange(reinterpret_cast<quint32 *>(b.data()), n / 4);
    return b;
}

QString sha256(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

// A PNG signature and header: enough for type detection by content.
QByteArray pngBytes()
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") +
           randomBytes(64, 7);
}

// A raw HTTP exchange on one socket, for what QNetworkAccessManager will not do: read the answer
// before sending the body, or stop half-way through a body.
class RawHttp {
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    bool flushed(int ms = 10000)
    {
        return QTest::qWaitFor([&] { return m_socket.bytesToWrite() == 0; }, ms);
    }
    bool waitForResponse(int ms = 10000)
    {
        return QTest::qWaitFor(
            [&] {
                m_received += m_socket.readAll();
                return complete();
            },
            ms);
    }
    void abort() { m_socket.abort(); }
    int status() const { return m_received.mid(9, 3).toInt(); }
    QByteArray body() const { return m_received.mid(m_received.indexOf("\r\n\r\n") + 4); }

private:
    bool complete() const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = m_received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return true;
        const qint64 length = head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        return m_received.size() - end - 4 >= length;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestFiles : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    Account m_alice; // owns m_room
    Account m_bob;   // member of m_room
    Account m_carol; // member of no room
    QString m_room;

    RestReply upload(const Account &a, const QByteArray &bytes, const QByteArray &contentType, const QByteArray &name)
    {
        return a->send("POST", QStringLiteral("/v1/files"), bytes, contentType, {{"X-Filename", name}});
    }
    QString uploadId(const Account &a, const QByteArray &bytes,
                     const QByteArray &contentType = "application/octet-stream", const QByteArray &name = "data.bin")
    {
        const RestReply r = upload(a, bytes, contentType, name);
        if (r.status != 201)
            qWarning("upload failed: %s", describe(r, 201).constData());
        return qs(r.data()["fileId"]);
    }
    QString blobPath(const TestServer &server, const QString &sha) const
    {
        return server.dataDir() + QStringLiteral("/files/") + sha.left(2) + QLatin1Char('/') + sha.mid(2);
    }
    RestReply download(const Account &a, const QString &fileId,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return a->send("GET", QStringLiteral("/v1/files/") + fileId, {}, {}, headers);
    }
    json sendWithFiles(const Account &a, const QString &roomId, const QStringList &fileIds, const QString &content = {})
    {
        json ids = json::array();
        for (const QString &id : fileIds)
            ids.push_back(ss(id));
        return a->post(roomPath(roomId, QStringLiteral("/messages")), {{"content", ss(content)}, {"attachments", ids}})
            .body;
    }
    QByteArray admin(TestServer &server, const QStringList &args)
    {
        QByteArray output;
        const int rc = server.runCommand(QStringList{QStringLiteral("admin")} + args, &output);
        if (rc != 0)
            qWarning("admin %s exited %d: %s", qPrintable(args.join(QLatin1Char(' '))), rc, output.constData());
        return output;
    }

    // A 1200x900 JPEG with GPS position, camera make, serial number and orientation 6 (exiftool).
    QByteArray taggedPhoto(const QTemporaryDir &dir)
    {
        if (confab::testimages::exiftool({QStringLiteral("-ver")}).isEmpty()) {
            qWarning("exiftool is needed (libimage-exiftool-perl)");
            return {};
        }
        const QString photo = dir.filePath(QStringLiteral("photo.jpg"));
        if (!confab::testimages::writePhotoJpeg(photo, QSize(1200, 900)))
            return {};
        confab::testimages::exiftool({QStringLiteral("-overwrite_original"), QStringLiteral("-n"),
                                      QStringLiteral("-GPSLatitude=48.8584"), QStringLiteral("-GPSLatitudeRef=N"),
                                      QStringLiteral("-GPSLongitude=2.2945"), QStringLiteral("-GPSLongitudeRef=E"),
                                      QStringLiteral("-Make=Canon"), QStringLiteral("-SerialNumber=0123456789"),
                                      QStringLiteral("-Orientation=6"), photo});
        QFile in(photo);
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }
    // The tags exiftool reads from `bytes`, keyed "Group:Name".
    QJsonObject exifTags(const QTemporaryDir &dir, const QByteArray &bytes)
    {
        const QString path = dir.filePath(QStringLiteral("back.jpg"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(bytes);
        out.close();
        const QByteArray tags =
            confab::testimages::exiftool({QStringLiteral("-j"), QStringLiteral("-G1"), QStringLiteral("-n"), path});
        return QJsonDocument::fromJson(tags).array().first().toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(TestServer::relaxedArgs() +
                               QStringList{QStringLiteral("--max-file-mb"), QStringLiteral("8")}));
        m_alice = makeAccount(m_server, QStringLiteral("alice"));
        m_bob = makeAccount(m_server, QStringLiteral("bob"));
        m_carol = makeAccount(m_server, QStringLiteral("carol"));
        QVERIFY(!m_alice.id.isEmpty() && !m_bob.id.isEmpty() && !m_carol.id.isEmpty());
        const json room = createRoom(m_alice, QStringLiteral("files"), QStringLiteral("private"), {m_bob.id});
        QVERIFY(room.is_object());
        m_room = qs(room["roomId"]);
    }

    // The bytes come back as sent, the answer's hash is theirs, and the same bytes are stored once.
    void roundTripWithHash()
    {
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 17, 1);
        const RestReply r = upload(m_alice, bytes, "application/octet-stream", "r%C3%A9sum%C3%A9.bin");
        CHECK_STATUS(r, 201);
        const json f = r.data();
        QCOMPARE(qs(f["sha256"]), sha256(bytes));
        QCOMPARE(f["fileSize"].get<qint64>(), qint64(bytes.size()));
        QCOMPARE(qs(f["fileName"]), QStringLiteral("résumé.bin"));
        QCOMPARE(qs(f["url"]), QStringLiteral("/v1/files/") + qs(f["fileId"]));

        const RestReply got = download(m_alice, qs(f["fileId"]));
        CHECK_STATUS(got, 200);
        QCOMPARE(sha256(got.raw), sha256(bytes));
        QCOMPARE(got.header("content-length").toLongLong(), qint64(bytes.size()));

        const RestReply again = upload(m_alice, bytes, "application/octet-stream", "copy.bin");
        CHECK_STATUS(again, 201);
        QVERIFY(qs(again.data()["fileId"]) != qs(f["fileId"]));
        QVERIFY(QFileInfo::exists(blobPath(m_server, sha256(bytes))));
        const QStringList shard = QDir(QFileInfo(blobPath(m_server, sha256(bytes))).path()).entryList(QDir::Files);
        QCOMPARE(shard.count(sha256(bytes).mid(2)), 1);
        QVERIFY(QDir(m_server.dataDir() + QStringLiteral("/files/tmp")).entryList(QDir::Files).isEmpty());
    }

    // A Content-Length over the limit is answered 413 before any of the body is sent.
    void oversizeRefusedBeforeTheBody()
    {
        RawHttp http;
        QVERIFY(http.connectTo(m_server.port()));
        http.write(
            "POST /v1/files HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + m_alice.token().toLatin1() +
            "\r\nX-Filename: big.bin\r\nContent-Type: application/octet-stream\r\nContent-Length: 9000000\r\n\r\n");
        QVERIFY(http.waitForResponse());
        QCOMPARE(http.status(), 413);
        QVERIFY2(http.body().contains("8388608"), http.body().constData()); // names the limit
        const json details = json::parse(http.body().toStdString())["error"]["details"];
        QCOMPARE(details["limit"].get<qint64>(), 8388608);
    }

    // Without Content-Length the size is unknown: 411 before any of the body is read.
    void uploadWithoutLengthIsRefused()
    {
        RawHttp http;
        QVERIFY(http.connectTo(m_server.port()));
        http.write("POST /v1/files HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + m_alice.token().toLatin1() +
                   "\r\nX-Filename: none.bin\r\n\r\n");
        QVERIFY(http.waitForResponse());
        QCOMPARE(http.status(), 411);
        const json error = json::parse(http.body().toStdString())["error"];
        QCOMPARE(qs(error["code"]), QStringLiteral("BAD_REQUEST"));
        QCOMPARE(qs(error["details"]["field"]), QStringLiteral("Content-Length"));
    }

    // A chunked body has no length up front: refused with 411 on its head, and nothing stays on disk.
    void chunkedUploadRefusedAndLeavesNothing()
    {
        RawHttp http;
        QVERIFY(http.connectTo(m_server.port()));
        http.write("POST /v1/files HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + m_alice.token().toLatin1() +
                   "\r\nX-Filename: big.bin\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = randomBytes(512 * 1024, 2);
        for (int i = 0; i < 17; ++i) // 8.5 MiB: past the limit, not far past (the server drains only so much)
            http.write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        QVERIFY(http.waitForResponse(20000));
        QCOMPARE(http.status(), 411);
        QTRY_VERIFY(QDir(m_server.dataDir() + QStringLiteral("/files/tmp")).entryList(QDir::Files).isEmpty());
    }

    // The type comes from the bytes, whatever the header and the name say.
    void typeDetectedFromTheBytes()
    {
        const RestReply png = upload(m_alice, pngBytes(), "text/plain", "notes.txt");
        CHECK_STATUS(png, 201);
        QCOMPARE(qs(png.data()["mimeType"]), QStringLiteral("image/png"));

        const RestReply text = upload(m_alice, "just some words, nothing more\n", "image/png", "photo.png");
        CHECK_STATUS(text, 201);
        QCOMPARE(qs(text.data()["mimeType"]), QStringLiteral("text/plain"));

        // Served as what it is, and never rendered inline unless a safe image.
        const RestReply got = download(m_alice, qs(text.data()["fileId"]));
        CHECK_STATUS(got, 200);
        QCOMPARE(got.header("content-type"), QByteArray("text/plain"));
        QCOMPARE(got.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(got.header("content-security-policy"), QByteArray("sandbox"));
        QVERIFY(got.header("content-disposition").startsWith("attachment;"));
        const RestReply image = download(m_alice, qs(png.data()["fileId"]));
        QVERIFY(image.header("content-disposition").startsWith("inline;"));
    }

    void rangeRequests()
    {
        const QByteArray bytes = randomBytes(100000, 3);
        const QString id = uploadId(m_alice, bytes);
        QVERIFY(!id.isEmpty());
        RestReply r = download(m_alice, id, {{"Range", "bytes=10-19"}});
        CHECK_STATUS(r, 206);
        QCOMPARE(r.raw, bytes.mid(10, 10));
        QCOMPARE(r.header("content-range"), QByteArray("bytes 10-19/100000"));
        r = download(m_alice, id, {{"Range", "bytes=99990-"}});
        CHECK_STATUS(r, 206);
        QCOMPARE(r.raw, bytes.right(10));
        r = download(m_alice, id, {{"Range", "bytes=-5"}});
        CHECK_STATUS(r, 206);
        QCOMPARE(r.raw, bytes.right(5));
        r = download(m_alice, id, {{"Range", "bytes=100000-"}});
        CHECK_STATUS(r, 416);
        QCOMPARE(r.header("content-range"), QByteArray("bytes */100000"));
    }

    // Uploader, member of a room where it was posted, non-member, and a member after a kick.
    void downloadPermissions()
    {
        const QString id = uploadId(m_alice, randomBytes(4096, 4));
        QVERIFY(!id.isEmpty());
        CHECK_STATUS(download(m_alice, id), 200);
        CHECK_ERROR(download(m_bob, id), 404, "FILE_NOT_FOUND", ""); // not posted yet
        const json sent = sendWithFiles(m_alice, m_room, {id}, QStringLiteral("the file"));
        QVERIFY2(sent.value("success", false), dumpJson(sent).constData());
        CHECK_STATUS(download(m_bob, id), 200);
        CHECK_ERROR(download(m_carol, id), 404, "FILE_NOT_FOUND", "");
        CHECK_ERROR(download(m_carol, QStringLiteral("f_doesnotexist")), 404, "FILE_NOT_FOUND", "");

        Account dave = makeAccount(m_server, QStringLiteral("dave"));
        CHECK_STATUS(m_alice->post(roomPath(m_room, QStringLiteral("/members")), {{"userId", ss(dave.id)}}), 201);
        CHECK_STATUS(download(dave, id), 200);
        CHECK_STATUS(m_alice->post(roomPath(m_room, QStringLiteral("/members/") + dave.id + QStringLiteral("/kick")),
                                   json::object()),
                     200);
        CHECK_ERROR(download(dave, id), 404, "FILE_NOT_FOUND", "");
    }

    // Attachments by id, over REST and WebSocket: the type follows the first file, and every
    // copy of the message (answer, new_message, history) carries the file's metadata.
    void attachmentsOnMessages()
    {
        auto bobWs = connectWs(m_server, m_bob);
        QVERIFY(bobWs);
        const QString image = uploadId(m_alice, pngBytes(), "image/png", "shot.png");
        const QString doc = uploadId(m_alice, "plain text document\n", "text/plain", "doc.txt");
        QVERIFY(!image.isEmpty() && !doc.isEmpty());

        const json sent = sendWithFiles(m_alice, m_room, {image, doc});
        QVERIFY2(sent.value("success", false), dumpJson(sent).constData());
        const json m = sent["data"];
        QCOMPARE(qs(m["type"]), QStringLiteral("image"));
        QCOMPARE(m["attachments"].size(), size_t(2));
        QCOMPARE(qs(m["attachments"][0]["fileId"]), image);
        QCOMPARE(qs(m["attachments"][0]["mimeType"]), QStringLiteral("image/png"));
        QCOMPARE(qs(m["attachments"][0]["fileName"]), QStringLiteral("shot.png"));
        QCOMPARE(qs(m["attachments"][1]["url"]), QStringLiteral("/v1/files/") + doc);

        const json frame = bobWs->waitFor(ofTypeInRoom("new_message", m_room));
        QVERIFY(frame.is_object());
        QCOMPARE(frame["message"]["attachments"], m["attachments"]);
        const RestReply history = m_bob->get(roomPath(m_room, QStringLiteral("/messages?limit=1")));
        QCOMPARE(history.data()["messages"][0]["attachments"], m["attachments"]);

        // Over the WebSocket, with a plain text file: type file.
        auto aliceWs = connectWs(m_server, m_alice);
        QVERIFY(aliceWs);
        const QString other = uploadId(m_alice, "more text\n", "text/plain", "more.txt");
        aliceWs->send({{"type", "send_message"},
                       {"roomId", ss(m_room)},
                       {"content", "see"},
                       {"attachments", {ss(other)}},
                       {"ref", "w1"}});
        const json ack = aliceWs->waitForType("ack");
        QVERIFY2(ack.is_object(), "no ack");
        QCOMPARE(qs(ack["message"]["type"]), QStringLiteral("file"));
        QCOMPARE(qs(ack["message"]["attachments"][0]["fileId"]), other);

        // Only your own uploads (or files you can already see) can be attached.
        const QString carols = uploadId(m_carol, "carol's\n");
        const RestReply refused = m_alice->post(roomPath(m_room, QStringLiteral("/messages")),
                                                {{"content", "x"}, {"attachments", {ss(carols)}}});
        CHECK_ERROR(refused, 404, "FILE_NOT_FOUND", "fileId");
    }

    void roomRules()
    {
        const json room = createRoom(m_alice, QStringLiteral("strict"), QStringLiteral("public"), {},
                                     {{"settings", {{"maxFileSize", 1000}, {"allowedFileTypes", {"image/*"}}}}});
        QVERIFY(room.is_object());
        const QString roomId = qs(room["roomId"]);
        QCOMPARE(room["settings"]["allowedFileTypes"], json({"image/*"}));

        const QString big = uploadId(m_alice, randomBytes(2000, 5));
        RestReply r =
            m_alice->post(roomPath(roomId, QStringLiteral("/messages")), {{"content", ""}, {"attachments", {ss(big)}}});
        CHECK_ERROR(r, 413, "PAYLOAD_TOO_LARGE", "attachments");
        QVERIFY2(r.raw.contains("maxFileSize"), r.raw.constData());
        QCOMPARE(qs(r.body["error"]["details"]["rule"]), QStringLiteral("maxFileSize"));
        QCOMPARE(r.body["error"]["details"]["limit"].get<qint64>(), 1000);

        const QString text = uploadId(m_alice, "small text\n", "image/png", "fake.png");
        r = m_alice->post(roomPath(roomId, QStringLiteral("/messages")),
                          {{"content", ""}, {"attachments", {ss(text)}}});
        CHECK_ERROR(r, 422, "VALIDATION_FAILED", "attachments");
        QVERIFY2(r.raw.contains("allowedFileTypes"), r.raw.constData());
        QCOMPARE(qs(r.body["error"]["details"]["rule"]), QStringLiteral("allowedFileTypes"));
        QCOMPARE(r.body["error"]["details"]["allowed"], json({"image/*"}));

        const QString image = uploadId(m_alice, pngBytes(), "image/png", "ok.png");
        r = m_alice->post(roomPath(roomId, QStringLiteral("/messages")),
                          {{"content", ""}, {"attachments", {ss(image)}}});
        CHECK_STATUS(r, 201);

        CHECK_STATUS(m_alice->patch(roomPath(roomId), {{"settings", {{"allowFileUploads", false}}}}), 200);
        r = m_alice->post(roomPath(roomId, QStringLiteral("/messages")),
                          {{"content", "x"}, {"attachments", {ss(image)}}});
        CHECK_ERROR(r, 403, "FORBIDDEN", "attachments");
        QVERIFY2(r.raw.contains("allowFileUploads"), r.raw.constData());
        QCOMPARE(qs(r.body["error"]["details"]["rule"]), QStringLiteral("allowFileUploads"));
    }

    // A dropped PATCH keeps what arrived; the client asks where it stopped and finishes.
    void resumableUploadInterruptedAndFinished()
    {
        const QByteArray bytes = randomBytes(4 * 1024 * 1024, 6);
        RestReply r =
            m_alice->post(QStringLiteral("/v1/uploads"), {{"fileName", "big.bin"}, {"fileSize", bytes.size()}});
        CHECK_STATUS(r, 201);
        const QString id = qs(r.data()["uploadId"]);
        QCOMPARE(r.data()["offset"].get<qint64>(), 0);
        const QString path = QStringLiteral("/v1/uploads/") + id;

        auto offset = [&] {
            const RestReply got = m_alice->get(path);
            return got.status == 200 ? got.data()["offset"].get<qint64>() : qint64(-1);
        };
        {
            RawHttp http;
            QVERIFY(http.connectTo(m_server.port()));
            http.write("PATCH " + path.toLatin1() + " HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " +
                       m_alice.token().toLatin1() +
                       "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " +
                       QByteArray::number(bytes.size()) + "\r\n\r\n");
            http.write(bytes.left(2 * 1024 * 1024));
            QVERIFY(http.flushed());
            QTRY_VERIFY_WITH_TIMEOUT(offset() >= 1024 * 1024, 20000); // the server stored some of it
            http.abort();                                             // and the connection drops
        }
        // Finishing before the rest is refused, naming what is missing.
        CHECK_ERROR(m_alice->post(path + QStringLiteral("/complete")), 409, "CONFLICT", "");

        // Resume from wherever the server says (a 409 while the dropped PATCH is still being
        // let go of is answered by asking again, as a client does).
        json finished; // the PATCH that brings the last byte answers with the file
        auto resume = [&] {
            const qint64 at = offset();
            if (at < 0)
                return false;
            const RestReply patched = m_alice->send("PATCH", path, bytes.mid(at), "application/offset+octet-stream",
                                                    {{"Upload-Offset", QByteArray::number(at)}});
            if (patched.status != 201)
                qInfo("resuming at %lld: %s", at, describe(patched, 201).constData());
            if (patched.status == 201)
                finished = patched.data();
            return patched.status == 201 && patched.data()["offset"].get<qint64>() == bytes.size();
        };
        bool resumed = false; // QTRY evaluates its expression more than once
        QTRY_VERIFY_WITH_TIMEOUT(resumed || (resumed = resume()), 20000);
        QCOMPARE(qs(finished["file"]["sha256"]), sha256(bytes));
        QCOMPARE(finished["fileSize"].get<qint64>(), qint64(bytes.size()));
        const RestReply got = download(m_alice, qs(finished["file"]["fileId"]));
        QCOMPARE(sha256(got.raw), sha256(bytes));
        // A client that missed that answer asks to complete and gets the same file.
        r = m_alice->post(path + QStringLiteral("/complete"));
        CHECK_STATUS(r, 201);
        QCOMPARE(qs(r.data()["fileId"]), qs(finished["file"]["fileId"]));
        QCOMPARE(m_alice->get(path).data()["offset"].get<qint64>(), qint64(bytes.size()));

        // A wrong offset is refused and changes nothing; others cannot see an upload.
        r = m_alice->post(QStringLiteral("/v1/uploads"), {{"fileName", "b.bin"}, {"fileSize", 10}});
        const QString second = QStringLiteral("/v1/uploads/") + qs(r.data()["uploadId"]);
        r = m_alice->send("PATCH", second, "abc", "application/offset+octet-stream", {{"Upload-Offset", "5"}});
        CHECK_ERROR(r, 409, "CONFLICT", "");
        QCOMPARE(r.body["error"]["details"]["offset"].get<qint64>(), 0); // where the upload really is
        CHECK_ERROR(m_bob->send("PATCH", second, "abc", "application/offset+octet-stream", {{"Upload-Offset", "0"}}),
                    404, "UPLOAD_NOT_FOUND", "");
        r = m_alice->send("PATCH", second, randomBytes(11, 9), "application/offset+octet-stream",
                          {{"Upload-Offset", "0"}});
        CHECK_ERROR(r, 413, "PAYLOAD_TOO_LARGE", "");
        QCOMPARE(qs(r.body["error"]["details"]["rule"]), QStringLiteral("fileSize"));
        QCOMPARE(r.body["error"]["details"]["limit"].get<qint64>(), 10);
        QCOMPARE(m_alice->get(second).data()["offset"].get<qint64>(), 0);
    }

    // Deleting a message takes its files out of the room; the sweep removes what nothing carries.
    void deletionAndSweep()
    {
        const QByteArray bytes = randomBytes(5000, 10);
        const QString id = uploadId(m_alice, bytes);
        const json sent = sendWithFiles(m_alice, m_room, {id});
        QVERIFY(sent.value("success", false));
        const QString messageId = qs(sent["data"]["messageId"]);
        const QByteArray kept = randomBytes(5000, 11);
        const QString keptId = uploadId(m_alice, kept);
        QVERIFY(sendWithFiles(m_alice, m_room, {keptId}).value("success", false));
        CHECK_STATUS(download(m_bob, id), 200);

        const RestReply deleted = m_alice->del(roomPath(m_room, QStringLiteral("/messages/") + messageId));
        CHECK_STATUS(deleted, 200);
        QCOMPARE(deleted.data()["attachments"], json::array());
        CHECK_ERROR(download(m_bob, id), 404, "FILE_NOT_FOUND", ""); // no longer in the room
        QVERIFY(QFileInfo::exists(blobPath(m_server, sha256(bytes))));

        const QByteArray out = admin(
            m_server, {QStringLiteral("sweep-files"), QStringLiteral("--file-grace-seconds"), QStringLiteral("0")});
        QVERIFY2(out.contains("removed"), out.constData());
        QVERIFY(!QFileInfo::exists(blobPath(m_server, sha256(bytes))));
        CHECK_ERROR(download(m_alice, id), 404, "FILE_NOT_FOUND", "");
        QVERIFY(QFileInfo::exists(blobPath(m_server, sha256(kept)))); // still carried by a message
        CHECK_STATUS(download(m_bob, keptId), 200);
    }

    // Quarantine by hash: 404 everywhere, gone from disk, and cannot come back.
    void quarantine()
    {
        const QByteArray bytes = randomBytes(6000, 12);
        const QString id = uploadId(m_alice, bytes);
        QVERIFY(sendWithFiles(m_alice, m_room, {id}).value("success", false));
        CHECK_STATUS(download(m_bob, id), 200);

        const QByteArray out = admin(
            m_server, {QStringLiteral("quarantine-file"), id, QStringLiteral("--reason"), QStringLiteral("abuse")});
        QVERIFY2(out.contains("quarantined"), out.constData());
        CHECK_ERROR(download(m_alice, id), 404, "FILE_NOT_FOUND", "");
        CHECK_ERROR(download(m_bob, id), 404, "FILE_NOT_FOUND", "");
        QVERIFY(!QFileInfo::exists(blobPath(m_server, sha256(bytes))));
        CHECK_ERROR(upload(m_bob, bytes, "application/octet-stream", "again.bin"), 403, "FORBIDDEN", "");
        QVERIFY(QDir(m_server.dataDir() + QStringLiteral("/files/tmp")).entryList(QDir::Files).isEmpty());
    }

    // A JPEG loses its location and device data but keeps its orientation; images get a
    // thumbnail and their displayed size.
    void imagesThumbnailAndPrivacy()
    {
        QTemporaryDir dir;
        const QByteArray original = taggedPhoto(dir);
        QVERIFY(!original.isEmpty());

        const RestReply r = upload(m_alice, original, "image/jpeg", "holiday.jpg");
        CHECK_STATUS(r, 201);
        const json f = r.data();
        QCOMPARE(qs(f["mimeType"]), QStringLiteral("image/jpeg"));
        QCOMPARE(f["width"].get<int>(), 900); // turned by its orientation
        QCOMPARE(f["height"].get<int>(), 1200);
        QCOMPARE(qs(f["thumbnailUrl"]), QStringLiteral("/v1/files/") + qs(f["fileId"]) + QStringLiteral("/thumbnail"));
        QVERIFY(qs(f["sha256"]) != sha256(original)); // the stored bytes are the stripped ones

        const RestReply stored = download(m_alice, qs(f["fileId"]));
        QCOMPARE(sha256(stored.raw), qs(f["sha256"]));
        const QJsonObject t = exifTags(dir, stored.raw);
        for (const QString &key : t.keys())
            QVERIFY2(!key.contains(QLatin1String("GPS")) && !key.endsWith(QLatin1String(":Make")) &&
                         !key.contains(QLatin1String("Serial")),
                     qPrintable(key));
        QCOMPARE(t.value(QStringLiteral("IFD0:Orientation")).toInt(), 6);

        const RestReply thumb = m_alice->send("GET", qs(f["thumbnailUrl"]), {});
        CHECK_STATUS(thumb, 200);
        QCOMPARE(thumb.header("content-type"), QByteArray("image/jpeg"));
        const QImage image = QImage::fromData(thumb.raw);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 480 && image.height() <= 480 && image.height() > image.width());
        CHECK_ERROR(m_carol->send("GET", qs(f["thumbnailUrl"]), {}), 404, "FILE_NOT_FOUND", "");
    }

    // With --keep-exif the photo is stored byte for byte, its GPS position included.
    void keepExifStoresThePhotoUntouched()
    {
        QTemporaryDir dir;
        const QByteArray original = taggedPhoto(dir);
        QVERIFY(!original.isEmpty());
        TestServer server;
        QVERIFY(server.start(TestServer::relaxedArgs() + QStringList{QStringLiteral("--keep-exif")}));
        Account dan = makeAccount(server, QStringLiteral("dan"));
        const RestReply r = upload(dan, original, "image/jpeg", "holiday.jpg");
        CHECK_STATUS(r, 201);
        QCOMPARE(qs(r.data()["sha256"]), sha256(original));
        const RestReply stored = download(dan, qs(r.data()["fileId"]));
        QCOMPARE(stored.raw, original);
        const QJsonObject t = exifTags(dir, stored.raw);
        QVERIFY2(t.contains(QStringLiteral("GPS:GPSLatitude")), QJsonDocument(t).toJson().constData());
        QCOMPARE(t.value(QStringLiteral("IFD0:Make")).toString(), QStringLiteral("Canon"));
    }

    // A decompression bomb and a corrupt image are stored as files without a thumbnail; the
    // server stays up.
    void bombAndCorruptImage()
    {
        QTemporaryDir dir;
        const QString bombPath = dir.filePath(QStringLiteral("bomb.png"));
        QVERIFY(confab::testimages::writeZeroPng(bombPath, QSize(20000, 20000), 4));
        QFile bombFile(bombPath);
        QVERIFY(bombFile.open(QIODevice::ReadOnly));
        const QByteArray bomb = bombFile.readAll();
        QVERIFY(bomb.size() < 8 * 1024 * 1024);
        RestReply r = upload(m_alice, bomb, "image/png", "bomb.png");
        CHECK_STATUS(r, 201);
        QCOMPARE(qs(r.data()["mimeType"]), QStringLiteral("image/png"));
        QVERIFY(r.data()["thumbnailUrl"].is_null());
        QCOMPARE(r.data()["width"].get<int>(), 0);

        QByteArray corrupt = pngBytes() + randomBytes(2000, 15);
        r = upload(m_alice, corrupt, "image/png", "broken.png");
        CHECK_STATUS(r, 201);
        QVERIFY(r.data()["thumbnailUrl"].is_null());
        CHECK_STATUS(download(m_alice, qs(r.data()["fileId"])), 200);
        RestClient anon(m_server.httpUrl());
        CHECK_STATUS(anon.get(QStringLiteral("/healthz")), 200);
    }

    // A per-user quota, and temp files left by a crash are removed at start-up.
    void quotaAndStartUpCleanup()
    {
        TestServer server;
        QVERIFY(QDir().mkpath(server.dataDir() + QStringLiteral("/files/tmp")));
        QFile leftover(server.dataDir() + QStringLiteral("/files/tmp/t_crashed"));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("half an upload");
        leftover.close();
        QVERIFY(server.start(TestServer::relaxedArgs() +
                             QStringList{QStringLiteral("--user-quota-mb"), QStringLiteral("1")}));
        QVERIFY(!QFileInfo::exists(leftover.fileName()));

        Account eve = makeAccount(server, QStringLiteral("eve"));
        CHECK_STATUS(upload(eve, randomBytes(600 * 1024, 13), "application/octet-stream", "a"), 201);
        const RestReply over = upload(eve, randomBytes(600 * 1024, 14), "application/octet-stream", "b");
        CHECK_ERROR(over, 413, "PAYLOAD_TOO_LARGE", "");
        QVERIFY2(over.raw.contains("quota"), over.raw.constData());
        const json details = over.body["error"]["details"];
        QCOMPARE(qs(details["rule"]), QStringLiteral("quota"));
        QCOMPARE(details["limit"].get<qint64>(), 1024 * 1024);
        QCOMPARE(details["used"].get<qint64>(), 600 * 1024);
        const RestReply resumable =
            eve->post(QStringLiteral("/v1/uploads"), {{"fileName", "c"}, {"fileSize", 600 * 1024}});
        CHECK_ERROR(resumable, 413, "PAYLOAD_TOO_LARGE", "fileSize");
    }
};

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
