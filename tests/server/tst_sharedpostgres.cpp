// SPDX-License-Identifier: GPL-3.0-or-later
// Two confab-server processes on one PostgreSQL database (issue 18): people connected to either
// write to one room at the same time, and the room still has one sequence, without gaps or
// duplicates, because each server allocates the seq under the room's row lock in the transaction
// that inserts the message. Runs under the `postgres` label only (CONFAB_TEST_POSTGRES); on SQLite
// there is no database to share and it skips.

#include "apitestutil.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <set>

using namespace confab::test;

namespace {

json sendFrame(const QString &roomId, const QString &content, const QString &ref, const QString &clientMsgId)
{
    return json{{"type", "send_message"},
                {"roomId", ss(roomId)},
                {"content", ss(content)},
                {"ref", ss(ref)},
                {"clientMsgId", ss(clientMsgId)}};
}

} // namespace

class TestSharedPostgres : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoServersWritingOneRoomMakeOneGapFreeSequence();
    void aRetriedClientMsgIdOnTheOtherServerIsStoredOnce();
    void oneClientMsgIdSentToBothServersAtOnceIsStoredOnce();

private:
    // Read straight from the shared database, past both servers.
    std::vector<qint64> roomEventSeqs();
    qint64 lastSeqOfRoom();
    QSqlDatabase database();

    TestServer m_first;
    TestServer m_second;
    Account m_alice; // on the first server
    Account m_bob;   // on the second
    QString m_room;
};

QSqlDatabase TestSharedPostgres::database()
{
    const QString name = QStringLiteral("shared-postgres-check");
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    const QUrl url(m_first.databaseUrl());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    if (!db.open())
        qWarning("cannot open %s: %s", qPrintable(url.toString()), qPrintable(db.lastError().text()));
    return db;
}

std::vector<qint64> TestSharedPostgres::roomEventSeqs()
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT seq FROM room_events WHERE room_id = ? ORDER BY seq"));
    q.addBindValue(m_room);
    std::vector<qint64> seqs;
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    while (q.next())
        seqs.push_back(q.value(0).toLongLong());
    return seqs;
}

qint64 TestSharedPostgres::lastSeqOfRoom()
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT last_seq FROM rooms WHERE room_id = ?"));
    q.addBindValue(m_room);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

void TestSharedPostgres::initTestCase()
{
    if (!m_second.useDatabaseOf(m_first))
        QSKIP("runs on PostgreSQL only (the `postgres` label sets CONFAB_TEST_POSTGRES)");
    QVERIFY(m_first.start(TestServer::relaxedArgs()));
    m_alice = makeAccount(m_first, QStringLiteral("alice"), QStringLiteral("Alice"));
    Account bobOnFirst = makeAccount(m_first, QStringLiteral("bob"), QStringLiteral("Bob"));
    QVERIFY(!m_alice.id.isEmpty() && !bobOnFirst.id.isEmpty());
    const json room = createRoom(m_alice, QStringLiteral("shared"), QStringLiteral("public"), {bobOnFirst.id});
    QVERIFY(room.is_object());
    m_room = qs(room["roomId"]);
    // The second server starts on the same database after the room exists (it loads memberships
    // at start), and Bob signs in there.
    QVERIFY(m_second.start(TestServer::relaxedArgs()));
    m_bob = makeAccount(m_second, QStringLiteral("bob"), QStringLiteral("Bob"));
    QCOMPARE(m_bob.id, bobOnFirst.id);
}

