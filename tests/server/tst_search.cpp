// SPDX-License-Identifier: GPL-3.0-or-later
// Message search (GET /v1/chat/search): filters written in the query, sort, highlight ranges,
// and who may read what (after leaving, a kick and a ban); and the history cursor `around=`
// that opens a room at a search result.

#include "apitestutil.h"

#include <QDate>
#include <QUrl>

using namespace Qt::StringLiterals;

using namespace confab::test;

namespace {

QStringList hitIds(const RestReply &r)
{
    QStringList ids;
    const json data = r.data();
    if (!data.is_object() || !data.contains("results"))
        return {QStringLiteral("(no results: HTTP %1)").arg(r.status)};
    for (const json &h : data["results"])
        ids << qs(h["message"]["messageId"]);
    return ids;
}

QStringList pageIds(const json &page)
{
    QStringList ids;
    for (const json &m : page["messages"])
        ids << qs(m["messageId"]);
    return ids;
}

// 1 or 0 for a pagination flag, -1 when it is absent.
int flag(const json &page, const char *name)
{
    const json &p = page["pagination"];
    if (!p.contains(name) || !p[name].is_boolean())
        return -1;
    return p[name].get<bool>() ? 1 : 0;
}

QString searchPath(const QString &query)
{
    return QStringLiteral("/v1/chat/search?q=") + QString::fromLatin1(QUrl::toPercentEncoding(query));
}

QString day(int offsetFromToday) { return QDate::currentDate().addDays(offsetFromToday).toString(Qt::ISODate); }

} // namespace

class TestSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filtersInTheQuery();
    void badFiltersAreNamed();
    void sortAndHighlights();
    void notAfterLeaveKickOrBan();
    void aroundCursor();
    void aroundCursorEdges();

private:
    TestServer m_server;
    Account m_alice, m_bob, m_carol;
    QString m_lounge; // public: alice (owner), bob, carol
    QString m_garden; // public: alice, bob
};

void TestSearch::initTestCase()
{
    QVERIFY(m_server.start(TestServer::relaxedArgs()));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    m_bob = makeAccount(m_server, QStringLiteral("bob"), QStringLiteral("Bob"));
    m_carol = makeAccount(m_server, QStringLiteral("carol"), QStringLiteral("Carol"));
    QVERIFY(!m_alice.id.isEmpty() && !m_bob.id.isEmpty() && !m_carol.id.isEmpty());
    m_lounge = qs(createRoom(m_alice, QStringLiteral("Lounge"), QStringLiteral("public"))["roomId"]);
    m_garden = qs(createRoom(m_alice, QStringLiteral("Secret Garden"), QStringLiteral("public"))["roomId"]);
    for (const Account *a : {&m_bob, &m_carol})
        CHECK_STATUS((*a)->post(roomPath(m_lounge, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_bob->post(roomPath(m_garden, QStringLiteral("/join"))), 200);
}

void TestSearch::filtersInTheQuery()
{
    const json fromBob = postMessage(m_bob, m_lounge, QStringLiteral("the pelican report is ready"));
    const json fromAlice = postMessage(m_alice, m_lounge, QStringLiteral("pelican sighting at noon"));
    const json inGarden = postMessage(m_bob, m_garden, QStringLiteral("a pelican in the garden"));
    QVERIFY(fromBob.is_object() && fromAlice.is_object() && inGarden.is_object());
    const QString bobId = qs(fromBob["messageId"]), aliceId = qs(fromAlice["messageId"]),
                  gardenId = qs(inGarden["messageId"]);

    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("pelican")))), (QStringList{gardenId, aliceId, bobId}));
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("pelican from:alice")))), QStringList{aliceId});
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("from:@BOB pelican")))), (QStringList{gardenId, bobId}));
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("pelican in:\"secret garden\"")))), QStringList{gardenId});
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("pelican in:lounge from:bob")))), QStringList{bobId});
    // Dates are whole days, both ends exclusive.
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("pelican before:") + day(1)))).size(), 3);
    QVERIFY(hitIds(m_bob->get(searchPath(QStringLiteral("pelican before:") + day(0)))).isEmpty());
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("pelican after:") + day(-1)))).size(), 3);
    QVERIFY(hitIds(m_bob->get(searchPath(QStringLiteral("pelican after:") + day(0)))).isEmpty());
    // A filter in the text and the same one as a parameter must agree.
    QVERIFY(hitIds(m_bob->get(searchPath(QStringLiteral("pelican in:lounge")) + QStringLiteral("&roomId=") + m_garden))
                .isEmpty());
    // Filters alone search too (newest first): everything bob wrote in the garden.
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("from:bob in:\"Secret Garden\"")))), QStringList{gardenId});
    // has:file: none of these has an attachment.
    QVERIFY(hitIds(m_bob->get(searchPath(QStringLiteral("pelican has:file")))).isEmpty());
    // carol is not in the garden: naming it is not a way in.
    CHECK_ERROR(m_carol->get(searchPath(QStringLiteral("pelican in:\"Secret Garden\""))), 422, "VALIDATION_FAILED",
                "q");
}

