// SPDX-License-Identifier: GPL-3.0-or-later
// The long-poll and Server-Sent-Events fallback (GET /v1/events) against a real confab-server:
// it carries what the WebSocket carries, times out with an empty list, resumes by cursor and by
// Last-Event-ID without losing or repeating an event, ends a revoked token's request at once,
// and refuses a bad cursor naming it.

#include "apitestutil.h"
#include "eventstreamclient.h"

#include "core/eventcursor.h"

#include <QNetworkReply>

using namespace confab::test;

namespace {
std::vector<json> eventsOf(const RestReply &r)
{
    return r.ok() ? r.data().value("events", json::array()).get<std::vector<json>>() : std::vector<json>{};
}
QByteArray cursorOf(const RestReply &r)
{
    return r.ok() ? QByteArray::fromStdString(r.data().value("cursor", std::string())) : QByteArray();
}

// The contents of the new_message events of a room, in order.
QStringList contentsIn(const std::vector<json> &events, const QString &roomId)
{
    QStringList out;
    for (const json &e : events) {
        if (e.value("type", std::string()) == "new_message" && qs(e["message"]["roomId"]) == roomId)
            out << qs(e["message"]["content"]);
    }
    return out;
}
} // namespace

class TestEventStreams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noCursorStartsFromNow();
    void longPollDeliversWhatTheWebSocketCarries();
    void longPollTimesOutWithAnEmptyList();
    void resumesByCursorAfterMissedEvents();
    void aLostAnswerIsReplayedNotLost();
    void tooFarBehindGetsSyncGap();
    void serverSentEventsDeliverAndResumeByLastEventId();
    void aLongPollerCountsAsOnline();
    void typingOverRestReachesPollers();
    void badCursorIsRefusedNamingIt();
    void badTimeoutIsRefusedNamingIt();
    void revokedTokenEndsAHeldPollAtOnce();
    void revokedTokenEndsAStreamAtOnce();
    void shutdownEndsHeldRequestsCleanly(); // last: stops the server

private:
    // A cursor from now for `a` (GET /v1/events without one answers at once).
    QByteArray cursorNow(const Account &a);

    TestServer m_server;
    Account m_alice;
    Account m_bob;
    QString m_room;
};

