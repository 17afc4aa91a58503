// SPDX-License-Identifier: GPL-3.0-or-later
// Retention seen from the client (issue 17, point 4): when the server purges old messages, the
// messages_purged events remove them from the open timeline and from the local cache, so a
// restarted client does not show them again either.

#include "clienttest.h"

#include "client/models/messagemodel.h"
#include "client/sync/localstore.h"
#include <QAbstractItemModelTester>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
// What people wrote, in timeline order (the room's system lines left out).
QStringList contents(const MessageModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.messageAt(i).type != MessageType::System)
            out << m.messageAt(i).content;
    }
    return out;
}
} // namespace

class TestRetention : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clientDropsPurgedMessages()
    {
        TestServer server;
        QVERIFY(server.start(fastServerArgs() +
                             QStringList{QStringLiteral("--retention-interval-seconds"), QStringLiteral("1"),
                                         QStringLiteral("--retention-batch-size"), QStringLiteral("2")}));
        const Account alice = signUp(server, QStringLiteral("alice"));
        const Account bob = signUp(server, QStringLiteral("bob"));
        QVERIFY(!alice.token.isEmpty() && !bob.token.isEmpty());
        RestClient a(server.httpUrl());
        a.setToken(alice.token);
        const RestReply room = a.post(QStringLiteral("/v1/chat/rooms"), {{"name", "lobby"}, {"type", "public"}});
        QVERIFY(room.ok());
        const QString roomId = qs(room.data()["roomId"]);
        RestClient b(server.httpUrl());
        b.setToken(bob.token);
        QVERIFY(b.post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/join")).ok());
        QStringList ids;
        for (int i = 1; i <= 5; ++i) {
            const RestReply m = a.post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/messages"),
                                       {{"content", "old " + std::to_string(i)}});
            QVERIFY(m.ok());
            ids << qs(m.data()["messageId"]);
        }

        QTemporaryDir dir;
        TestClient client(server, bob, dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(client.start());
        QVERIFY(client.waitOnline());
        MessageModel *model = client.engine()->createMessageModel(roomId, this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        model->load();
        QTRY_COMPARE_WITH_TIMEOUT(contents(*model).size(), 5, 10000);
        QVERIFY(client.engine()->store().message(ids.first()).has_value());

        // Make them 40 days old (the server keeps no copy in memory), then keep 30 days in the room.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ageing"));
            db.setDatabaseName(QDir(server.dataDir()).filePath(QStringLiteral("confab.db")));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE messages SET created_at = created_at - ? WHERE room_id = ?"));
            q.addBindValue(qlonglong(40) * 24 * 3600 * 1000);
            q.addBindValue(roomId);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 5 + 2); // and the two "joined" lines
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ageing"));
        QVERIFY(a.patch(QStringLiteral("/v1/chat/rooms/") + roomId, {{"settings", {{"messageRetention", 30}}}}).ok());

        // The room's last message stays; the rest leave the timeline and the cache.
        QTRY_COMPARE_WITH_TIMEOUT(contents(*model), QStringList{QStringLiteral("old 5")}, 15000);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(!client.engine()->store().message(ids[i]).has_value(), qPrintable(ids[i]));
        QVERIFY(client.engine()->store().message(ids[4]).has_value());

        // A restart on the same cache shows what is left, nothing more.
        delete model;
        QVERIFY(client.start());
        MessageModel *again = client.engine()->createMessageModel(roomId, this);
        QSignalSpy loaded(again, &MessageModel::latestLoaded);
        again->load();
        QVERIFY(loaded.count() || loaded.wait(10000));
        QCOMPARE(contents(*again), QStringList{QStringLiteral("old 5")});
        delete again;
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
