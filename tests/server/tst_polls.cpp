// SPDX-License-Identifier: GPL-3.0-or-later
// Polls (issue 15) against a real confab-server: creating, voting, changing and retracting a vote,
// closing by hand and by time, who may vote and close, anonymous polls, live updates, sync after
// being away, and two voters at once.

#include "apitestutil.h"

#include <QDateTime>

using namespace confab::test;

namespace {

std::string typeOf(const json &f) { return f.value("type", std::string()); }

json pollBody(const json &options, const json &extra = json::object())
{
    json poll = extra;
    poll["question"] = "Lunch?";
    poll["options"] = options;
    return json{{"content", ""}, {"type", "poll"}, {"poll", poll}};
}

QString isoIn(qint64 ms) { return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs); }

int votesOf(const json &poll, const std::string &optionId)
{
    for (const json &o : poll["options"]) {
        if (o["optionId"] == optionId)
            return o["votes"].get<int>();
    }
    return -1;
}

json votersOf(const json &poll, const std::string &optionId)
{
    for (const json &o : poll["options"]) {
        if (o["optionId"] == optionId)
            return o.value("voters", json::array());
    }
    return nullptr;
}

// Whether any "voters" key appears anywhere in j.
bool mentionsVoters(const json &j)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "voters" || mentionsVoters(it.value()))
                return true;
        }
    } else if (j.is_array()) {
        for (const json &v : j) {
            if (mentionsVoters(v))
                return true;
        }
    }
    return false;
}

auto pollUpdate(const QString &messageId)
{
    const std::string id = messageId.toStdString();
    return [id](const json &f) { return typeOf(f) == "poll_updated" && f.value("messageId", std::string()) == id; };
}

} // namespace

class TestPolls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badPollsAreRefused();
    void voteChangeRetractLive();
    void badVotesAreRefused();
    void closeByAuthorOrModerator();
    void closingTimeIsEnforced();
    void whoMayVote();
    void anonymousPollsHideVoters();
    void syncAfterBeingAwayGivesFinalCounts();
    void twoClientsVoteAtOnce();

private:
    QString newPoll(const Account &author, const QString &roomId, const json &extra = json::object(),
                    const json &options = json::array({"Pizza", "Sushi", "Salad"}));
    QString votePath(const QString &roomId, const QString &messageId) const
    {
        return roomPath(roomId, QStringLiteral("/messages/") + messageId + QStringLiteral("/poll/vote"));
    }

    TestServer m_server;
    Account m_alice; // owner of m_room
    Account m_bob;
    Account m_carol;
    QString m_room;
};

