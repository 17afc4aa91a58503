// SPDX-License-Identifier: GPL-3.0-or-later
// The assistant's parts in-process: the SSE parser fed a stream split at every byte, the
// trigger rules, and the context's token budget.

#include "assistant/assistanttrigger.h"
#include "assistant/contextbuilder.h"
#include "assistant/ssestreamparser.h"

#include <QtTest>

using namespace confab;
using namespace confab::server;

class TestAssistantParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sseSplitAnywhereGivesTheSameText();
    void sseToleratesWhatServersSend();
    void triggers_data();
    void triggers();
    void contextKeepsTheNewestWithinTheBudget();
};

namespace {
const QByteArray kStream =
    "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"hm\"}}]}\r\n\r\n"
    ": keep-alive\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\"Gr\xC3\xBC\xC3\x9F\"}}]}\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\" \xF0\x9F\x9A\x80 ok\"},\"finish_reason\":null}]}\n\n"
    "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,"
    "\"completion_tokens\":3}}\n\n"
    "data: [DONE]\n\n";

QString textOf(const std::vector<ChatChunk> &chunks, QString *finish = nullptr, qint64 *tokensOut = nullptr)
{
    QString text;
    for (const ChatChunk &c : chunks) {
        text += c.content;
        if (finish && !c.finishReason.isEmpty())
            *finish = c.finishReason;
        if (tokensOut && c.completionTokens)
            *tokensOut = *c.completionTokens;
    }
    return text;
}
} // namespace

void TestAssistantParts::sseSplitAnywhereGivesTheSameText()
{
    const QString expected = QString::fromUtf8("Grüß 🚀 ok");
    for (qsizetype cut = 0; cut <= kStream.size(); ++cut) {
        SseStreamParser p;
        std::vector<ChatChunk> chunks = p.feed(kStream.left(cut));
        for (ChatChunk &c : p.feed(kStream.mid(cut)))
            chunks.push_back(std::move(c));
        QString finish;
        qint64 tokens = 0;
        QCOMPARE(textOf(chunks, &finish, &tokens), expected);
        QCOMPARE(finish, QStringLiteral("stop"));
        QCOMPARE(tokens, qint64(3));
        QVERIFY(p.sawDone());
    }
    // One byte at a time.
    SseStreamParser p;
    std::vector<ChatChunk> chunks;
    for (char c : kStream) {
        for (ChatChunk &chunk : p.feed(QByteArray(1, c)))
            chunks.push_back(std::move(chunk));
    }
    QCOMPARE(textOf(chunks), expected);
}

void TestAssistantParts::sseToleratesWhatServersSend()
{
    // No [DONE] and no blank line after the last event: finish() still delivers it.
    SseStreamParser p;
    auto chunks = p.feed("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata:{\"choices\":[{\"delta\":"
                         "{\"content\":\"b\"}}]}");
    for (ChatChunk &c : p.finish())
        chunks.push_back(std::move(c));
    QCOMPARE(textOf(chunks), QStringLiteral("ab"));
    QVERIFY(!p.sawDone());
    // Garbage and events of other kinds are skipped, an error inside the stream is reported.
    SseStreamParser q;
    auto more = q.feed("event: ping\ndata: not json\n\ndata: {\"error\":{\"message\":\"overloaded\"}}\n\n");
    QCOMPARE(more.size(), std::size_t(1));
    QCOMPARE(more.front().error, QStringLiteral("overloaded"));
    // Error bodies of non-SSE answers, in the shapes servers use.
    QCOMPARE(modelErrorMessage(R"({"error":{"message":"model not found"}})"), QStringLiteral("model not found"));
    QCOMPARE(modelErrorMessage(R"({"error":"bad key"})"), QStringLiteral("bad key"));
    QCOMPARE(modelErrorMessage(R"({"detail":"Not Found"})"), QStringLiteral("Not Found"));
    QCOMPARE(modelErrorMessage("<html>502 Bad Gateway</html>"), QStringLiteral("<html>502 Bad Gateway</html>"));
}

void TestAssistantParts::triggers_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("kind"); // -1: not a trigger
    QTest::addColumn<QString>("detail");
    using K = AssistantRequest::Kind;
    QTest::newRow("plain") << "@ai what is new?" << int(K::Ask) << "what is new?";
    QTest::newRow("case and colon") << "  @AI: summarize 20" << int(K::Summarize) << "20";
    QTest::newRow("assistant comma") << "@Assistant, translate: French" << int(K::Translate) << "French";
    QTest::newRow("translate to") << "@ai translate to German" << int(K::Translate) << "German";
    QTest::newRow("bare") << "@ai" << int(K::Ask) << "";
    QTest::newRow("word goes on") << "@aide hi" << -1 << "";
    QTest::newRow("not first") << "hi @ai" << -1 << "";
    QTest::newRow("email") << "x@ai.org" << -1 << "";
}

void TestAssistantParts::triggers()
{
    QFETCH(QString, content);
    QFETCH(int, kind);
    QFETCH(QString, detail);
    const auto r = parseAssistantRequest(content);
    QCOMPARE(r.has_value(), kind >= 0);
    if (!r)
        return;
    QCOMPARE(int(r->kind), kind);
    if (r->kind == AssistantRequest::Kind::Summarize)
        QCOMPARE(QString::number(r->count), detail);
    else if (r->kind == AssistantRequest::Kind::Translate)
        QCOMPARE(r->language, detail);
    else
        QCOMPARE(r->text, detail);
}

void TestAssistantParts::contextKeepsTheNewestWithinTheBudget()
{
    std::vector<Message> recent;
    for (int i = 0; i < 100; ++i) {
        Message m;
        m.messageId = QStringLiteral("m_%1").arg(i);
        m.authorName = QStringLiteral("Bob");
        m.content = QString(40, QLatin1Char('x')) + QString::number(i); // ~15 tokens each
        recent.push_back(m);
    }
    AssistantRequest ask;
    ask.text = QString(400, QLatin1Char('q')); // a long question is always kept
    const ModelPrompt p = ContextBuilder(400).build(ask, QStringLiteral("Alice"), recent, std::nullopt);
    QVERIFY(p.estimatedTokens <= 400);
    QVERIFY(!p.sources.isEmpty());
    QVERIFY(p.sources.size() < 50);
    QCOMPARE(p.sources.last(), QStringLiteral("m_99")); // the newest kept, oldest first
    QVERIFY(p.turns.back().content.contains(ask.text));
    QVERIFY(p.turns[1].content.contains(QStringLiteral("Bob: ")));
    // A budget smaller than the question alone: no history, the question still there.
    const ModelPrompt tiny = ContextBuilder(64).build(ask, QStringLiteral("Alice"), recent, std::nullopt);
    QVERIFY(tiny.sources.isEmpty());
    QVERIFY(tiny.turns.back().content.contains(ask.text));
}

QTEST_GUILESS_MAIN(TestAssistantParts)
#include "tst_assistantparts.moc"
