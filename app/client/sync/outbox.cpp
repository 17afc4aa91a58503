// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "client/net/apiclient.h"
#include "client/net/realtimeconnection.h"
#include "client/net/uploadclient.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QUuid>

Q_LOGGING_CATEGORY(lcOutbox, "confab.client.outbox")

namespace confab::client {

Outbox::Outbox(ApiClient &api, LocalStore &store, RealtimeConnection &connection, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_connection(connection), m_items(store.outgoing()),
      m_uploads(new UploadClient(api, this))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_waiting.clear();
        pump();
    });
    // The server is back: everything that waited goes again.
    connect(&m_connection, &RealtimeConnection::online, this, [this] {
        m_retryTimer.stop();
        m_waiting.clear();
        m_failures = 0;
        pump();
    });
}

namespace {
MessageType typeOfFile(const QString &mimeType)
{
    if (mimeType.startsWith(QLatin1String("image/")))
        return MessageType::Image;
    if (mimeType.startsWith(QLatin1String("audio/")))
        return MessageType::Audio;
    if (mimeType.startsWith(QLatin1String("video/")))
        return MessageType::Video;
    return MessageType::File;
}
qint64 totalSize(const OutgoingItem &item)
{
    qint64 total = 0;
    for (const OutgoingFile &f : item.files)
        total += f.fileSize;
    return total;
}
} // namespace

OutgoingFile Outbox::describeFile(const QString &path)
{
    const QFileInfo info(path);
    OutgoingFile f;
    f.path = info.absoluteFilePath();
    f.fileName = info.fileName();
    f.fileSize = info.size();
    f.mimeType = QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchContent).name();
    return f;
}

QString Outbox::send(const QString &roomId, const QString &content, const QString &replyTo,
                     std::vector<OutgoingFile> files, bool anonymous)
{
    OutgoingItem item;
    item.clientMsgId = QStringLiteral("c") + QUuid::createUuid().toString(QUuid::Id128);
    item.roomId = roomId;
    item.content = content;
    item.replyTo = replyTo;
    item.files = std::move(files);
    item.anonymous = anonymous;
    if (!item.files.empty())
        item.type = typeOfFile(item.files.front().mimeType);
    item.createdAt = QDateTime::currentMSecsSinceEpoch();
    m_store.addOutgoing(item); // on disk before anyone sees it
    m_items.push_back(item);
    Q_EMIT queued(item);
    pump();
    return item.clientMsgId;
}

void Outbox::retry(const QString &clientMsgId)
{
    OutgoingItem *item = find(clientMsgId);
    if (!item || item->state != OutgoingItem::State::Failed)
        return;
    item->state = OutgoingItem::State::Pending;
    item->error.clear();
    m_store.updateOutgoing(*item);
    Q_EMIT stateChanged(*item);
    m_waiting.remove(item->roomId);
    pump();
}

void Outbox::discard(const QString &clientMsgId)
{
    OutgoingItem *item = find(clientMsgId);
    if (!item || item->state != OutgoingItem::State::Failed)
        return; // a pending one may already be on the server; only failed ones can go
    remove(clientMsgId);
}

bool Outbox::cancel(const QString &clientMsgId)
{
    OutgoingItem *item = find(clientMsgId);
    if (!item || m_sending.contains(clientMsgId))
        return false;
    if (item->state == OutgoingItem::State::Pending && item->files.empty())
        return false; // a plain message may be on the server already
    remove(clientMsgId);
    return true;
}

void Outbox::remove(const QString &clientMsgId)
{
    OutgoingItem *item = find(clientMsgId);
    if (!item)
        return;
    const QString roomId = item->roomId;
    if (FileUpload *upload = m_active.take(clientMsgId)) {
        upload->cancel(); // also removes its partial upload on the server
        upload->deleteLater();
        m_inFlight.remove(roomId);
    }
    for (const OutgoingFile &f : item->files) {
        if (!f.uploaded && !f.uploadId.isEmpty())
            m_uploads->discardUpload(f.uploadId);
    }
    m_progress.remove(clientMsgId);
    m_store.removeOutgoing(clientMsgId);
    std::erase_if(m_items, [&](const OutgoingItem &i) { return i.clientMsgId == clientMsgId; });
    Q_EMIT discarded(roomId, clientMsgId);
    pump();
}

