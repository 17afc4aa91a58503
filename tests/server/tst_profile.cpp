// SPDX-License-Identifier: GPL-3.0-or-later
// The user's own account (issue 17, points 1 and 3): changing the password signs out every other
// session and tells it why, and the data export.

#include "apitestutil.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QtEndian>

#include <map>

#include <zlib.h>

using namespace confab::test;

namespace {

const QString kPassword = QStringLiteral("correct horse");

RestReply changePassword(const Account &a, const QString &oldPassword, const QString &newPassword)
{
    return a->post(QStringLiteral("/v1/me/password"),
                   {{"oldPassword", ss(oldPassword)}, {"newPassword", ss(newPassword)}});
}

// Signs `username` in once more: another device with its own token.
std::unique_ptr<RestClient> signInAgain(const TestServer &server, const QString &username, const QString &password,
                                        int *status = nullptr)
{
    auto rest = std::make_unique<RestClient>(server.httpUrl());
    const RestReply r =
        rest->post(QStringLiteral("/v1/auth/login"), {{"username", ss(username)}, {"password", ss(password)}});
    if (status)
        *status = r.status;
    if (r.status == 200)
        rest->setToken(qs(r.data()["token"]));
    return rest;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// A minimal zip reader for the test: the entries named by the central directory, inflated, with
// their CRC-32 checked. Empty on any inconsistency (with a warning saying which).
std::map<QString, QByteArray> unzip(const QByteArray &zip)
{
    auto u16 = [&](qsizetype at) { return qFromLittleEndian<quint16>(zip.constData() + at); };
    auto u32 = [&](qsizetype at) { return qFromLittleEndian<quint32>(zip.constData() + at); };
    const qsizetype end = zip.lastIndexOf(QByteArray::fromHex("504b0506"));
    if (end < 0 || end + 22 > zip.size()) {
        qWarning("zip: no end of central directory");
        return {};
    }
    const int count = u16(end + 10);
    qsizetype at = u32(end + 16);
    std::map<QString, QByteArray> entries;
    for (int i = 0; i < count; ++i) {
        if (u32(at) != 0x02014b50) {
            qWarning("zip: bad central directory entry %d", i);
            return {};
        }
        const quint16 method = u16(at + 10);
        const quint32 crc = u32(at + 16), compressed = u32(at + 20), size = u32(at + 24);
        const quint16 nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32);
        const quint32 local = u32(at + 42);
        const QString name = QString::fromUtf8(zip.mid(at + 46, nameLength));
        at += 46 + nameLength + extra + comment;
        if (u32(local) != 0x04034b50) {
            qWarning("zip: bad local header for %s", qPrintable(name));
            return {};
        }
        const qsizetype dataAt = local + 30 + u16(local + 26) + u16(local + 28);
        QByteArray out(qsizetype(size), Qt::Uninitialized);
        if (method == 8) {
            z_stream z{};
            inflateInit2(&z, -MAX_WBITS);
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zip.constData() + dataAt));
            z.avail_in = compressed;
            z.next_out = reinterpret_cast<Bytef *>(out.data());
            z.avail_out = size;
            const int rc = inflate(&z, Z_FINISH);
            inflateEnd(&z);
            if (rc != Z_STREAM_END || z.total_out != size) {
                qWarning("zip: %s does not inflate to its size", qPrintable(name));
                return {};
            }
        } else {
            out = zip.mid(dataAt, size);
        }
        if (quint32(crc32(0, reinterpret_cast<const Bytef *>(out.constData()), uInt(out.size()))) != crc) {
            qWarning("zip: CRC-32 of %s does not match", qPrintable(name));
            return {};
        }
        entries[name] = out;
    }
    return entries;
}