void TestSearch::badFiltersAreNamed()
{
    RestReply r = m_bob->get(searchPath(QStringLiteral("x before:last-week")));
    CHECK_ERROR(r, 422, "VALIDATION_FAILED", "q");
    QVERIFY2(r.raw.contains("before: wants a date as YYYY-MM-DD"), r.raw.constData());
    r = m_bob->get(searchPath(QStringLiteral("x from:nobody_here")));
    CHECK_ERROR(r, 422, "VALIDATION_FAILED", "q");
    QVERIFY2(r.raw.contains("nobody_here"), r.raw.constData());
    CHECK_ERROR(m_bob->get(searchPath(QStringLiteral("x has:banana"))), 422, "VALIDATION_FAILED", "q");
    CHECK_ERROR(m_bob->get(searchPath(QStringLiteral("x")) + QStringLiteral("&sort=loudest")), 422, "VALIDATION_FAILED",
                "sort");
}

void TestSearch::sortAndHighlights()
{
    // The older message says the word three times: relevance puts it first, date puts it last.
    const json strong = postMessage(m_alice, m_lounge, QStringLiteral("Walrus walrus WALRUS, said the walrus keeper"));
    const json weak =
        postMessage(m_alice, m_lounge, QStringLiteral("Long minutes about budgets, rooms, chairs and one walrus"));
    QVERIFY(strong.is_object() && weak.is_object());
    const QString strongId = qs(strong["messageId"]), weakId = qs(weak["messageId"]);
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("walrus")) + QStringLiteral("&sort=date"))),
             (QStringList{weakId, strongId}));
    QCOMPARE(hitIds(m_bob->get(searchPath(QStringLiteral("walrus")))), (QStringList{weakId, strongId}));
    const RestReply byRank = m_bob->get(searchPath(QStringLiteral("walrus")) + QStringLiteral("&sort=relevance"));
    CHECK_STATUS(byRank, 200);
    QCOMPARE(hitIds(byRank), (QStringList{strongId, weakId}));

    // The ranges cover exactly the matched words of the plain snippet (the last word as a prefix).
    const json hit = byRank.data()["results"][0];
    const QString snippet = qs(hit["snippet"]);
    QVERIFY2(!snippet.contains(QChar(1)) && !snippet.contains(QChar(2)), qPrintable(snippet));
    QStringList marked;
    for (const json &range : hit["highlights"])
        marked << snippet.mid(range["start"].get<int>(), range["length"].get<int>());
    QCOMPARE(marked, (QStringList{u"Walrus"_s, u"walrus"_s, u"WALRUS"_s, u"walrus"_s}));
    const RestReply prefix = m_bob->get(searchPath(QStringLiteral("walr")));
    const json first = prefix.data()["results"][0];
    QCOMPARE(qs(first["snippet"])
                 .mid(first["highlights"][0]["start"].get<int>(), first["highlights"][0]["length"].get<int>()),
             u"walrus"_s);
}

void TestSearch::notAfterLeaveKickOrBan()
{
    const json room = createRoom(m_alice, QStringLiteral("Vault"), QStringLiteral("public"));
    const QString vault = qs(room["roomId"]);
    const Account dave = makeAccount(m_server, QStringLiteral("dave"));
    const Account erin = makeAccount(m_server, QStringLiteral("erin"));
    const std::initializer_list<const Account *> readers{&m_carol, &dave, &erin};
    for (const Account *a : readers)
        CHECK_STATUS((*a)->post(roomPath(vault, QStringLiteral("/join"))), 200);
    const json m = postMessage(m_alice, vault, QStringLiteral("the combination is narwhal"));
    QVERIFY(m.is_object());
    for (const Account *a : readers)
        QCOMPARE(hitIds((*a)->get(searchPath(QStringLiteral("narwhal")))), QStringList{qs(m["messageId"])});

    CHECK_STATUS(m_carol->del(roomPath(vault, QStringLiteral("/leave"))), 200);
    CHECK_STATUS(m_alice->post(roomPath(vault, QStringLiteral("/members/") + dave.id + QStringLiteral("/kick")),
                               json{{"reason", "test"}}),
                 200);
    CHECK_STATUS(m_alice->post(roomPath(vault, QStringLiteral("/members/") + erin.id + QStringLiteral("/ban")),
                               json{{"reason", "test"}}),
                 200);
    for (const Account *a : readers) {
        const RestReply r = (*a)->get(searchPath(QStringLiteral("narwhal")));
        CHECK_STATUS(r, 200);
        QVERIFY2(hitIds(r).isEmpty(), qPrintable(a->username));
        // Nor by filters alone, nor by the room's id as a parameter.
        QVERIFY(
            hitIds((*a)->get(searchPath(QStringLiteral("from:alice")) + QStringLiteral("&roomId=") + vault)).isEmpty());
        // Nor by opening the history around it.
        CHECK_STATUS((*a)->get(roomPath(vault, QStringLiteral("/messages?around=") + qs(m["messageId"]))), 403);
    }
}

