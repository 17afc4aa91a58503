// SPDX-License-Identifier: GPL-3.0-or-later
// Group commit: queued message sends share one durable transaction, each in its own savepoint.
// The storage part checks the savepoint rules on a real database file; the server part sends
// bursts from several connections to a real confab-server and checks that sends were grouped,
// every one acknowledged, stored once, and numbered in a gap-free order.

#include "apitestutil.h"

#include "server/storage/sqlitestorage.h"

#include <QTemporaryDir>

using namespace confab;
using namespace confab::server;
using namespace confab::test;

namespace {

StoredUser user(const QString &id)
{
    StoredUser u;
    u.user.userId = id;
    u.user.username = id;
    u.user.displayName = id;
    u.usernameKey = id;
    u.passwordHash = QByteArrayLiteral("hash");
    u.createdAt = 1759141500000;
    return u;
}

} // namespace

class TestGroupCommit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void failedItemIsRolledBackAlone();
    void rolledBackGroupKeepsNothing();
    void transactionsNestInsideAnItem();
    void concurrentSendsShareCommits();
};

void TestGroupCommit::failedItemIsRolledBackAlone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SqliteStorage st(dir.filePath(QStringLiteral("t.db")));
    st.open();
    st.beginGroup();
    st.beginGroupItem();
    st.insertUser(user(QStringLiteral("u_a")));
    st.endGroupItem(true);
    st.beginGroupItem();
    st.insertUser(user(QStringLiteral("u_b")));
    QVERIFY_THROWS_EXCEPTION(StorageError, st.insertUser(user(QStringLiteral("u_a")))); // duplicate key
    st.endGroupItem(false);
    st.beginGroupItem();
    st.insertUser(user(QStringLiteral("u_c")));
    st.endGroupItem(true);
    st.commitGroup();
    st.close();

    // Durable, on a fresh connection: the first and third item, nothing of the second.
    SqliteStorage again(dir.filePath(QStringLiteral("t.db")));
    again.open();
    QVERIFY(again.userById(QStringLiteral("u_a")).has_value());
    QVERIFY(!again.userById(QStringLiteral("u_b")).has_value());
    QVERIFY(again.userById(QStringLiteral("u_c")).has_value());
}

void TestGroupCommit::rolledBackGroupKeepsNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SqliteStorage st(dir.filePath(QStringLiteral("t.db")));
    st.open();
    st.beginGroup();
    st.beginGroupItem();
    st.insertUser(user(QStringLiteral("u_a")));
    st.endGroupItem(true);
    st.rollbackGroup();
    QVERIFY(!st.userById(QStringLiteral("u_a")).has_value());
    // The connection is usable again, for a plain transaction too.
    st.begin();
    st.insertUser(user(QStringLiteral("u_b")));
    st.commit();
    QVERIFY(st.userById(QStringLiteral("u_b")).has_value());
    // A group is not opened inside a transaction.
    st.begin();
    QVERIFY_THROWS_EXCEPTION(StorageError, st.beginGroup());
    st.rollback();
}

void TestGroupCommit::transactionsNestInsideAnItem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SqliteStorage st(dir.filePath(QStringLiteral("t.db")));
    st.open();
    st.beginGroup();
    st.beginGroupItem();
    // What a service does with inTransaction(): begin/commit, and a failed one rolled back.
    st.begin();
    st.insertUser(user(QStringLiteral("u_kept")));
    st.commit();
    st.begin();
    st.insertUser(user(QStringLiteral("u_undone")));
    st.rollback();
    QVERIFY_THROWS_EXCEPTION(StorageError, st.commit()); // nothing open to commit
    st.endGroupItem(true);
    // Outside an item, begin() is refused: a service's work always runs in one.
    QVERIFY_THROWS_EXCEPTION(StorageError, st.begin());
    st.commitGroup();
    QVERIFY(st.userById(QStringLiteral("u_kept")).has_value());
    QVERIFY(!st.userById(QStringLiteral("u_undone")).has_value());
}

void TestGroupCommit::concurrentSendsShareCommits()
{
    TestServer server;
    QVERIFY(server.start({QStringLiteral("--insecure-fast-password-hashing"), QStringLiteral("--message-rate"),
                          QStringLiteral("100000"), QStringLiteral("--message-burst"), QStringLiteral("100000")}));
    const int senders = 6, perSender = 40;
    std::vector<Account> accounts;
    for (int i = 0; i < senders; ++i) {
        accounts.push_back(makeAccount(server, QStringLiteral("sender%1").arg(i)));
        QVERIFY(!accounts.back().id.isEmpty());
    }
    const json room = createRoom(accounts[0], QStringLiteral("Busy"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    const QString roomId = qs(room["roomId"]);
    for (int i = 1; i < senders; ++i)
        CHECK_STATUS(accounts[size_t(i)]->post(roomPath(roomId, QStringLiteral("/join"))), 200);

    std::vector<std::unique_ptr<WsClient>> ws;
    for (const Account &a : accounts) {
        ws.push_back(connectWs(server, a));
        QVERIFY(ws.back());
    }
    // Every sender's whole burst at once: while one commit is on disk, the rest queue up.
    for (int k = 0; k < perSender; ++k) {
        for (int i = 0; i < senders; ++i) {
            const QString id = QStringLiteral("g-%1-%2").arg(i).arg(k);
            ws[size_t(i)]->send(json{{"type", "send_message"},
                                     {"roomId", ss(roomId)},
                                     {"content", ss(QStringLiteral("burst %1").arg(id))},
                                     {"clientMsgId", ss(id)},
                                     {"ref", ss(id)}});
        }
    }
    QHash<QString, QString> acked; // clientMsgId -> messageId
    for (int i = 0; i < senders; ++i) {
        for (int k = 0; k < perSender; ++k) {
            const json ack = ws[size_t(i)]->waitFor(ofType("ack"), 30000);
            QVERIFY2(!ack.is_null(), qPrintable(QStringLiteral("sender %1: ack %2 did not come").arg(i).arg(k)));
            acked.insert(qs(ack["clientMsgId"]), qs(ack["message"]["messageId"]));
        }
    }
    QCOMPARE(acked.size(), senders * perSender);
    // Grouping really happened (the gauges count shared transactions and the sends in them).
    QVERIFY2(metricValue(server, "confab_storage_group_commits") >= 1, "no two sends ever shared a commit");
    QVERIFY(metricValue(server, "confab_storage_grouped_sends") >= 2);

    // Every acknowledged message is stored once, under its id, with gap-free seq; each sender's
    // messages in the order they were sent.
    bool ok = false;
    const std::vector<json> history = fullHistory(accounts[0], roomId, &ok);
    QVERIFY(ok);
    QCOMPARE(int(history.size()), senders * perSender);
    QHash<QString, int> lastOfSender;
    for (size_t j = 0; j < history.size(); ++j) {
        const json &m = history[j];
        const QString id = qs(m["clientMsgId"]);
        QVERIFY2(acked.value(id) == qs(m["messageId"]), qPrintable(id));
        if (j > 0)
            QCOMPARE(m["seq"].get<qint64>(), history[j - 1]["seq"].get<qint64>() + 1);
        const QStringList parts = id.split(QLatin1Char('-'));
        const int k = parts.at(2).toInt();
        QVERIFY2(k > lastOfSender.value(parts.at(1), -1), qPrintable(QStringLiteral("%1 out of order").arg(id)));
        lastOfSender.insert(parts.at(1), k);
    }
}

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
