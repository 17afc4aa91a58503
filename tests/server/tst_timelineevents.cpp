// SPDX-License-Identifier: GPL-3.0-or-later
// Server-made system lines and read receipts (issue 15, points 3 and 4) against a real
// confab-server: one system message per kind, each with its own seq, in history and in sync,
// never unread, never found by search, never edited or deleted; receipts with their seq, the
// receipts snapshot of a room, and the "send read receipts" setting hiding them both ways.

#include "apitestutil.h"

using namespace confab::test;

namespace {

std::vector<json> systemLines(const std::vector<json> &history)
{
    std::vector<json> out;
    for (const json &m : history) {
        if (m.value("type", std::string()) == "system")
            out.push_back(m);
    }
    return out;
}

auto receiptOf(const QString &userId)
{
    const std::string id = ss(userId);
    return [id](const json &f) { return f.value("type", std::string()) == "read_receipt" && f["userId"] == id; };
}

auto newMessage(const QString &messageId)
{
    const std::string id = ss(messageId);
    return [id](const json &f) {
        return f.value("type", std::string()) == "new_message" && f["message"].value("messageId", std::string()) == id;
    };
}

// Whether a frame matching `match` arrived before the first one matching `barrier`.
bool arrivedBefore(const WsClient &ws, const std::function<bool(const json &)> &match,
                   const std::function<bool(const json &)> &barrier)
{
    for (const json &f : ws.frames()) {
        if (barrier(f))
            return false;
        if (match(f))
            return true;
    }
    return false;
}

} // namespace

class TestTimelineEvents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyKindIsAStoredLineWithASeq();
    void linesComeInSyncAndAreNotUnread();
    void linesAreNotSearchableEditableOrDeletable();
    void receiptsCarryTheirSeqAndASnapshot();
    void receiptsOffHidesThemBothWays();
    void receiptSettingRefusesBadInput();

private:
    TestServer m_server;
    Account m_ana, m_bo, m_cy, m_di, m_ed;
    QString m_room;
};

