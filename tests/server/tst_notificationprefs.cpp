// SPDX-License-Identifier: GPL-3.0-or-later
// Per-room notification level and mute (issue 15, point 9): PUT /v1/chat/rooms/{roomId}/notifications
// stores the caller's choice on their membership; room answers carry it (only the caller's own);
// the caller's other connections get notification_settings, nobody else does; it survives a
// restart (migration 9); bad input names the field.

#include "apitestutil.h"

using namespace confab::test;

namespace {
json roomFrom(Account &a, const QString &roomId)
{
    const RestReply r = a->get(roomPath(roomId));
    return r.status == 200 ? r.data() : json();
}

json listedRoom(Account &a, const QString &roomId)
{
    const RestReply r = a->get(QStringLiteral("/v1/chat/rooms?joined=true&limit=100"));
    if (r.status != 200)
        return {};
    const json rooms = r.data()["rooms"];
    for (const json &room : rooms) {
        if (qs(room["roomId"]) == roomId)
            return room;
    }
    return {};
}
} // namespace

class TestNotificationPrefs : public QObject {
    Q_OBJECT

private:
    TestServer m_server;
    Account m_alice, m_bob, m_outsider;
    QString m_room;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        m_alice = makeAccount(m_server, QStringLiteral("alice"));
        m_bob = makeAccount(m_server, QStringLiteral("bob"));
        m_outsider = makeAccount(m_server, QStringLiteral("outsider"));
        const json room = createRoom(m_alice, QStringLiteral("general"), QStringLiteral("public"));
        QVERIFY(!room.is_null());
        m_room = qs(room["roomId"]);
        QVERIFY(m_bob->post(roomPath(m_room, QStringLiteral("/join"))).status == 200);
    }

    void defaultUntilChosen()
    {
        const json room = roomFrom(m_alice, m_room);
        QCOMPARE(room["notifications"], json({{"level", "default"}, {"muted", false}}));
    }

    void setReachesMyOtherSessionsOnly()
    {
        auto aliceDesk = connectWs(m_server, m_alice);
        auto alicePhone = connectWs(m_server, m_alice);
        auto bobLive = connectWs(m_server, m_bob);
        QVERIFY(aliceDesk && alicePhone && bobLive);

        const RestReply r =
            m_alice->put(roomPath(m_room, QStringLiteral("/notifications")), {{"level", "mentions"}, {"muted", true}});
        QVERIFY2(r.status == 200, describe(r, 200).constData());
        QCOMPARE(r.data(), json({{"roomId", ss(m_room)}, {"level", "mentions"}, {"muted", true}}));

        for (WsClient *c : {aliceDesk.get(), alicePhone.get()}) {
            const json f = c->waitForType("notification_settings");
            QVERIFY2(!f.is_null(), "a session of alice got no notification_settings");
            QCOMPARE(qs(f["roomId"]), m_room);
            QCOMPARE(f["level"], json("mentions"));
            QCOMPARE(f["muted"], json(true));
        }
        // Nobody else learns what alice muted; bob's view of the room is his own.
        QVERIFY(bobLive->noneOfType("notification_settings", 300));
        QCOMPARE(roomFrom(m_bob, m_room)["notifications"], json({{"level", "default"}, {"muted", false}}));

        // Every device reads it back: single room and the room list.
        QCOMPARE(roomFrom(m_alice, m_room)["notifications"], json({{"level", "mentions"}, {"muted", true}}));
        QCOMPARE(listedRoom(m_alice, m_room)["notifications"], json({{"level", "mentions"}, {"muted", true}}));

        // A room update by alice does not carry her preference to the others.
        bobLive->clear();
        QVERIFY(m_alice->patch(roomPath(m_room), {{"description", "all hands"}}).status == 200);
        const json updated = bobLive->waitForType("room_updated");
        QVERIFY(!updated.is_null());
        QCOMPARE(updated["room"]["notifications"], json({{"level", "default"}, {"muted", false}}));
    }

    void badInputNamesTheField()
    {
        RestReply r = m_alice->put(roomPath(m_room, QStringLiteral("/notifications")), {{"level", "loud"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), QStringLiteral("level"));
        r = m_alice->put(roomPath(m_room, QStringLiteral("/notifications")), {{"muted", true}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), QStringLiteral("level"));
        r = m_alice->put(roomPath(m_room, QStringLiteral("/notifications")), {{"level", "all"}, {"muted", "yes"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), QStringLiteral("muted"));
        // Not a member: no preference to keep.
        r = m_outsider->put(roomPath(m_room, QStringLiteral("/notifications")), {{"level", "all"}});
        QCOMPARE(r.status, 403);
        r = m_alice->put(roomPath(QStringLiteral("r_nope"), QStringLiteral("/notifications")), {{"level", "all"}});
        QCOMPARE(r.status, 404);
    }

    void survivesARestart()
    {
        QVERIFY(m_alice->put(roomPath(m_room, QStringLiteral("/notifications")), {{"level", "none"}}).status == 200);
        QVERIFY(m_server.stop());
        QVERIFY(m_server.start(TestServer::relaxedArgs()));
        Account again = makeAccount(m_server, QStringLiteral("alice"));
        QCOMPARE(roomFrom(again, m_room)["notifications"], json({{"level", "none"}, {"muted", false}}));
    }
};

QTEST_GUILESS_MAIN(TestNotificationPrefs)
#include "tst_notificationprefs.moc"
