// SPDX-License-Identifier: GPL-3.0-or-later
// The assistant (issue 16) against a real confab-server and a stand-in OpenAI-compatible model
// server (FakeModelServer) on 127.0.0.1: triggers and permissions, streaming to two clients,
// a client reconnecting mid-answer, the server killed mid-answer, the model misbehaving,
// cancel, retry, limits, /v1/chat/ai/ask, the key never shown, and no model configured.

#include "apitestutil.h"
#include "fakemodelserver.h"

#include <QFile>

using namespace confab::test;

namespace {

const QString kKey = QStringLiteral("sk-test-SECRET-4242");

std::string typeOf(const json &f) { return f.value("type", std::string()); }
std::string str(const json &j, const char *key) { return j.value(key, std::string()); }

// The ai_response frame answering this question.
auto answerTo(const QString &questionId)
{
    const std::string id = ss(questionId);
    return [id](const json &f) { return typeOf(f) == "ai_response" && str(f["message"], "replyTo") == id; };
}

// This answer's deltas and its final message_updated, in order.
auto deltaOrEnd(const std::string &answerId)
{
    return [answerId](const json &f) {
        if (typeOf(f) == "ai_delta")
            return str(f, "messageId") == answerId;
        return typeOf(f) == "message_updated" && str(f["message"], "messageId") == answerId &&
               f["message"]["ai"].value("state", std::string()) != "streaming";
    };
}

struct Streamed {
    QString text;          // the deltas, concatenated
    json final;            // the message of the final message_updated
    bool offsetsOk = true; // every delta's offset was the text's length in code points
};

// Reads deltas until the answer ends. With `knownText` the reader already had that much.
Streamed readStream(WsClient &ws, const std::string &answerId, const QString &knownText = {}, int timeoutMs = 15000)
{
    Streamed s;
    s.text = knownText;
    for (;;) {
        const json f = ws.waitFor(deltaOrEnd(answerId), timeoutMs);
        if (f.is_null())
            return s;
        if (typeOf(f) == "message_updated") {
            s.final = f["message"];
            return s;
        }
        const qint64 offset = f["offset"].get<qint64>();
        const QString piece = qs(f["text"]);
        const qint64 have = s.text.toUcs4().size();
        if (offset > have) {
            s.offsetsOk = false; // a gap: a real client fetches the message here
            return s;
        }
        // A delta the reader already had (it reconnected and read a checkpoint): keep the new part.
        const QList<uint> all = (s.text.toUcs4().mid(0, offset) + piece.toUcs4());
        s.text = QString::fromUcs4(reinterpret_cast<const char32_t *>(all.constData()), all.size());
    }
}

// The message's content as history shows it (the last checkpoint while it streams), or null.
std::optional<QString> historyContent(const Account &reader, const QString &roomId, const QString &messageId)
{
    const RestReply page = reader->get(roomPath(roomId, QStringLiteral("/messages?limit=5")));
    const json messages = page.data()["messages"];
    for (const json &m : messages) {
        if (qs(m["messageId"]) == messageId)
            return qs(m["content"]);
    }
    return std::nullopt;
}

} // namespace

class TestAssistant : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void streamsToTwoClientsWithTheWholeContext();
    void triggersAndRoomsWithoutTheAssistant();
    void misbehavingModelsEndInAVisibleState_data();
    void misbehavingModelsEndInAVisibleState();
    void cancelByAskerOrModeratorOnly();
    void retryAfterAnError();
    void clientReconnectingMidAnswerEndsWithTheSameText();
    void serverKilledMidAnswerEndsAsInterrupted();
    void askEndpointWithSourcesAndLimits();
    void limitsAreCheckedBeforeTheModel();
    void keyNeverInLogsOrAnswers();
    void withoutAModelTheAssistantSaysHowToTurnItOn();
    void summarizeReadsTheAskersUnreadMessages();
    void deletingAStreamingAnswerStopsIt();
    void dailyQuotasSurviveARestart();

private:
    QStringList serverArgs(const QStringList &extra = {}) const;
    // Posts `content` as alice in the AI room and returns the answer's id from alice's socket.
    QString askAndGetAnswerId(const QString &content, QString *questionId = nullptr);
    // SIGKILL and start again on the same data; alice and bob sign in again, alice's socket too.
    void killAndRestartServer();

    FakeModelServer m_model;
    QTemporaryDir m_keyDir;
    QString m_keyFile;
    TestServer m_server;
    Account m_alice; // owner of both rooms
    Account m_bob;   // a plain member
    QString m_room;  // enableAI on
    QString m_quiet; // enableAI off
    std::unique_ptr<WsClient> m_wsAlice;
};

