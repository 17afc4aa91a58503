// SPDX-License-Identifier: GPL-3.0-or-later
// Polls through the client engine against a real server: a poll posted by one engine shows in
// another's model, a vote shows the voter's choice and reconciles with the server's events (the
// other reader's counts move, the voter's choice stays), and an engine that was away sees the
// final counts after it reconnects.

#include "clienttest.h"

#include "client/models/messagemodel.h"
#include "client/sync/localstore.h"

#include <QAbstractItemModelTester>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::QtTest;

// The poll of the message in the model, or nullopt.
std::optional<Poll> pollIn(const MessageModel &m, const QString &messageId)
{
    const int row = m.rowOfMessage(messageId);
    if (row < 0)
        return std::nullopt;
    const QVariant v = m.data(m.index(row, 0), MessageModel::PollRole);
    return v.isValid() ? std::optional<Poll>(v.value<Poll>()) : std::nullopt;
}

int votes(const std::optional<Poll> &p, const QString &optionId)
{
    if (!p)
        return -1;
    const PollOption *o = p->option(optionId);
    return o ? o->votes : -1;
}

QString firstPollId(const MessageModel &m)
{
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.data(m.index(i, 0), MessageModel::PollRole).isValid())
            return m.data(m.index(i, 0), MessageModel::MessageIdRole).toString();
    }
    return {};
}
} // namespace

