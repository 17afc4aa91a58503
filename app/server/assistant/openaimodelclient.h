// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistantconfig.h"
#include "modelprovider.h"
#include "ssestreamparser.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace confab::server {

// POST <url>/chat/completions with stream: true, read as server-sent events through
// QNetworkAccessManager (asynchronous: the network thread never waits). HTTP errors with JSON
// bodies, answers that are not SSE, connection and TLS errors and a stall longer than the
// timeout all end the stream with an error the message shows. The key goes in the
// Authorization header only.
class OpenAiModelClient final : public ModelProvider {
public:
    explicit OpenAiModelClient(const AssistantConfig &config);
    ~OpenAiModelClient() override;
    QString modelName() const override { return m_config.model; }
    ModelStream *start(const ModelPrompt &prompt, QObject *parent) override;

private:
    AssistantConfig m_config;
    QNetworkAccessManager m_nam;
};

class OpenAiModelStream final : public ModelStream {
    Q_OBJECT
public:
    // `secret`: the API key, cut out of any error text (a server may echo what it was sent).
    OpenAiModelStream(QNetworkReply *reply, int stallTimeoutMs, QString secret, QObject *parent);
    ~OpenAiModelStream() override;
    void abort() override;

private:
    void onReadyRead();
    void onFinished();
    void onStalled();
    void handle(const std::vector<ChatChunk> &chunks);
    void end(ModelOutcome outcome);
    bool isEventStream() const;

    QPointer<QNetworkReply> m_reply;
    QTimer m_stall;
    SseStreamParser m_parser;
    QByteArray m_errorBody; // a non-SSE answer, kept for its error message
    ModelOutcome m_outcome;
    bool m_gotText = false;
    bool m_ended = false;
    int m_stallTimeoutMs;
    QString m_secret;
};

} // namespace confab::server
