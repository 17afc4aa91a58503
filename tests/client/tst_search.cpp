// SPDX-License-Identifier: GPL-3.0-or-later
// Search and jump: the client finds a message 10,000 messages back, opens the timeline there
// (a window that is not the latest), pages forward until it joins the live end, and a message
// that arrives meanwhile is neither appended to the detached window nor lost.

#include "clienttest.h"
#include "historyseeder.h"

#include "client/models/messagemodel.h"
#include "client/models/searchresultsmodel.h"
#include "client/sync/syncengine.h"

#include <QAbstractItemModelTester>

using namespace confab;
using namespace confab::test;
using client::MessageModel;
using client::SearchResultsModel;

class TestSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void searchFindsOldMessage();
    void jumpBackAndPageForwardToLive();

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    Account m_alice;
    QString m_roomId;
    std::unique_ptr<TestClient> m_client;
    static constexpr int kSeeded = 10300;
    static constexpr int kTarget = 250; // 10,049 messages back from the newest
};

void TestSearch::initTestCase()
{
    QVERIFY(m_server.start(fastServerArgs()));
    m_alice = signUp(m_server, QStringLiteral("alice"));
    QVERIFY(!m_alice.token.isEmpty());
    RestClient rest(m_server.httpUrl());
    rest.setToken(m_alice.token);
    const RestReply room = rest.post(QStringLiteral("/v1/chat/rooms"), {{"name", "Archive"}, {"type", "public"}});
    QCOMPARE(room.status, 201);
    m_roomId = qs(room.data()["roomId"]);
    QVERIFY(m_server.stop());
    const QString error = seedHistory(m_server.dataDir(), m_roomId, m_alice.user.userId, kSeeded, 8, kTarget,
                                      QStringLiteral("the zanzibar spice order went out"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_server.start(fastServerArgs()));

    m_client = std::make_unique<TestClient>(m_server, m_alice, m_dir.filePath(QStringLiteral("alice.db")));
    QVERIFY(m_client->start());
    QVERIFY(m_client->waitOnline());
}

void TestSearch::searchFindsOldMessage()
{
    auto *results = m_client->engine()->createSearchModel(this);
    QAbstractItemModelTester tester(results, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(results, &SearchResultsModel::finished);
    // Two quick searches: only the newer one's answer shows.
    results->search(QStringLiteral("filler"));
    results->search(QStringLiteral("zanzib"), m_roomId, true);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(results->rowCount(), 1);
    const QModelIndex hit = results->index(0);
    QCOMPARE(hit.data(SearchResultsModel::MessageIdRole).toString(), QStringLiteral("seed-%1").arg(kTarget));
    QCOMPARE(hit.data(SearchResultsModel::RoomNameRole).toString(), QStringLiteral("Archive"));
    const QString snippet = hit.data(SearchResultsModel::SnippetRole).toString();
    const auto ranges = hit.data(SearchResultsModel::HighlightsRole).value<QList<TextRange>>();
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(snippet.mid(ranges[0].start, ranges[0].length), QStringLiteral("zanzibar"));
    QVERIFY(hit.data(SearchResultsModel::TimestampRole).toDateTime().daysTo(QDateTime::currentDateTimeUtc()) >= 7);

    // A bad filter: no results, the server's words.
    results->search(QStringLiteral("zanzibar before:someday"));
    QVERIFY(finished.wait(15000));
    QCOMPARE(results->rowCount(), 0);
    QVERIFY2(results->errorText().contains(QStringLiteral("YYYY-MM-DD")), qPrintable(results->errorText()));
}

void TestSearch::jumpBackAndPageForwardToLive()
{
    // No QAbstractItemModelTester here: it calls fetchMore() on every change, as no view does, and
    // its older pages would fight the newer ones for the bounded window (searchFindsOldMessage and
    // tst_chat test the model with it).
    MessageModel *model = m_client->engine()->createMessageModel(m_roomId, this);
    model->setPageSize(100);
    QSignalSpy latest(model, &MessageModel::latestLoaded);
    model->load();
    QVERIFY(latest.wait(15000));
    QVERIFY(model->isAtLatest());

    const QString target = QStringLiteral("seed-%1").arg(kTarget);
    QSignalSpy opened(model, &MessageModel::openedAt);
    model->openAt(target);
    QVERIFY(opened.wait(15000));
    QCOMPARE(opened.takeFirst().at(0).toString(), target);
    const int row = model->rowOfMessage(target);
    QVERIFY(row > 0 && row < model->rowCount() - 1); // in context: messages above and below it
    QVERIFY(!model->isAtLatest());
    QVERIFY(model->index(0).data(MessageModel::MoreAboveRole).toBool()); // older ones still to load

    // A window shorter than the screen loads both ways at once. With a bound of 150 rows, whichever
    // page comes second finds the other end trimmed: it must not go in with a gap.
    const auto gapFree = [model] {
        return model->messageAt(model->rowCount() - 1).seq - model->messageAt(0).seq == qint64(model->rowCount() - 1);
    };
    model->setMaxRows(150);
    model->fetchMore({});
    model->fetchNewer();
    QVERIFY(QTest::qWaitFor([&] { return !model->isFetchingOlder() && !model->isFetchingNewer(); }, 15000));
    QVERIFY(model->rowCount() <= 150);
    QVERIFY2(gapFree(), qPrintable(QStringLiteral("rows %1, seq %2..%3")
                                       .arg(model->rowCount())
                                       .arg(model->messageAt(0).seq)
                                       .arg(model->messageAt(model->rowCount() - 1).seq)));
    model->setMaxRows(500);

    // A live message while the window is 10,000 messages back: not appended to it.
    RestClient rest(m_server.httpUrl());
    rest.setToken(m_alice.token);
    QSignalSpy arrived(&m_client->engine()->sync(), &client::SyncEngine::messageArrived);
    const RestReply live = rest.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/messages"),
                                     {{"content", "live one"}});
    QCOMPARE(live.status, 201);
    const QString liveId = qs(live.data()["messageId"]);
    QVERIFY(QTest::qWaitFor([&] { return arrived.count() > 0; }, 15000));
    QCOMPARE(model->rowOfMessage(liveId), -1);
    QVERIFY(gapFree());

    // Page forward to the present: every page joins the window without a gap, the oldest rows
    // go (the window stays bounded), and at the end the window is live again with the message.
    int pages = 0;
    qint64 lastSeq = model->messageAt(model->rowCount() - 1).seq;
    while (!model->isAtLatest()) {
        QVERIFY(pages++ < 200);
        model->fetchNewer();
        QVERIFY(QTest::qWaitFor([&] { return !model->isFetchingNewer(); }, 15000));
        QVERIFY(model->rowCount() <= model->maxRows());
        QVERIFY(gapFree());
        QVERIFY(model->messageAt(model->rowCount() - 1).seq > lastSeq);
        lastSeq = model->messageAt(model->rowCount() - 1).seq;
    }
    QVERIFY(pages >= 90); // about ten thousand messages in pages of 100
    QCOMPARE(model->messageAt(model->rowCount() - 1).messageId, liveId);

    // Live again: the next message is appended as it arrives.
    const RestReply next =
        rest.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/messages"), {{"content", "and now"}});
    QCOMPARE(next.status, 201);
    const QString nextId = qs(next.data()["messageId"]);
    QVERIFY(QTest::qWaitFor([&] { return model->rowOfMessage(nextId) == model->rowCount() - 1; }, 15000));
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