class TestClientPolls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
        m_alice = signUp(m_server, QStringLiteral("alice"));
        m_bob = signUp(m_server, QStringLiteral("bob"));
        QVERIFY(!m_alice.token.isEmpty() && !m_bob.token.isEmpty());
        m_carol = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(m_carol->signUp(QStringLiteral("carol")).is_object());
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        const RestReply room = a.post(QStringLiteral("/v1/chat/rooms"), {{"name", "lunch"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
        RestClient b(m_server.httpUrl());
        b.setToken(m_bob.token);
        QVERIFY(b.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());
        QVERIFY(m_carol->post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());
        m_a = std::make_unique<TestClient>(m_server, m_alice, m_dir.filePath(QStringLiteral("a.sqlite")));
        m_b = std::make_unique<TestClient>(m_server, m_bob, m_dir.filePath(QStringLiteral("b.sqlite")));
    }

    void voteReconcilesWithTheServer()
    {
        QVERIFY(m_a->start() && m_b->start());
        QVERIFY(m_a->waitOnline() && m_b->waitOnline());
        std::unique_ptr<MessageModel> ma(m_a->engine()->createMessageModel(m_roomId, nullptr));
        std::unique_ptr<MessageModel> mb(m_b->engine()->createMessageModel(m_roomId, nullptr));
        QAbstractItemModelTester ta(ma.get(), kFatal), tb(mb.get(), kFatal);
        ma->load();
        mb->load();
        QTRY_VERIFY_WITH_TIMEOUT(ma->isLatestLoaded() && mb->isLatestLoaded(), 10000);

        m_a->engine()->sendPoll(
            m_roomId,
            NewPoll{QStringLiteral("Lunch?"), {QStringLiteral("Pizza"), QStringLiteral("Sushi")}, false, false, 0});
        QTRY_VERIFY_WITH_TIMEOUT(!firstPollId(*mb).isEmpty(), 10000);
        m_pollId = firstPollId(*mb);
        QCOMPARE(pollIn(*mb, m_pollId)->question, QStringLiteral("Lunch?"));

        // Bob votes: his model shows his choice once the server answers...
        m_b->engine()->votePoll(m_roomId, m_pollId, {QStringLiteral("o2")});
        QTRY_COMPARE_WITH_TIMEOUT(votes(pollIn(*mb, m_pollId), QStringLiteral("o2")), 1, 10000);
        QCOMPARE(pollIn(*mb, m_pollId)->myVotes.value_or(QStringList{}), QStringList{QStringLiteral("o2")});
        // ...and Alice's model gets the count live, without a choice of hers.
        QTRY_COMPARE_WITH_TIMEOUT(votes(pollIn(*ma, m_pollId), QStringLiteral("o2")), 1, 10000);
        QVERIFY(pollIn(*ma, m_pollId)->myVotes.value_or(QStringList{}).isEmpty());

        // Someone else's vote moves both counts and leaves Bob's choice as it was.
        QVERIFY(m_carol
                    ->put(QStringLiteral("/v1/chat/rooms/%1/messages/%2/poll/vote").arg(m_roomId, m_pollId),
                          {{"optionIds", {"o2"}}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(votes(pollIn(*mb, m_pollId), QStringLiteral("o2")), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(votes(pollIn(*ma, m_pollId), QStringLiteral("o2")), 2, 10000);
        QCOMPARE(pollIn(*mb, m_pollId)->myVotes.value_or(QStringList{}), QStringList{QStringLiteral("o2")});

        // A refused vote (two options in a single-choice poll) says why.
        QSignalSpy failed(m_b->engine(), &ChatEngine::messageActionFailed);
        m_b->engine()->votePoll(m_roomId, m_pollId, {QStringLiteral("o1"), QStringLiteral("o2")});
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(1).toString().startsWith(QStringLiteral("Your vote was not counted")),
                 qPrintable(failed.first().at(1).toString()));
    }

    void countsAreFinalAfterReconnect()
    {
        QVERIFY(!m_pollId.isEmpty());
        m_b->stopEngine();
        // While Bob is away: Carol changes her vote, Alice votes, then closes the poll.
        QVERIFY(m_carol
                    ->put(QStringLiteral("/v1/chat/rooms/%1/messages/%2/poll/vote").arg(m_roomId, m_pollId),
                          {{"optionIds", {"o1"}}})
                    .ok());
        RestClient alice(m_server.httpUrl());
        alice.setToken(m_alice.token);
        QVERIFY(alice
                    .put(QStringLiteral("/v1/chat/rooms/%1/messages/%2/poll/vote").arg(m_roomId, m_pollId),
                         {{"optionIds", {"o1"}}})
                    .ok());
        std::unique_ptr<MessageModel> ma(m_a->engine()->createMessageModel(m_roomId, nullptr));
        ma->load();
        m_a->engine()->closePoll(m_roomId, m_pollId); // the author closes it through the engine
        QTRY_VERIFY_WITH_TIMEOUT(pollIn(*ma, m_pollId) && pollIn(*ma, m_pollId)->closedAt > 0, 10000);

        QVERIFY(m_b->start());
        QVERIFY(m_b->waitOnline());
        // The sync replays the missed poll_updated events into the cache: final counts, Bob's choice kept.
        const auto cachedClosed = [&] {
            const auto m = m_b->engine()->store().message(m_pollId);
            return m && m->poll && m->poll->closedAt > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(cachedClosed(), 10000);
        const Poll cached = *m_b->engine()->store().message(m_pollId)->poll;
        QCOMPARE(votes(cached, QStringLiteral("o1")), 2);
        QCOMPARE(votes(cached, QStringLiteral("o2")), 1);
        QCOMPARE(cached.myVotes.value_or(QStringList{}), QStringList{QStringLiteral("o2")});
        std::unique_ptr<MessageModel> mb(m_b->engine()->createMessageModel(m_roomId, nullptr));
        QAbstractItemModelTester tb(mb.get(), kFatal);
        mb->load();
        QTRY_VERIFY_WITH_TIMEOUT(mb->isLatestLoaded(), 10000);
        QCOMPARE(votes(pollIn(*mb, m_pollId), QStringLiteral("o1")), 2);
        QVERIFY(pollIn(*mb, m_pollId)->isClosedAt(QDateTime::currentMSecsSinceEpoch()));
        QCOMPARE(pollIn(*mb, m_pollId)->myVotes.value_or(QStringList{}), QStringList{QStringLiteral("o2")});
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
    Account m_alice;
    Account m_bob;
    std::unique_ptr<RestClient> m_carol;
    QString m_roomId;
    QString m_pollId;
    std::unique_ptr<TestClient> m_a;
    std::unique_ptr<TestClient> m_b;
};

QTEST_GUILESS_MAIN(TestClientPolls)
#include "tst_polls.moc"