void TestEventStreams::initTestCase()
{
    QStringList args = TestServer::relaxedArgs();
    args << QStringLiteral("--sync-replay-max") << QStringLiteral("20") << QStringLiteral("--typing-timeout-ms")
         << QStringLiteral("5000");
    QVERIFY(m_server.start(args));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    m_bob = makeAccount(m_server, QStringLiteral("bob"), QStringLiteral("Bob"));
    QVERIFY(!m_alice.id.isEmpty() && !m_bob.id.isEmpty());
    const json room = createRoom(m_alice, QStringLiteral("Lobby"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    m_room = qs(room["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(m_room, QStringLiteral("/join"))), 200);
}

QByteArray TestEventStreams::cursorNow(const Account &a)
{
    LongPoller poller(m_server.httpUrl(), a.token());
    const RestReply r = poller.poll({});
    return r.ok() ? cursorOf(r) : QByteArray();
}

void TestEventStreams::noCursorStartsFromNow()
{
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("before the first poll")).is_object());
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    const RestReply r = poller.poll({}, 25); // answered at once, not after 25 s
    CHECK_STATUS(r, 200);
    QVERIFY2(r.data()["events"].is_array() && r.data()["events"].empty(), r.raw.constData());
    const confab::EventCursor cursor = confab::EventCursor::decode(cursorOf(r));
    // The resume point is the room's newest seq: nothing from before is replayed.
    QVERIFY(cursor.rooms.count(m_room) == 1);
    QVERIFY(cursor.rooms.at(m_room) > 0);
}

void TestEventStreams::longPollDeliversWhatTheWebSocketCarries()
{
    const QByteArray cursor = cursorNow(m_bob);
    QVERIFY(!cursor.isEmpty());
    auto ws = connectWs(m_server, m_bob);
    QVERIFY(ws);
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    QNetworkReply *held = poller.start(cursor, 25);
    QVERIFY(!held->isFinished());
    const json sent = postMessage(m_alice, m_room, QStringLiteral("over the long-poll"));
    QVERIFY(sent.is_object());
    const RestReply r = LongPoller::finish(held);
    CHECK_STATUS(r, 200);
    const std::vector<json> events = eventsOf(r);
    QCOMPARE(contentsIn(events, m_room), QStringList{QStringLiteral("over the long-poll")});
    // The very frame the WebSocket got.
    const json wsFrame = ws->waitFor(ofTypeInRoom("new_message", m_room));
    QVERIFY(wsFrame.is_object());
    QCOMPARE(dumpJson(events.front()), dumpJson(wsFrame));
    QCOMPARE(events.front()["seq"], sent["seq"]);
    QVERIFY(cursorOf(r) != cursor);
}

void TestEventStreams::longPollTimesOutWithAnEmptyList()
{
    const QByteArray cursor = cursorNow(m_bob);
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    const RestReply r = poller.poll(cursor, 1);
    CHECK_STATUS(r, 200);
    QVERIFY2(r.data()["events"].is_array() && r.data()["events"].empty(), r.raw.constData());
    const confab::EventCursor before = confab::EventCursor::decode(cursor);
    const confab::EventCursor after = confab::EventCursor::decode(cursorOf(r));
    QCOMPARE(after.rooms, before.rooms); // nothing happened, nothing moved
}

void TestEventStreams::resumesByCursorAfterMissedEvents()
{
    const QByteArray cursor = cursorNow(m_bob);
    // No request held while these happen.
    for (int i = 1; i <= 3; ++i)
        QVERIFY(postMessage(m_alice, m_room, QStringLiteral("missed %1").arg(i)).is_object());
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    const RestReply r = poller.poll(cursor, 25);
    CHECK_STATUS(r, 200);
    QCOMPARE(contentsIn(eventsOf(r), m_room),
             (QStringList{QStringLiteral("missed 1"), QStringLiteral("missed 2"), QStringLiteral("missed 3")}));
    // Resuming from the answer's cursor repeats none of them.
    const RestReply again = poller.poll(cursorOf(r), 1);
    CHECK_STATUS(again, 200);
    QVERIFY2(eventsOf(again).empty(), again.raw.constData());
}

void TestEventStreams::aLostAnswerIsReplayedNotLost()
{
    const QByteArray cursor = cursorNow(m_bob);
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("answer lost")).is_object());
    const RestReply first = poller.poll(cursor, 25);
    QCOMPARE(contentsIn(eventsOf(first), m_room), QStringList{QStringLiteral("answer lost")});
    // The client never saw that answer and asks again from the old cursor: replayed from the log.
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("after it")).is_object());
    const RestReply retry = poller.poll(cursor, 25);
    CHECK_STATUS(retry, 200);
    QCOMPARE(contentsIn(eventsOf(retry), m_room),
             (QStringList{QStringLiteral("answer lost"), QStringLiteral("after it")}));
    // A cursor built from a WebSocket client's sync map (no stream) resumes the same way.
    confab::EventCursor fromSync;
    fromSync.rooms[m_room] = confab::EventCursor::decode(cursor).rooms.at(m_room);
    const RestReply switched = poller.poll(fromSync.encode(), 25);
    QCOMPARE(contentsIn(eventsOf(switched), m_room),
             (QStringList{QStringLiteral("answer lost"), QStringLiteral("after it")}));
}

void TestEventStreams::tooFarBehindGetsSyncGap()
{
    const QByteArray cursor = cursorNow(m_bob);
    json last;
    for (int i = 0; i < 25; ++i) // more than --sync-replay-max 20
        last = postMessage(m_alice, m_room, QStringLiteral("flood %1").arg(i));
    QVERIFY(last.is_object());
    confab::EventCursor fromSync; // not the stream's: a replay from the event log
    fromSync.rooms[m_room] = confab::EventCursor::decode(cursor).rooms.at(m_room);
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    const RestReply r = poller.poll(fromSync.encode(), 25);
    CHECK_STATUS(r, 200);
    const std::vector<json> events = eventsOf(r);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events.front().value("type", std::string()), std::string("sync_gap"));
    QCOMPARE(events.front()["latestSeq"], last["seq"]);
    QCOMPARE(confab::EventCursor::decode(cursorOf(r)).rooms.at(m_room), last["seq"].get<qint64>());
}

