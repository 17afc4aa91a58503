// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery when things go wrong: a client offline for a while, a seq gap in live events, the
// server killed and restarted while both sides keep sending, the client restarted with a
// pending outbox, and a message the server refuses for good.

#include "clienttest.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/localstore.h"
#include "client/sync/outbox.h"
#include "client/sync/syncengine.h"

#include <QAbstractItemModelTester>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::QtTest;

// Every message of the room, over REST, oldest first.
std::vector<Message> history(ApiClient &api, const QString &roomId)
{
    std::vector<Message> all;
    QString before;
    for (;;) {
        HistoryQuery q;
        q.limit = 100;
        q.before = before;
        auto page = await<MessagePage>([&](QObject *c, auto cb) { api.messages(roomId, q, c, cb); });
        if (!page.ok())
            return {};
        all.insert(all.begin(), page.value.messages.begin(), page.value.messages.end());
        if (!page.value.pagination.hasMore || page.value.messages.empty())
            return all;
        before = page.value.messages.front().messageId;
    }
}

QStringList contents(const MessageModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i) {
        // What people wrote: the room's system lines ("bob joined") are not part of the exchange.
        if (m.deliveryAt(i) == MessageModel::Delivery::Sent && m.messageAt(i).type != MessageType::System)
            out << m.messageAt(i).content;
    }
    return out;
}

// Rows people wrote, whatever their delivery state.
int peopleRows(const MessageModel &m)
{
    int n = 0;
    for (int i = 0; i < m.rowCount(); ++i)
        n += m.messageAt(i).type != MessageType::System;
    return n;
}

QStringList contents(const std::vector<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages) {
        if (m.type != MessageType::System)
            out << m.content;
    }
    return out;
}

// The texts by `prefix`, in the order they appear.
QStringList bySender(const QStringList &all, const QString &prefix)
{
    QStringList out;
    for (const QString &s : all) {
        if (s.startsWith(prefix))
            out << s;
    }
    return out;
}
} // namespace

