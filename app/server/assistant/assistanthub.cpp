// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistanthub.h"

#include "aianswerservice.h"
#include "contextbuilder.h"
#include "offlinedemomodel.h"
#include "openaimodelclient.h"

#include "rest/restapi.h"
#include "service/membershipindex.h"
#include "service/storageworker.h"

#include "core/clock.h"
#include "core/frames.h"
#include "core/validation.h"

#include <QLoggingCategory>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcAssistant, "confab.assistant")

namespace confab::server {

using nlohmann::json;

namespace {

QString disabledText()
{
    return QStringLiteral("The assistant is not set up on this server. An administrator can connect a model "
                          "with `confab-server --assistant-url http://host:port/v1` (llama-server, Ollama, vLLM "
                          "or any OpenAI-compatible API).");
}

} // namespace

ApiError AssistantHub::disabledError()
{
    return apiError(ErrorCode::Unavailable,
                    QStringLiteral("the assistant is off: start confab-server with --assistant-url"),
                    QStringLiteral("assistant"));
}

AssistantHub::AssistantHub(StorageWorker &worker, MembershipIndex &members, const Clock &clock, AssistantConfig config,
                           Publish publish, QObject *parent)
    : QObject(parent), m_worker(worker), m_members(members), m_clock(clock), m_config(std::move(config)),
      m_publish(std::move(publish)), m_limits(m_config)
{
    if (!m_config.url.isEmpty())
        m_provider = std::make_unique<OpenAiModelClient>(m_config);
    else if (m_config.offlineDemo)
        m_provider = std::make_unique<OfflineDemoModel>();
    m_deltaTimer.setInterval(kDeltaIntervalMs);
    connect(&m_deltaTimer, &QTimer::timeout, this, &AssistantHub::flushDeltas);
    m_checkpointTimer.setInterval(kCheckpointIntervalMs);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &AssistantHub::checkpoint);
}

AssistantHub::~AssistantHub() = default;

QString AssistantHub::accountName() const
{
    return m_provider && m_config.url.isEmpty() ? OfflineDemoModel::displayName() : QStringLiteral("Assistant");
}

void AssistantHub::start()
{
    m_worker.run<int>(
        this, [](Services &s, Effects &fx) -> Result<int> { return AiAnswerService(s.context).finishInterrupted(fx); },
        [](Result<int> r) {
            if (r && r.value > 0)
                qCInfo(lcAssistant) << "ended" << r.value << "answers interrupted by the last stop";
        });
    // Today's tokens so far: the daily quotas hold across restarts.
    const qint64 day = AssistantLimits::dayOf(m_clock.nowMs());
    m_worker.run<std::vector<AssistantTokenUse>>(
        this, [day](Services &s, Effects &) { return Result(AiAnswerService(s.context).tokensOn(day)); },
        [this, day](Result<std::vector<AssistantTokenUse>> r) {
            if (!r)
                return;
            for (const AssistantTokenUse &use : r.value)
                m_limits.restoreTokens(day, use.room, use.id, use.tokens);
        });
    if (!m_config.url.isEmpty())
        qCInfo(lcAssistant) << "assistant on:" << m_config.url << "model" << m_config.model; // never the key
    else if (m_config.offlineDemo)
        qCInfo(lcAssistant) << "assistant: the offline demo";
}

void AssistantHub::stop()
{
    for (Live &live : m_live) {
        if (live.stream)
            live.stream->abort();
    }
    m_deltaTimer.stop();
    m_checkpointTimer.stop();
    // The texts are checkpointed for the next start, which ends them as INTERRUPTED.
    checkpoint();
}

// ---- questions --------------------------------------------------------------------------------

void AssistantHub::tellUser(const QString &userId, const ApiError &error)
{
    ++m_usage.refused;
    Effects fx;
    fx.deliver(frameBytes(ErrorFrame{error.code, error.message, error.field, {}}), singleUser(userId));
    m_publish(std::move(fx));
}

void AssistantHub::onQuestions(const std::vector<AiQuestion> &questions)
{
    for (const AiQuestion &q : questions) {
        if (!q.roomAllowsAi) {
            const QString key = q.askedBy + QLatin1Char('|') + q.roomId;
            if (m_toldNotEnabled.contains(key))
                continue;
            m_toldNotEnabled.insert(key);
            tellUser(q.askedBy, apiError(ErrorCode::Forbidden,
                                         QStringLiteral("The assistant is not enabled in this room: a room admin "
                                                        "can turn on \"enableAI\" in the room settings."),
                                         QStringLiteral("enableAI")));
            continue;
        }
        if (!m_provider) {
            postDisabledAnswer(q);
            continue;
        }
        ask(q.roomId, q.messageId, q.askedBy, q.askedBy, q.readUpToSeq, [this, userId = q.askedBy](Result<Message> r) {
            if (!r)
                tellUser(userId, *r.error);
        });
    }
}

