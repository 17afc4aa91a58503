// SPDX-License-Identifier: GPL-3.0-or-later
// The assistant's answers in the client engine: an ai_response row takes the streamed ai_delta
// text in place (one dataChanged for that row, no reset, no new rows), ignores what it already
// has, ends with the final message_updated (later deltas change nothing), a delta that starts past
// the text held asks the server for the message once, and Stop goes to the server's
// /ai/cancel. The first tests deliver hand-made assistant frames through the engine's realtime
// connection (exact offsets, repeats, stale deltas); the others run the real assistant: the server
// on 127.0.0.1 streams from a stand-in model server (FakeModelServer): "@ai summarize" streams in
// and ends done, Stop ends it cancelled, Retry asks again, and deltas an engine missed are fetched.

#include "clienttest.h"
#include "fakemodelserver.h"

#include "client/models/messagemodel.h"
#include "client/sync/answerstreams.h"

#include <QAbstractItemModelTester>

using namespace confab;
using namespace confab::client;
using namespace confab::test;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::QtTest;

QString contentOf(const MessageModel &m, const QString &messageId)
{
    const int row = m.rowOfMessage(messageId);
    return row < 0 ? QStringLiteral("<no row>") : m.data(m.index(row, 0), MessageModel::ContentRole).toString();
}

// "streaming", "done", ... of the answer's row, or "none".
QString stateOf(const MessageModel &m, const QString &messageId)
{
    const int row = m.rowOfMessage(messageId);
    const QVariant v = row < 0 ? QVariant() : m.data(m.index(row, 0), MessageModel::AiAnswerRole);
    return v.isValid() ? toString(v.value<AiAnswer>().state) : QStringLiteral("none");
}

// The first answer of the assistant in the model other than `except`.
QString answerIdIn(const MessageModel &m, const QString &except = {})
{
    for (int i = 0; i < m.rowCount(); ++i) {
        const QModelIndex index = m.index(i, 0);
        const QString id = m.data(index, MessageModel::MessageIdRole).toString();
        if (m.data(index, MessageModel::AiAnswerRole).isValid() && id != except)
            return id;
    }
    return {};
}
} // namespace

