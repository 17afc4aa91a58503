// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstreamclient.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace confab::test {

QNetworkReply *LongPoller::start(const QByteArray &cursor, int timeout)
{
    QUrl url = m_base;
    url.setPath(QStringLiteral("/v1/events"));
    QUrlQuery q;
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(cursor));
    if (timeout >= 0)
        q.addQueryItem(QStringLiteral("timeout"), QString::number(timeout));
    url.setQuery(q);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(0);
    return m_nam.get(request);
}

RestReply LongPoller::finish(QNetworkReply *reply, int waitMs)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(waitMs);
    }
    RestReply out;
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.raw = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    out.body = nlohmann::json::parse(out.raw.constData(), out.raw.constData() + out.raw.size(), nullptr, false);
    if (out.body.is_discarded())
        out.body = nullptr;
    reply->deleteLater();
    return out;
}

bool SseClient::open(const QUrl &base, const QString &token, const QByteArray &lastEventId, int timeoutMs)
{
    connect(&m_socket, &QIODevice::readyRead, this, &SseClient::onData, Qt::UniqueConnection);
    connect(&m_socket, &QAbstractSocket::disconnected, this, &SseClient::onClosed, Qt::UniqueConnection);
    m_socket.connectToHost(base.host(), quint16(base.port()));
    if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return false;
    QByteArray request = "GET /v1/events HTTP/1.1\r\nHost: " + base.host().toLatin1() +
                         "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token.toUtf8() + "\r\n";
    if (!lastEventId.isEmpty())
        request += "Last-Event-ID: " + lastEventId + "\r\n";
    request += "\r\n";
    m_socket.write(request);
    // Open once the head and the opening block (with the stream's id) have come, or an error.
    return QTest::qWaitFor([this] { return (m_headDone && (m_status != 200 || !m_initialId.isEmpty())) || m_closed; },
                           timeoutMs) &&
           m_headDone;
}

void SseClient::close() { m_socket.abort(); }

void SseClient::onClosed() { m_closed = true; }

void SseClient::onData()
{
    m_buffer += m_socket.readAll();
    if (!m_headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        m_status = m_head.mid(9, 3).toInt();
        m_headDone = true;
        if (m_status != 200)
            return; // a JSON error body follows; the test reads head() and status()
    }
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\n\n");
        if (end < 0)
            return;
        const QByteArray block = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        Event e;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith("id: "))
                e.id = line.mid(4);
            else if (line.startsWith("event: "))
                e.event = line.mid(7);
            else if (line.startsWith("data: "))
                e.data += line.mid(6);
        }
        if (e.data.isEmpty()) {
            if (!e.id.isEmpty() && m_initialId.isEmpty())
                m_initialId = e.id;
            continue; // comments (heartbeats) and the opening block
        }
        m_events.push_back(std::move(e));
    }
}

SseClient::Event SseClient::waitFor(const std::function<bool(const Event &)> &match, int timeoutMs)
{
    Event found;
    (void)QTest::qWaitFor(
        [&] {
            for (auto it = m_events.begin(); it != m_events.end(); ++it) {
                if (match(*it)) {
                    found = *it;
                    m_events.erase(it);
                    return true;
                }
            }
            return m_closed && m_socket.bytesAvailable() == 0;
        },
        timeoutMs);
    return found;
}

bool SseClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
}

} // namespace confab::test