void TestPolls::initTestCase()
{
    QVERIFY(m_server.start(TestServer::relaxedArgs()));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    m_bob = makeAccount(m_server, QStringLiteral("bob"), QStringLiteral("Bob"));
    m_carol = makeAccount(m_server, QStringLiteral("carol"), QStringLiteral("Carol"));
    for (const Account *a : {&m_alice, &m_bob, &m_carol})
        QVERIFY(!a->id.isEmpty());
    const json room = createRoom(m_alice, QStringLiteral("Food"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    m_room = qs(room["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_carol->post(roomPath(m_room, QStringLiteral("/join"))), 200);
}

QString TestPolls::newPoll(const Account &author, const QString &roomId, const json &extra, const json &options)
{
    const RestReply r = author->post(roomPath(roomId, QStringLiteral("/messages")), pollBody(options, extra));
    if (r.status != 201) {
        qWarning("creating a poll failed: %s", describe(r, 201).constData());
        return {};
    }
    return qs(r.data()["messageId"]);
}

void TestPolls::badPollsAreRefused()
{
    const QString messages = roomPath(m_room, QStringLiteral("/messages"));
    CHECK_ERROR(m_alice->post(messages, pollBody(json::array())), 422, "VALIDATION_FAILED", "poll.options");
    json eleven = json::array();
    for (int i = 0; i < 11; ++i)
        eleven.push_back("option " + std::to_string(i));
    const RestReply tooMany = m_alice->post(messages, pollBody(eleven));
    CHECK_ERROR(tooMany, 422, "VALIDATION_FAILED", "poll.options");
    QVERIFY2(tooMany.raw.contains("2 to 10 options"), tooMany.raw.constData());
    CHECK_ERROR(m_alice->post(messages, pollBody(json::array({"Pizza", "pizza "}))), 422, "VALIDATION_FAILED",
                "poll.options[1]");
    CHECK_ERROR(m_alice->post(messages, pollBody(json::array({"Pizza", "  "}))), 422, "VALIDATION_FAILED",
                "poll.options[1]");
    CHECK_ERROR(m_alice->post(messages, json{{"content", "Lunch?"}, {"type", "poll"}}), 422, "VALIDATION_FAILED",
                "poll");
    json textWithPoll = pollBody(json::array({"a", "b"}));
    textWithPoll["type"] = "text";
    CHECK_ERROR(m_alice->post(messages, textWithPoll), 422, "VALIDATION_FAILED", "poll");
    CHECK_ERROR(m_alice->post(messages, pollBody(json::array({"a", "b"}), {{"closesAt", ss(isoIn(-60000))}})), 422,
                "VALIDATION_FAILED", "poll.closesAt");

    // A good one: ids by position, no votes, the question as its text.
    const RestReply ok = m_alice->post(messages, pollBody(json::array({"Pizza", "Sushi"})));
    CHECK_STATUS(ok, 201);
    const json poll = ok.data()["poll"];
    QCOMPARE(qs(ok.data()["type"]), QStringLiteral("poll"));
    QCOMPARE(qs(ok.data()["content"]), QStringLiteral("Lunch?"));
    QCOMPARE(qs(poll["options"][1]["optionId"]), QStringLiteral("o2"));
    QCOMPARE(votesOf(poll, "o1"), 0);
    QVERIFY(poll["closedAt"].is_null());
}

void TestPolls::voteChangeRetractLive()
{
    const QString id = newPoll(m_alice, m_room);
    QVERIFY(!id.isEmpty());
    auto carol = connectWs(m_server, m_carol);
    auto bob = connectWs(m_server, m_bob);
    QVERIFY(carol && bob);

    RestReply r = m_bob->put(votePath(m_room, id), {{"optionIds", {"o1"}}});
    CHECK_STATUS(r, 200);
    QCOMPARE(votesOf(r.data()["poll"], "o1"), 1);
    QCOMPARE(r.data()["poll"]["myVotes"], json::array({"o1"}));
    QCOMPARE(r.data()["poll"]["voterCount"].get<int>(), 1);

    // Everyone sees the new counts and, in a poll that is not anonymous, who voted what.
    json live = carol->waitFor(pollUpdate(id));
    QVERIFY2(!live.is_null(), "carol got no poll_updated");
    QVERIFY(live["seq"].get<qint64>() > 0);
    QCOMPARE(votesOf(live["poll"], "o1"), 1);
    QCOMPARE(votersOf(live["poll"], "o1"), json::array({ss(m_bob.id)}));
    QVERIFY2(!live["poll"].contains("myVotes"), "carol's copy carries someone's own choice");
    // The voter's own connections learn their choice.
    const json mine = bob->waitFor(pollUpdate(id));
    QCOMPARE(mine["poll"]["myVotes"], json::array({"o1"}));

    // Changed: the count moves.
    carol->clear();
    CHECK_STATUS(m_bob->put(votePath(m_room, id), {{"optionIds", {"o2"}}}), 200);
    live = carol->waitFor(pollUpdate(id));
    QCOMPARE(votesOf(live["poll"], "o1"), 0);
    QCOMPARE(votesOf(live["poll"], "o2"), 1);

    // Retracted.
    carol->clear();
    r = m_bob->del(votePath(m_room, id));
    CHECK_STATUS(r, 200);
    QCOMPARE(r.data()["poll"]["myVotes"], json::array());
    live = carol->waitFor(pollUpdate(id));
    QCOMPARE(votesOf(live["poll"], "o2"), 0);
    QCOMPARE(live["poll"]["voterCount"].get<int>(), 0);

    // Over the WebSocket too; history shows each reader their own choice.
    bob->clear();
    bob->send({{"type", "poll_vote"}, {"roomId", ss(m_room)}, {"messageId", ss(id)}, {"optionIds", {"o3"}}});
    QCOMPARE(bob->waitFor(pollUpdate(id))["poll"]["myVotes"], json::array({"o3"}));
    const json page = m_bob->get(roomPath(m_room, QStringLiteral("/messages?limit=5"))).data();
    bool found = false;
    for (const json &m : page["messages"]) {
        if (qs(m["messageId"]) == id) {
            found = true;
            QCOMPARE(m["poll"]["myVotes"], json::array({"o3"}));
            QCOMPARE(votesOf(m["poll"], "o3"), 1);
        }
    }
    QVERIFY(found);
}

void TestPolls::badVotesAreRefused()
{
    const QString single = newPoll(m_alice, m_room);
    CHECK_ERROR(m_bob->put(votePath(m_room, single), {{"optionIds", {"o1", "o2"}}}), 422, "VALIDATION_FAILED",
                "optionIds");
    CHECK_ERROR(m_bob->put(votePath(m_room, single), {{"optionIds", {"o9"}}}), 422, "VALIDATION_FAILED",
                "optionIds[0]");
    CHECK_ERROR(m_bob->put(votePath(m_room, single), json::object()), 422, "VALIDATION_FAILED", "optionIds");
    const QString multiple = newPoll(m_alice, m_room, {{"multipleChoice", true}});
    CHECK_ERROR(m_bob->put(votePath(m_room, multiple), {{"optionIds", {"o1", "o1"}}}), 422, "VALIDATION_FAILED",
                "optionIds[1]");
    const RestReply both = m_bob->put(votePath(m_room, multiple), {{"optionIds", {"o1", "o3"}}});
    CHECK_STATUS(both, 200);
    QCOMPARE(votesOf(both.data()["poll"], "o1"), 1);
    QCOMPARE(votesOf(both.data()["poll"], "o3"), 1);

    const json text = postMessage(m_alice, m_room, QStringLiteral("not a poll"));
    CHECK_ERROR(m_bob->put(votePath(m_room, qs(text["messageId"])), {{"optionIds", {"o1"}}}), 409, "CONFLICT", "");
    CHECK_ERROR(m_bob->put(votePath(m_room, QStringLiteral("m_nothing")), {{"optionIds", {"o1"}}}), 404,
                "MESSAGE_NOT_FOUND", "messageId");

    auto bob = connectWs(m_server, m_bob);
    QVERIFY(bob);
    bob->send({{"type", "poll_vote"},
               {"roomId", ss(m_room)},
               {"messageId", ss(single)},
               {"optionIds", {"o1", "o2"}},
               {"ref", "v-1"}});
    const json error = bob->waitFor([](const json &f) { return typeOf(f) == "error" && f.value("ref", "") == "v-1"; });
    QCOMPARE(qs(error["code"]), QStringLiteral("VALIDATION_FAILED"));
}

void TestPolls::closeByAuthorOrModerator()
{
    const QString id = newPoll(m_alice, m_room);
    CHECK_STATUS(m_carol->put(votePath(m_room, id), {{"optionIds", {"o2"}}}), 200);
    const QString closePath = roomPath(m_room, QStringLiteral("/messages/") + id + QStringLiteral("/poll/close"));
    CHECK_ERROR(m_bob->post(closePath), 403, "FORBIDDEN", "");
    auto bob = connectWs(m_server, m_bob);
    QVERIFY(bob);
    const RestReply closed = m_alice->post(closePath);
    CHECK_STATUS(closed, 200);
    QVERIFY(closed.data()["poll"]["closedAt"].is_string());
    QCOMPARE(qs(closed.data()["poll"]["closedBy"]), m_alice.id);
    const json live = bob->waitFor(pollUpdate(id));
    QVERIFY(live["poll"]["closedAt"].is_string());
    QCOMPARE(votesOf(live["poll"], "o2"), 1);
    const RestReply late = m_bob->put(votePath(m_room, id), {{"optionIds", {"o1"}}});
    CHECK_ERROR(late, 409, "CONFLICT", "");
    QVERIFY2(late.raw.contains("closed"), late.raw.constData());
    CHECK_ERROR(m_carol->del(votePath(m_room, id)), 409, "CONFLICT", "");

    // A moderator (here the owner) closes someone else's poll.
    const QString bobs = newPoll(m_bob, m_room);
    CHECK_STATUS(m_alice->post(roomPath(m_room, QStringLiteral("/messages/") + bobs + QStringLiteral("/poll/close"))),
                 200);
}

void TestPolls::closingTimeIsEnforced()
{
    const QString id = newPoll(m_alice, m_room, {{"closesAt", ss(isoIn(1500))}});
    QVERIFY(!id.isEmpty());
    // Whatever the first answers (a slow machine may already be past the time), votes are
    // refused once the closing time has passed, without anyone closing the poll.
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->put(votePath(m_room, id), {{"optionIds", {"o1"}}}).status == 409, 15000);
}

void TestPolls::whoMayVote()
{
    const QString id = newPoll(m_alice, m_room);
    // Muted: no vote.
    CHECK_STATUS(m_alice->patch(roomPath(m_room, QStringLiteral("/members/") + m_carol.id), {{"isMuted", true}}), 200);
    const RestReply muted = m_carol->put(votePath(m_room, id), {{"optionIds", {"o1"}}});
    CHECK_ERROR(muted, 403, "FORBIDDEN", "");
    QVERIFY2(muted.raw.contains("muted"), muted.raw.constData());
    CHECK_STATUS(m_alice->patch(roomPath(m_room, QStringLiteral("/members/") + m_carol.id), {{"isMuted", false}}), 200);
    CHECK_STATUS(m_carol->put(votePath(m_room, id), {{"optionIds", {"o1"}}}), 200);

    // Not a member: no vote.
    Account dave = makeAccount(m_server, QStringLiteral("dave"), QStringLiteral("Dave"));
    const RestReply outsider = dave->put(votePath(m_room, id), {{"optionIds", {"o1"}}});
    QVERIFY2(outsider.status == 403 || outsider.status == 404, outsider.raw.constData());

    // Announcement rooms are read-only for members: they cannot vote either.
    const json news = createRoom(m_alice, QStringLiteral("News"), QStringLiteral("announcement"));
    const QString newsId = qs(news["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(newsId, QStringLiteral("/join"))), 200);
    const QString announced = newPoll(m_alice, newsId);
    QVERIFY(!announced.isEmpty());
    CHECK_ERROR(m_bob->put(votePath(newsId, announced), {{"optionIds", {"o1"}}}), 403, "FORBIDDEN", "");
    CHECK_STATUS(m_alice->put(votePath(newsId, announced), {{"optionIds", {"o1"}}}), 200);

    // Banned: no vote.
    CHECK_STATUS(dave->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(dave->put(votePath(m_room, id), {{"optionIds", {"o2"}}}), 200);
    CHECK_STATUS(m_alice->post(roomPath(m_room, QStringLiteral("/members/") + dave.id + QStringLiteral("/ban"))), 200);
    const RestReply banned = dave->put(votePath(m_room, id), {{"optionIds", {"o1"}}});
    QVERIFY2(banned.status == 403 || banned.status == 404, banned.raw.constData());
}

void TestPolls::anonymousPollsHideVoters()
{
    const QString id = newPoll(m_alice, m_room, {{"anonymous", true}});
    auto carol = connectWs(m_server, m_carol);
    QVERIFY(carol);
    const RestReply mine = m_bob->put(votePath(m_room, id), {{"optionIds", {"o2"}}});
    CHECK_STATUS(mine, 200);
    QCOMPARE(mine.data()["poll"]["myVotes"], json::array({"o2"})); // the voter knows their own choice
    QVERIFY2(!mentionsVoters(mine.data()), dumpJson(mine.data()).constData());
    const json live = carol->waitFor(pollUpdate(id));
    QCOMPARE(votesOf(live["poll"], "o2"), 1);
    QVERIFY2(!mentionsVoters(live), dumpJson(live).constData());
    // Not in history, not to the author, not to the server admin who made the room.
    const RestReply history = m_alice->get(roomPath(m_room, QStringLiteral("/messages?limit=20")));
    CHECK_STATUS(history, 200);
    bool inHistory = false;
    const json page = history.data();
    for (const json &m : page["messages"]) {
        if (qs(m["messageId"]) != id)
            continue;
        inHistory = true;
        QCOMPARE(votesOf(m["poll"], "o2"), 1);
        QVERIFY2(!mentionsVoters(m), "history names the voters of an anonymous poll");
    }
    QVERIFY(inHistory);
    // Not in a sync replay.
    const qint64 seq = live["seq"].get<qint64>();
    carol->send({{"type", "sync"}, {"rooms", {{ss(m_room), seq - 1}}}, {"ref", "s-anon"}});
    for (json f = carol->waitFor([](const json &) { return true; }); !f.is_null() && typeOf(f) != "synced";
         f = carol->waitFor([](const json &) { return true; })) {
        if (f.value("messageId", std::string()) == ss(id) ||
            (f.contains("message") && f["message"].value("messageId", std::string()) == ss(id)))
            QVERIFY2(!mentionsVoters(f), dumpJson(f).constData());
    }
}

void TestPolls::syncAfterBeingAwayGivesFinalCounts()
{
    const json room = createRoom(m_alice, QStringLiteral("Away"), QStringLiteral("public"));
    const QString roomId = qs(room["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_carol->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    auto bob = connectWs(m_server, m_bob);
    QVERIFY(bob);
    const QString id = newPoll(m_alice, roomId);
    const json created = bob->waitFor(ofTypeInRoom("new_message", roomId));
    QVERIFY(!created.is_null());
    const qint64 lastSeq = created["seq"].get<qint64>();
    CHECK_STATUS(m_bob->put(votePath(roomId, id), {{"optionIds", {"o1"}}}), 200);
    bob->waitFor(pollUpdate(id));
    bob->close();

    // While bob is away: carol votes, alice votes and changes, then closes.
    CHECK_STATUS(m_carol->put(votePath(roomId, id), {{"optionIds", {"o2"}}}), 200);
    CHECK_STATUS(m_alice->put(votePath(roomId, id), {{"optionIds", {"o3"}}}), 200);
    CHECK_STATUS(m_alice->put(votePath(roomId, id), {{"optionIds", {"o2"}}}), 200);
    CHECK_STATUS(m_alice->post(roomPath(roomId, QStringLiteral("/messages/") + id + QStringLiteral("/poll/close"))),
                 200);

    bob = connectWs(m_server, m_bob);
    QVERIFY(bob);
    bob->send({{"type", "sync"}, {"rooms", {{ss(roomId), lastSeq}}}, {"ref", "s-1"}});
    std::vector<json> replayed;
    for (json f = bob->waitFor([](const json &) { return true; }); !f.is_null() && typeOf(f) != "synced";
         f = bob->waitFor([](const json &) { return true; })) {
        if (typeOf(f) == "poll_updated")
            replayed.push_back(f);
    }
    // One event per change, gap-free seqs, each carrying the final state.
    QCOMPARE(int(replayed.size()), 5);
    for (size_t i = 0; i < replayed.size(); ++i)
        QCOMPARE(replayed[i]["seq"].get<qint64>(), lastSeq + 1 + qint64(i));
    const json last = replayed.back()["poll"];
    QCOMPARE(votesOf(last, "o1"), 1);
    QCOMPARE(votesOf(last, "o2"), 2);
    QCOMPARE(votesOf(last, "o3"), 0);
    QCOMPARE(last["voterCount"].get<int>(), 3);
    QVERIFY(last["closedAt"].is_string());
    QCOMPARE(last["myVotes"], json::array({"o1"}));
}

void TestPolls::twoClientsVoteAtOnce()
{
    const QString id = newPoll(m_alice, m_room, {{"multipleChoice", true}});
    auto bob = connectWs(m_server, m_bob);
    auto carol = connectWs(m_server, m_carol);
    auto alice = connectWs(m_server, m_alice);
    QVERIFY(bob && carol && alice);
    // Both frames leave before either answer arrives.
    bob->send({{"type", "poll_vote"}, {"roomId", ss(m_room)}, {"messageId", ss(id)}, {"optionIds", {"o1", "o2"}}});
    carol->send({{"type", "poll_vote"}, {"roomId", ss(m_room)}, {"messageId", ss(id)}, {"optionIds", {"o1"}}});
    const json first = alice->waitFor(pollUpdate(id));
    const json second = alice->waitFor([&](const json &f) { return pollUpdate(id)(f) && f["seq"] != first["seq"]; });
    QVERIFY(!first.is_null() && !second.is_null());
    QCOMPARE(second["seq"].get<qint64>(), first["seq"].get<qint64>() + 1);
    QCOMPARE(votesOf(second["poll"], "o1"), 2);
    QCOMPARE(votesOf(second["poll"], "o2"), 1);
    QCOMPARE(second["poll"]["voterCount"].get<int>(), 2);
    const json stored = m_alice->get(roomPath(m_room, QStringLiteral("/messages?limit=3"))).data();
    for (const json &m : stored["messages"]) {
        if (qs(m["messageId"]) == id)
            QCOMPARE(votesOf(m["poll"], "o1"), 2);
    }
}

QTEST_GUILESS_MAIN(TestPolls)
#include "tst_polls.moc"
