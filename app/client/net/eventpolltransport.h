// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/eventcursor.h"
#include "core/frames.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QNetworkReply;

namespace confab::client {

// The long-poll fallback (GET /v1/events) for a network that blocks WebSockets: one request held
// at a time, each answer's events handed on as the same ServerFrames the WebSocket would give.
// It resumes from the same per-room seq the WebSocket's `sync` carries, so RealtimeConnection can
// move between the two without losing or repeating an event. Actions go over REST meanwhile.
class EventPollTransport : public QObject {
    Q_OBJECT
public:
    explicit EventPollTransport(QObject *parent = nullptr);

    // Checks the token (GET /v1/me), says online(), then waits for sync() to say where to resume.
    void start(const QUrl &server, const QString &token);
    void stop();
    bool isRunning() const { return m_running; }
    // Resume these rooms from these seqs (SyncEngine's `sync`); `synced` with `ref` follows the replay.
    void sync(const std::map<QString, qint64> &rooms, const QString &ref);
    // What the WebSocket would carry from client to server: `sync` resumes, typing and presence
    // go to their REST endpoints. False for any other frame (those go over REST already).
    bool send(const ClientFrame &frame);
    void setPollTimeoutSeconds(int seconds) { m_pollTimeoutSeconds = seconds; }

Q_SIGNALS:
    void online(const confab::User &me);
    void frameReceived(const confab::ServerFrame &frame);
    // The server cannot be reached or answered an error: the owner decides when to try again.
    void failed(const QString &why);
    void authenticationRejected(const QString &message);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query) const;
    void poll(int timeoutSeconds);
    void onPollAnswered(QNetworkReply *reply);
    // Reads the JSON envelope; false (and failed() or authenticationRejected() emitted) on an error.
    bool readAnswer(QNetworkReply *reply, QByteArray *body);

    QNetworkAccessManager m_nam;
    QUrl m_server;
    QString m_token;
    bool m_running = false;
    bool m_resumed = false; // sync() has said where to start
    EventCursor m_cursor;
    QStringList m_syncRefs; // answered with `synced` after the next answer
    QPointer<QNetworkReply> m_reply;
    int m_pollTimeoutSeconds = 25;
};

} // namespace confab::client
