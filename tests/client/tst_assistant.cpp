// SPDX-License-Identifier: GPL-3.0-or-later
// The assistant's answers in the client engine: an ai_response row takes the streamed ai_delta
// text in place (one dataChanged for that row, no reset, no new rows), ignores what it already
// has, ends with the final message_updated (later deltas change nothing), a delta that starts past
// the text held asks the server for the message once, and Stop goes to the server's
// /ai/cancel. The engine runs against a real server on 127.0.0.1; the assistant's frames are
// delivered through the engine's realtime connection as the server sends them.

#include "clienttest.h"

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

std::optional<AiAnswer> answerOf(const MessageModel &m, const QString &messageId)
{
    const int row = m.rowOfMessage(messageId);
    const QVariant v = row < 0 ? QVariant() : m.data(m.index(row, 0), MessageModel::AiAnswerRole);
    return v.isValid() ? std::optional<AiAnswer>(v.value<AiAnswer>()) : std::nullopt;
}
} // namespace

class TestClientAssistant : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start(fastServerArgs()));
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
        const QString question = askedQuestion(roomId, *model);

        const Message answer = streamingAnswer(roomId, QStringLiteral("ans-stream"), question);
        deliver(AiResponseFrame{answer});
        QTRY_VERIFY(model->rowOfMessage(answer.messageId) >= 0);
        const int row = model->rowOfMessage(answer.messageId);
        QCOMPARE(answerOf(*model, answer.messageId)->state, AiState::Streaming);
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
        QCOMPARE(answerOf(*model, answer.messageId)->state, AiState::Done);
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
        const QString question = askedQuestion(roomId, *model);
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

    // Alice's "@ai summarize", sent through the engine; its id once the server has it.
    QString askedQuestion(const QString &roomId, MessageModel &model)
    {
        m_a->engine()->sendMessage(roomId, QStringLiteral("@ai summarize"));
        QString id;
        (void)QTest::qWaitFor(
            [&] {
                for (int i = 0; i < model.rowCount(); ++i) {
                    if (model.data(model.index(i, 0), MessageModel::ContentRole) == QStringLiteral("@ai summarize") &&
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
    TestServer m_server;
    Account m_alice;
    std::unique_ptr<TestClient> m_a;
};

QTEST_MAIN(TestClientAssistant)
#include "tst_assistant.moc"