class TestClientAssistant : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_model.listen());
        QVERIFY(m_server.start(fastServerArgs()
                               << QStringLiteral("--assistant-url") << m_model.baseUrl()
                               << QStringLiteral("--assistant-model") << QStringLiteral("test-model")
                               << QStringLiteral("--assistant-user-per-minute") << QStringLiteral("0")
                               << QStringLiteral("--assistant-room-per-minute") << QStringLiteral("0")));
        m_alice = signUp(m_server, QStringLiteral("alice"));
        QVERIFY(!m_alice.token.isEmpty());
        m_a = std::make_unique<TestClient>(m_server, m_alice, m_dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(m_a->start());
        QVERIFY(m_a->waitOnline());
    }

    void deltasStreamIntoTheRowInPlace()
    {
        const QString roomId = newRoom(QStringLiteral("stream"));
        std::unique_ptr<MessageModel> model(m_a->engine()->createMessageModel(roomId, nullptr));
        QAbstractItemModelTester tester(model.get(), kFatal);
        model->load();
        QTRY_VERIFY_WITH_TIMEOUT(model->isLatestLoaded(), 10000);
        // Not "@ai": the real assistant stays out of these hand-made frames' way.
        const QString question = askedQuestion(roomId, *model, QStringLiteral("what about lunch?"));

        const Message answer = streamingAnswer(roomId, QStringLiteral("ans-stream"), question);
        deliver(AiResponseFrame{answer});
        QTRY_VERIFY(model->rowOfMessage(answer.messageId) >= 0);
        const int row = model->rowOfMessage(answer.messageId);
        QCOMPARE(stateOf(*model, answer.messageId), QStringLiteral("streaming"));
        QVERIFY(model->data(model->index(row, 0), MessageModel::AskedByMeRole).toBool());

        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        deliver(delta(answer, 0, QStringLiteral("Alice asked ")));
        deliver(delta(answer, 12, QStringLiteral("about lunch 🍕")));
        // Repeated and overlapping deltas add only what is new ("🍕" is one code point).
        deliver(delta(answer, 12, QStringLiteral("about lunch 🍕")));
        deliver(delta(answer, 24, QStringLiteral("🍕 and")));
        QCOMPARE(contentOf(*model, answer.messageId), QStringLiteral("Alice asked about lunch 🍕 and"));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 3); // one per delta that added text, each for that row only
        for (const QList<QVariant> &args : changed) {
            QCOMPARE(args.at(0).toModelIndex().row(), row);
            QCOMPARE(args.at(1).toModelIndex().row(), row);
        }
        QCOMPARE(m_a->engine()->answers().fetchCount(), 0);

        // The final message_updated: the whole text and the final state; stale deltas change nothing.
        Message done = answer;
        done.content = QStringLiteral("Alice asked about lunch 🍕 and coffee.");
        done.ai->state = AiState::Done;
        done.seq = answer.seq + 1;
        deliver(MessageUpdatedFrame{done.seq, done});
        QCOMPARE(stateOf(*model, answer.messageId), QStringLiteral("done"));
        deliver(delta(answer, 29, QStringLiteral(" stale")));
        QCOMPARE(contentOf(*model, answer.messageId), done.content);
        QVERIFY(!m_a->engine()->answers().isStreaming(answer.messageId));
        QCOMPARE(m_a->engine()->store().message(answer.messageId)->content, done.content);
    }

    void aDeltaPastTheTextFetchesTheMessageOnce()
    {
        const QString roomId = newRoom(QStringLiteral("gap"));
        std::unique_ptr<MessageModel> model(m_a->engine()->createMessageModel(roomId, nullptr));
        model->load();
        QTRY_VERIFY_WITH_TIMEOUT(model->isLatestLoaded(), 10000);
        const QString question = askedQuestion(roomId, *model, QStringLiteral("what about dinner?"));
        const Message answer = streamingAnswer(roomId, QStringLiteral("ans-gap"), question);
        deliver(AiResponseFrame{answer});
        QTRY_VERIFY(model->rowOfMessage(answer.messageId) >= 0);

        AnswerStreams &streams = m_a->engine()->answers();
        const int before = streams.fetchCount();
        deliver(delta(answer, 0, QStringLiteral("One ")));
        // "two " was missed: the next delta starts past the text held, so the message is fetched.
        deliver(delta(answer, 8, QStringLiteral("three ")));
        QCOMPARE(streams.fetchCount(), before + 1);
        deliver(delta(answer, 14, QStringLiteral("four")));
        QCOMPARE(streams.fetchCount(), before + 1);                            // one fetch in flight at a time
        QCOMPARE(contentOf(*model, answer.messageId), QStringLiteral("One ")); // nothing out of order
    }

    void aDeletedAnswerTakesNoMoreDeltas()
    {
        const QString roomId = newRoom(QStringLiteral("deleted"));
        std::unique_ptr<MessageModel> model(m_a->engine()->createMessageModel(roomId, nullptr));
        model->load();
        QTRY_VERIFY_WITH_TIMEOUT(model->isLatestLoaded(), 10000);
        const QString question = askedQuestion(roomId, *model, QStringLiteral("what about tea?"));
        const Message answer = streamingAnswer(roomId, QStringLiteral("ans-deleted"), question);
        deliver(AiResponseFrame{answer});
        QTRY_VERIFY(model->rowOfMessage(answer.messageId) >= 0);
        deliver(delta(answer, 0, QStringLiteral("Tea is ")));
        QCOMPARE(contentOf(*model, answer.messageId), QStringLiteral("Tea is "));

        AnswerStreams &streams = m_a->engine()->answers();
        QSignalSpy grew(&streams, &AnswerStreams::textChanged);
        const int fetches = streams.fetchCount();
        deliver(MessageDeletedFrame{answer.seq + 1, roomId, answer.messageId});
        QVERIFY(!streams.isStreaming(answer.messageId));
        // Deltas the server sent before it heard of the deletion: neither text nor a fetch.
        deliver(delta(answer, 7, QStringLiteral("served at four.")));
        deliver(delta(answer, 0, QStringLiteral("Tea is served")));
        QCOMPARE(grew.count(), 0);
        QCOMPARE(streams.fetchCount(), fetches);
        QVERIFY(!streams.isStreaming(answer.messageId));
        QVERIFY(m_a->engine()->store().message(answer.messageId)->isDeleted);
        QCOMPARE(m_a->engine()->store().message(answer.messageId)->content, QString());
    }

    void stopAsksTheServer()
    {
        const QString roomId = newRoom(QStringLiteral("stop"));
        const QString question = QStringLiteral("not-an-answer");
        QSignalSpy failed(m_a->engine(), &ChatEngine::messageActionFailed);
        m_a->engine()->cancelAnswer(roomId, question);
        // The message is not an answer of the assistant: the server says so, and the user sees why.
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY2(failed.at(0).at(1).toString().startsWith(QStringLiteral("The answer was not stopped")),
                 qPrintable(failed.at(0).at(1).toString()));
    }

    // The server's own refusal of a question (no request of ours to answer) reaches the user.
    void aRefusedQuestionSaysWhy()
    {
        RestClient rest(m_server.httpUrl());
        rest.setToken(m_alice.token);
        const RestReply room = rest.post(QStringLiteral("/v1/chat/rooms"), {{"name", "no-ai"}, {"type", "public"}});
        QVERIFY(room.ok());
        const QString roomId = QString::fromStdString(room.data()["roomId"].get<std::string>());
        QSignalSpy failed(m_a->engine(), &ChatEngine::messageActionFailed);
        m_a->engine()->sendMessage(roomId, QStringLiteral("@ai are you there?"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("not enabled in this room")),
                 qPrintable(failed.at(0).at(1).toString()));
    }

    // Against the real assistant: the server streams from a stand-in model server on 127.0.0.1.
    void askSummarizeStreamsAndEndsDone()
    {
        const QString roomId = newRoom(QStringLiteral("live"));
        std::unique_ptr<MessageModel> model(m_a->engine()->createMessageModel(roomId, nullptr));
        QAbstractItemModelTester tester(model.get(), kFatal);
        model->load();
        QTRY_VERIFY_WITH_TIMEOUT(model->isLatestLoaded(), 10000);
        m_model.setReply(
            {QStringLiteral("Alice "), QStringLiteral("talked "), QStringLiteral("about "), QStringLiteral("lunch.")});
        m_model.holdAfter(2);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        const QString question = askedQuestion(roomId, *model);
        QVERIFY(!question.isEmpty());
        QString answerId;
        QTRY_VERIFY_WITH_TIMEOUT(!(answerId = answerIdIn(*model)).isEmpty(), 10000);
        // Held after two pieces: the row is streaming with their text.
        QTRY_COMPARE_WITH_TIMEOUT(contentOf(*model, answerId), QStringLiteral("Alice talked "), 10000);
        QCOMPARE(stateOf(*model, answerId), QStringLiteral("streaming"));
        const int rowsWhileStreaming = model->rowCount();
        m_model.release();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*model, answerId), QStringLiteral("done"), 10000);
        QCOMPARE(contentOf(*model, answerId), QStringLiteral("Alice talked about lunch."));
        QCOMPARE(model->rowCount(), rowsWhileStreaming);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model->data(model->index(model->rowOfMessage(answerId), 0), MessageModel::ReplyToRole).toString(),
                 question);
        m_model.holdAfter(0);
    }

    void stopEndsCancelledAndRetryAsksAgain()
    {
        const QString roomId = newRoom(QStringLiteral("live-stop"));
        std::unique_ptr<MessageModel> model(m_a->engine()->createMessageModel(roomId, nullptr));
        model->load();
        QTRY_VERIFY_WITH_TIMEOUT(model->isLatestLoaded(), 10000);
        m_model.setReply({QStringLiteral("First "), QStringLiteral("part, "), QStringLiteral("never sent.")});
        m_model.holdAfter(1);
        QVERIFY(!askedQuestion(roomId, *model).isEmpty());
        QString answerId;
        QTRY_VERIFY_WITH_TIMEOUT(!(answerId = answerIdIn(*model)).isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(contentOf(*model, answerId), QStringLiteral("First "), 10000);
        m_a->engine()->cancelAnswer(roomId, answerId);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*model, answerId), QStringLiteral("cancelled"), 10000);
        QCOMPARE(contentOf(*model, answerId), QStringLiteral("First "));
        m_model.holdAfter(0);
        m_model.release(); // what the model still had changes nothing

        m_a->engine()->retryAnswer(roomId, answerId);
        QString retried;
        QTRY_VERIFY_WITH_TIMEOUT(!(retried = answerIdIn(*model, answerId)).isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*model, retried), QStringLiteral("done"), 10000);
        QCOMPARE(contentOf(*model, retried), QStringLiteral("First part, never sent."));
        QCOMPARE(stateOf(*model, answerId), QStringLiteral("cancelled")); // the old one stays
    }

    void missedDeltasAreFetched()
    {
        const QString roomId = newRoom(QStringLiteral("live-gap"));
        std::unique_ptr<MessageModel> model(m_a->engine()->createMessageModel(roomId, nullptr));
        model->load();
        QTRY_VERIFY_WITH_TIMEOUT(model->isLatestLoaded(), 10000);
        m_model.setReply(
            {QStringLiteral("One "), QStringLiteral("two "), QStringLiteral("three "), QStringLiteral("four.")});
        m_model.holdAfter(2);
        AnswerStreams &streams = m_a->engine()->answers();
        const int fetches = streams.fetchCount();
        RestClient rest(m_server.httpUrl());
        rest.setToken(m_alice.token);
        QString answerId;
        {
            // The engine hears nothing while the answer starts (as if its connection had dropped).
            const QSignalBlocker deaf(&m_a->engine()->connection());
            QVERIFY(rest.post(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/messages"),
                              {{"content", "@ai what did we say?"}})
                        .ok());
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const auto page =
                        rest.get(QStringLiteral("/v1/chat/rooms/") + roomId + QStringLiteral("/messages?limit=5"))
                            .data()["messages"];
                    for (const auto &m : page) {
                        if (m["type"] == "ai_response" && m["content"] == "One two ")
                            answerId = QString::fromStdString(m["messageId"].get<std::string>());
                    }
                    return !answerId.isEmpty();
                }(),
                10000);
        }
        m_model.release();
        // The next delta starts 8 code points in, past the nothing this engine has: it fetches.
        QTRY_VERIFY_WITH_TIMEOUT(streams.fetchCount() > fetches, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfMessage(answerId) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*model, answerId), QStringLiteral("done"), 10000);
        QCOMPARE(contentOf(*model, answerId), QStringLiteral("One two three four."));
        m_model.holdAfter(0);
    }