std::pair<qint64, qint64> Outbox::uploadProgress(const QString &clientMsgId) const
{
    if (const auto it = m_progress.constFind(clientMsgId); it != m_progress.cend())
        return *it;
    for (const auto &i : m_items) {
        if (i.clientMsgId != clientMsgId)
            continue;
        qint64 sent = 0;
        for (const OutgoingFile &f : i.files)
            sent += f.uploaded ? f.fileSize : 0;
        return {sent, totalSize(i)};
    }
    return {0, 0};
}

void Outbox::resume()
{
    m_running = true;
    pump();
}

void Outbox::pause()
{
    m_running = false;
    m_retryTimer.stop();
    // Uploads stop where they are; resume() asks the server where that was.
    for (FileUpload *upload : std::as_const(m_active)) {
        m_inFlight.remove(upload->request().roomId);
        upload->disconnect(this);
        upload->stop();
        upload->deleteLater(); // it may be telling us its progress right now
    }
    m_active.clear();
}

std::vector<OutgoingItem> Outbox::items(const QString &roomId) const
{
    std::vector<OutgoingItem> out;
    for (const auto &i : m_items) {
        if (i.roomId == roomId)
            out.push_back(i);
    }
    return out;
}

OutgoingItem *Outbox::find(const QString &clientMsgId)
{
    for (auto &i : m_items) {
        if (i.clientMsgId == clientMsgId)
            return &i;
    }
    return nullptr;
}

void Outbox::pump()
{
    if (!m_running)
        return;
    QSet<QString> seen;
    for (const auto &i : m_items) {
        if (i.state != OutgoingItem::State::Pending || seen.contains(i.roomId))
            continue;
        seen.insert(i.roomId);
        if (!m_inFlight.contains(i.roomId) && !m_waiting.contains(i.roomId))
            sendHead(i.roomId);
    }
}

void Outbox::sendHead(const QString &roomId)
{
    const OutgoingItem *head = nullptr;
    for (const auto &i : m_items) {
        if (i.roomId == roomId && i.state == OutgoingItem::State::Pending) {
            head = &i;
            break;
        }
    }
    if (!head)
        return;
    m_inFlight.insert(roomId);
    for (OutgoingFile &f : find(head->clientMsgId)->files) {
        if (!f.uploaded) {
            uploadNext(*find(head->clientMsgId));
            return;
        }
    }
    OutgoingMessage m;
    m.content = head->content;
    m.type = head->type;
    m.replyTo = head->replyTo;
    m.clientMsgId = head->clientMsgId;
    m.isAnonymous = head->anonymous;
    for (const OutgoingFile &f : head->files)
        m.attachments.push_back(*f.uploaded); // sent by id
    const QString clientMsgId = head->clientMsgId;
    m_sending.insert(clientMsgId);
    m_api.sendMessage(roomId, m, this, [this, roomId, clientMsgId](const ApiResult<Message> &r) {
        m_inFlight.remove(roomId);
        m_sending.remove(clientMsgId);
        OutgoingItem *item = find(clientMsgId);
        if (r.ok()) {
            m_failures = 0;
            m_store.removeOutgoing(clientMsgId);
            m_progress.remove(clientMsgId);
            std::erase_if(m_items, [&](const OutgoingItem &i) { return i.clientMsgId == clientMsgId; });
            Q_EMIT delivered(roomId, clientMsgId, r.value);
        } else if (r.isTransient() || r.httpStatus == 401) {
            // Not the message's fault: keep it pending and send it again, unchanged, later.
            // (401: the session is gone; signing in again resumes the outbox.)
            qCInfo(lcOutbox) << "send of" << clientMsgId << "will be repeated:" << r.error->message;
            onTransientFailure(roomId, r.error->retryAfterSeconds);
            return;
        } else if (item) {
            fail(*item, r.error->message.isEmpty() ? errorCodeName(r.error->code) : r.error->message);
        }
        pump();
    });
}

