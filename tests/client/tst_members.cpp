// SPDX-License-Identifier: GPL-3.0-or-later
// The member model of a large room against a real server: pages on demand in the server's order,
// a search that pages through what it finds, and presence moving loaded rows only.

#include "clienttest.h"
#include "memberseeder.h"

#include "client/models/membermodel.h"
#include "client/models/presencemodel.h"
#include "core/memberorder.h"

#include <QAbstractItemModelTester>
#include <QSet>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::QtTest;
constexpr int kCrowd = 250;

bool sortedAndUnique(const MemberModel &m)
{
    QSet<QString> seen;
    for (int row = 0; row < m.rowCount(); ++row) {
        const Member member = m.memberAt(row);
        if (seen.contains(member.userId))
            return false;
        seen.insert(member.userId);
        if (row > 0 && !memberSortsBefore(m.memberAt(row - 1), member))
            return false;
    }
    return true;
}
} // namespace

class TestMembers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
        m_owner = signUp(m_server, QStringLiteral("owner"));
        m_zed = signUp(m_server, QStringLiteral("zed"));
        QVERIFY(!m_owner.token.isEmpty() && !m_zed.token.isEmpty());
        RestClient owner(m_server.httpUrl());
        owner.setToken(m_owner.token);
        const RestReply room =
            owner.post(QStringLiteral("/v1/chat/rooms"), {{"name", "town"}, {"type", "public"}, {"maxMembers", 5000}});
        QVERIFY(room.ok());
        m_roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
        // Zed sorts first among the offline members ("AAA" before every seeded name).
        RestClient zed(m_server.httpUrl());
        zed.setToken(m_zed.token);
        QVERIFY(zed.patch(QStringLiteral("/v1/me"), {{"displayName", "AAA Zed"}}).ok());
        QVERIFY(zed.post(QStringLiteral("/v1/chat/rooms/") + m_roomId + QStringLiteral("/join")).ok());
        QVERIFY(m_server.stop());
        QVERIFY(seedRoomMembers(QDir(m_server.dataDir()).filePath(QStringLiteral("confab.db")), m_roomId, kCrowd));
        QVERIFY(m_server.start(fastServerArgs()));
        m_client = std::make_unique<TestClient>(m_server, m_owner, m_dir.filePath(QStringLiteral("owner.sqlite")));
        QVERIFY(m_client->start());
        QVERIFY(m_client->waitOnline());
    }

    void pagesOnDemand()
    {
        MemberModel *members = m_client->engine()->createMemberModel(m_roomId, this);
        QAbstractItemModelTester tester(members, kFatal); // from empty
        QSignalSpy loaded(members, &MemberModel::loaded);
        members->load();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(members->rowCount(), MemberModel::kPageSize);
        QCOMPARE(members->total(), kCrowd + 2);
        QVERIFY(members->hasMore());
        // Online first: the owner (signed in here).
        QCOMPARE(members->memberAt(0).userId, m_owner.user.userId);
        QCOMPARE(members->sectionCount(MemberSection::Offline), kCrowd + 1);
        QCOMPARE(members->data(members->index(1), MemberModel::SectionRole).toString(), QStringLiteral("offline"));
        // A view asks for more at the end of the list; one request at a time.
        QVERIFY(members->canFetchMore({}));
        members->fetchMore({});
        QVERIFY(!members->canFetchMore({}));
        members->fetchMore({}); // ignored while the page is on its way
        QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), 2 * MemberModel::kPageSize, 10000);
        while (members->canFetchMore({}) || members->isFetching()) {
            if (members->canFetchMore({}))
                members->fetchMore({});
            QTest::qWait(20);
        }
        QCOMPARE(members->rowCount(), kCrowd + 2);
        QVERIFY(!members->hasMore());
        QVERIFY(sortedAndUnique(*members));
        // Custom statuses and lastSeen come with the rows.
        const int row = members->rowOf(QStringLiteral("u_crowd00005"));
        QVERIFY(row >= 0);
        QVERIFY(!members->data(members->index(row), MemberModel::CustomStatusRole).toString().isEmpty());
        QVERIFY(members->data(members->index(row), MemberModel::LastSeenRole).toDateTime().isValid());
        QCOMPARE(members->data(members->index(row), MemberModel::UsernameRole).toString(),
                 QStringLiteral("crowd00005"));
        delete members;
    }

    void searchPagesThroughMatches()
    {
        MemberModel *members = m_client->engine()->createMemberModel(m_roomId, this);
        QAbstractItemModelTester tester(members, kFatal);
        QSignalSpy loaded(members, &MemberModel::loaded);
        members->load();
        QVERIFY(loaded.wait(10000));
        members->setSearch(QStringLiteral("ada"));
        QCOMPARE(members->rowCount(), 0); // the old list goes at once
        QVERIFY(loaded.wait(10000));
        // Every 20th seeded person is an Ada: 13 of 250.
        QCOMPARE(members->total(), 13);
        QCOMPARE(members->rowCount(), 13);
        for (int row = 0; row < members->rowCount(); ++row)
            QVERIFY(members->memberAt(row).displayName.startsWith(QStringLiteral("Ada ")));
        // By username, and a search that finds nobody.
        members->setSearch(QStringLiteral("crowd00042"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(members->rowCount(), 1);
        members->setSearch(QStringLiteral("nobody-here"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(members->rowCount(), 0);
        QCOMPARE(members->total(), 0);
        // Two searches in quick succession: only the last one's answer counts.
        members->setSearch(QStringLiteral("Tove"));
        members->setSearch(QStringLiteral("Hiro"));
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY(!members->isFetching());
        QVERIFY(members->rowCount() > 0);
        for (int row = 0; row < members->rowCount(); ++row)
            QVERIFY(members->memberAt(row).displayName.startsWith(QStringLiteral("Hiro ")));
        delete members;
    }

    void presenceMovesLoadedRows()
    {
        MemberModel *members = m_client->engine()->createMemberModel(m_roomId, this);
        QAbstractItemModelTester tester(members, kFatal);
        QSignalSpy loaded(members, &MemberModel::loaded);
        members->load();
        QVERIFY(loaded.wait(10000));
        // Zed is loaded, first of the offline members.
        QCOMPARE(members->rowOf(m_zed.user.userId), 1);
        QCOMPARE(members->data(members->index(1), MemberModel::SectionCountRole).toInt(), kCrowd + 1);
        // Zed comes online: still row 1 (after the owner, in the online section), counted there.
        // The owner's own presence is pushed to the owner whatever the room's size.
        TestClient zed(m_server, m_zed, m_dir.filePath(QStringLiteral("zed.sqlite")));
        QVERIFY(zed.start());
        QVERIFY(zed.waitOnline());
        // Over 250 members the server pushes no presence for the room: the model asks (every 30 s
        // by itself; here at once).
        QVERIFY(members->total() > MemberModel::kPushedPresenceMax);
        members->refreshPresence();
        QTRY_COMPARE_WITH_TIMEOUT(members->data(members->index(1), MemberModel::SectionRole).toString(),
                                  QStringLiteral("online"), 10000);
        QCOMPARE(members->sectionCount(MemberSection::Online), 1);
        QCOMPARE(members->sectionCount(MemberSection::Offline), kCrowd);
        // Zed sets a status: the row shows it.
        zed.engine()->setPresence(PresenceStatus::Away, QStringLiteral("🍕 Lunch"));
        // (Zed hears it back from the server first: the change is there to be asked for.)
        QTRY_VERIFY_WITH_TIMEOUT(zed.engine()->presence().presence(m_zed.user.userId) &&
                                     zed.engine()->presence().presence(m_zed.user.userId)->status ==
                                         PresenceStatus::Away,
                                 10000);
        members->refreshPresence();
        QTRY_COMPARE_WITH_TIMEOUT(members->data(members->index(1), MemberModel::CustomStatusRole).toString(),
                                  QStringLiteral("🍕 Lunch"), 10000);
        QVERIFY(sortedAndUnique(*members));
        // The owner goes "offline" (invisible): the owner moves down among the loaded rows, to
        // the top of the offline part, and Zed becomes row 0.
        m_client->engine()->setPresence(PresenceStatus::Offline);
        QTRY_COMPARE_WITH_TIMEOUT(members->rowOf(m_zed.user.userId), 0, 10000);
        QCOMPARE(members->rowOf(m_owner.user.userId), 1);
        QVERIFY(sortedAndUnique(*members));
        // The own membership is known wherever it sorts.
        QVERIFY(members->member(m_owner.user.userId).has_value());
        m_client->engine()->setPresence(PresenceStatus::Online);
        QTRY_COMPARE_WITH_TIMEOUT(members->rowOf(m_owner.user.userId), 0, 10000);
        delete members;
    }

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    Account m_owner;
    Account m_zed;
    QString m_roomId;
    std::unique_ptr<TestClient> m_client;
};

QTEST_GUILESS_MAIN(TestMembers)
#include "tst_members.moc"