void TestTimelineEvents::initTestCase()
{
    QVERIFY(m_server.start(TestServer::relaxedArgs()));
    m_ana = makeAccount(m_server, QStringLiteral("ana_user"), QStringLiteral("Ana"));
    m_bo = makeAccount(m_server, QStringLiteral("bo_user"), QStringLiteral("Bo"));
    m_cy = makeAccount(m_server, QStringLiteral("cy_user"), QStringLiteral("Cy"));
    m_di = makeAccount(m_server, QStringLiteral("di_user"), QStringLiteral("Di"));
    m_ed = makeAccount(m_server, QStringLiteral("ed_user"), QStringLiteral("Ed"));
    for (const Account *a : {&m_ana, &m_bo, &m_cy, &m_di, &m_ed})
        QVERIFY(!a->id.isEmpty());
    const json room = createRoom(m_ana, QStringLiteral("Lobby"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    m_room = qs(room["roomId"]);
}

void TestTimelineEvents::everyKindIsAStoredLineWithASeq()
{
    CHECK_STATUS(m_bo->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_ana->post(roomPath(m_room, QStringLiteral("/members")), json{{"userId", ss(m_cy.id)}}), 201);
    CHECK_STATUS(m_ana->patch(roomPath(m_room), json{{"name", "Lobby two"}, {"description", "Say hi"}}), 200);
    CHECK_STATUS(m_ana->patch(roomPath(m_room), json{{"settings", {{"enableAI", true}}}}), 200);
    const json hello = postMessage(m_bo, m_room, QStringLiteral("Hello everyone"));
    QVERIFY(hello.is_object());
    CHECK_STATUS(m_ana->post(roomPath(m_room, QStringLiteral("/pins/") + qs(hello["messageId"]))), 200);
    CHECK_STATUS(m_ana->post(roomPath(m_room, QStringLiteral("/members/") + m_cy.id + QStringLiteral("/kick"))), 200);
    CHECK_STATUS(m_di->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_ana->post(roomPath(m_room, QStringLiteral("/members/") + m_di.id + QStringLiteral("/ban"))), 200);
    CHECK_STATUS(m_ana->patch(roomPath(m_room, QStringLiteral("/members/") + m_bo.id), json{{"role", "owner"}}), 200);
    CHECK_STATUS(m_ed->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_ed->del(roomPath(m_room, QStringLiteral("/leave"))), 200);

    bool ok = false;
    const std::vector<json> history = fullHistory(m_bo, m_room, &ok, true);
    QVERIFY(ok);
    const std::vector<json> lines = systemLines(history);
    struct Expected {
        const char *kind;
        QString actor;
        QString target;
    };
    const std::vector<Expected> expected{
        {"joined", m_ana.id, {}},
        {"joined", m_bo.id, {}},
        {"joined", m_ana.id, m_cy.id}, // added by Ana
        {"room_changed", m_ana.id, {}},
        {"assistant_enabled", m_ana.id, {}},
        {"pinned", m_ana.id, qs(hello["messageId"])},
        {"kicked", m_ana.id, m_cy.id},
        {"joined", m_di.id, {}},
        {"banned", m_ana.id, m_di.id},
        {"ownership_transferred", m_ana.id, m_bo.id},
        {"joined", m_ed.id, {}},
        {"left", m_ed.id, {}},
    };
    QCOMPARE(lines.size(), expected.size());
    qint64 lastSeq = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const json &m = lines[i];
        QVERIFY2(m.contains("systemEvent") && m["systemEvent"].is_object(), dumpJson(m).constData());
        const json &e = m["systemEvent"];
        QCOMPARE(QString::fromStdString(e.value("kind", std::string())), QString::fromLatin1(expected[i].kind));
        QCOMPARE(qs(e["actorId"]), expected[i].actor);
        QCOMPARE(qs(e["targetId"]), expected[i].target);
        QVERIFY2(m["authorId"].is_null(), "nobody authors a system line");
        QCOMPARE(qs(m["content"]), QString()); // the words are the client's, in its language
        QVERIFY(m["seq"].get<qint64>() > lastSeq);
        lastSeq = m["seq"].get<qint64>();
    }
    // Names as they were, so a client can word the line without looking anyone up.
    QCOMPARE(qs(lines[2]["systemEvent"]["actorName"]), QStringLiteral("Ana"));
    QCOMPARE(qs(lines[2]["systemEvent"]["targetName"]), QStringLiteral("Cy"));
    const json &changed = lines[3]["systemEvent"];
    QCOMPARE(changed["fields"], (json{"name", "description"}));
    QCOMPARE(qs(changed["value"]), QStringLiteral("Lobby two"));
    QCOMPARE(qs(lines[5]["systemEvent"]["value"]), QStringLiteral("Hello everyone"));
    QCOMPARE(qs(lines[5]["systemEvent"]["targetName"]), QStringLiteral("Bo"));
}

void TestTimelineEvents::linesComeInSyncAndAreNotUnread()
{
    const json before = m_bo->get(roomPath(m_room)).data();
    QCOMPARE(before["unreadCount"].get<int>(), 0);
    bool ok = false;
    const std::vector<json> history = fullHistory(m_bo, m_room, &ok, true);
    QVERIFY(ok);
    const qint64 lastSeq = history.back()["seq"].get<qint64>();

    // Bo is away while Ed joins and leaves again.
    CHECK_STATUS(m_ed->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_ed->del(roomPath(m_room, QStringLiteral("/leave"))), 200);
    QCOMPARE(m_bo->get(roomPath(m_room)).data()["unreadCount"].get<int>(), 0);

    auto ws = connectWs(m_server, m_bo);
    QVERIFY(ws);
    ws->send(json{{"type", "sync"}, {"rooms", {{ss(m_room), lastSeq}}}});
    QVERIFY(!ws->waitForType("synced").is_null());
    std::vector<std::string> kinds;
    std::vector<qint64> seqs;
    for (const json &f : ws->frames()) {
        if (f.value("type", std::string()) == "new_message" && f["message"]["type"] == "system") {
            kinds.push_back(f["message"]["systemEvent"].value("kind", std::string()));
            seqs.push_back(f["seq"].get<qint64>());
        }
    }
    QCOMPARE(kinds, (std::vector<std::string>{"joined", "left"}));
    QVERIFY(seqs[0] > lastSeq && seqs[1] > seqs[0]);

    // Live too: Ed joins once more while Bo is connected.
    ws->clear();
    CHECK_STATUS(m_ed->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    const json live = ws->waitFor([](const json &f) {
        return f.value("type", std::string()) == "new_message" && f["message"]["type"] == "system";
    });
    QVERIFY2(live.is_object(), "no live system line");
    QCOMPARE(live["message"]["systemEvent"]["kind"], json("joined"));

    // A real message still counts, so the zero above is not an accident.
    QVERIFY(postMessage(m_ana, m_room, QStringLiteral("Real news")).is_object());
    QCOMPARE(m_bo->get(roomPath(m_room)).data()["unreadCount"].get<int>(), 1);
}

void TestTimelineEvents::linesAreNotSearchableEditableOrDeletable()
{
    bool ok = false;
    const std::vector<json> lines = systemLines(fullHistory(m_ana, m_room, &ok, true));
    QVERIFY(ok && !lines.empty());
    const QString lineId = qs(lines.front()["messageId"]);
    // "Lobby two" is in a room_changed line's data; search finds messages people wrote only.
    QVERIFY(postMessage(m_ana, m_room, QStringLiteral("Lobby meeting at noon")).is_object());
    const RestReply found = m_ana->get(QStringLiteral("/v1/chat/search?q=Lobby&roomId=") + m_room);
    CHECK_STATUS(found, 200);
    const json results = found.data()["results"];
    QCOMPARE(results.size(), size_t(1));
    for (const json &hit : results)
        QCOMPARE(hit["message"]["type"], json("text"));

    const QString path = roomPath(m_room, QStringLiteral("/messages/") + lineId);
    CHECK_ERROR(m_bo->patch(path, json{{"content", "rewritten"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_bo->del(path), 403, "FORBIDDEN", ""); // Bo owns the room now: still no
    CHECK_ERROR(m_bo->post(path + QStringLiteral("/reactions"), json{{"emoji", "👍"}}), 403, "FORBIDDEN", "");
    CHECK_ERROR(m_bo->post(roomPath(m_room, QStringLiteral("/pins/") + lineId)), 403, "FORBIDDEN", "");
}

void TestTimelineEvents::receiptsCarryTheirSeqAndASnapshot()
{
    const json room = createRoom(m_ana, QStringLiteral("Receipts"), QStringLiteral("public"));
    const QString roomId = qs(room["roomId"]);
    CHECK_STATUS(m_bo->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    auto anaWs = connectWs(m_server, m_ana);
    QVERIFY(anaWs);
    const json m1 = postMessage(m_ana, roomId, QStringLiteral("Read me"));
    QVERIFY(m1.is_object());
    CHECK_STATUS(m_bo->post(roomPath(roomId, QStringLiteral("/read")), json{{"messageId", m1["messageId"]}}), 200);
    const json receipt = anaWs->waitFor(receiptOf(m_bo.id));
    QVERIFY2(receipt.is_object(), "Ana did not see Bo's receipt");
    QCOMPARE(receipt["messageId"], m1["messageId"]);
    QCOMPARE(receipt["messageSeq"], m1["seq"]);

    const RestReply snapshot = m_ana->get(roomPath(roomId, QStringLiteral("/receipts")));
    CHECK_STATUS(snapshot, 200);
    std::map<std::string, qint64> bySeq;
    const json receipts = snapshot.data()["receipts"];
    for (const json &r : receipts)
        bySeq[r.value("userId", std::string())] = r["seq"].get<qint64>();
    // Ana read her own message by sending it; Bo by the marker.
    QCOMPARE(bySeq.size(), size_t(2));
    QCOMPARE(bySeq[ss(m_bo.id)], m1["seq"].get<qint64>());
    QCOMPARE(bySeq[ss(m_ana.id)], m1["seq"].get<qint64>());
    CHECK_ERROR(m_cy->get(roomPath(roomId, QStringLiteral("/receipts"))), 403, "FORBIDDEN", "");
}

void TestTimelineEvents::receiptsOffHidesThemBothWays()
{
    const json room = createRoom(m_ana, QStringLiteral("Quiet readers"), QStringLiteral("public"));
    const QString roomId = qs(room["roomId"]);
    for (const Account *a : {&m_bo, &m_ed})
        CHECK_STATUS((*a)->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    const RestReply off = m_bo->put(QStringLiteral("/v1/me/read-receipts"), json{{"sendReadReceipts", false}});
    CHECK_STATUS(off, 200);
    QCOMPARE(off.data()["sendReadReceipts"], json(false));
    QCOMPARE(m_bo->get(QStringLiteral("/v1/me/read-receipts")).data()["sendReadReceipts"], json(false));

    auto anaWs = connectWs(m_server, m_ana);
    auto boWs = connectWs(m_server, m_bo);
    QVERIFY(anaWs && boWs);
    const json m1 = postMessage(m_ana, roomId, QStringLiteral("Who reads this?"));
    QVERIFY(m1.is_object());
    const json read{{"messageId", m1["messageId"]}};
    CHECK_STATUS(m_bo->post(roomPath(roomId, QStringLiteral("/read")), read), 200);
    CHECK_STATUS(m_ed->post(roomPath(roomId, QStringLiteral("/read")), read), 200);

    // Ana hears Ed's receipt, and Bo's would have come first: it never did.
    QVERIFY(anaWs->waitFor(receiptOf(m_ed.id)).is_object());
    QVERIFY2(!arrivedBefore(*anaWs, receiptOf(m_bo.id), receiptOf(m_ed.id)), "Bo's hidden receipt reached Ana");
    // Bo's own devices hear his (his unread state follows him) but not Ed's.
    QVERIFY(boWs->waitFor(receiptOf(m_bo.id)).is_object());
    const json m2 = postMessage(m_ana, roomId, QStringLiteral("Barrier"));
    QVERIFY(boWs->waitFor(newMessage(qs(m2["messageId"]))).is_object());
    QVERIFY2(!arrivedBefore(*boWs, receiptOf(m_ed.id), newMessage(qs(m2["messageId"]))),
             "Bo, who shares no receipts, saw Ed's");

    // The snapshot: Bo sees none, Ana sees Ed's and hers but not Bo's.
    const RestReply forBo = m_bo->get(roomPath(roomId, QStringLiteral("/receipts")));
    CHECK_STATUS(forBo, 200);
    QCOMPARE(forBo.data()["receipts"].size(), size_t(0));
    const RestReply forAna = m_ana->get(roomPath(roomId, QStringLiteral("/receipts")));
    CHECK_STATUS(forAna, 200);
    const json anaSees = forAna.data()["receipts"];
    for (const json &r : anaSees)
        QVERIFY2(r["userId"] != ss(m_bo.id), "Bo's marker is in the snapshot");
    QCOMPARE(forAna.data()["receipts"].size(), size_t(2));
    // Bo's unread count still works.
    QCOMPARE(m_bo->get(roomPath(roomId)).data()["unreadCount"].get<int>(), 1);

    // Back on: his next receipt reaches Ana again.
    CHECK_STATUS(m_bo->put(QStringLiteral("/v1/me/read-receipts"), json{{"sendReadReceipts", true}}), 200);
    CHECK_STATUS(m_bo->post(roomPath(roomId, QStringLiteral("/read")), json{{"messageId", m2["messageId"]}}), 200);
    const json back = anaWs->waitFor(receiptOf(m_bo.id));
    QVERIFY2(back.is_object(), "Bo's receipt did not come back after turning them on");
    QCOMPARE(back["messageId"], m2["messageId"]);
}

void TestTimelineEvents::receiptSettingRefusesBadInput()
{
    CHECK_ERROR(m_bo->put(QStringLiteral("/v1/me/read-receipts"), json{{"sendReadReceipts", "no"}}), 422,
                "VALIDATION_FAILED", "sendReadReceipts");
    CHECK_ERROR(m_bo->put(QStringLiteral("/v1/me/read-receipts"), json::object()), 422, "VALIDATION_FAILED",
                "sendReadReceipts");
}

QTEST_GUILESS_MAIN(TestTimelineEvents)
#include "tst_timelineevents.moc"