void AssistantHub::onAnswersDeleted(const std::vector<QString> &messageIds)
{
    for (const QString &id : messageIds) {
        auto it = m_live.find(id);
        if (it == m_live.end() || it->ending)
            continue; // not written here, or its end is being stored (which skips a deleted answer)
        if (it->stream) {
            it->stream->abort();
            it->stream->deleteLater();
        }
        const Live live = std::move(*it);
        m_live.erase(it);
        m_limits.release(live.roomId);
        countTokens(live.ai.askedBy, live.roomId,
                    live.estimatedTokensIn + (live.text.isEmpty() ? 0 : estimateTokens(live.text)));
        ++m_usage.answers;
        ++m_usage.cancelled;
        m_usage.latencySeconds += double(m_clock.nowMs() - live.startedAt) / 1000.0;
        qCInfo(lcAssistant) << "answer" << id << "was deleted while streaming: stopped";
        for (const auto &f : live.onEnded)
            f(apiError(ErrorCode::MessageNotFound, QStringLiteral("this answer was deleted"),
                       QStringLiteral("messageId")));
    }
}

void AssistantHub::countTokens(const QString &userId, const QString &roomId, qint64 tokens)
{
    const qint64 now = m_clock.nowMs();
    m_limits.addTokens(userId, roomId, tokens, now);
    if (tokens <= 0)
        return;
    const qint64 day = AssistantLimits::dayOf(now);
    m_worker.run<bool>(
        this,
        [day, userId, roomId, tokens](Services &s, Effects &) -> Result<bool> {
            AiAnswerService(s.context).addTokens(day, userId, roomId, tokens);
            return true;
        },
        [](Result<bool>) {});
}

void AssistantHub::postDisabledAnswer(const AiQuestion &q)
{
    AiAnswer ai{
        AiState::Error,
        q.askedBy,
        QString(),
        AiError{QStringLiteral("ASSISTANT_DISABLED"), QStringLiteral("No model is configured (--assistant-url).")},
        std::nullopt,
        std::nullopt};
    const std::pair<QString, AiAnswer> final{disabledText(), ai};
    m_worker.run<AnswerStart>(
        this,
        [q, final, name = accountName()](Services &s, Effects &fx) {
            return AiAnswerService(s.context).start(name, q.roomId, q.messageId, q.askedBy, {}, 0, fx, final);
        },
        [](Result<AnswerStart>) {});
}

void AssistantHub::ask(const QString &roomId, const QString &questionId, const QString &askedBy,
                       const QString &limitUser, qint64 readUpToSeq, Started done)
{
    const qint64 now = m_clock.nowMs();
    if (auto refused = m_limits.check(limitUser, roomId, now)) {
        done(*refused);
        return;
    }
    m_limits.admit(limitUser, roomId, now);
    const QString model = m_provider->modelName();
    const qint64 budget = m_config.maxContextTokens;
    m_worker.run<AnswerStart>(
        this,
        [roomId, questionId, askedBy, model, name = accountName()](Services &s, Effects &fx) {
            return AiAnswerService(s.context).start(name, roomId, questionId, askedBy, model, kHistoryCount, fx);
        },
        [this, roomId, askedBy, readUpToSeq, budget, done](Result<AnswerStart> r) {
            if (!r) {
                m_limits.release(roomId);
                done(*r.error);
                return;
            }
            const auto request = parseAssistantRequest(r.value.question ? r.value.question->content : QString());
            const ModelPrompt prompt =
                ContextBuilder(budget).build(request.value_or(AssistantRequest{}), r.value.askerName, r.value.recent,
                                             r.value.replied, readUpToSeq, askedBy);
            startStream(r.value.answer, prompt);
            done(r.value.answer);
        });
}

void AssistantHub::startStream(const Message &answer, const ModelPrompt &prompt)
{
    Live live;
    live.roomId = answer.roomId;
    live.messageId = answer.messageId;
    live.ai = *answer.ai;
    live.estimatedTokensIn = prompt.estimatedTokens;
    live.startedAt = m_clock.nowMs();
    if (!prompt.preface.isEmpty())
        live.text = prompt.preface + QStringLiteral("\n\n"); // the first delta
    ModelStream *stream = m_provider->start(prompt, this);
    live.stream = stream;
    const QString id = answer.messageId;
    m_live.insert(id, std::move(live));
    connect(stream, &ModelStream::textArrived, this, [this, id](const QString &text) { onText(id, text); });
    connect(stream, &ModelStream::finished, this, [this, id](const ModelOutcome &outcome) {
        if (outcome.ok)
            endAnswer(id, AiState::Done, std::nullopt, outcome);
        else
            endAnswer(id, AiState::Error, AiError{outcome.errorCode, outcome.errorMessage}, outcome);
    });
    if (!m_deltaTimer.isActive())
        m_deltaTimer.start();
    if (!m_checkpointTimer.isActive())
        m_checkpointTimer.start();
}