void TestEventStreams::serverSentEventsDeliverAndResumeByLastEventId()
{
    SseClient sse;
    QVERIFY(sse.open(m_server.httpUrl(), m_bob.token()));
    QCOMPARE(sse.status(), 200);
    QVERIFY2(sse.head().toLower().contains("content-type: text/event-stream"), sse.head().constData());
    QVERIFY(!sse.initialId().isEmpty());
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("streamed")).is_object());
    const auto first = sse.waitFor([](const SseClient::Event &e) { return e.event == "new_message"; });
    QCOMPARE(first.event, QByteArray("new_message"));
    QCOMPARE(qs(json::parse(first.data.toStdString())["message"]["content"]), QStringLiteral("streamed"));
    QVERIFY(!first.id.isEmpty());
    sse.close();

    // Missed while disconnected; the reconnect names the last event it saw.
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("while away 1")).is_object());
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("while away 2")).is_object());
    SseClient resumed;
    QVERIFY(resumed.open(m_server.httpUrl(), m_bob.token(), first.id));
    QStringList got;
    for (int i = 0; i < 2; ++i) {
        const auto e = resumed.waitFor([](const SseClient::Event &ev) { return ev.event == "new_message"; });
        QVERIFY2(!e.data.isEmpty(), "an event missed while disconnected did not come");
        got << qs(json::parse(e.data.toStdString())["message"]["content"]);
    }
    QCOMPARE(got, (QStringList{QStringLiteral("while away 1"), QStringLiteral("while away 2")}));
    // "streamed" is not repeated: the next event is a new one.
    QVERIFY(postMessage(m_alice, m_room, QStringLiteral("live again")).is_object());
    const auto next = resumed.waitFor([](const SseClient::Event &ev) { return ev.event == "new_message"; });
    QCOMPARE(qs(json::parse(next.data.toStdString())["message"]["content"]), QStringLiteral("live again"));
}

void TestEventStreams::aLongPollerCountsAsOnline()
{
    Account erin = makeAccount(m_server, QStringLiteral("erin"), QStringLiteral("Erin"));
    QVERIFY(!erin.id.isEmpty());
    CHECK_STATUS(erin->post(roomPath(m_room, QStringLiteral("/join"))),
                 200); // presence is shown to people sharing a room
    auto presenceOfErin = [&] {
        const RestReply r = m_alice->get(QStringLiteral("/v1/presence?userIds=") + erin.id);
        return r.ok() && !r.data()["presence"].empty() ? qs(r.data()["presence"][0]["status"]) : QString();
    };
    QCOMPARE(presenceOfErin(), QStringLiteral("offline"));
    LongPoller poller(m_server.httpUrl(), erin.token());
    const QByteArray cursor = cursorOf(poller.poll({}));
    QNetworkReply *held = poller.start(cursor, 25);
    QCOMPARE(presenceOfErin(), QStringLiteral("online"));
    held->abort();
}

void TestEventStreams::typingOverRestReachesPollers()
{
    const QByteArray cursor = cursorNow(m_bob);
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    QNetworkReply *held = poller.start(cursor, 25);
    CHECK_STATUS(m_alice->post(roomPath(m_room, QStringLiteral("/typing")), {{"isTyping", true}}), 200);
    const RestReply r = LongPoller::finish(held);
    const std::vector<json> events = eventsOf(r);
    QVERIFY2(!events.empty(), r.raw.constData());
    QCOMPARE(events.front().value("type", std::string()), std::string("typing_indicator"));
    QCOMPARE(qs(events.front()["userId"]), m_alice.id);
    QCOMPARE(events.front()["isTyping"], json(true));
    // Not in the room: refused like the WebSocket's typing_start.
    Account stranger = makeAccount(m_server, QStringLiteral("stranger"));
    CHECK_ERROR(stranger->post(roomPath(m_room, QStringLiteral("/typing")), json::object()), 404, "ROOM_NOT_FOUND",
                "roomId");
}

