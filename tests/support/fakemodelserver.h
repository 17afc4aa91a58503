// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A stand-in for an OpenAI-compatible model server (llama-server, Ollama, vLLM), on 127.0.0.1.
// POST /v1/chat/completions with "stream": true answers server-sent events in the documented
// format, one chunk per piece of the reply:
//
//   HTTP/1.1 200 OK, Content-Type: text/event-stream, Transfer-Encoding: chunked
//   data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,
//          "delta":{"role":"assistant","content":"<piece>"},"finish_reason":null}]}
//   ... then a chunk with "delta":{} and "finish_reason":"stop" and "usage":{prompt_tokens,
//   completion_tokens}, then `data: [DONE]`, then the end of the chunked body.
//
// It misbehaves on command (Behaviour) and records every request, so tests can check the
// prompt, its budget and the Authorization header.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <vector>

class QTcpSocket;

namespace confab::test {

class FakeModelServer : public QObject {
    Q_OBJECT
public:
    enum class Behaviour {
        Normal,          // pieces, stop, usage, [DONE]
        SplitChunks,     // every event cut into 3-byte TCP writes (inside UTF-8 sequences too)
        NoDone,          // no `data: [DONE]` (the body still ends properly)
        Stall,           // the first piece, then nothing, connection left open
        TooManyRequests, // 429 with {"error":{"message":...}}
        ServerError,     // 500 with a JSON error body
        CloseMidStream,  // two pieces, then the connection is cut (no end of the chunked body)
        Reasoning,       // reasoning_content deltas and null contents before the pieces
    };
    struct Request {
        QByteArray path;
        QByteArray authorization;
        nlohmann::json body;
    };

    explicit FakeModelServer(QObject *parent = nullptr);
    ~FakeModelServer() override;

    bool listen();
    QString baseUrl() const; // http://127.0.0.1:<port>/v1

    void setBehaviour(Behaviour b) { m_behaviour = b; }
    void setReply(QStringList pieces) { m_pieces = std::move(pieces); }
    QString replyText() const { return m_pieces.join(QString()); }
    void setPieceIntervalMs(int ms) { m_intervalMs = ms; }
    // Sends this many pieces, then waits for release() before the rest (0: no hold). A held
    // stream sends SSE keep-alive comments meanwhile, so it never looks stalled.
    void holdAfter(int pieces) { m_holdAfter = pieces; }
    void release();
    // Held streams whose client is still connected (a client that gave up closed its connection).
    int heldStreamsOpen() const;
    // Text an error body carries, echoed in 500 answers (the key-leak test puts the key in it).
    void setErrorMessage(const QString &m) { m_errorMessage = m; }

    const std::vector<Request> &requests() const { return m_requests; }
    int streamsSent() const { return m_streams; }

private:
    struct Stream {
        QPointer<QTcpSocket> socket;
        int next = 0;
        bool held = false;
    };
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket);
    void sendNext(const std::shared_ptr<Stream> &s);
    void writeChunk(QTcpSocket *socket, const QByteArray &bytes);
    void writeEvent(QTcpSocket *socket, const nlohmann::json &event);

    void keepAlive();

    QTcpServer m_server;
    QTimer m_keepAlive;
    Behaviour m_behaviour = Behaviour::Normal;
    QStringList m_pieces{QStringLiteral("Hello"), QStringLiteral(" from"), QStringLiteral(" the model.")};
    int m_intervalMs = 10;
    int m_holdAfter = 0;
    QString m_errorMessage = QStringLiteral("model crashed: out of memory");
    std::vector<Request> m_requests;
    std::vector<std::shared_ptr<Stream>> m_held;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_streams = 0;
};

} // namespace confab::test