void TestSharedPostgres::twoServersWritingOneRoomMakeOneGapFreeSequence()
{
    auto alice = connectWs(m_first, m_alice);
    auto bob = connectWs(m_second, m_bob);
    QVERIFY(alice && bob);

    // Both send everything at once, without waiting for acks: the two servers' storage threads
    // write to the room concurrently.
    constexpr int kEach = 60;
    for (int i = 0; i < kEach; ++i) {
        alice->send(sendFrame(m_room, QStringLiteral("a%1").arg(i), QStringLiteral("ra%1").arg(i),
                              QStringLiteral("ca%1").arg(i)));
        bob->send(sendFrame(m_room, QStringLiteral("b%1").arg(i), QStringLiteral("rb%1").arg(i),
                            QStringLiteral("cb%1").arg(i)));
    }
    std::set<qint64> ackedSeqs;
    for (int i = 0; i < kEach; ++i) {
        for (auto *ws : {alice.get(), bob.get()}) {
            const std::string ref = (ws == alice.get() ? "ra" : "rb") + std::to_string(i);
            const json ack = ws->waitFor(
                [&](const json &f) { return f.value("type", std::string()) == "ack" && f.value("ref", "") == ref; },
                20000);
            QVERIFY2(!ack.is_null(), ref.c_str());
            QVERIFY2(ackedSeqs.insert(ack["message"]["seq"].get<qint64>()).second, "two acks with one seq");
        }
    }
    QCOMPARE(int(ackedSeqs.size()), 2 * kEach);

    // The room's event log (every message and membership change takes the next seq) is one
    // sequence 1..n without a gap or a repeat, and rooms.last_seq is its end.
    const std::vector<qint64> log = roomEventSeqs();
    QVERIFY(!log.empty());
    for (size_t i = 0; i < log.size(); ++i)
        QCOMPARE(log[i], qint64(i + 1));
    QCOMPARE(lastSeqOfRoom(), qint64(log.size()));
    for (const qint64 acked : ackedSeqs)
        QVERIFY(std::binary_search(log.begin(), log.end(), acked));

    // Read through either server, the history has every acknowledged message once, in seq order.
    for (const Account *reader : {&m_alice, &m_bob}) {
        bool ok = false;
        const std::vector<json> history = fullHistory(*reader, m_room, &ok);
        QVERIFY(ok);
        std::set<qint64> seen;
        qint64 previous = 0;
        for (const json &m : history) {
            const qint64 seq = m["seq"].get<qint64>();
            QVERIFY(seq > previous);
            previous = seq;
            seen.insert(seq);
        }
        QVERIFY(std::includes(seen.begin(), seen.end(), ackedSeqs.begin(), ackedSeqs.end()));
    }
}

void TestSharedPostgres::aRetriedClientMsgIdOnTheOtherServerIsStoredOnce()
{
    // A client that sent through one server and retries through the other (its connection moved)
    // gets the same message back: the unique (author, clientMsgId) holds across servers.
    const json first = postMessage(m_bob, m_room, QStringLiteral("only once"), json{{"clientMsgId", "retry-1"}});
    QVERIFY(first.is_object());
    RestClient bobOnFirst(m_first.httpUrl());
    bobOnFirst.setToken(m_bob.token());
    const RestReply again = bobOnFirst.post(roomPath(m_room, QStringLiteral("/messages")),
                                            json{{"content", "only once"}, {"clientMsgId", "retry-1"}});
    QVERIFY2(again.status == 200 || again.status == 201, describe(again, 201).constData());
    QCOMPARE(qs(again.data()["messageId"]), qs(first["messageId"]));
    QCOMPARE(again.data()["seq"], first["seq"]);
}

void TestSharedPostgres::oneClientMsgIdSentToBothServersAtOnceIsStoredOnce()
{
    // The same send reaching both servers at the same moment (a client that reconnected elsewhere
    // and resent while the first copy was still in flight): whichever stores it first wins, the
    // other's insert fails on the unique index and answers the winner's message, not an error.
    Account aliceOnSecond = makeAccount(m_second, QStringLiteral("alice"), QStringLiteral("Alice"));
    QCOMPARE(aliceOnSecond.id, m_alice.id);
    auto first = connectWs(m_first, m_alice);
    auto second = connectWs(m_second, aliceOnSecond);
    QVERIFY(first && second);
    constexpr int kRaces = 40;
    for (int i = 0; i < kRaces; ++i) {
        const QString id = QStringLiteral("race-%1").arg(i);
        first->send(sendFrame(m_room, QStringLiteral("race"), QStringLiteral("f%1").arg(i), id));
        second->send(sendFrame(m_room, QStringLiteral("race"), QStringLiteral("s%1").arg(i), id));
    }
    std::set<QString> stored;
    for (int i = 0; i < kRaces; ++i) {
        QString ids[2];
        int side = 0;
        for (auto *ws : {first.get(), second.get()}) {
            const std::string ref = (side == 0 ? "f" : "s") + std::to_string(i);
            const json answer = ws->waitFor([&](const json &f) { return f.value("ref", "") == ref; }, 20000);
            QVERIFY2(answer.value("type", "") == "ack", dumpJson(answer).constData());
            ids[side++] = qs(answer["message"]["messageId"]);
        }
        QCOMPARE(ids[0], ids[1]);
        stored.insert(ids[0]);
    }
    QCOMPARE(int(stored.size()), kRaces);
}

QTEST_GUILESS_MAIN(TestSharedPostgres)
#include "tst_sharedpostgres.moc"