class TestResilience : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
        m_alice = signUp(m_server, QStringLiteral("alice"));
        m_bob = signUp(m_server, QStringLiteral("bob"));
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        const RestReply room = a.post(QStringLiteral("/v1/chat/rooms"), {{"name", "ops"}, {"type", "public"}});
        QVERIFY(room.ok());
        m_roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
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
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->rooms().rowCount(), 1, 10000);
        m_mb = m_b->engine()->createMessageModel(m_roomId, this);
        m_testerB = std::make_unique<QAbstractItemModelTester>(m_mb, kFatal);
        QSignalSpy loaded(m_mb, &MessageModel::latestLoaded);
        m_mb->load();
        QVERIFY(loaded.count() || loaded.wait(10000));
    }

    void missedWhileOfflineArrivesBySync()
    {
        auto &conn = m_b->engine()->connection();
        conn.stop();
        QCOMPARE(conn.state(), RealtimeConnection::State::Offline);
        for (int i = 0; i < 5; ++i)
            m_a->engine()->sendMessage(m_roomId, QStringLiteral("a: offline %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->outbox().count(), 0, 10000);
        QTest::qWait(100);
        QCOMPARE(peopleRows(*m_mb), 0); // nothing live reached Bob
        QSignalSpy synced(&m_b->engine()->sync(), &SyncEngine::synced);
        conn.start(m_server.httpUrl(), m_bob.token);
        QVERIFY(synced.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(contents(*m_mb).size(), 5, 10000);
        QCOMPARE(contents(*m_mb), (QStringList{QStringLiteral("a: offline 0"), QStringLiteral("a: offline 1"),
                                               QStringLiteral("a: offline 2"), QStringLiteral("a: offline 3"),
                                               QStringLiteral("a: offline 4")}));
    }

    void gapIsNeverSilent()
    {
        SyncEngine &sync = m_b->engine()->sync();
        const qint64 last = sync.lastSeq(m_roomId);
        QVERIFY(last > 0);
        QSignalSpy gaps(&sync, &SyncEngine::gapDetected);
        QSignalSpy synced(&sync, &SyncEngine::synced);
        // An event from the future: something in between was lost on the way.
        Message future;
        future.messageId = QStringLiteral("m_future");
        future.roomId = m_roomId;
        future.seq = last + 3;
        future.content = QStringLiteral("from the future");
        future.timestamp = 1;
        Q_EMIT m_b->engine()->connection().frameReceived(NewMessageFrame{last + 3, future});
        QCOMPARE(gaps.count(), 1);
        QCOMPARE(gaps.at(0).at(1).toLongLong(), last + 1);
        QVERIFY(synced.wait(10000));                                  // a sync was asked for and answered
        QCOMPARE(m_mb->rowOfMessage(QStringLiteral("m_future")), -1); // never applied past a gap
        QCOMPARE(sync.lastSeq(m_roomId), last);
        // A duplicate of something already applied is ignored.
        const Message known = m_mb->messageAt(0);
        Q_EMIT m_b->engine()->connection().frameReceived(NewMessageFrame{known.seq, known});
        QCOMPARE(peopleRows(*m_mb), 5);
    }

    void serverRestartMidConversation()
    {
        QSignalSpy statesA(&m_a->engine()->connection(), &RealtimeConnection::stateChanged);
        int sentA = 0, sentB = 0;
        auto sendBoth = [&](int n) {
            for (int i = 0; i < n; ++i) {
                m_a->engine()->sendMessage(m_roomId, QStringLiteral("a: %1").arg(sentA++));
                m_b->engine()->sendMessage(m_roomId, QStringLiteral("b: %1").arg(sentB++));
                QTest::qWait(20);
            }
        };
        sendBoth(5);
        m_server.kill(); // mid-conversation: some sends are on the wire
        sendBoth(5);     // queued while the server is gone
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->connection().state(), RealtimeConnection::State::Retrying, 10000);
        QVERIFY(m_a->engine()->connection().secondsUntilRetry() >= 0);
        QVERIFY(!m_a->engine()->connection().statusText().isEmpty());
        QVERIFY(m_server.start(fastServerArgs()));
        sendBoth(5); // and more while it comes back
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->outbox().count(), 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->engine()->outbox().count(), 0, 30000);
        QVERIFY(m_a->waitOnline());
        QVERIFY(m_b->waitOnline());
        bool sawRetrying = false;
        for (const auto &args : statesA)
            sawRetrying |= args.at(0).value<RealtimeConnection::State>() == RealtimeConnection::State::Retrying;
        QVERIFY(sawRetrying);

        // The server has each message exactly once, each sender's in the order written.
        const QStringList stored = contents(history(m_a->api(), m_roomId));
        QStringList expectA, expectB;
        for (int i = 0; i < 15; ++i) {
            expectA << QStringLiteral("a: %1").arg(i);
            expectB << QStringLiteral("b: %1").arg(i);
        }
        QCOMPARE(bySender(stored, QStringLiteral("a: ")).mid(5), expectA); // after the 5 "a: offline"
        QCOMPARE(bySender(stored, QStringLiteral("b: ")), expectB);
        // Bob's timeline shows exactly what the server has, in the same order, no gaps.
        QTRY_COMPARE_WITH_TIMEOUT(contents(*m_mb), stored, 15000);
        QCOMPARE(peopleRows(*m_mb), stored.size()); // nothing left pending
    }

    void clientRestartDeliversThePendingOutboxOnce()
    {
        m_server.kill();
        QStringList texts;
        for (int i = 0; i < 3; ++i) {
            texts << QStringLiteral("a: restart %1").arg(i);
            m_a->engine()->sendMessage(m_roomId, texts.last());
        }
        QTest::qWait(300);
        QCOMPARE(m_a->engine()->outbox().count(), 3);
        m_a->stopEngine(); // the client quits with three messages unsent

        QVERIFY(m_server.start(fastServerArgs()));
        ChatEngine *engine = m_a->start(); // the same cache file: a restart
        QVERIFY(engine);
        QCOMPARE(engine->outbox().count(), 3);   // read back from disk
        QCOMPARE(engine->rooms().rowCount(), 1); // the cached room, before the server answers
        QCOMPARE(engine->rooms().roomAt(0).roomId, m_roomId);
        MessageModel *model = engine->createMessageModel(m_roomId, this);
        QAbstractItemModelTester tester(model, kFatal);
        model->load();
        // Cached messages and the three pending ones show before the server answers.
        QVERIFY(model->rowCount() >= 3);
        QCOMPARE(model->deliveryAt(model->rowCount() - 1), MessageModel::Delivery::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(engine->outbox().count(), 0, 20000);
        const QStringList stored = contents(history(m_a->api(), m_roomId));
        for (const QString &t : texts)
            QCOMPARE(stored.count(t), 1);
        QCOMPARE(stored.mid(stored.size() - 3), texts);
        QTRY_COMPARE_WITH_TIMEOUT(contents(*model).last(std::min<qsizetype>(3, contents(*model).size())), texts, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(contents(*m_mb).last(std::min<qsizetype>(3, contents(*m_mb).size())), texts, 15000);
        delete model;
    }

    void permanentRefusalFailsWithReasonAndRetry()
    {
        QVERIFY(m_a->waitOnline());
        MessageModel *model = m_a->engine()->createMessageModel(m_roomId, this);
        QAbstractItemModelTester tester(model, kFatal);
        model->load();
        const QString tooLong(6000, QLatin1Char('x'));
        const QString id = m_a->engine()->sendMessage(m_roomId, tooLong);
        const int row = model->rowOfClientMsgId(id);
        QVERIFY(row >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(model->deliveryAt(model->rowOfClientMsgId(id)), MessageModel::Delivery::Failed,
                                  10000);
        QVERIFY(!model->data(model->index(model->rowOfClientMsgId(id)), MessageModel::ErrorRole).toString().isEmpty());
        QCOMPARE(m_a->engine()->outbox().count(), 1); // kept, for Retry or Discard
        QSignalSpy changes(&m_a->engine()->outbox(), &Outbox::stateChanged);
        model->retry(model->rowOfClientMsgId(id));
        QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 2, 10000); // pending again, then failed again
        QCOMPARE(model->deliveryAt(model->rowOfClientMsgId(id)), MessageModel::Delivery::Failed);
        // Later messages are not held up by a failed one.
        m_a->engine()->sendMessage(m_roomId, QStringLiteral("after the failed one"));
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->outbox().count(), 1, 10000);
        m_a->engine()->outbox().discard(id);
        QCOMPARE(m_a->engine()->outbox().count(), 0);
        QCOMPARE(model->rowOfClientMsgId(id), -1);
        delete model;
    }

    void tooMuchMissedReloadsTheRoom()
    {
        // A server that replays at most 3 missed events per room; more is a sync_gap.
        m_server.kill();
        QVERIFY(m_server.start(fastServerArgs() << QStringLiteral("--sync-replay-max") << QStringLiteral("3")));
        QVERIFY(m_a->waitOnline());
        QVERIFY(m_b->waitOnline());
        auto &conn = m_b->engine()->connection();
        conn.stop();
        QStringList texts;
        for (int i = 0; i < 8; ++i) {
            texts << QStringLiteral("a: while bob was away %1").arg(i);
            m_a->engine()->sendMessage(m_roomId, texts.last());
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine()->outbox().count(), 0, 10000);
        QSignalSpy resets(&m_b->engine()->sync(), &SyncEngine::roomReset);
        QSignalSpy reloaded(m_mb, &MessageModel::latestLoaded);
        conn.start(m_server.httpUrl(), m_bob.token);
        QVERIFY(resets.wait(10000));
        QVERIFY(reloaded.count() || reloaded.wait(10000));
        // The timeline is the server's latest page again, with nothing missing at its end.
        const QStringList stored = contents(history(m_b->api(), m_roomId));
        const QStringList shown = contents(*m_mb);
        QVERIFY(shown.size() >= 8);
        QCOMPARE(shown, stored.mid(stored.size() - shown.size()));
        QCOMPARE(shown.mid(shown.size() - 8), texts);
        // And live delivery carries on from the new resume point.
        m_a->engine()->sendMessage(m_roomId, QStringLiteral("a: welcome back"));
        QTRY_COMPARE_WITH_TIMEOUT(contents(*m_mb).last(), QStringLiteral("a: welcome back"), 10000);
    }

    void kickedWhileOfflineIsToldSo()
    {
        // (Last: Bob leaves the room here.) A kick while Bob is offline reaches him with the
        // sync after reconnecting, as a kick with its reason, not as a deleted room.
        auto &conn = m_b->engine()->connection();
        conn.stop();
        RestClient a(m_server.httpUrl());
        a.setToken(m_alice.token);
        QVERIFY(a.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/members/") + m_bob.user.userId +
                           QStringLiteral("/kick"),
                       {{"reason", "cool down"}})
                    .ok());
        QSignalSpy removed(&m_b->engine()->sync(), &SyncEngine::roomRemoved);
        conn.start(m_server.httpUrl(), m_bob.token);
        QVERIFY(removed.count() || removed.wait(10000));
        QCOMPARE(removed.first().at(0).toString(), m_roomId);
        QVERIFY2(removed.first().at(1).toString().contains(QStringLiteral("cool down")),
                 qPrintable(removed.first().at(1).toString()));
        QCOMPARE(removed.first().at(2).value<SyncEngine::RemovalKind>(), SyncEngine::RemovalKind::Kicked);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->engine()->rooms().rowCount(), 0, 10000);
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

QTEST_GUILESS_MAIN(TestResilience)
#include "tst_resilience.moc"