void Outbox::fail(OutgoingItem &item, const QString &error)
{
    item.state = OutgoingItem::State::Failed;
    item.error = error;
    m_store.updateOutgoing(item);
    Q_EMIT stateChanged(item);
}

void Outbox::uploadNext(OutgoingItem &item)
{
    std::size_t index = 0;
    while (index < item.files.size() && item.files[index].uploaded)
        ++index;
    const OutgoingFile &file = item.files[index];
    UploadRequest request{file.path, file.fileName, file.fileSize, file.mimeType, item.roomId, file.uploadId};
    FileUpload *upload = m_uploads->upload(request, this);
    const QString clientMsgId = item.clientMsgId;
    const QString roomId = item.roomId;
    m_active.insert(clientMsgId, upload);
    // Each step goes to disk as it happens: a restart resumes from there.
    connect(upload, &FileUpload::uploadCreated, this, [this, clientMsgId, index](const QString &uploadId) {
        if (OutgoingItem *i = find(clientMsgId)) {
            i->files[index].uploadId = uploadId;
            m_store.updateOutgoing(*i);
        }
    });
    connect(upload, &FileUpload::progress, this, [this, clientMsgId](qint64 sent, qint64) {
        if (const OutgoingItem *i = find(clientMsgId))
            reportProgress(*i, sent);
    });
    const auto done = [this, upload, clientMsgId, roomId] {
        if (m_active.value(clientMsgId) == upload)
            m_active.remove(clientMsgId);
        upload->deleteLater();
        m_inFlight.remove(roomId);
    };
    connect(upload, &FileUpload::finished, this, [this, done, clientMsgId, roomId, index](const Attachment &file) {
        done();
        m_failures = 0;
        if (OutgoingItem *i = find(clientMsgId)) {
            i->files[index].uploaded = file;
            i->files[index].uploadId.clear();
            m_store.updateOutgoing(*i);
        }
        pump(); // the next file, or the message
    });
    connect(upload, &FileUpload::failed, this,
            [this, done, clientMsgId, roomId](const ApiError &error, bool transient) {
                done();
                if (transient) {
                    qCInfo(lcOutbox) << "upload for" << clientMsgId << "will be repeated:" << error.message;
                    onTransientFailure(roomId, error.retryAfterSeconds);
                    return;
                }
                if (OutgoingItem *i = find(clientMsgId))
                    fail(*i, error.message);
                pump();
            });
    reportProgress(item, 0);
    upload->start();
}

void Outbox::reportProgress(const OutgoingItem &item, qint64 currentSent)
{
    qint64 sent = currentSent;
    for (const OutgoingFile &f : item.files)
        sent += f.uploaded ? f.fileSize : 0;
    const qint64 total = totalSize(item);
    // Per mille is plenty for a progress bar; fewer signals for the views.
    const auto previous = m_progress.value(item.clientMsgId, {-1, total});
    if (previous.first >= 0 && total > 0 && sent < total && sent * 1000 / total == previous.first * 1000 / total)
        return;
    m_progress.insert(item.clientMsgId, {sent, total});
    Q_EMIT uploadProgressChanged(item.roomId, item.clientMsgId, sent, total);
}

void Outbox::onTransientFailure(const QString &roomId, int retryAfterSeconds)
{
    ++m_failures;
    m_waiting.insert(roomId);
    // The connection coming back online (its reconnect policy) is the main trigger; meanwhile the
    // same policy's table paces a retry, or the server's Retry-After when it gave one.
    const int delay = retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : m_connection.policy().delayMs(m_failures);
    if (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > delay)
        m_retryTimer.start(delay);
}

} // namespace confab::client
