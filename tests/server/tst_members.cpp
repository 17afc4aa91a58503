// SPDX-License-Identifier: GPL-3.0-or-later
// The member list of large rooms against a real confab-server: cursor pages in the list's order
// (online first, then role, then name), cursors that hold while people come and go online,
// search by name, and the presence details (custom status, lastSeen) each member carries.

#include "apitestutil.h"

#include <QSet>

using namespace confab::test;

namespace {

QStringList idsOf(const json &members)
{
    QStringList out;
    for (const json &m : members)
        out << qs(m["userId"]);
    return out;
}

// Every member, page after page with the cursor; `between` runs after each page.
QStringList walk(const Account &reader, const QString &roomId, int limit, const QString &query = {},
                 const std::function<void(int page)> &between = {})
{
    QStringList ids;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/members?limit=%1").arg(limit);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        if (!query.isEmpty())
            path += QStringLiteral("&q=") + query;
        const RestReply r = reader->get(roomPath(roomId, path));
        if (r.status != 200) {
            qWarning("page %d: %s", page, describe(r, 200).constData());
            return {};
        }
        ids << idsOf(r.data()["members"]);
        if (between)
            between(page);
        const json next = r.data()["nextCursor"];
        if (next.is_null())
            break;
        cursor = qs(next);
    }
    return ids;
}

} // namespace

class TestMembers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesInListOrder();
    void cursorHoldsWhilePresenceChanges();
    void searchFindsByNameOrUsername();
    void presenceDetailsInTheList();
    void badCursorIsRefused();

private:
    TestServer m_server;
    Account m_owner;
    std::vector<Account> m_people;
    QString m_room;
};

void TestMembers::initTestCase()
{
    QVERIFY(
        m_server.start(TestServer::relaxedArgs() << QStringLiteral("--presence-grace-seconds") << QStringLiteral("0")));
    m_owner = makeAccount(m_server, QStringLiteral("olga"), QStringLiteral("Olga Owner"));
    QVERIFY(!m_owner.id.isEmpty());
    const json room = createRoom(m_owner, QStringLiteral("crowd"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    m_room = qs(room["roomId"]);
    // 24 people with names that sort differently by case and by letter.
    const QStringList names = {
        QStringLiteral("zoe"),  QStringLiteral("Adam"), QStringLiteral("bea"),  QStringLiteral("Carl"),
        QStringLiteral("dora"), QStringLiteral("Emil"), QStringLiteral("fay"),  QStringLiteral("Gus"),
        QStringLiteral("hana"), QStringLiteral("Ivan"), QStringLiteral("jo"),   QStringLiteral("Kim"),
        QStringLiteral("lea"),  QStringLiteral("Max"),  QStringLiteral("nils"), QStringLiteral("Omar"),
        QStringLiteral("pia"),  QStringLiteral("Quin"), QStringLiteral("rosa"), QStringLiteral("Sven"),
        QStringLiteral("tove"), QStringLiteral("Ugo"),  QStringLiteral("vera"), QStringLiteral("Walt")};
    for (const QString &name : names) {
        Account a = makeAccount(m_server, name.toLower() + QStringLiteral("_u"), name);
        QVERIFY(!a.id.isEmpty());
        CHECK_STATUS(a->post(roomPath(m_room, QStringLiteral("/join")), json::object()), 200);
        m_people.push_back(std::move(a));
    }
    // Two moderators.
    for (int i : {3, 10})
        CHECK_STATUS(m_owner->patch(roomPath(m_room, QStringLiteral("/members/") + m_people[std::size_t(i)].id),
                                    {{"role", "moderator"}}),
                     200);
}

void TestMembers::pagesInListOrder()
{
    // Online: Kim (index 11) and zoe (index 0), each with a live connection.
    auto kim = connectWs(m_server, m_people[11]);
    auto zoe = connectWs(m_server, m_people[0]);
    QVERIFY(kim && zoe);
    const QStringList ids = walk(m_owner, m_room, 5);
    QCOMPARE(ids.size(), 25);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 25); // nobody twice
    // Online first (Kim, then zoe: both members, by name), then offline by role: the owner, the
    // moderators Carl and jo, then members by case-folded name (Adam, bea, dora, ...).
    QCOMPARE(ids.at(0), m_people[11].id);
    QCOMPARE(ids.at(1), m_people[0].id);
    QCOMPARE(ids.at(2), m_owner.id);
    QCOMPARE(ids.at(3), m_people[3].id);   // Carl
    QCOMPARE(ids.at(4), m_people[10].id);  // jo
    QCOMPARE(ids.at(5), m_people[1].id);   // Adam
    QCOMPARE(ids.at(6), m_people[2].id);   // bea
    QCOMPARE(ids.at(7), m_people[4].id);   // dora
    QCOMPARE(ids.last(), m_people[23].id); // Walt

    const RestReply first = m_owner->get(roomPath(m_room, QStringLiteral("/members?limit=5")));
    CHECK_STATUS(first, 200);
    const json sections = first.data()["sections"];
    QCOMPARE(sections.value("owner", -1), 0);
    QCOMPARE(sections.value("moderator", -1), 0);
    QCOMPARE(sections.value("online", -1), 2);
    QCOMPARE(sections.value("offline", -1), 23);
    QCOMPARE(first.data()["pagination"].value("total", -1), 25);
    QVERIFY(first.data()["pagination"].value("hasMore", false));
    // The caller's own membership comes with every page, wherever it sorts.
    QCOMPARE(qs(first.data()["self"]["userId"]), m_owner.id);
    QCOMPARE(qs(first.data()["self"]["role"]), QStringLiteral("owner"));
}

void TestMembers::cursorHoldsWhilePresenceChanges()
{
    // While the owner walks the list, people come online and go offline between pages. Every
    // member whose presence did not change is seen exactly once, in order.
    // The previous test's connections have closed: wait until their owners show offline.
    const auto offline = [&](const Account &a) {
        const RestReply r = m_owner->get(QStringLiteral("/v1/presence?userIds=") + a.id);
        return r.status == 200 && qs(r.data()["presence"][0]["status"]) == QStringLiteral("offline");
    };
    QVERIFY(QTest::qWaitFor([&] { return offline(m_people[0]) && offline(m_people[11]); }, 10000));
    std::vector<std::unique_ptr<WsClient>> online;
    QSet<QString> changed;
    const QStringList ids = walk(m_owner, m_room, 4, {}, [&](int page) {
        if (page >= 3)
            return;
        // Someone far down the offline part comes online (jumps before the cursor) ...
        const Account &up = m_people[std::size_t(20 - page)];
        online.push_back(connectWs(m_server, up));
        changed.insert(up.id);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const RestReply r = m_owner->get(QStringLiteral("/v1/presence?userIds=") + up.id);
                return r.status == 200 && qs(r.data()["presence"][0]["status"]) == QStringLiteral("online");
            },
            5000));
    });
    QVERIFY(!ids.isEmpty());
    QStringList unchangedSeen;
    for (const QString &id : ids) {
        if (!changed.contains(id))
            unchangedSeen << id;
    }
    QCOMPARE(QSet<QString>(unchangedSeen.begin(), unchangedSeen.end()).size(), unchangedSeen.size());
    QCOMPARE(unchangedSeen.size(), 25 - int(changed.size()));
    // An offset would have shifted by one for each newcomer ahead of it and skipped members.
}