// A PNG of w x h pixels: one colour, or noise (which does not compress: a big file).
QByteArray png(int w, int h, bool noise = false)
{
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(QColor(40, 120, 200));
    if (noise) {
        QRandomGenerator rng(17);
        for (int y = 0; y < h; ++y) {
            auto *line = reinterpret_cast<quint32 *>(img.scanLine(y));
            for (int x = 0; x < w; ++x)
                line[x] = 0xff000000u | (rng.generate() & 0xffffffu);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    return bytes;
}

QString upload(const Account &a, const QByteArray &bytes, const QByteArray &type, const QByteArray &name)
{
    const RestReply r = a->send("POST", QStringLiteral("/v1/files"), bytes, type, {{"X-Filename", name}});
    if (r.status != 201)
        qWarning("upload failed: %s", describe(r, 201).constData());
    return qs(r.data()["fileId"]);
}

} // namespace

class TestProfile : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<RestClient> m_root; // a server admin: reads the audit log
    // The export's account and what it holds (seedExportAccount).
    Account m_ida;
    Account m_jon;
    QString m_exportRoom, m_firstId, m_secondId, m_jonsId;
    std::map<QString, QByteArray> m_uploads; // fileId -> bytes

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
        int status = 0;
        m_root = signInAgain(m_server, QStringLiteral("root"), QStringLiteral("rootpass1"), &status);
        QCOMPARE(status, 200);
    }

    // The session that changes the password stays; every other one is signed out: its token no
    // longer works and its WebSocket is closed with the reason. The change is audited.
    void passwordChangeSignsOutTheOtherSessions()
    {
        Account gus = makeAccount(m_server, QStringLiteral("gus"));
        QVERIFY(!gus.id.isEmpty());
        int status = 0;
        auto laptop = signInAgain(m_server, QStringLiteral("gus"), kPassword, &status);
        QCOMPARE(status, 200);
        auto mine = connectWs(m_server, gus);
        QVERIFY(mine);
        WsClient laptopWs;
        QVERIFY(laptopWs.open(m_server.wsUrl(laptop->token())));

        const RestReply r = changePassword(gus, kPassword, QStringLiteral("a new secret"));
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        QCOMPARE(r.data()["passwordChanged"], json(true));

        QTRY_VERIFY_WITH_TIMEOUT(laptopWs.wasClosed(), 10000);
        QCOMPARE(laptopWs.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(laptopWs.closeReason(), QStringLiteral("signed out: password changed"));
        QCOMPARE((*laptop).get(QStringLiteral("/v1/me")).status, 401);

        // This session carries on, on REST and on its WebSocket.
        QCOMPARE(gus->get(QStringLiteral("/v1/me")).status, 200);
        mine->send(json{{"type", "ping"}, {"id", "after"}});
        QVERIFY(!mine->waitForType("pong").is_null());
        QVERIFY(!mine->wasClosed());

        // The old password is gone, the new one signs in.
        signInAgain(m_server, QStringLiteral("gus"), kPassword, &status);
        QCOMPARE(status, 401);
        signInAgain(m_server, QStringLiteral("gus"), QStringLiteral("a new secret"), &status);
        QCOMPARE(status, 200);

        const RestReply audit = m_root->get(QStringLiteral("/v1/admin/audit?limit=50&action=user.password_change"));
        QVERIFY2(audit.status == 200, describe(audit, 200).constData());
        int found = 0;
        const json entries = audit.data()["entries"]; // a copy: data() is a temporary
        for (const json &e : entries) {
            if (qs(e["targetUserId"]) == gus.id) {
                ++found;
                QCOMPARE(qs(e["actorId"]), gus.id);
                QCOMPARE(qs(e["address"]), QStringLiteral("127.0.0.1"));
            }
        }
        QCOMPARE(found, 1);
    }

    // A wrong current password, a new one breaking the rules or the same as the old: a clear
    // error naming the field, and nothing changes.
    void passwordChangeRefusesBadInputByName()
    {
        Account hal = makeAccount(m_server, QStringLiteral("hal"));
        QVERIFY(!hal.id.isEmpty());
        int status = 0;
        auto other = signInAgain(m_server, QStringLiteral("hal"), kPassword, &status);
        QCOMPARE(status, 200);

        RestReply r = changePassword(hal, QStringLiteral("not my password"), QStringLiteral("a new secret"));
        QVERIFY2(r.status == 403 && r.errorField() == QStringLiteral("oldPassword"), describe(r, 403).constData());
        QVERIFY2(qs(r.body["error"]["message"]).contains(QStringLiteral("not changed")), r.raw.constData());
        r = changePassword(hal, kPassword, QStringLiteral("short"));
        QVERIFY2(r.status == 422 && r.errorField() == QStringLiteral("newPassword"), describe(r, 422).constData());
        r = changePassword(hal, kPassword, kPassword);
        QVERIFY2(r.status == 422 && r.errorField() == QStringLiteral("newPassword"), describe(r, 422).constData());
        r = hal->post(QStringLiteral("/v1/me/password"), {{"newPassword", "a new secret"}});
        QVERIFY2(r.status == 422 && r.errorField() == QStringLiteral("oldPassword"), describe(r, 422).constData());

        QCOMPARE(other->get(QStringLiteral("/v1/me")).status, 200);
        signInAgain(m_server, QStringLiteral("hal"), kPassword, &status);
        QCOMPARE(status, 200);
    }

    // A new display name and avatar reach everyone sharing a room with the user at once, and
    // the user's own other sessions; the uploaded avatar is readable by them.
    void profileChangeReachesOthersLive()
    {
        Account kim = makeAccount(m_server, QStringLiteral("kim"));
        Account lou = makeAccount(m_server, QStringLiteral("lou"));
        Account stranger = makeAccount(m_server, QStringLiteral("stranger"));
        QVERIFY(!kim.id.isEmpty() && !lou.id.isEmpty() && !stranger.id.isEmpty());
        const json room = createRoom(kim, QStringLiteral("kim and lou"), QStringLiteral("private"), {lou.id});
        QVERIFY(room.is_object());
        auto lousWs = connectWs(m_server, lou);
        auto strangersWs = connectWs(m_server, stranger);
        QVERIFY(lousWs && strangersWs);

        const QString fileId = upload(kim, png(64, 64), "image/png", "me.png");
        QVERIFY(!fileId.isEmpty());
        const RestReply r =
            kim->patch(QStringLiteral("/v1/me"), {{"displayName", "Kim K."}, {"avatarFileId", ss(fileId)}});
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        const QString avatar = QStringLiteral("/v1/files/%1/thumbnail").arg(fileId);
        QCOMPARE(qs(r.data()["avatar"]), avatar);

        json seen = lousWs->waitForType("user_updated");
        QVERIFY2(!seen.is_null(), "lou did not hear of kim's new profile");
        QCOMPARE(qs(seen["user"]["userId"]), kim.id);
        QCOMPARE(qs(seen["user"]["displayName"]), QStringLiteral("Kim K."));
        QCOMPARE(qs(seen["user"]["avatar"]), avatar);
        QVERIFY(strangersWs->noneOfType("user_updated", 300)); // shares no room with kim

        // The avatar is served to people the file was never posted to, as an image.
        const RestReply picture = lou->get(avatar);
        QCOMPARE(picture.status, 200);
        QVERIFY(picture.header("content-type").startsWith("image/"));
        QCOMPARE(stranger->get(avatar).status, 200);
        // Removing it works, and the file is no longer anyone's avatar.
        const RestReply removed = kim->patch(QStringLiteral("/v1/me"), {{"avatar", ""}});
        QVERIFY2(removed.status == 200, describe(removed, 200).constData());
        QVERIFY(removed.data()["avatar"].is_null() || qs(removed.data()["avatar"]).isEmpty());
        QCOMPARE(stranger->get(avatar).status, 404);
    }

    // An avatar must be a picture the user uploaded, which the server recognised as an image,
    // of at most 5 MiB: anything else gets 422 naming avatarFileId and saying what is wrong.
    void avatarUploadIsValidated()
    {
        Account max = makeAccount(m_server, QStringLiteral("max"));
        Account ned = makeAccount(m_server, QStringLiteral("ned"));
        QVERIFY(!max.id.isEmpty() && !ned.id.isEmpty());
        auto refused = [&](const QString &fileId, const QString &says) {
            const RestReply r = max->patch(QStringLiteral("/v1/me"), {{"avatarFileId", ss(fileId)}});
            if (r.status != 422 || r.errorField() != QStringLiteral("avatarFileId") ||
                !qs(r.body["error"]["message"]).contains(says)) {
                qWarning("%s", describe(r, 422).constData());
                return false;
            }
            return true;
        };
        // Text dressed up as a PNG: the server goes by the bytes.
        QVERIFY(refused(upload(max, "not a picture at all\n", "image/png", "fake.png"), QStringLiteral("text/plain")));
        const QByteArray big = png(1400, 1400, true);
        QVERIFY2(big.size() > 5 * 1024 * 1024, QByteArray::number(big.size()).constData());
        QVERIFY(refused(upload(max, big, "image/png", "huge.png"), QStringLiteral("at most 5 MiB")));
        QVERIFY(refused(upload(ned, png(32, 32), "image/png", "neds.png"), QStringLiteral("not a file you uploaded")));
        QVERIFY(refused(QStringLiteral("f_doesnotexist"), QStringLiteral("not a file you uploaded")));
        const RestReply both =
            max->patch(QStringLiteral("/v1/me"), {{"avatar", "https://example.org/a.png"}, {"avatarFileId", "f_x"}});
        QVERIFY2(both.status == 422 && both.errorField() == QStringLiteral("avatarFileId"),
                 describe(both, 422).constData());
        QVERIFY(qs(max->get(QStringLiteral("/v1/me")).data()["avatar"]).isEmpty()); // nothing changed
    }

    // An account with a room, messages (one edited), reactions given and received, a read marker
    // and two uploaded files of the same name; and someone else in the same room whose data must
    // not appear in it.
    void seedExportAccount()
    {
        m_ida = makeAccount(m_server, QStringLiteral("ida"), QStringLiteral("Ida Ström"));
        m_jon = makeAccount(m_server, QStringLiteral("jon"));
        QVERIFY(!m_ida.id.isEmpty() && !m_jon.id.isEmpty());
        const json room = createRoom(m_ida, QStringLiteral("ida's room"), QStringLiteral("public"));
        QVERIFY(room.is_object());
        m_exportRoom = qs(room["roomId"]);
        QCOMPARE(m_jon->post(roomPath(m_exportRoom, QStringLiteral("/join"))).status, 200);
        const json first = postMessage(m_ida, m_exportRoom, QStringLiteral("first words"));
        const json second = postMessage(m_ida, m_exportRoom, QStringLiteral("draft"));
        const json jons = postMessage(m_jon, m_exportRoom, QStringLiteral("jon's own secret"));
        QVERIFY(first.is_object() && second.is_object() && jons.is_object());
        m_firstId = qs(first["messageId"]);
        m_secondId = qs(second["messageId"]);
        m_jonsId = qs(jons["messageId"]);
        RestReply r = m_ida->patch(roomPath(m_exportRoom, QStringLiteral("/messages/") + m_secondId),
                                   {{"content", "second words, edited"}});
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        r = m_ida->post(roomPath(m_exportRoom, QStringLiteral("/messages/") + m_jonsId + QStringLiteral("/reactions")),
                        {{"emoji", "👍"}});
        QVERIFY2(r.status == 200 || r.status == 201, describe(r, 200).constData());
        r = m_jon->post(roomPath(m_exportRoom, QStringLiteral("/messages/") + m_firstId + QStringLiteral("/reactions")),
                        {{"emoji", "🎉"}});
        QVERIFY2(r.status == 200 || r.status == 201, describe(r, 200).constData());
        r = m_ida->post(roomPath(m_exportRoom, QStringLiteral("/read")), {{"messageId", ss(m_secondId)}});
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        for (const QByteArray &content : {QByteArray("notes, the first\n"), QByteArray("notes, the second one\n")}) {
            r = m_ida->send("POST", QStringLiteral("/v1/files"), content, "text/plain", {{"X-Filename", "notes.txt"}});
            QVERIFY2(r.status == 201, describe(r, 201).constData());
            m_uploads[qs(r.data()["fileId"])] = content;
        }
        r = m_jon->send("POST", QStringLiteral("/v1/files"), "jon's file\n", "text/plain", {{"X-Filename", "jon.txt"}});
        QVERIFY2(r.status == 201, describe(r, 201).constData());
    }

    // Everything the server holds about the caller, field by field, and nothing of anyone else's.
    void exportHoldsTheCallersDataFieldByField()
    {
        const RestReply r = m_ida->get(QStringLiteral("/v1/me/export"));
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        QVERIFY(r.header("content-disposition").contains("confab-export.json"));
        json e = json::parse(r.raw.toStdString(), nullptr, false);
        QVERIFY2(e.is_object(), r.raw.left(400).constData());
        QCOMPARE(qs(e["format"]), QStringLiteral("confab-export/1"));
        QVERIFY(!qs(e["exportedAt"]).isEmpty());

        json &profile = e["profile"];
        QCOMPARE(qs(profile["userId"]), m_ida.id);
        QCOMPARE(qs(profile["username"]), QStringLiteral("ida"));
        QCOMPARE(qs(profile["displayName"]), QStringLiteral("Ida Ström"));
        QCOMPARE(qs(profile["role"]), QStringLiteral("user"));
        QVERIFY(!qs(profile["createdAt"]).isEmpty());
        QVERIFY(!profile.contains("passwordHash"));

        QCOMPARE(e["rooms"].size(), size_t(1));
        json &room = e["rooms"][0];
        QCOMPARE(qs(room["room"]["roomId"]), m_exportRoom);
        QCOMPARE(qs(room["room"]["name"]), QStringLiteral("ida's room"));
        QCOMPARE(qs(room["role"]), QStringLiteral("owner"));
        QVERIFY(!qs(room["joinedAt"]).isEmpty());
        QCOMPARE(room["isMuted"], json(false));
        QCOMPARE(qs(room["readMarker"]["messageId"]), m_secondId);

        QCOMPARE(e["messages"].size(), size_t(2));
        json &first = e["messages"][0];
        QCOMPARE(qs(first["messageId"]), m_firstId);
        QCOMPARE(qs(first["roomId"]), m_exportRoom);
        QCOMPARE(qs(first["content"]), QStringLiteral("first words"));
        QCOMPARE(first["isEdited"], json(false));
        QCOMPARE(first["reactions"]["🎉"], json::array({ss(m_jon.id)})); // reactions it received
        json &second = e["messages"][1];
        QCOMPARE(qs(second["messageId"]), m_secondId);
        QCOMPARE(qs(second["content"]), QStringLiteral("second words, edited"));
        QCOMPARE(second["isEdited"], json(true));
        QVERIFY(!qs(second["editedAt"]).isEmpty());

        QCOMPARE(e["reactions"].size(), size_t(1)); // the reactions it gave
        QCOMPARE(qs(e["reactions"][0]["messageId"]), m_jonsId);
        QCOMPARE(qs(e["reactions"][0]["roomId"]), m_exportRoom);
        QCOMPARE(qs(e["reactions"][0]["emoji"]), QStringLiteral("👍"));
        QVERIFY(!qs(e["reactions"][0]["createdAt"]).isEmpty());

        QCOMPARE(e["files"].size(), m_uploads.size());
        for (json &f : e["files"]) {
            const QString id = qs(f["fileId"]);
            QVERIFY2(m_uploads.count(id), qPrintable(id));
            QCOMPARE(qs(f["fileName"]), QStringLiteral("notes.txt"));
            QCOMPARE(f["fileSize"].get<qint64>(), qint64(m_uploads[id].size()));
            QCOMPARE(qs(f["sha256"]).toLatin1(), sha256Hex(m_uploads[id]));
            QVERIFY(qs(f["mimeType"]).startsWith(QStringLiteral("text/plain")));
        }

        // Someone else's data is not in it, and there is no way to ask for another user's.
        QVERIFY(!r.raw.contains("jon's own secret"));
        QVERIFY(!r.raw.contains("jon.txt"));
        const RestReply other = m_ida->get(QStringLiteral("/v1/me/export?userId=") + m_jon.id);
        QCOMPARE(other.status, 200);
        QVERIFY(!other.raw.contains("jon's own secret"));
        QVERIFY(other.raw.contains(ss(m_ida.id).c_str()));
        QCOMPARE(RestClient(m_server.httpUrl()).get(QStringLiteral("/v1/me/export")).status, 401);
        const RestReply bad = m_ida->get(QStringLiteral("/v1/me/export?format=tar"));
        QVERIFY2(bad.status == 422 && bad.errorField() == QStringLiteral("format"), describe(bad, 422).constData());
    }

    // The zip holds export.json (the same document) and every uploaded file under its original
    // name, made unique, checked by SHA-256.
    void exportZipHoldsTheJsonAndTheFiles()
    {
        const RestReply r = m_ida->get(QStringLiteral("/v1/me/export?format=zip"));
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        QCOMPARE(r.header("content-type"), QByteArray("application/zip"));
        const std::map<QString, QByteArray> entries = unzip(r.raw);
        QCOMPARE(entries.size(), size_t(3));
        QVERIFY(entries.count(QStringLiteral("export.json")));
        json e = json::parse(entries.at(QStringLiteral("export.json")).toStdString(), nullptr, false);
        QVERIFY(e.is_object());
        QCOMPARE(qs(e["profile"]["userId"]), m_ida.id);
        QCOMPARE(e["messages"].size(), size_t(2));
        QVERIFY(entries.count(QStringLiteral("files/notes.txt")));
        QVERIFY(entries.count(QStringLiteral("files/notes (2).txt")));
        QSet<QByteArray> expected, got;
        for (const auto &[id, bytes] : m_uploads)
            expected.insert(sha256Hex(bytes));
        got << sha256Hex(entries.at(QStringLiteral("files/notes.txt")))
            << sha256Hex(entries.at(QStringLiteral("files/notes (2).txt")));
        QCOMPARE(got, expected);

        // Accept: application/zip asks for the same.
        const RestReply accepted =
            m_ida->send("GET", QStringLiteral("/v1/me/export"), {}, {}, {{"Accept", "application/zip"}});
        QCOMPARE(accepted.status, 200);
        QCOMPARE(unzip(accepted.raw).size(), size_t(3));
    }

    // One export at a time per user: while a client is still being sent one (it reads slowly;
    // 12 MiB of files that do not compress cannot all sit in socket buffers), another is refused
    // with 429; once that client goes, the next is served.
    void exportsRunOneAtATime()
    {
        Account pia = makeAccount(m_server, QStringLiteral("pia"));
        QVERIFY(!pia.id.isEmpty());
        QByteArray noise(12 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator(5).fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        QVERIFY(!upload(pia, noise, "application/octet-stream", "noise.bin").isEmpty());

        QTcpSocket slow; // the server runs in its own process: blocking calls are fine here
        slow.setReadBufferSize(64 * 1024);
        slow.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET /v1/me/export?format=zip HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " +
                   pia.token().toLatin1() + "\r\n\r\n");
        QVERIFY(slow.waitForReadyRead(10000));
        QVERIFY(slow.peek(12).startsWith("HTTP/1.1 200"));

        const RestReply second = pia->get(QStringLiteral("/v1/me/export"));
        QVERIFY2(second.status == 429 && second.errorCode() == QStringLiteral("RATE_LIMITED"),
                 describe(second, 429).constData());
        QVERIFY2(qs(second.body["error"]["message"]).contains(QStringLiteral("already being sent")),
                 second.raw.constData());
        QVERIFY(!second.header("retry-after").isEmpty());
        slow.abort();
        QTRY_COMPARE_WITH_TIMEOUT(pia->get(QStringLiteral("/v1/me/export")).status, 200, 15000);
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