void TestEventStreams::badCursorIsRefusedNamingIt()
{
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    for (const QByteArray &bad : {QByteArray("!!not-base64!!"), QByteArray("bm90IGpzb24"), // "not json"
                                  QByteArray(R"({"x":{}})").toBase64(QByteArray::Base64UrlEncoding)}) {
        const RestReply r = poller.poll(bad, 1);
        CHECK_ERROR(r, 400, "BAD_REQUEST", "cursor");
        QVERIFY2(r.body["error"].value("message", std::string()).find("cursor") != std::string::npos,
                 r.raw.constData());
    }
    // A room's seq must be a whole number.
    const QByteArray wrongSeq =
        QByteArray(R"({"r":{"room":"ten"}})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    CHECK_ERROR(poller.poll(wrongSeq, 1), 400, "BAD_REQUEST", "cursor");
}

void TestEventStreams::badTimeoutIsRefusedNamingIt()
{
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    CHECK_ERROR(poller.poll(cursorNow(m_bob), 61), 422, "VALIDATION_FAILED", "timeout");
    // And without a token: 401 on the head alone.
    LongPoller anonymous(m_server.httpUrl(), QString());
    CHECK_STATUS(anonymous.poll({}), 401);
}

void TestEventStreams::revokedTokenEndsAHeldPollAtOnce()
{
    RestClient second(m_server.httpUrl()); // another sign-in of bob: its own token
    QVERIFY(second.signUp(QStringLiteral("bob")).is_object());
    LongPoller poller(m_server.httpUrl(), second.token());
    const QByteArray cursor = cursorOf(poller.poll({}));
    QNetworkReply *held = poller.start(cursor, 60);
    QVERIFY(!held->isFinished());
    // Bob's first token keeps polling: only the signed-out token's request ends.
    LongPoller other(m_server.httpUrl(), m_bob.token());
    QNetworkReply *otherHeld = other.start(cursorNow(m_bob), 60);
    CHECK_STATUS(second.post(QStringLiteral("/v1/auth/logout")), 200);
    // Well before its 60 s: revocation ends it.
    const RestReply r = LongPoller::finish(held, 20000);
    CHECK_ERROR(r, 401, "UNAUTHORIZED", "");
    QVERIFY(!otherHeld->isFinished());
    otherHeld->abort();
    // And it cannot come back with that token.
    CHECK_STATUS(poller.poll(cursor, 1), 401);
}

void TestEventStreams::revokedTokenEndsAStreamAtOnce()
{
    RestClient second(m_server.httpUrl());
    QVERIFY(second.signUp(QStringLiteral("bob")).is_object());
    SseClient sse;
    QVERIFY(sse.open(m_server.httpUrl(), second.token()));
    QCOMPARE(sse.status(), 200);
    CHECK_STATUS(second.post(QStringLiteral("/v1/auth/logout")), 200);
    const auto error = sse.waitFor([](const SseClient::Event &e) { return e.event == "error"; });
    QCOMPARE(error.event, QByteArray("error"));
    QCOMPARE(qs(json::parse(error.data.toStdString())["code"]), QStringLiteral("UNAUTHORIZED"));
    QVERIFY(sse.waitClosed());
}

void TestEventStreams::shutdownEndsHeldRequestsCleanly()
{
    SseClient sse;
    QVERIFY(sse.open(m_server.httpUrl(), m_bob.token()));
    // A cursor without a stream makes a new one, and the server logs it as the poll is held.
    const auto opened = [this] { return m_server.output().count("event stream"); };
    const qsizetype before = opened();
    confab::EventCursor fresh;
    fresh.rooms[m_room] = confab::EventCursor::decode(cursorNow(m_bob)).rooms.at(m_room);
    QTRY_VERIFY(opened() > before); // cursorNow's own stream
    const qsizetype beforeHeld = opened();
    LongPoller poller(m_server.httpUrl(), m_bob.token());
    QNetworkReply *held = poller.start(fresh.encode(), 60);
    QTRY_VERIFY(opened() > beforeHeld);
    QVERIFY(!held->isFinished());
    QVERIFY(m_server.stop()); // SIGTERM: a clean exit, with a request held and a stream open
    const RestReply r = LongPoller::finish(held, 15000);
    QVERIFY2(r.status == 200, m_server.output().right(2000).constData()); // answered with what it had, not cut off
    QVERIFY(r.data()["cursor"].is_string());
    QVERIFY(sse.waitClosed());
    // The sanitizers found nothing in the server either.
    QVERIFY2(!m_server.output().contains("Sanitizer") && !m_server.output().contains("runtime error"),
             m_server.output().right(3000).constData());
}

QTEST_GUILESS_MAIN(TestEventStreams)
#include "tst_eventstreams.moc"
