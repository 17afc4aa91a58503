// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaimodelclient.h"

#include <QNetworkReply>
#include <QNetworkRequest>

#include <nlohmann/json.hpp>

namespace confab::server {

using nlohmann::json;

namespace {
constexpr qsizetype kErrorBodyMax = 16 * 1024;
}

OpenAiModelClient::OpenAiModelClient(const AssistantConfig &config) : m_config(config) {}

OpenAiModelClient::~OpenAiModelClient() = default;

ModelStream *OpenAiModelClient::start(const ModelPrompt &prompt, QObject *parent)
{
    QString base = m_config.url;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest request(QUrl(base + QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "text/event-stream");
    if (!m_config.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    json messages = json::array();
    for (const ChatTurn &t : prompt.turns)
        messages.push_back({{"role", t.role.toStdString()}, {"content", t.content.toStdString()}});
    const json body{{"model", m_config.model.toStdString()},
                    {"messages", std::move(messages)},
                    {"stream", true},
                    {"stream_options", {{"include_usage", true}}},
                    {"max_tokens", std::max(16, m_config.maxAnswerChars / 3)}};
    QNetworkReply *reply = m_nam.post(request, QByteArray::fromStdString(body.dump()));
    return new OpenAiModelStream(reply, m_config.stallTimeoutMs, m_config.apiKey, parent);
}

OpenAiModelStream::OpenAiModelStream(QNetworkReply *reply, int stallTimeoutMs, QString secret, QObject *parent)
    : ModelStream(parent), m_reply(reply), m_stallTimeoutMs(stallTimeoutMs), m_secret(std::move(secret))
{
    m_stall.setSingleShot(true);
    connect(&m_stall, &QTimer::timeout, this, &OpenAiModelStream::onStalled);
    connect(reply, &QNetworkReply::readyRead, this, &OpenAiModelStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &OpenAiModelStream::onFinished);
    m_stall.start(stallTimeoutMs);
}

OpenAiModelStream::~OpenAiModelStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OpenAiModelStream::abort()
{
    m_ended = true;
    m_stall.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

bool OpenAiModelStream::isEventStream() const
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    // Some servers stream SSE as text/plain or with no type at all: only an error status or
    // a JSON body is taken as "not a stream".
    return status >= 200 && status < 300 && !type.startsWith("application/json");
}

void OpenAiModelStream::onReadyRead()
{
    if (m_ended || !m_reply)
        return;
    m_stall.start(m_stallTimeoutMs);
    const QByteArray bytes = m_reply->readAll();
    if (!isEventStream()) {
        if (m_errorBody.size() < kErrorBodyMax)
            m_errorBody += bytes.left(kErrorBodyMax - m_errorBody.size());
        return;
    }
    handle(m_parser.feed(bytes));
}

void OpenAiModelStream::handle(const std::vector<ChatChunk> &chunks)
{
    for (const ChatChunk &c : chunks) {
        if (m_ended)
            return;
        if (!c.error.isEmpty()) {
            end(ModelOutcome::failure(QStringLiteral("MODEL_ERROR"),
                                      QStringLiteral("The model server reported: %1").arg(c.error)));
            return;
        }
        if (!c.content.isEmpty()) {
            m_gotText = true;
            Q_EMIT textArrived(c.content);
        }
        if (!c.finishReason.isEmpty())
            m_outcome.finishReason = c.finishReason;
        if (c.promptTokens)
            m_outcome.tokensIn = c.promptTokens;
        if (c.completionTokens)
            m_outcome.tokensOut = c.completionTokens;
    }
}

void OpenAiModelStream::onFinished()
{
    if (m_ended || !m_reply)
        return;
    m_stall.stop();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = m_reply->error();
    const QByteArray rest = m_reply->readAll();
    if (status == 0 && error != QNetworkReply::NoError) {
        // No HTTP answer at all: refused, unknown host, TLS, reset before the head.
        end(ModelOutcome::failure(
            QStringLiteral("MODEL_UNREACHABLE"),
            QStringLiteral("The model server could not be reached: %1").arg(m_reply->errorString())));
        return;
    }
    if (!isEventStream()) {
        m_errorBody += rest.left(kErrorBodyMax);
        if (status >= 200 && status < 300) {
            // A whole JSON answer from a server that ignored stream: true.
            if (auto c = SseStreamParser::parseChunk(m_errorBody); c && !c->content.isEmpty() && c->error.isEmpty()) {
                handle({*c});
                end(m_outcome);
                return;
            }
        }
        end(ModelOutcome::failure(
            QStringLiteral("MODEL_ERROR"),
            QStringLiteral("The model server answered HTTP %1: %2").arg(status).arg(modelErrorMessage(m_errorBody))));
        return;
    }
    handle(m_parser.feed(rest));
    handle(m_parser.finish());
    if (m_ended)
        return;
    if (error != QNetworkReply::NoError && !m_parser.sawDone() && m_outcome.finishReason.isEmpty()) {
        end(ModelOutcome::failure(
            QStringLiteral("MODEL_ERROR"),
            QStringLiteral("The connection to the model server broke off: %1").arg(m_reply->errorString())));
        return;
    }
    if (!m_gotText) {
        end(ModelOutcome::failure(QStringLiteral("MODEL_EMPTY"), QStringLiteral("The model ended without an answer.")));
        return;
    }
    end(m_outcome);
}

void OpenAiModelStream::onStalled()
{
    if (m_ended)
        return;
    end(ModelOutcome::failure(
        QStringLiteral("MODEL_STALLED"),
        QStringLiteral("The model sent nothing for %1 seconds.").arg(double(m_stallTimeoutMs) / 1000.0)));
}

void OpenAiModelStream::end(ModelOutcome outcome)
{
    if (m_ended)
        return;
    m_ended = true;
    m_stall.stop();
    if (!outcome.ok) {
        if (!m_secret.isEmpty())
            outcome.errorMessage.replace(m_secret, QStringLiteral("[redacted]"));
        // Keep what the model reported about usage even on failure.
        outcome.tokensIn = outcome.tokensIn ? outcome.tokensIn : m_outcome.tokensIn;
        outcome.tokensOut = outcome.tokensOut ? outcome.tokensOut : m_outcome.tokensOut;
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished(outcome);
}

} // namespace confab::server
