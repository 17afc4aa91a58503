// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "restclient.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTcpSocket>
#include <QUrl>

#include <deque>
#include <functional>

namespace confab::test {

// GET /v1/events as a long-poll, without blocking: start() returns at once, the test does other
// things (sends a message) while the request is held, then finish() waits for the answer.
class LongPoller {
public:
    LongPoller(QUrl base, QString token) : m_base(std::move(base)), m_token(std::move(token)) {}
    // `cursor` empty: no cursor; `timeout` < 0: no timeout parameter.
    QNetworkReply *start(const QByteArray &cursor, int timeout = 25);
    static RestReply finish(QNetworkReply *reply, int waitMs = 30000);
    RestReply poll(const QByteArray &cursor, int timeout = 25) { return finish(start(cursor, timeout)); }

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_nam;
};

// GET /v1/events with Accept: text/event-stream over a raw socket, so the test controls
// Last-Event-ID and sees every field: keeps each event in order and waits for them.
class SseClient : public QObject {
    Q_OBJECT
public:
    struct Event {
        QByteArray id;
        QByteArray event;
        QByteArray data; // the JSON frame
    };

    bool open(const QUrl &base, const QString &token, const QByteArray &lastEventId = {}, int timeoutMs = 10000);
    void close();
    int status() const { return m_status; }
    QByteArray head() const { return m_head; }
    // The stream's id before any event (the `id:` of its opening block).
    QByteArray initialId() const { return m_initialId; }
    // Takes the first received event matching, waiting for it; an empty Event on time-out.
    Event waitFor(const std::function<bool(const Event &)> &match, int timeoutMs = 10000);
    const std::deque<Event> &events() const { return m_events; }
    bool waitClosed(int timeoutMs = 10000);
    bool isClosed() const { return m_closed; }

private:
    void onData();
    void onClosed();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_head;
    QByteArray m_initialId;
    int m_status = 0;
    bool m_headDone = false;
    bool m_closed = false;
    std::deque<Event> m_events;
};

} // namespace confab::test
