// SPDX-License-Identifier: GPL-3.0-or-later
// Read receipts in the client engine between two clients and a real server: the room's
// ReceiptModel loads where everyone has read up to in one request, then follows live receipts;
// the readers of a message are those whose newest read message it is.

#include "clienttest.h"

#include "client/models/receiptmodel.h"
#include "client/room/roomcontext.h"

#include <QSignalSpy>

#include <limits>

using namespace confab;
using namespace confab::test;

class TestReceipts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void liveReceiptMovesTheReader();
    void openingARoomLoadsTheSnapshot();

private:
    Message post(const QString &text);

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<TestClient> m_ana, m_bo;
    QString m_room;
};

void TestReceipts::initTestCase()
{
    QVERIFY(m_server.start(fastServerArgs()));
    m_ana = std::make_unique<TestClient>(m_server, signUp(m_server, QStringLiteral("ana_user")),
                                         m_dir.filePath(QStringLiteral("a.db")));
    m_bo = std::make_unique<TestClient>(m_server, signUp(m_server, QStringLiteral("bo_user")),
                                        m_dir.filePath(QStringLiteral("b.db")));
    NewRoom req;
    req.name = QStringLiteral("Reading room");
    req.type = RoomType::Public;
    const auto made = await<Room>([&](QObject *c, auto done) { m_ana->api().createRoom(req, c, done); });
    QVERIFY(made.ok());
    m_room = made.value.roomId;
    QVERIFY(await<Room>([&](QObject *c, auto done) { m_bo->api().joinRoom(m_room, c, done); }).ok());
    QVERIFY(m_ana->start() && m_bo->start());
    QVERIFY(m_ana->waitOnline() && m_bo->waitOnline());
}

Message TestReceipts::post(const QString &text)
{
    OutgoingMessage out;
    out.content = text;
    const auto sent = await<Message>([&](QObject *c, auto done) { m_ana->api().sendMessage(m_room, out, c, done); });
    return sent.ok() ? sent.value : Message{};
}

void TestReceipts::liveReceiptMovesTheReader()
{
    std::unique_ptr<client::RoomContext> room(m_ana->engine()->openRoom(m_room, nullptr));
    client::ReceiptModel &receipts = room->receipts();
    QSignalSpy changed(&receipts, &client::ReceiptModel::changed);
    receipts.load();

    const Message first = post(QStringLiteral("First"));
    const Message second = post(QStringLiteral("Second"));
    QVERIFY(first.seq > 0 && second.seq > first.seq);

    m_bo->engine()->markReadUpTo(m_room, first.messageId);
    QVERIFY(QTest::qWaitFor([&] { return receipts.readSeqOf(m_bo->user().userId) == first.seq; }, 10000));
    QVERIFY(!changed.isEmpty());
    // Bo shows under the first message, not under the second.
    QCOMPARE(receipts.readersBetween(first.seq, second.seq), QStringList{m_bo->user().userId});
    QVERIFY(receipts.readersBetween(second.seq, std::numeric_limits<qint64>::max()).isEmpty());

    // He reads on: he moves down, and only there.
    m_bo->engine()->markReadUpTo(m_room, second.messageId);
    QVERIFY(QTest::qWaitFor([&] { return receipts.readSeqOf(m_bo->user().userId) == second.seq; }, 10000));
    QVERIFY(receipts.readersBetween(first.seq, second.seq).isEmpty());
    QCOMPARE(receipts.readersBetween(second.seq, std::numeric_limits<qint64>::max()), QStringList{m_bo->user().userId});
    // Ana's own marker is never among the readers.
    QCOMPARE(receipts.readSeqOf(m_ana->user().userId), qint64(0));
}

void TestReceipts::openingARoomLoadsTheSnapshot()
{
    // Opened after the receipts were sent: one request brings where Bo is.
    std::unique_ptr<client::RoomContext> room(m_ana->engine()->openRoom(m_room, nullptr));
    client::ReceiptModel &receipts = room->receipts();
    QCOMPARE(receipts.readerCount(), 0);
    receipts.load();
    QVERIFY(QTest::qWaitFor([&] { return receipts.readerCount() == 1; }, 10000));
    QVERIFY(receipts.readSeqOf(m_bo->user().userId) > 0);
}

QTEST_GUILESS_MAIN(TestReceipts)
#include "tst_receipts.moc"