private:
    QString newRoom(const QString &name)
    {
        RestClient rest(m_server.httpUrl());
        rest.setToken(m_alice.token);
        const RestReply room =
            rest.post(QStringLiteral("/v1/chat/rooms"),
                      {{"name", name.toStdString()}, {"type", "public"}, {"settings", {{"enableAI", true}}}});
        if (!room.ok())
            return {};
        return QString::fromStdString(room.data()["roomId"].get<std::string>());
    }

    // Alice's message (by default "@ai summarize"), sent through the engine; its id once the server has it.
    QString askedQuestion(const QString &roomId, MessageModel &model,
                          const QString &text = QStringLiteral("@ai summarize"))
    {
        m_a->engine()->sendMessage(roomId, text);
        QString id;
        (void)QTest::qWaitFor(
            [&] {
                for (int i = 0; i < model.rowCount(); ++i) {
                    if (model.data(model.index(i, 0), MessageModel::ContentRole) == text &&
                        model.deliveryAt(i) == MessageModel::Delivery::Sent)
                        id = model.data(model.index(i, 0), MessageModel::MessageIdRole).toString();
                }
                return !id.isEmpty();
            },
            10000);
        return id;
    }

    // The ai_response the server sends first: streaming, no text, the room's next seq.
    Message streamingAnswer(const QString &roomId, const QString &messageId, const QString &question)
    {
        Message m;
        m.messageId = messageId;
        m.roomId = roomId;
        m.authorId = QStringLiteral("assistant");
        m.authorName = QStringLiteral("Assistant");
        m.type = MessageType::AiResponse;
        m.timestamp = QDateTime::currentMSecsSinceEpoch();
        m.seq = m_a->engine()->sync().lastSeq(roomId) + 1;
        m.replyTo = question;
        AiAnswer ai;
        ai.askedBy = m_alice.user.userId;
        ai.model = QStringLiteral("test-model");
        m.ai = ai;
        return m;
    }

    static AiDeltaFrame delta(const Message &answer, qint64 offset, const QString &text)
    {
        return AiDeltaFrame{answer.roomId, answer.messageId, offset, text};
    }

    // As the server's socket delivers a frame to the engine.
    void deliver(const ServerFrame &frame) { Q_EMIT m_a->engine()->connection().frameReceived(frame); }

    QTemporaryDir m_dir;
    FakeModelServer m_model;
    TestServer m_server;
    Account m_alice;
    std::unique_ptr<TestClient> m_a;
};

QTEST_MAIN(TestClientAssistant)
#include "tst_assistant.moc"