QStringList TestAssistant::serverArgs(const QStringList &extra) const
{
    QStringList args = TestServer::relaxedArgs();
    args << QStringLiteral("--assistant-url") << m_model.baseUrl() << QStringLiteral("--assistant-model")
         << QStringLiteral("test-model") << QStringLiteral("--assistant-key-file") << m_keyFile
         << QStringLiteral("--assistant-timeout") << QStringLiteral("1")
         << QStringLiteral("--assistant-user-per-minute") << QStringLiteral("0")
         << QStringLiteral("--assistant-room-per-minute") << QStringLiteral("0");
    return args + extra;
}

void TestAssistant::initTestCase()
{
    QVERIFY(m_model.listen());
    QVERIFY(m_keyDir.isValid());
    m_keyFile = m_keyDir.filePath(QStringLiteral("key"));
    QFile key(m_keyFile);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(kKey.toUtf8() + '\n');
    key.close();
    QVERIFY(m_server.start(serverArgs()));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    m_bob = makeAccount(m_server, QStringLiteral("bob"), QStringLiteral("Bob"));
    QVERIFY(!m_alice.id.isEmpty() && !m_bob.id.isEmpty());
    const json room = createRoom(m_alice, QStringLiteral("Lab"), QStringLiteral("public"), {},
                                 json{{"settings", {{"enableAI", true}}}});
    const json quiet = createRoom(m_alice, QStringLiteral("Quiet"), QStringLiteral("public"));
    QVERIFY(room.is_object() && quiet.is_object());
    m_room = qs(room["roomId"]);
    m_quiet = qs(quiet["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(m_room, QStringLiteral("/join"))), 200);
    CHECK_STATUS(m_bob->post(roomPath(m_quiet, QStringLiteral("/join"))), 200);
    m_wsAlice = connectWs(m_server, m_alice);
    QVERIFY(m_wsAlice);
}

void TestAssistant::init()
{
    m_model.setBehaviour(FakeModelServer::Behaviour::Normal);
    m_model.setReply({QStringLiteral("Hello"), QStringLiteral(" from"), QStringLiteral(" the model.")});
    m_model.setPieceIntervalMs(10);
    m_model.holdAfter(0);
    if (m_wsAlice)
        m_wsAlice->clear();
}

QString TestAssistant::askAndGetAnswerId(const QString &content, QString *questionId)
{
    const json q = postMessage(m_alice, m_room, content);
    if (!q.is_object())
        return {};
    if (questionId)
        *questionId = qs(q["messageId"]);
    const json created = m_wsAlice->waitFor(answerTo(qs(q["messageId"])), 10000);
    return created.is_null() ? QString() : qs(created["message"]["messageId"]);
}

void TestAssistant::streamsToTwoClientsWithTheWholeContext()
{
    m_model.setReply({QStringLiteral("Bob "), QStringLiteral("thinks Thurs"), QStringLiteral("day wörks 🚀"),
                      QStringLiteral(", and Alice asked."), QStringLiteral(" Done.")});
    m_model.setPieceIntervalMs(60); // several delta batches
    auto wsBob = connectWs(m_server, m_bob);
    QVERIFY(wsBob);
    QVERIFY(postMessage(m_bob, m_room, QStringLiteral("I think Thursday works")).is_object());
    const int requestsBefore = int(m_model.requests().size());
    const json q = postMessage(m_alice, m_room, QStringLiteral("@AI: summarize"));
    QVERIFY(q.is_object());

    const json createdA = m_wsAlice->waitFor(answerTo(qs(q["messageId"])), 10000);
    const json createdB = wsBob->waitFor(answerTo(qs(q["messageId"])), 10000);
    QVERIFY2(createdA.is_object() && createdB.is_object(), "both members get ai_response");
    const json answer = createdA["message"];
    QCOMPARE(str(answer, "type"), std::string("ai_response"));
    QCOMPARE(str(answer["ai"], "state"), std::string("streaming"));
    QCOMPARE(str(answer["ai"], "askedBy"), ss(m_alice.id));
    QCOMPARE(str(answer["ai"], "model"), std::string("test-model"));
    QCOMPARE(str(answer, "authorName"), std::string("Assistant"));
    QVERIFY(answer["seq"].get<qint64>() > q["seq"].get<qint64>());
    const std::string id = str(answer, "messageId");

    const Streamed a = readStream(*m_wsAlice, id);
    const Streamed b = readStream(*wsBob, id);
    QVERIFY(a.offsetsOk && b.offsetsOk);
    // Bob's one message is all alice has not read: too few, so the last messages, as the first line says.
    const QString text =
        QStringLiteral("Only 1 message unread: summary of the last message.\n\n") + m_model.replyText();
    QCOMPARE(a.text, text);
    QCOMPARE(b.text, text);
    QCOMPARE(qs(a.final["content"]), text);
    QCOMPARE(str(a.final["ai"], "state"), std::string("done"));
    QCOMPARE(a.final["ai"].value("tokensIn", 0), 42); // the model's usage
    QCOMPARE(a.final["ai"].value("tokensOut", 0), 5);

    // What the model was sent: the key, streaming, and the room with authors' names.
    QCOMPARE(int(m_model.requests().size()), requestsBefore + 1);
    const auto &req = m_model.requests().back();
    QCOMPARE(req.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(req.authorization, "Bearer " + kKey.toUtf8());
    QCOMPARE(req.body.value("stream", false), true);
    QCOMPARE(str(req.body, "model"), std::string("test-model"));
    const std::string prompt = req.body["messages"].dump();
    QVERIFY2(prompt.find("Bob: I think Thursday works") != std::string::npos, prompt.c_str());
    QVERIFY2(prompt.find("Summarize") != std::string::npos, prompt.c_str());

    // History and the single-message GET have the final text too.
    const RestReply one = m_bob->get(roomPath(m_room, QStringLiteral("/messages/") + qs(answer["messageId"])));
    CHECK_STATUS(one, 200);
    QCOMPARE(qs(one.data()["content"]), text);
    QCOMPARE(str(one.data()["ai"], "state"), std::string("done"));
}

void TestAssistant::triggersAndRoomsWithoutTheAssistant()
{
    auto wsBob = connectWs(m_server, m_bob);
    QVERIFY(wsBob);
    const int requestsBefore = int(m_model.requests().size());
    // Not a trigger: the mention must come first and be a whole word.
    for (const char *text : {"hey @ai what now", "@aide is on leave", "email me at x@ai.org"})
        QVERIFY(postMessage(m_bob, m_room, QString::fromUtf8(text)).is_object());
    QVERIFY(m_wsAlice->noneOfType("ai_response", 500));
    QCOMPARE(int(m_model.requests().size()), requestsBefore);

    // A room without enableAI: nothing is posted, the sender is told once, and only the sender.
    QVERIFY(postMessage(m_bob, m_quiet, QStringLiteral("@assistant translate: French")).is_object());
    const json notice = wsBob->waitFor(
        [](const json &f) { return typeOf(f) == "error" && f.value("field", std::string()) == "enableAI"; });
    QVERIFY2(notice.is_object(), "the sender is told why");
    QCOMPARE(str(notice, "code"), std::string("FORBIDDEN"));
    QVERIFY(notice["ref"].is_null());
    QVERIFY(postMessage(m_bob, m_quiet, QStringLiteral("@ai again?")).is_object());
    QVERIFY2(wsBob->noneOfType("error", 500), "told once only");
    QVERIFY(m_wsAlice->noneOfType("error", 100));
    QVERIFY(m_wsAlice->noneOfType("ai_response", 100));
    QCOMPARE(int(m_model.requests().size()), requestsBefore);

    // @assistant with translate: the replied-to message is what gets translated.
    const json original = postMessage(m_bob, m_room, QStringLiteral("Good morning everyone"));
    QVERIFY(original.is_object());
    const json q = postMessage(m_alice, m_room, QStringLiteral("@Assistant translate: Spanish"),
                               json{{"replyTo", original["messageId"]}});
    QVERIFY(q.is_object());
    const json created = m_wsAlice->waitFor(answerTo(qs(q["messageId"])), 10000);
    QVERIFY(created.is_object());
    const Streamed s = readStream(*m_wsAlice, str(created["message"], "messageId"));
    QCOMPARE(str(s.final["ai"], "state"), std::string("done"));
    const std::string prompt = m_model.requests().back().body["messages"].dump();
    QVERIFY2(prompt.find("into Spanish") != std::string::npos &&
                 prompt.find("Good morning everyone") != std::string::npos,
             prompt.c_str());
}

void TestAssistant::misbehavingModelsEndInAVisibleState_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("content"); // what the answer keeps
    QTest::addColumn<QString>("inMessage");
    using B = FakeModelServer::Behaviour;
    const QString all = QStringLiteral("Hello from the model.");
    QTest::newRow("split chunks") << int(B::SplitChunks) << "done"
                                  << "" << all << "";
    QTest::newRow("no [DONE]") << int(B::NoDone) << "done"
                               << "" << all << "";
    QTest::newRow("reasoning and null content") << int(B::Reasoning) << "done"
                                                << "" << all << "";
    QTest::newRow("stall") << int(B::Stall) << "error"
                           << "MODEL_STALLED"
                           << "Hello"
                           << "nothing for 1 seconds";
    QTest::newRow("429") << int(B::TooManyRequests) << "error"
                         << "MODEL_ERROR"
                         << ""
                         << "Rate limit reached";
    QTest::newRow("500 JSON") << int(B::ServerError) << "error"
                              << "MODEL_ERROR"
                              << ""
                              << "out of memory";
    QTest::newRow("closed mid-stream") << int(B::CloseMidStream) << "error"
                                       << "MODEL_ERROR"
                                       << "Hello from"
                                       << "broke off";
}

void TestAssistant::misbehavingModelsEndInAVisibleState()
{
    QFETCH(int, behaviour);
    QFETCH(QString, state);
    QFETCH(QString, code);
    QFETCH(QString, content);
    QFETCH(QString, inMessage);
    m_model.setReply({QStringLiteral("Hello"), QStringLiteral(" from"), QStringLiteral(" the model.")});
    if (behaviour == int(FakeModelServer::Behaviour::SplitChunks))
        m_model.setReply({QStringLiteral("Hel"), QStringLiteral("lo from"), QStringLiteral(" the model.")});
    m_model.setBehaviour(FakeModelServer::Behaviour(behaviour));
    const QString id = askAndGetAnswerId(QStringLiteral("@ai what is new?"));
    QVERIFY(!id.isEmpty());
    const Streamed s = readStream(*m_wsAlice, ss(id));
    QVERIFY2(s.final.is_object(), "the answer ends");
    QCOMPARE(qs(s.final["ai"]["state"]), state);
    QCOMPARE(qs(s.final["content"]), content);
    QCOMPARE(s.text, content);
    if (!code.isEmpty()) {
        QCOMPARE(qs(s.final["ai"]["error"]["code"]), code);
        QVERIFY2(qs(s.final["ai"]["error"]["message"]).contains(inMessage), s.final.dump().c_str());
    } else {
        QVERIFY(!s.final["ai"].contains("error"));
    }
}

void TestAssistant::cancelByAskerOrModeratorOnly()
{
    m_model.holdAfter(1);
    const QString id = askAndGetAnswerId(QStringLiteral("@ai tell me a long story"));
    QVERIFY(!id.isEmpty());
    const QString cancel = roomPath(m_room, QStringLiteral("/messages/") + id + QStringLiteral("/ai/cancel"));
    CHECK_ERROR(m_bob->post(cancel), 403, "FORBIDDEN", "");
    // The text so far is there before the cancel.
    QVERIFY(QTest::qWaitFor([&] {
        return qs(m_alice->get(roomPath(m_room, QStringLiteral("/messages/") + id)).data()["content"]) ==
               QStringLiteral("Hello");
    }));
    const RestReply r = m_alice->post(cancel);
    CHECK_STATUS(r, 200);
    QCOMPARE(str(r.data()["ai"], "state"), std::string("cancelled"));
    QCOMPARE(qs(r.data()["content"]), QStringLiteral("Hello"));
    const Streamed s = readStream(*m_wsAlice, ss(id));
    QCOMPARE(str(s.final["ai"], "state"), std::string("cancelled"));
    CHECK_ERROR(m_alice->post(cancel), 409, "CONFLICT", "");
    m_model.release();
    // Another question now streams: the room is free again.
    m_model.holdAfter(0);
    const QString next = askAndGetAnswerId(QStringLiteral("@ai and now?"));
    QVERIFY(!next.isEmpty());
    QCOMPARE(str(readStream(*m_wsAlice, ss(next)).final["ai"], "state"), std::string("done"));
}

void TestAssistant::retryAfterAnError()
{
    m_model.setBehaviour(FakeModelServer::Behaviour::ServerError);
    QString questionId;
    const QString failed = askAndGetAnswerId(QStringLiteral("@ai why?"), &questionId);
    QVERIFY(!failed.isEmpty());
    QCOMPARE(str(readStream(*m_wsAlice, ss(failed)).final["ai"], "state"), std::string("error"));
    const QString retry = roomPath(m_room, QStringLiteral("/messages/") + failed + QStringLiteral("/ai/retry"));
    CHECK_ERROR(m_bob->post(retry), 403, "FORBIDDEN", "");
    m_model.setBehaviour(FakeModelServer::Behaviour::Normal);
    const RestReply r = m_alice->post(retry);
    CHECK_STATUS(r, 201);
    QCOMPARE(qs(r.data()["replyTo"]), questionId);
    QVERIFY(qs(r.data()["messageId"]) != failed);
    const Streamed s = readStream(*m_wsAlice, str(r.data(), "messageId"));
    QCOMPARE(str(s.final["ai"], "state"), std::string("done"));
    QCOMPARE(qs(s.final["content"]), m_model.replyText());
    // A finished answer cannot be retried; a message that is no answer is refused by name.
    CHECK_ERROR(m_alice->post(roomPath(m_room, QStringLiteral("/messages/") + qs(r.data()["messageId"]) +
                                                   QStringLiteral("/ai/retry"))),
                409, "CONFLICT", "");
    CHECK_ERROR(
        m_alice->post(roomPath(m_room, QStringLiteral("/messages/") + questionId + QStringLiteral("/ai/retry"))), 422,
        "VALIDATION_FAILED", "messageId");
}

void TestAssistant::clientReconnectingMidAnswerEndsWithTheSameText()
{
    m_model.holdAfter(2);
    auto wsBob = connectWs(m_server, m_bob);
    QVERIFY(wsBob);
    const QString id = askAndGetAnswerId(QStringLiteral("@ai summarize 10"));
    QVERIFY(!id.isEmpty());
    const json created = wsBob->waitFor(ofType("ai_response"), 10000);
    QVERIFY(created.is_object());
    const qint64 seqBefore = created["message"]["seq"].get<qint64>() - 1;
    wsBob->close();
    // While bob is away the checkpoint stores the text so far.
    const QString one = roomPath(m_room, QStringLiteral("/messages/") + id);
    QVERIFY(QTest::qWaitFor([&] { return historyContent(m_bob, m_room, id) == QStringLiteral("Hello from"); }, 10000));
    // Back: sync replays the answer with its checkpointed text; the GET has the live text.
    wsBob = connectWs(m_server, m_bob);
    QVERIFY(wsBob);
    wsBob->send(json{{"type", "sync"}, {"rooms", {{ss(m_room), seqBefore}}}});
    const json replay = wsBob->waitFor(ofType("ai_response"), 10000);
    QVERIFY(replay.is_object());
    QCOMPARE(qs(replay["message"]["content"]), QStringLiteral("Hello from"));
    QVERIFY(wsBob->waitForType("synced", 10000).is_object());
    const RestReply live = m_bob->get(one);
    CHECK_STATUS(live, 200);
    QCOMPARE(str(live.data()["ai"], "state"), std::string("streaming"));
    m_model.release();
    const Streamed s = readStream(*wsBob, ss(id), qs(live.data()["content"]));
    QVERIFY(s.offsetsOk);
    QCOMPARE(s.text, m_model.replyText());
    QCOMPARE(qs(s.final["content"]), m_model.replyText());
}

void TestAssistant::serverKilledMidAnswerEndsAsInterrupted()
{
    m_model.holdAfter(2);
    const QString id = askAndGetAnswerId(QStringLiteral("@ai explain the plan"));
    QVERIFY(!id.isEmpty());
    QVERIFY(
        QTest::qWaitFor([&] { return historyContent(m_alice, m_room, id) == QStringLiteral("Hello from"); }, 10000));
    m_server.kill();
    m_model.release();
    QVERIFY(m_server.start(serverArgs()));
    for (Account *a : {&m_alice, &m_bob}) { // new port: new clients, signed in again
        a->rest = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(a->rest->signUp(a->username).is_object());
    }
    const RestReply r = m_alice->get(roomPath(m_room, QStringLiteral("/messages/") + id));
    CHECK_STATUS(r, 200);
    QCOMPARE(str(r.data()["ai"], "state"), std::string("error"));
    QCOMPARE(str(r.data()["ai"]["error"], "code"), std::string("INTERRUPTED"));
    QCOMPARE(qs(r.data()["content"]), QStringLiteral("Hello from"));
    m_wsAlice = connectWs(m_server, m_alice);
    QVERIFY(m_wsAlice);
}

void TestAssistant::askEndpointWithSourcesAndLimits()
{
    const json context = postMessage(m_bob, m_room, QStringLiteral("The release is on Thursday"));
    QVERIFY(context.is_object());
    const RestReply r = m_alice->post(QStringLiteral("/v1/chat/ai/ask"),
                                      json{{"question", "When is the release?"}, {"roomId", ss(m_room)}});
    CHECK_STATUS(r, 200);
    QCOMPARE(qs(r.data()["response"]), m_model.replyText());
    QCOMPARE(r.data()["confidence"].get<double>(), 0.9);
    QVERIFY(r.data()["responseTime"].get<qint64>() >= 0);
    QVERIFY2(r.data()["sources"].dump().find(str(context, "messageId")) != std::string::npos, r.raw.constData());
    // Without a room: no sources; bad bodies and rooms are named.
    const RestReply bare = m_alice->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", "Hi?"}});
    CHECK_STATUS(bare, 200);
    QCOMPARE(bare.data()["sources"], json::array());
    CHECK_ERROR(m_alice->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", " "}}), 422, "VALIDATION_FAILED",
                "question");
    CHECK_ERROR(m_alice->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", "x"}, {"roomId", ss(m_quiet)}}), 403,
                "FORBIDDEN", "roomId");
    m_model.setBehaviour(FakeModelServer::Behaviour::ServerError);
    const RestReply failed = m_alice->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", "Hi?"}});
    CHECK_ERROR(failed, 503, "UNAVAILABLE", "");
    QVERIFY2(failed.raw.contains("MODEL_ERROR"), failed.raw.constData());
}

void TestAssistant::limitsAreCheckedBeforeTheModel()
{
    TestServer limited;
    QVERIFY(limited.start(serverArgs({QStringLiteral("--assistant-user-per-minute"), QStringLiteral("1")})));
    Account carol = makeAccount(limited, QStringLiteral("carol"), QStringLiteral("Carol"));
    const json room = createRoom(carol, QStringLiteral("Lab"), QStringLiteral("public"), {},
                                 json{{"settings", {{"enableAI", true}}}});
    QVERIFY(room.is_object());
    auto ws = connectWs(limited, carol);
    QVERIFY(ws);
    m_model.holdAfter(1);
    const QString roomId = qs(room["roomId"]);
    const int before = int(m_model.requests().size());
    const json first = postMessage(carol, roomId, QStringLiteral("@ai first"));
    QVERIFY(ws->waitFor(answerTo(qs(first["messageId"])), 10000).is_object());
    QVERIFY(QTest::qWaitFor([&] { return int(m_model.requests().size()) == before + 1; }, 10000));
    const int requests = before + 1;
    QVERIFY(postMessage(carol, roomId, QStringLiteral("@ai second")).is_object());
    const json refused = ws->waitFor(ofType("error"), 10000);
    QVERIFY(refused.is_object());
    QCOMPARE(str(refused, "field"), std::string("assistant"));
    QVERIFY2(str(refused, "code") == "CONFLICT" || str(refused, "code") == "RATE_LIMITED", refused.dump().c_str());
    QCOMPARE(int(m_model.requests().size()), requests); // refused before the model was called
    m_model.release();
    QVERIFY(ws->waitFor(
                  [](const json &f) {
                      return typeOf(f) == "message_updated" && str(f["message"]["ai"], "state") == "done";
                  },
                  10000)
                .is_object());
    // The room is free now, but carol's one answer a minute is used.
    QVERIFY(postMessage(carol, roomId, QStringLiteral("@ai third")).is_object());
    const json rate = ws->waitFor(ofType("error"), 10000);
    QCOMPARE(str(rate, "code"), std::string("RATE_LIMITED"));
    QVERIFY(ws->noneOfType("ai_response", 300));
    QVERIFY(metricValue(limited, "confab_assistant_refused_total") >= 2);
    QVERIFY(metricValue(limited, "confab_assistant_answers_total") >= 1);
    CHECK_ERROR(carol->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", "x"}}), 429, "RATE_LIMITED", "");
}

void TestAssistant::keyNeverInLogsOrAnswers()
{
    // A model server that echoes the key in its error text.
    m_model.setBehaviour(FakeModelServer::Behaviour::ServerError);
    m_model.setErrorMessage(QStringLiteral("invalid api key ") + kKey);
    const QString id = askAndGetAnswerId(QStringLiteral("@ai leak?"));
    QVERIFY(!id.isEmpty());
    const Streamed s = readStream(*m_wsAlice, ss(id));
    m_model.setErrorMessage(QStringLiteral("model crashed: out of memory"));
    QVERIFY(s.final.is_object());
    QVERIFY2(s.final.dump().find(ss(kKey)) == std::string::npos, s.final.dump().c_str());
    QVERIFY(qs(s.final["ai"]["error"]["message"]).contains(QStringLiteral("[redacted]")));
    const RestReply audit = m_alice->get(QStringLiteral("/v1/admin/audit"));
    QVERIFY(!audit.raw.contains(kKey.toUtf8()));
    QVERIFY(!m_alice->get(QStringLiteral("/metrics")).raw.contains(kKey.toUtf8()));
    QVERIFY2(!m_server.output().contains(kKey.toUtf8()), "the key is in the server's log");
    QVERIFY(m_server.output().contains("assistant on:")); // the log was read, and says so without the key
}

void TestAssistant::withoutAModelTheAssistantSaysHowToTurnItOn()
{
    TestServer off;
    QVERIFY(off.start(TestServer::relaxedArgs()));
    Account dave = makeAccount(off, QStringLiteral("dave"), QStringLiteral("Dave"));
    const json room =
        createRoom(dave, QStringLiteral("Lab"), QStringLiteral("public"), {}, json{{"settings", {{"enableAI", true}}}});
    QVERIFY(room.is_object());
    auto ws = connectWs(off, dave);
    QVERIFY(ws);
    const json q = postMessage(dave, qs(room["roomId"]), QStringLiteral("@ai summarize"));
    const json created = ws->waitFor(answerTo(qs(q["messageId"])), 10000);
    QVERIFY(created.is_object());
    QCOMPARE(str(created["message"]["ai"], "state"), std::string("error"));
    QCOMPARE(str(created["message"]["ai"]["error"], "code"), std::string("ASSISTANT_DISABLED"));
    QVERIFY(qs(created["message"]["content"]).contains(QStringLiteral("--assistant-url")));
    const RestReply ask = dave->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", "hi"}});
    CHECK_ERROR(ask, 503, "UNAVAILABLE", "assistant");
    QVERIFY(ask.raw.contains("--assistant-url"));
    // The assistant's account cannot sign in.
    RestClient anyone(off.httpUrl());
    const RestReply login =
        anyone.post(QStringLiteral("/v1/auth/login"), json{{"username", "assistant"}, {"password", "!"}});
    QVERIFY2(login.status == 401 || login.status == 403, login.raw.constData());
}

void TestAssistant::killAndRestartServer()
{
    m_server.kill();
    QVERIFY(m_server.start(serverArgs()));
    for (Account *a : {&m_alice, &m_bob}) { // new port: new clients, signed in again
        a->rest = std::make_unique<RestClient>(m_server.httpUrl());
        QVERIFY(a->rest->signUp(a->username).is_object());
    }
    m_wsAlice = connectWs(m_server, m_alice);
    QVERIFY(m_wsAlice);
}

// "@ai summarize" reads what the asker has not read (others' messages after their read marker),
// or the last messages when fewer than three are unread; the answer's first line says which.
void TestAssistant::summarizeReadsTheAskersUnreadMessages()
{
    const json created = createRoom(m_alice, QStringLiteral("Catch-up"), QStringLiteral("public"), {},
                                    json{{"settings", {{"enableAI", true}}}});
    QVERIFY(created.is_object());
    const QString roomId = qs(created["roomId"]);
    CHECK_STATUS(m_bob->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    QVERIFY(postMessage(m_bob, roomId, QStringLiteral("Old news: the build is green")).is_object());
    QVERIFY(postMessage(m_alice, roomId, QStringLiteral("Good, thanks")).is_object()); // alice has read up to here
    for (const char *text :
         {"Unread one: the demo moved to Friday", "Unread two: bring snacks", "Unread three: room 4B is booked"})
        QVERIFY(postMessage(m_bob, roomId, QString::fromUtf8(text)).is_object());

    const json q = postMessage(m_alice, roomId, QStringLiteral("@ai summarize"));
    QVERIFY(q.is_object());
    const json answer = m_wsAlice->waitFor(answerTo(qs(q["messageId"])), 10000);
    QVERIFY(answer.is_object());
    const Streamed s = readStream(*m_wsAlice, str(answer["message"], "messageId"));
    QCOMPARE(s.text, QStringLiteral("Summary of your 3 unread messages.\n\n") + m_model.replyText());
    const std::string prompt = m_model.requests().back().body["messages"].dump();
    QVERIFY2(prompt.find("Unread one") != std::string::npos && prompt.find("Unread three") != std::string::npos,
             prompt.c_str());
    QVERIFY2(prompt.find("Old news") == std::string::npos, prompt.c_str()); // read before: left out
    QVERIFY2(prompt.find("Good, thanks") == std::string::npos, prompt.c_str());

    // Asked again at once: nothing unread (the answer is not), so the last messages, and it says so.
    const json again = postMessage(m_alice, roomId, QStringLiteral("@ai summarize"));
    const json second = m_wsAlice->waitFor(answerTo(qs(again["messageId"])), 10000);
    QVERIFY(second.is_object());
    const Streamed t = readStream(*m_wsAlice, str(second["message"], "messageId"));
    QVERIFY2(t.text.startsWith(QStringLiteral("No unread messages: summary of the last 6 messages.\n\n")),
             qPrintable(t.text));
    const std::string lastN = m_model.requests().back().body["messages"].dump();
    QVERIFY2(lastN.find("Old news") != std::string::npos, lastN.c_str());
}

// A moderator deletes an answer while the model is still writing it: the model's request ends at
// once, message_deleted is the answer's last frame (no delta after it), and a restart does not
// bring the text back.
void TestAssistant::deletingAStreamingAnswerStopsIt()
{
    m_model.holdAfter(2);
    const json q = postMessage(m_bob, m_room, QStringLiteral("@ai what is the plan?"));
    QVERIFY(q.is_object());
    const json created = m_wsAlice->waitFor(answerTo(qs(q["messageId"])), 10000);
    QVERIFY(created.is_object());
    const QString id = qs(created["message"]["messageId"]);
    QVERIFY(QTest::qWaitFor([&] { return m_model.heldStreamsOpen() == 1; }, 10000));
    QVERIFY(m_wsAlice->waitFor(deltaOrEnd(ss(id)), 10000).is_object()); // it is streaming to alice

    CHECK_STATUS(m_alice->del(roomPath(m_room, QStringLiteral("/messages/") + id)), 200); // alice owns the room
    // The model's request is closed, not left to run.
    QVERIFY(QTest::qWaitFor([&] { return m_model.heldStreamsOpen() == 0; }, 10000));
    m_model.release(); // nothing is listening for the rest
    QCOMPARE(metricValue(m_server, "confab_assistant_live_answers"), 0.0);
    const json marker = postMessage(m_alice, m_room, QStringLiteral("after the deletion"));
    QVERIFY(m_wsAlice
                ->waitFor(
                    [&](const json &f) {
                        return typeOf(f) == "new_message" && f["message"]["messageId"] == marker["messageId"];
                    },
                    10000)
                .is_object());
    bool deleted = false;
    for (const json &f : m_wsAlice->frames()) {
        if (typeOf(f) == "message_deleted" && qs(f["messageId"]) == id)
            deleted = true;
        else if (deleted && str(f, "messageId") == ss(id))
            QFAIL(qPrintable(QStringLiteral("after message_deleted: ") + QString::fromStdString(f.dump())));
        else if (deleted && typeOf(f) == "message_updated" && qs(f["message"]["messageId"]) == id)
            QFAIL("the deleted answer was ended after its deletion");
    }
    QVERIFY(deleted);

    killAndRestartServer();
    const RestReply r = m_alice->get(roomPath(m_room, QStringLiteral("/messages/") + id));
    CHECK_STATUS(r, 200);
    QVERIFY(r.data().value("isDeleted", false));
    QCOMPARE(qs(r.data()["content"]), QString());
    QCOMPARE(historyContent(m_alice, m_room, id).value_or(QString()), QString());

    // The asker may delete an answer to their own question, as their own message.
    m_model.holdAfter(1);
    const json mine = postMessage(m_bob, m_room, QStringLiteral("@ai and now?"));
    const json mineAnswer = m_wsAlice->waitFor(answerTo(qs(mine["messageId"])), 10000);
    QVERIFY(mineAnswer.is_object());
    QVERIFY(QTest::qWaitFor([&] { return m_model.heldStreamsOpen() == 1; }, 10000));
    CHECK_STATUS(m_bob->del(roomPath(m_room, QStringLiteral("/messages/") + qs(mineAnswer["message"]["messageId"]))),
                 200);
    QVERIFY(QTest::qWaitFor([&] { return m_model.heldStreamsOpen() == 0; }, 10000));
    m_model.release();
}

// The daily token quotas are kept in the database: a restart does not hand out a new day's worth.
void TestAssistant::dailyQuotasSurviveARestart()
{
    TestServer quota;
    const QStringList args = serverArgs({QStringLiteral("--assistant-user-daily-tokens"), QStringLiteral("40"),
                                         QStringLiteral("--assistant-room-daily-tokens"), QStringLiteral("40")});
    QVERIFY(quota.start(args));
    Account carol = makeAccount(quota, QStringLiteral("carol"), QStringLiteral("Carol"));
    Account dave = makeAccount(quota, QStringLiteral("dave"), QStringLiteral("Dave"));
    const json room = createRoom(carol, QStringLiteral("Lab"), QStringLiteral("public"), {},
                                 json{{"settings", {{"enableAI", true}}}});
    QVERIFY(room.is_object());
    const QString roomId = qs(room["roomId"]);
    CHECK_STATUS(dave->post(roomPath(roomId, QStringLiteral("/join"))), 200);
    {
        auto ws = connectWs(quota, carol);
        QVERIFY(ws);
        // The model reports 42 tokens in and 3 out: 45, over both quotas of 40.
        const json q = postMessage(carol, roomId, QStringLiteral("@ai hello"));
        const json created = ws->waitFor(answerTo(qs(q["messageId"])), 10000);
        QVERIFY(created.is_object());
        QCOMPARE(str(readStream(*ws, str(created["message"], "messageId")).final["ai"], "state"), std::string("done"));
        QVERIFY(postMessage(carol, roomId, QStringLiteral("@ai again")).is_object());
        const json refused = ws->waitFor(ofType("error"), 10000);
        QCOMPARE(str(refused, "code"), std::string("RATE_LIMITED"));
    }
    QVERIFY(quota.stop());
    QVERIFY(quota.start(args));
    for (Account *a : {&carol, &dave}) {
        a->rest = std::make_unique<RestClient>(quota.httpUrl());
        QVERIFY(a->rest->signUp(a->username).is_object());
    }
    const int requests = int(m_model.requests().size());
    auto wsCarol = connectWs(quota, carol);
    auto wsDave = connectWs(quota, dave);
    QVERIFY(wsCarol && wsDave);
    QVERIFY(postMessage(carol, roomId, QStringLiteral("@ai after the restart")).is_object());
    const json user = wsCarol->waitFor(ofType("error"), 10000);
    QVERIFY2(user.is_object(), "no refusal after the restart");
    QCOMPARE(str(user, "code"), std::string("RATE_LIMITED"));
    QVERIFY2(str(user, "message").find("your daily assistant quota") != std::string::npos, user.dump().c_str());
    // Dave has used nothing, but the room has.
    QVERIFY(postMessage(dave, roomId, QStringLiteral("@ai me then?")).is_object());
    const json roomRefusal = wsDave->waitFor(ofType("error"), 10000);
    QVERIFY(roomRefusal.is_object());
    QCOMPARE(str(roomRefusal, "code"), std::string("RATE_LIMITED"));
    QVERIFY2(str(roomRefusal, "message").find("this room used its daily") != std::string::npos,
             roomRefusal.dump().c_str());
    QCOMPARE(int(m_model.requests().size()), requests); // refused before the model
    // Over REST too.
    CHECK_ERROR(carol->post(QStringLiteral("/v1/chat/ai/ask"), json{{"question", "x"}}), 429, "RATE_LIMITED", "");
}

QTEST_GUILESS_MAIN(TestAssistant)
#include "tst_assistant.moc"