void TestMembers::searchFindsByNameOrUsername()
{
    // By display name, any case.
    QStringList ids = walk(m_owner, m_room, 2, QStringLiteral("A"));
    // Names with an "a": Adam, bea, Carl, dora, fay, hana, Ivan, lea, Max, Omar, pia, rosa, vera,
    // Walt, Olga Owner; usernames add nothing more ("_u" has none).
    QCOMPARE(ids.size(), 15);
    QVERIFY(ids.contains(m_owner.id));
    QVERIFY(!ids.contains(m_people[0].id)); // zoe
    // By username.
    ids = walk(m_owner, m_room, 10, QStringLiteral("kim_u"));
    QCOMPARE(ids, QStringList{m_people[11].id});
    // The total counts what the search finds.
    const RestReply r = m_owner->get(roomPath(m_room, QStringLiteral("/members?q=sven")));
    CHECK_STATUS(r, 200);
    QCOMPARE(r.data()["pagination"].value("total", -1), 1);
    QCOMPARE(qs(r.data()["members"][0]["username"]), QStringLiteral("sven_u"));
    // Nobody.
    QVERIFY(walk(m_owner, m_room, 10, QStringLiteral("xyzzy")).isEmpty());
}

void TestMembers::presenceDetailsInTheList()
{
    // A custom status (emoji and text) shows in the member list while the user is online...
    auto ws = connectWs(m_server, m_people[5]); // Emil
    QVERIFY(ws);
    CHECK_STATUS(m_people[5]->put(QStringLiteral("/v1/presence"), {{"status", "busy"}, {"customStatus", "🎧 focusing"}}),
                 200);
    const auto emil = [&] {
        const RestReply r = m_owner->get(roomPath(m_room, QStringLiteral("/members?q=emil")));
        return r.data()["members"][0];
    };
    QCOMPARE(qs(emil()["customStatus"]), QStringLiteral("🎧 focusing"));
    QCOMPARE(qs(emil()["status"]), QStringLiteral("busy"));
    // ... and lastSeen says when they left once they are offline.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    ws->close();
    QVERIFY(QTest::qWaitFor([&] { return qs(emil()["status"]) == QStringLiteral("offline"); }, 10000));
    const QDateTime lastSeen = QDateTime::fromString(qs(emil()["lastSeen"]), Qt::ISODateWithMs);
    QVERIFY2(lastSeen.isValid() && lastSeen >= before, dumpJson(emil()).constData());
    QCOMPARE(qs(emil()["customStatus"]), QStringLiteral("🎧 focusing"));
}

void TestMembers::badCursorIsRefused()
{
    CHECK_ERROR(m_owner->get(roomPath(m_room, QStringLiteral("/members?cursor=not-a-cursor!"))), 400, "BAD_REQUEST",
                "cursor");
    CHECK_ERROR(m_owner->get(roomPath(m_room, QStringLiteral("/members?cursor=WzFd"))), 400, "BAD_REQUEST", "cursor");
}

QTEST_GUILESS_MAIN(TestMembers)
#include "tst_members.moc"
