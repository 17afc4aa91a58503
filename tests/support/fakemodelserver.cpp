// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemodelserver.h"

#include <QTcpSocket>

#include <algorithm>

namespace confab::test {

using nlohmann::json;

FakeModelServer::FakeModelServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeModelServer::onConnection);
    connect(&m_keepAlive, &QTimer::timeout, this, &FakeModelServer::keepAlive);
    m_keepAlive.start(200);
}

void FakeModelServer::keepAlive()
{
    for (const auto &s : m_held) {
        if (s->socket && s->socket->state() == QAbstractSocket::ConnectedState)
            writeChunk(s->socket, ": keep-alive\n\n");
    }
}

FakeModelServer::~FakeModelServer() = default;

bool FakeModelServer::listen() { return m_server.listen(QHostAddress::LocalHost, 0); }

QString FakeModelServer::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort()); }

void FakeModelServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

void FakeModelServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    qsizetype length = 0;
    Request request;
    request.path = lines.value(0).split(' ').value(1);
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "authorization")
            request.authorization = value;
    }
    if (buffer.size() < headEnd + 4 + length)
        return;
    const QByteArray body = buffer.mid(headEnd + 4, length);
    buffer.clear();
    request.body = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    m_requests.push_back(std::move(request));
    respond(socket);
}

void FakeModelServer::respond(QTcpSocket *socket)
{
    auto errorAnswer = [socket](int status, const char *reason, const json &body) {
        const QByteArray bytes = QByteArray::fromStdString(body.dump());
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                      "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(bytes.size()) + "\r\n\r\n" + bytes);
        socket->disconnectFromHost();
    };
    if (m_behaviour == Behaviour::TooManyRequests) {
        errorAnswer(429, "Too Many Requests",
                    {{"error", {{"message", "Rate limit reached for requests"}, {"type", "rate_limit_exceeded"}}}});
        return;
    }
    if (m_behaviour == Behaviour::ServerError) {
        errorAnswer(500, "Internal Server Error",
                    {{"error", {{"message", m_errorMessage.toStdString()}, {"type", "server_error"}}}});
        return;
    }
    ++m_streams;
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                  "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    if (m_behaviour == Behaviour::Reasoning) {
        writeEvent(socket,
                   {{"choices",
                     {{{"index", 0},
                       {"delta", {{"role", "assistant"}, {"content", nullptr}, {"reasoning_content", "Let me think."}}},
                       {"finish_reason", nullptr}}}}});
    }
    auto s = std::make_shared<Stream>();
    s->socket = socket;
    sendNext(s);
}

void FakeModelServer::writeChunk(QTcpSocket *socket, const QByteArray &bytes)
{
    socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

void FakeModelServer::writeEvent(QTcpSocket *socket, const json &event)
{
    const QByteArray bytes = "data: " + QByteArray::fromStdString(event.dump()) + "\n\n";
    if (m_behaviour != Behaviour::SplitChunks) {
        writeChunk(socket, bytes);
        return;
    }
    for (qsizetype i = 0; i < bytes.size(); i += 3) {
        writeChunk(socket, bytes.mid(i, 3));
        socket->flush();
    }
}

void FakeModelServer::release()
{
    m_holdAfter = 0;
    const auto held = std::move(m_held);
    m_held.clear();
    for (const auto &s : held) {
        s->held = false;
        sendNext(s);
    }
}

int FakeModelServer::heldStreamsOpen() const
{
    return int(std::count_if(m_held.begin(), m_held.end(), [](const std::shared_ptr<Stream> &s) {
        return s->socket && s->socket->state() == QAbstractSocket::ConnectedState;
    }));
}

void FakeModelServer::sendNext(const std::shared_ptr<Stream> &s)
{
    QTcpSocket *socket = s->socket;
    if (!socket)
        return;
    if (m_behaviour == Behaviour::Stall && s->next >= 1)
        return; // nothing more, ever; the connection stays open
    if (m_behaviour == Behaviour::CloseMidStream && s->next >= 2) {
        socket->flush();
        socket->abort();
        return;
    }
    if (m_holdAfter > 0 && s->next == m_holdAfter && !s->held) {
        s->held = true;
        m_held.push_back(s);
        return;
    }
    if (s->next < m_pieces.size()) {
        writeEvent(socket, {{"id", "chatcmpl-1"},
                            {"object", "chat.completion.chunk"},
                            {"choices",
                             {{{"index", 0},
                               {"delta", {{"role", "assistant"}, {"content", m_pieces[s->next].toStdString()}}},
                               {"finish_reason", nullptr}}}}});
        ++s->next;
        QTimer::singleShot(m_intervalMs, this, [this, s] { sendNext(s); });
        return;
    }
    writeEvent(socket, {{"id", "chatcmpl-1"},
                        {"object", "chat.completion.chunk"},
                        {"choices", {{{"index", 0}, {"delta", json::object()}, {"finish_reason", "stop"}}}},
                        {"usage", {{"prompt_tokens", 42}, {"completion_tokens", m_pieces.size()}}}});
    if (m_behaviour != Behaviour::NoDone)
        writeChunk(socket, "data: [DONE]\n\n");
    socket->write("0\r\n\r\n");
    socket->disconnectFromHost();
}

} // namespace confab::test