void TestSearch::aroundCursor()
{
    const json room = createRoom(m_alice, QStringLiteral("Long history"), QStringLiteral("public"));
    const QString id = qs(room["roomId"]);
    QStringList ids;
    for (int i = 0; i < 60; ++i) {
        const json m = postMessage(m_alice, id, QStringLiteral("line %1").arg(i));
        QVERIFY(m.is_object());
        ids << qs(m["messageId"]);
    }
    RestReply r = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=11&around=") + ids[30]));
    CHECK_STATUS(r, 200);
    json page = r.data();
    QCOMPARE(pageIds(page), ids.mid(25, 11)); // five older, the message, five newer
    QCOMPARE(flag(page, "hasMoreBefore"), 1);
    QCOMPARE(flag(page, "hasMoreAfter"), 1);
    QCOMPARE(qs(page["pagination"]["before"]), ids[25]);
    QCOMPARE(qs(page["pagination"]["after"]), ids[35]);

    // An even limit gives the newer side the extra message.
    r = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=4&around=") + ids[30]));
    QCOMPARE(pageIds(r.data()), ids.mid(29, 4));

    // Other pages do not carry the two fields.
    r = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=5&before=") + ids[30]));
    QCOMPARE(flag(r.data(), "hasMoreBefore"), -1);
}

void TestSearch::aroundCursorEdges()
{
    const json room = createRoom(m_alice, QStringLiteral("Short history"), QStringLiteral("public"));
    const QString id = qs(room["roomId"]);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << qs(postMessage(m_alice, id, QStringLiteral("short %1").arg(i))["messageId"]);

    // The first message written (after the room's own "joined" line, the oldest) and the newest:
    // nothing more on that side.
    json page = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=3&around=") + ids[0])).data();
    QCOMPARE(page["messages"].size(), std::size_t(3));
    QCOMPARE(qs(page["messages"][0]["type"]), QStringLiteral("system"));
    QCOMPARE(flag(page, "hasMoreBefore"), 0);
    QCOMPARE(flag(page, "hasMoreAfter"), 1);
    page = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=3&around=") + ids[4])).data();
    QCOMPARE(page["messages"].size(), std::size_t(2));
    QCOMPARE(flag(page, "hasMoreBefore"), 1);
    QCOMPARE(flag(page, "hasMoreAfter"), 0);
    // The whole room fits: both false.
    page = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=50&around=") + ids[2])).data();
    QCOMPARE(page["messages"].size(), std::size_t(6)); // with the "joined" line
    QCOMPARE(page["pagination"].value("hasMore", true), false);
    // limit=1: the message alone, and whether there is more on each side.
    page = m_alice->get(roomPath(id, QStringLiteral("/messages?limit=1&around=") + ids[2])).data();
    QCOMPARE(page["messages"].size(), std::size_t(1));
    QCOMPARE(flag(page, "hasMoreBefore"), 1);
    QCOMPARE(flag(page, "hasMoreAfter"), 1);

    // A message of another room, an unknown id, and around with before: named errors.
    const QString elsewhere = qs(postMessage(m_alice, m_lounge, QStringLiteral("elsewhere"))["messageId"]);
    CHECK_ERROR(m_alice->get(roomPath(id, QStringLiteral("/messages?around=") + elsewhere)), 404, "MESSAGE_NOT_FOUND",
                "around");
    CHECK_ERROR(m_alice->get(roomPath(id, QStringLiteral("/messages?around=m_nope"))), 404, "MESSAGE_NOT_FOUND",
                "around");
    CHECK_ERROR(
        m_alice->get(roomPath(id, QStringLiteral("/messages?around=") + ids[2] + QStringLiteral("&before=") + ids[3])),
        422, "VALIDATION_FAILED", "around");
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
