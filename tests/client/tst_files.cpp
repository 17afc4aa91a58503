// SPDX-License-Identifier: GPL-3.0-or-later
// Messages with files through the outbox, against a real server: a small file goes up in one
// request and the message carries it; a 10 MiB file goes up resumably, the client is stopped in
// the middle and started again on the same cache, and the upload resumes where the server has it;
// the message arrives once, with the attachment and the right SHA-256. Cancelling takes the
// message out and removes its partial upload. The media cache stays under its size limit, keeping
// what was used last.

#include "clienttest.h"

#include "client/models/mediacache.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/localstore.h"
#include "client/sync/outbox.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::QtTest;
constexpr qint64 kMiB = 1024 * 1024;

std::vector<Message> history(ApiClient &api, const QString &roomId)
{
    HistoryQuery q;
    q.limit = 100;
    auto page = await<MessagePage>([&](QObject *c, auto cb) { api.messages(roomId, q, c, cb); });
    return page.ok() ? page.value.messages : std::vector<Message>{};
}

std::vector<Message> withContent(const std::vector<Message> &all, const QString &content)
{
    std::vector<Message> out;
    for (const Message &m : all) {
        if (m.content == content)
            out.push_back(m);
    }
    return out;
}

// A file of `size` random bytes; returns its SHA-256 in hex.
QString writeRandomFile(const QString &path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(int(kMiB), Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        const int n = int(std::min<qint64>(block.size(), size - written));
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        f.write(block.constData(), n);
        hash.addData(QByteArrayView(block.constData(), n));
        written += n;
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
        m_alice = signUp(m_server, QStringLiteral("alice"));
        m_bob = signUp(m_server, QStringLiteral("bob"));
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        const RestReply room = a.post(QStringLiteral("/v1/chat/rooms"), {{"name", "files"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_roomId = qs(room.data()["roomId"]);
        RestClient b(m_server.httpUrl());
        b.setToken(m_bob.token);
        QVERIFY(b.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());

        m_a = std::make_unique<TestClient>(m_server, m_alice, m_dir.filePath(QStringLiteral("a.sqlite")));
        m_b = std::make_unique<TestClient>(m_server, m_bob, m_dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY(m_a->start());
        QVERIFY(m_b->start());
        QVERIFY(m_a->waitOnline());
        QVERIFY(m_b->waitOnline());
        QTRY_COMPARE_WITH_TIMEOUT(m_b->engine()->rooms().rowCount(), 1, 10000);
        m_mb = m_b->engine()->createMessageModel(m_roomId, this);
        m_testerB = std::make_unique<QAbstractItemModelTester>(m_mb, kFatal);
        QSignalSpy loaded(m_mb, &MessageModel::latestLoaded);
        m_mb->load();
        QVERIFY(loaded.count() || loaded.wait(10000));
    }

    void smallFileIsUploadedThenSentWithTheMessage()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        const QString sha = writeRandomFile(path, 300 * 1024);
        ChatEngine *engine = m_a->engine();
        QSignalSpy progress(&engine->outbox(), &Outbox::uploadProgressChanged);
        const QString id = engine->sendFiles(m_roomId, QStringLiteral("the notes"), {Outbox::describeFile(path)});
        QTRY_VERIFY2_WITH_TIMEOUT(engine->outbox().count() == 0,
                                  qPrintable(engine->outbox().items(m_roomId).empty()
                                                 ? QString()
                                                 : engine->outbox().items(m_roomId)[0].error),
                                  15000);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toString(), id);
        QCOMPARE(progress.last().at(2).toLongLong(), 300 * 1024);
        QCOMPARE(progress.last().at(3).toLongLong(), 300 * 1024);

        const auto sent = withContent(history(m_a->api(), m_roomId), QStringLiteral("the notes"));
        QCOMPARE(int(sent.size()), 1);
        QCOMPARE(int(sent[0].attachments.size()), 1);
        QCOMPARE(sent[0].attachments[0].fileName, QStringLiteral("notes.txt"));
        QCOMPARE(sent[0].attachments[0].fileSize, 300 * 1024);
        QCOMPARE(toString(sent[0].type), toString(MessageType::File));

        // The other member sees it with its attachment, through the model's role.
        QTRY_VERIFY_WITH_TIMEOUT(m_mb->rowOfMessage(sent[0].messageId) >= 0, 10000);
        const QModelIndex row = m_mb->index(m_mb->rowOfMessage(sent[0].messageId));
        const auto attachments = row.data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments[0].fileId, sent[0].attachments[0].fileId);
        // ... and can download it.
        RestClient b(m_server.httpUrl());
        b.setToken(m_bob.token);
        const RestReply file = b.get(QStringLiteral("/v1/files/") + attachments[0].fileId);
        QCOMPARE(file.status, 200);
        QCOMPARE(sha256Of(file.raw), sha);
    }

    void largeUploadResumesAfterClientRestartAndSendsOnce()
    {
        const QString path = m_dir.filePath(QStringLiteral("big.bin"));
        const QString sha = writeRandomFile(path, 10 * kMiB);
        QVERIFY(!sha.isEmpty());
        ChatEngine *engine = m_a->engine();
        // Stop the client while the first chunk is on its way: the server keeps what came.
        bool stopped = false;
        connect(&engine->outbox(), &Outbox::uploadProgressChanged, this,
                [&](const QString &, const QString &, qint64 sent, qint64) {
                    if (!stopped && sent >= 4 * kMiB) {
                        stopped = true;
                        engine->stop();
                    }
                });
        const QString caption = QStringLiteral("the big one");
        const QString clientMsgId = engine->sendFiles(m_roomId, caption, {Outbox::describeFile(path)});
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 15000);
        m_a->stopEngine(); // the client quits mid-upload

        // The outbox on disk holds the message and the resumable upload's id.
        QString uploadId;
        {
            LocalStore store;
            QVERIFY(store.open(m_dir.filePath(QStringLiteral("a.sqlite"))));
            const auto items = store.outgoing();
            QCOMPARE(int(items.size()), 1);
            QCOMPARE(items[0].clientMsgId, clientMsgId);
            QCOMPARE(int(items[0].files.size()), 1);
            QVERIFY(!items[0].files[0].uploaded);
            uploadId = items[0].files[0].uploadId;
            QVERIFY(!uploadId.isEmpty());
        }
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        qint64 serverOffset = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (serverOffset = a.get(QStringLiteral("/v1/uploads/") + uploadId).data().value("offset", qint64(0))) > 0,
            10000);
        QVERIFY(serverOffset < 10 * kMiB);
        QVERIFY(withContent(history(m_a->api(), m_roomId), caption).empty());

        // Started again on the same cache: it asks where the upload stopped and goes on from there.
        engine = m_a->start();
        QVERIFY(engine);
        QCOMPARE(engine->outbox().count(), 1);
        QCOMPARE(engine->outbox().uploadProgress(clientMsgId).second, 10 * kMiB);
        QSignalSpy progress(&engine->outbox(), &Outbox::uploadProgressChanged);
        QTRY_VERIFY2_WITH_TIMEOUT(engine->outbox().count() == 0,
                                  qPrintable(engine->outbox().items(m_roomId).empty()
                                                 ? QString()
                                                 : engine->outbox().items(m_roomId)[0].error),
                                  30000);
        qint64 resumedAt = -1;
        for (const auto &p : progress) {
            if (p.at(2).toLongLong() > 0) {
                resumedAt = p.at(2).toLongLong();
                break;
            }
        }
        QVERIFY2(resumedAt >= serverOffset,
                 qPrintable(QStringLiteral("resumed at %1, server had %2").arg(resumedAt).arg(serverOffset)));

        const auto sent = withContent(history(m_a->api(), m_roomId), caption);
        QCOMPARE(int(sent.size()), 1); // once
        QCOMPARE(int(sent[0].attachments.size()), 1);
        QCOMPARE(sent[0].attachments[0].fileSize, 10 * kMiB);
        // The server has exactly the bytes of the file (resumed, not spliced or doubled).
        const RestReply stored = a.get(QStringLiteral("/v1/files/") + sent[0].attachments[0].fileId);
        QCOMPARE(stored.status, 200);
        QCOMPARE(sha256Of(stored.raw), sha);
        QCOMPARE(sent[0].clientMsgId, clientMsgId);
        QCOMPARE(sent[0].attachments[0].sha256, sha);
        QTRY_VERIFY_WITH_TIMEOUT(m_mb->rowOfMessage(sent[0].messageId) >= 0, 10000);
        QCOMPARE(m_mb->messageAt(m_mb->rowOfMessage(sent[0].messageId)).attachments.at(0).fileId,
                 sent[0].attachments[0].fileId);
    }

    void cancelTakesTheMessageOutAndRemovesTheUpload()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancel.bin"));
        QVERIFY(!writeRandomFile(path, 12 * kMiB).isEmpty());
        ChatEngine *engine = m_a->engine();
        MessageModel *model = engine->createMessageModel(m_roomId, this);
        QAbstractItemModelTester tester(model, kFatal);
        model->load();
        const QString caption = QStringLiteral("never mind");
        const QString clientMsgId = engine->sendFiles(m_roomId, caption, {Outbox::describeFile(path)});
        const int row = model->rowOfClientMsgId(clientMsgId);
        QVERIFY(row >= 0);
        QCOMPARE(model->deliveryAt(row), MessageModel::Delivery::Pending);
        QCOMPARE(model->index(row).data(MessageModel::AttachmentsRole).value<QList<Attachment>>().size(), 1);
        // Progress shows on the pending message.
        QTRY_VERIFY_WITH_TIMEOUT(
            model->index(model->rowOfClientMsgId(clientMsgId)).data(MessageModel::UploadProgressRole).toDouble() > 0,
            15000);
        QString uploadId;
        {
            LocalStore store;
            QVERIFY(store.open(m_dir.filePath(QStringLiteral("a.sqlite"))));
            uploadId = store.outgoing().at(0).files.at(0).uploadId;
        }
        QVERIFY(!uploadId.isEmpty());
        QVERIFY(engine->outbox().cancel(clientMsgId));
        QCOMPARE(engine->outbox().count(), 0);
        QCOMPARE(model->rowOfClientMsgId(clientMsgId), -1);
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        QTRY_COMPARE_WITH_TIMEOUT(a.get(QStringLiteral("/v1/uploads/") + uploadId).status, 404, 10000);
        QVERIFY(withContent(history(m_a->api(), m_roomId), caption).empty());
        delete model;
    }

    // Five files of 400 KiB through a cache of 1 MiB: it never holds more than its limit once a
    // trim ran, and a file used again (a hit) outlives files fetched after it but not used since.
    void mediaCacheStaysUnderItsLimit()
    {
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            QByteArray bytes(400 * 1024, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            const RestReply r = a.send("POST", QStringLiteral("/v1/files"), bytes, "application/octet-stream",
                                       {{"X-Filename", QByteArray("part") + QByteArray::number(i) + ".bin"}});
            QCOMPARE(r.status, 201);
            ids << qs(r.data()["fileId"]);
        }
        QTemporaryDir folder;
        MediaCache cache(m_a->api(), folder.path());
        QSignalSpy trimmed(&cache, &MediaCache::trimmed);
        QVERIFY(trimmed.wait(5000)); // the trim at start
        cache.setLimit(1024 * 1024);
        QVERIFY(trimmed.wait(5000));
        auto fetchOne = [&](int i) {
            // File times tick with the kernel's clock (a few ms): two downloads in one tick would
            // look equally old. The wait only separates them; the assertions do not depend on it.
            QTest::qWait(20);
            QSignalSpy ready(&cache, &MediaCache::ready);
            trimmed.clear();
            cache.fetch(ids[i], MediaCache::Kind::Original, QStringLiteral("part%1.bin").arg(i));
            return (ready.count() || ready.wait(10000)) && (trimmed.count() || trimmed.wait(5000));
        };
        for (int i = 0; i < 3; ++i)
            QVERIFY(fetchOne(i));
        // Three files are 1.2 MiB: the oldest (0) went.
        QCOMPARE(trimmed.last().at(0).toLongLong(), 800 * 1024);
        QVERIFY(!cache.has(ids[0], MediaCache::Kind::Original, QStringLiteral("part0.bin")));
        // A hit on 1 makes it the newest use: fetching 3 then pushes out 2, not 1.
        QSignalSpy hit(&cache, &MediaCache::ready);
        QTest::qWait(20);
        cache.fetch(ids[1], MediaCache::Kind::Original, QStringLiteral("part1.bin"));
        QVERIFY(hit.wait(5000));
        QVERIFY(fetchOne(3));
        QVERIFY(!cache.has(ids[2], MediaCache::Kind::Original, QStringLiteral("part2.bin")));
        QVERIFY(cache.has(ids[1], MediaCache::Kind::Original, QStringLiteral("part1.bin")));
        QVERIFY(cache.has(ids[3], MediaCache::Kind::Original, QStringLiteral("part3.bin")));
        QVERIFY(fetchOne(4));
        QVERIFY(cache.has(ids[4], MediaCache::Kind::Original, QStringLiteral("part4.bin")));
        QVERIFY(trimmed.last().at(0).toLongLong() <= 1024 * 1024);
        QVERIFY(trimmed.last().at(1).toInt() >= 1);
    }

    void cleanupTestCase()
    {
        m_testerB.reset();
        delete m_mb;
        m_a.reset();
        m_b.reset();
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
    Account m_alice, m_bob;
    QString m_roomId;
    std::unique_ptr<TestClient> m_a, m_b;
    MessageModel *m_mb = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_testerB;
};

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
