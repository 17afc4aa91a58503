// SPDX-License-Identifier: GPL-3.0-or-later
// AssistantHub's REST routes: the single-message GET (with a streaming answer's live text),
// cancel, retry and POST /v1/chat/ai/ask. Each checks the caller on the storage thread, then
// goes on here, on the network thread, where the live answers are.

#include "aianswerservice.h"
#include "assistanthub.h"
#include "contextbuilder.h"

#include "rest/restapi.h"
#include "service/storageworker.h"

#include "core/clock.h"

#include <QElapsedTimer>

#include <nlohmann/json.hpp>

namespace confab::server {

using nlohmann::json;

namespace {

void answer(const std::shared_ptr<HttpResponder> &r, const Result<Message> &m, int status = 200)
{
    if (!m)
        r->send(RestApi::failure(*m.error));
    else
        r->send(RestApi::success(json(m.value), status));
}

double confidenceFor(const QString &finishReason)
{
    if (finishReason == QLatin1String("stop"))
        return 0.9;
    if (finishReason == QLatin1String("length"))
        return 0.5;
    return 0.3;
}

} // namespace

void AssistantHub::registerRoutes(RestApi &rest)
{
    rest.callerRoute("GET", "/v1/chat/rooms/{roomId}/messages/{messageId}",
                     [this](const Caller &caller, RestCall &&c, HttpResponder r) {
                         getMessage(caller, c.param(QStringLiteral("roomId")), c.param(QStringLiteral("messageId")),
                                    std::make_shared<HttpResponder>(std::move(r)));
                     });
    rest.callerRoute("POST", "/v1/chat/rooms/{roomId}/messages/{messageId}/ai/cancel",
                     [this](const Caller &caller, RestCall &&c, HttpResponder r) {
                         cancel(caller, c.param(QStringLiteral("roomId")), c.param(QStringLiteral("messageId")),
                                std::make_shared<HttpResponder>(std::move(r)));
                     });
    rest.callerRoute("POST", "/v1/chat/rooms/{roomId}/messages/{messageId}/ai/retry",
                     [this](const Caller &caller, RestCall &&c, HttpResponder r) {
                         retry(caller, c.param(QStringLiteral("roomId")), c.param(QStringLiteral("messageId")),
                               std::make_shared<HttpResponder>(std::move(r)));
                     });
    rest.callerRoute("POST", "/v1/chat/ai/ask", [this](const Caller &caller, RestCall &&c, HttpResponder r) {
        askRest(caller, *c.body, std::make_shared<HttpResponder>(std::move(r)));
    });
}

void AssistantHub::getMessage(const Caller &caller, const QString &roomId, const QString &messageId,
                              std::shared_ptr<HttpResponder> responder)
{
    m_worker.run<Message>(
        this,
        [caller, roomId, messageId](Services &s, Effects &) {
            return AiAnswerService(s.context).readable(caller, roomId, messageId);
        },
        [this, responder](Result<Message> r) {
            // A streaming answer's text as it is now, not as of its last checkpoint.
            if (r && r.value.ai && !r.value.ai->isFinal()) {
                if (const auto it = m_live.constFind(r.value.messageId); it != m_live.constEnd())
                    r.value.content = it->text;
            }
            answer(responder, r);
        });
}

void AssistantHub::cancel(const Caller &caller, const QString &roomId, const QString &messageId,
                          std::shared_ptr<HttpResponder> responder)
{
    m_worker.run<Message>(
        this,
        [caller, roomId, messageId](Services &s, Effects &) {
            return AiAnswerService(s.context).controllable(caller, roomId, messageId);
        },
        [this, responder](Result<Message> r) {
            if (!r) {
                answer(responder, r);
                return;
            }
            if (r.value.ai->isFinal()) {
                answer(responder,
                       apiError(ErrorCode::Conflict,
                                QStringLiteral("this answer has already ended (%1)").arg(toString(r.value.ai->state))));
                return;
            }
            auto it = m_live.find(r.value.messageId);
            if (it == m_live.end() || it->ending) {
                if (it != m_live.end()) { // ending right now: answer with how it ended
                    it->onEnded.push_back([responder](Result<Message> m) { answer(responder, m); });
                    return;
                }
                answer(responder, apiError(ErrorCode::Conflict, QStringLiteral("this answer is not being written")));
                return;
            }
            it->onEnded.push_back([responder](Result<Message> m) { answer(responder, m); });
            endAnswer(r.value.messageId, AiState::Cancelled, std::nullopt, ModelOutcome{});
        });
}

void AssistantHub::retry(const Caller &caller, const QString &roomId, const QString &messageId,
                         std::shared_ptr<HttpResponder> responder)
{
    m_worker.run<Message>(
        this,
        [caller, roomId, messageId](Services &s, Effects &) {
            return AiAnswerService(s.context).controllable(caller, roomId, messageId);
        },
        [this, caller, responder](Result<Message> r) {
            if (!r) {
                answer(responder, r);
                return;
            }
            const AiState state = r.value.ai->state;
            if (state != AiState::Error && state != AiState::Cancelled) {
                answer(responder,
                       apiError(ErrorCode::Conflict,
                                QStringLiteral("only an answer that failed or was cancelled can be retried")));
                return;
            }
            if (!m_provider) {
                answer(responder, disabledError());
                return;
            }
            ask(r.value.roomId, r.value.replyTo, r.value.ai->askedBy, caller.userId, -1,
                [responder](Result<Message> m) { answer(responder, m, 201); });
        });
}

void AssistantHub::askRest(const Caller &caller, const json &body, std::shared_ptr<HttpResponder> responder)
{
    if (body.is_null()) {
        responder->send(
            RestApi::failure(apiError(ErrorCode::BadRequest, QStringLiteral("this request needs a JSON body"))));
        return;
    }
    AiAskRequest req;
    try {
        req = body.get<AiAskRequest>();
    } catch (const DecodeError &e) {
        responder->send(RestApi::failure(e.toApiError()));
        return;
    }
    if (!m_provider) {
        responder->send(RestApi::failure(disabledError()));
        return;
    }
    const qint64 now = m_clock.nowMs();
    if (auto refused = m_limits.check(caller.userId, req.roomId, now)) {
        ++m_usage.refused;
        responder->send(RestApi::failure(*refused));
        return;
    }
    m_limits.admit(caller.userId, QString(), now);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    auto run = [this, caller, req, responder, started](const std::vector<Message> &recent) {
        const ModelPrompt prompt =
            ContextBuilder(m_config.maxContextTokens).buildAsk(req.question, req.context, recent);
        ModelStream *stream = m_provider->start(prompt, this);
        auto text = std::make_shared<QString>();
        const int maxChars = m_config.maxAnswerChars;
        connect(stream, &ModelStream::textArrived, this, [text, maxChars](const QString &t) {
            if (text->size() < maxChars)
                *text += t.left(maxChars - text->size());
        });
        connect(stream, &ModelStream::finished, this,
                [this, stream, caller, req, responder, started, text, prompt](const ModelOutcome &outcome) {
                    stream->deleteLater();
                    const qint64 tokens = outcome.tokensIn.value_or(prompt.estimatedTokens) +
                                          outcome.tokensOut.value_or(estimateTokens(*text));
                    countTokens(caller.userId, req.roomId, tokens);
                    m_usage.tokensIn += outcome.tokensIn.value_or(prompt.estimatedTokens);
                    m_usage.tokensOut += outcome.tokensOut.value_or(estimateTokens(*text));
                    if (!outcome.ok) {
                        ++m_usage.errors;
                        responder->send(RestApi::failure(apiError(
                            ErrorCode::Unavailable, outcome.errorCode + QStringLiteral(": ") + outcome.errorMessage)));
                        return;
                    }
                    AiAskAnswer a{*text, prompt.sources, confidenceFor(outcome.finishReason), started->elapsed()};
                    responder->send(RestApi::success(json(a)));
                });
    };
    if (req.roomId.isEmpty()) {
        run({});
        return;
    }
    m_worker.run<std::vector<Message>>(
        this,
        [caller, roomId = req.roomId](Services &s, Effects &) {
            return AiAnswerService(s.context).askContext(caller, roomId, kHistoryCount);
        },
        [responder, run](Result<std::vector<Message>> r) {
            if (!r) {
                responder->send(RestApi::failure(*r.error));
                return;
            }
            run(r.value);
        });
}

} // namespace confab::server