void AssistantHub::onText(const QString &messageId, const QString &text)
{
    auto it = m_live.find(messageId);
    if (it == m_live.end() || it->ending)
        return;
    const qsizetype room = m_config.maxAnswerChars - it->text.size();
    if (text.size() < room) {
        it->text += text;
        return;
    }
    qsizetype cut = std::max<qsizetype>(0, room);
    if (cut > 0 && cut < text.size() && text.at(cut - 1).isHighSurrogate())
        --cut;
    it->text += text.left(cut);
    ModelOutcome outcome;
    outcome.finishReason = QStringLiteral("length");
    endAnswer(messageId, AiState::Done, std::nullopt, outcome); // the maximum answer length
}

void AssistantHub::flushDeltas()
{
    Effects fx;
    for (Live &live : m_live) {
        if (live.text.size() <= live.sentUpTo)
            continue;
        const QString delta = live.text.mid(live.sentUpTo);
        fx.deliver(frameBytes(AiDeltaFrame{live.roomId, live.messageId, live.sentCodePoints, delta}),
                   m_members.membersOf(live.roomId), live.roomId);
        live.sentUpTo = live.text.size();
        live.sentCodePoints += codePointCount(delta);
    }
    if (!fx.deliveries.empty())
        m_publish(std::move(fx));
    if (m_live.isEmpty())
        m_deltaTimer.stop();
}

void AssistantHub::checkpoint()
{
    for (Live &live : m_live) {
        if (live.ending || live.text.size() == live.checkpointedUpTo)
            continue;
        live.checkpointedUpTo = live.text.size();
        m_worker.run<bool>(
            this,
            [id = live.messageId, text = live.text](Services &s, Effects &) -> Result<bool> {
                AiAnswerService(s.context).checkpoint(id, text);
                return true;
            },
            [](Result<bool>) {});
    }
    if (m_live.isEmpty())
        m_checkpointTimer.stop();
}

void AssistantHub::endAnswer(const QString &messageId, AiState state, const std::optional<AiError> &error,
                             const ModelOutcome &outcome)
{
    auto it = m_live.find(messageId);
    if (it == m_live.end() || it->ending)
        return;
    it->ending = true;
    if (it->stream) {
        it->stream->abort();
        it->stream->deleteLater();
    }
    flushDeltas(); // the last text goes out as a delta before the end
    AiAnswer ai = it->ai;
    ai.state = state;
    ai.error = error;
    ai.tokensIn = outcome.tokensIn.value_or(it->estimatedTokensIn);
    ai.tokensOut = outcome.tokensOut.value_or(it->text.isEmpty() ? 0 : estimateTokens(it->text));
    const QString text = it->text;
    const QString roomId = it->roomId;
    const qint64 startedAt = it->startedAt;
    m_worker.run<std::optional<Message>>(
        this,
        [messageId, text, ai](Services &s, Effects &fx) -> Result<std::optional<Message>> {
            return AiAnswerService(s.context).finish(messageId, text, ai, fx);
        },
        [this, messageId, roomId, ai, startedAt](Result<std::optional<Message>> r) {
            const qint64 now = m_clock.nowMs();
            m_limits.release(roomId);
            countTokens(ai.askedBy, roomId, ai.tokensIn.value_or(0) + ai.tokensOut.value_or(0));
            ++m_usage.answers;
            if (ai.state == AiState::Error)
                ++m_usage.errors;
            if (ai.state == AiState::Cancelled)
                ++m_usage.cancelled;
            m_usage.tokensIn += ai.tokensIn.value_or(0);
            m_usage.tokensOut += ai.tokensOut.value_or(0);
            m_usage.latencySeconds += double(now - startedAt) / 1000.0;
            if (ai.error)
                qCInfo(lcAssistant) << "answer" << messageId << "ended:" << ai.error->code << ai.error->message;
            auto node = m_live.take(messageId);
            Result<Message> answer = apiError(ErrorCode::Conflict, QStringLiteral("this answer has already ended"));
            if (!r)
                answer = *r.error;
            else if (r.value)
                answer = presentMessage(std::move(*r.value));
            for (const auto &f : node.onEnded)
                f(answer);
        });
}

} // namespace confab::server
