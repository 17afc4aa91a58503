// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventpolltransport.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcEventPoll, "confab.client.eventpoll")

namespace confab::client {

EventPollTransport::EventPollTransport(QObject *parent) : QObject(parent) {}

QNetworkRequest EventPollTransport::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_server;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return r;
}

void EventPollTransport::start(const QUrl &server, const QString &token)
{
    stop();
    m_server = server;
    m_token = token;
    m_running = true;
    m_resumed = false;
    QNetworkRequest r = request(QStringLiteral("/v1/me"), {});
    r.setTransferTimeout(20000);
    QNetworkReply *reply = m_nam.get(r);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_reply || !m_running)
            return;
        QByteArray body;
        if (!readAnswer(reply, &body))
            return;
        try {
            const nlohmann::json j = parseJsonDocument(body, limits::kJsonDepthMax);
            const User me = j.at("data").get<User>();
            Q_EMIT online(me);
        } catch (const std::exception &e) {
            m_running = false;
            Q_EMIT failed(
                tr("The server sent an answer this client cannot read (%1).").arg(QString::fromUtf8(e.what())));
        }
    });
}

void EventPollTransport::stop()
{
    m_running = false;
    m_syncRefs.clear();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->abort();
    }
}

void EventPollTransport::sync(const std::map<QString, qint64> &rooms, const QString &ref)
{
    if (!m_running)
        return;
    // The stream id stays: the server then replays from these seqs into the same stream.
    for (const auto &[roomId, seq] : rooms)
        m_cursor.rooms[roomId] = seq;
    if (!m_resumed) {
        m_cursor.rooms = rooms; // the first sync names every room we know
        m_resumed = true;
    }
    m_syncRefs << ref;
    poll(0); // the replay at once; then held polls
}

bool EventPollTransport::send(const ClientFrame &frame)
{
    if (!m_running)
        return false;
    if (const auto *f = std::get_if<SyncFrame>(&frame)) {
        sync(f->rooms, f->ref);
        return true;
    }
    QByteArray method;
    QString path;
    nlohmann::json body;
    if (const auto *f = std::get_if<TypingStartFrame>(&frame)) {
        method = "POST", path = QStringLiteral("/v1/chat/rooms/%1/typing").arg(f->roomId), body = {{"isTyping", true}};
    } else if (const auto *f = std::get_if<TypingStopFrame>(&frame)) {
        method = "POST", path = QStringLiteral("/v1/chat/rooms/%1/typing").arg(f->roomId), body = {{"isTyping", false}};
    } else if (const auto *f = std::get_if<SetPresenceFrame>(&frame)) {
        method = "PUT", path = QStringLiteral("/v1/presence");
        body = {{"status", toString(f->status).toStdString()}, {"customStatus", f->customStatus.toStdString()}};
    } else {
        return false; // the rest already goes over REST (ApiClient)
    }
    QNetworkRequest r = request(path, {});
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setTransferTimeout(20000);
    QNetworkReply *reply = m_nam.sendCustomRequest(r, method, toJsonBytes(body));
    // Fire and forget, as the WebSocket frame was: typing and presence expire or are set again.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return true;
}

void EventPollTransport::poll(int timeoutSeconds)
{
    if (QNetworkReply *old = m_reply) {
        m_reply = nullptr;
        old->abort();
    }
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(m_cursor.encode()));
    q.addQueryItem(QStringLiteral("timeout"), QString::number(timeoutSeconds));
    QNetworkRequest r = request(QStringLiteral("/v1/events"), q);
    r.setTransferTimeout((timeoutSeconds + 20) * 1000); // a held poll that never answers is a dead path
    QNetworkReply *reply = m_nam.get(r);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPollAnswered(reply); });
}

bool EventPollTransport::readAnswer(QNetworkReply *reply, QByteArray *body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    *body = reply->readAll();
    if (status == 200)
        return true;
    m_running = false;
    QString message = reply->errorString();
    try {
        const nlohmann::json j = parseJsonDocument(*body, limits::kJsonDepthMax);
        message = QString::fromStdString(j.at("error").at("message").get<std::string>());
    } catch (const std::exception &) {
    }
    if (status == 401)
        Q_EMIT authenticationRejected(message);
    else
        Q_EMIT failed(message);
    return false;
}

void EventPollTransport::onPollAnswered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || !m_running)
        return; // replaced by a newer poll, or stopped
    m_reply = nullptr;
    QByteArray body;
    if (!readAnswer(reply, &body))
        return;
    std::vector<ServerFrame> frames;
    try {
        const nlohmann::json j = parseJsonDocument(body, limits::kJsonDepthMax + 8);
        const nlohmann::json &data = j.at("data");
        m_cursor = EventCursor::decode(QByteArray::fromStdString(data.at("cursor").get<std::string>()));
        for (const nlohmann::json &event : data.at("events")) {
            try {
                frames.push_back(decodeServerFrame(event));
            } catch (const DecodeError &e) {
                qCWarning(lcEventPoll) << "ignoring an event we cannot read:" << e.what();
            }
        }
    } catch (const std::exception &e) {
        m_running = false;
        Q_EMIT failed(tr("The server sent an answer this client cannot read (%1).").arg(QString::fromUtf8(e.what())));
        return;
    }
    const QStringList refs = std::exchange(m_syncRefs, {});
    const QPointer<EventPollTransport> guard(this);
    for (const ServerFrame &frame : frames) {
        Q_EMIT frameReceived(frame);
        if (!guard || !m_running)
            return;
    }
    for (const QString &ref : refs)
        Q_EMIT frameReceived(SyncedFrame{ref});
    if (guard && m_running && !m_reply) // a sync() from a handler may have polled already
        poll(m_pollTimeoutSeconds);
}

} // namespace confab::client
