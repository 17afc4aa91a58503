// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/sync/localstore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace confab::client {

class ApiClient;
class FileUpload;
class RealtimeConnection;
class UploadClient;

// Messages the user wrote, until the server has them. Each gets a clientMsgId and is written to
// disk before it is shown, then sent over REST one at a time per room, in order. A send that got
// no answer (server down, time-out, 5xx, 429) is repeated with the SAME clientMsgId, so the
// server's idempotency stores it once, however often it is sent. Retries wait for the realtime
// connection to come back (its reconnect policy is the only retry schedule), or, while it is
// online, for that policy's delay. Only a permanent refusal (another 4xx) marks a message failed,
// with the reason; retry() queues it again.
//
// Why REST and not the WebSocket: every send gets its own status code, so a permanent error is
// told from a transient one without guessing, and sending does not depend on the socket's state.
//
// A message with files uploads them first, one at a time (FileUpload: simple or resumable), and is
// sent once, after the last, with their fileIds as `attachments`. Each step is written to the
// store as it happens (a resumable upload's id, each finished file), so a restart resumes the
// upload where the server has it and never uploads a finished file again. cancel() takes a
// message out while its files upload (or after it failed) and removes its partial uploads.
class Outbox : public QObject {
    Q_OBJECT
public:
    Outbox(ApiClient &api, LocalStore &store, RealtimeConnection &connection, QObject *parent = nullptr);

    // Queues a message; returns its clientMsgId. The item is on disk when this returns.
    QString send(const QString &roomId, const QString &content, const QString &replyTo = {},
                 std::vector<OutgoingFile> files = {}, bool anonymous = false);
    void retry(const QString &clientMsgId);
    void discard(const QString &clientMsgId);
    // Takes out a message whose files are uploading or waiting, or that failed; false once the
    // message itself is on its way (it may already be on the server).
    bool cancel(const QString &clientMsgId);
    // Bytes of a message's files uploaded so far, and their total (0, 0 without files).
    std::pair<qint64, qint64> uploadProgress(const QString &clientMsgId) const;
    // A local file described for sending: name, size, MIME type from its bytes. The image size is
    // the caller's to fill in (reading an image header needs Qt Gui, which the engine does not link).
    static OutgoingFile describeFile(const QString &path);

    // Starts (or resumes) sending whatever is queued, e.g. after sign-in or a restart.
    void resume();
    void pause();

    std::vector<OutgoingItem> items(const QString &roomId) const;
    int count() const { return int(m_items.size()); }

Q_SIGNALS:
    void queued(const confab::client::OutgoingItem &item);
    void delivered(const QString &roomId, const QString &clientMsgId, const confab::Message &message);
    // State changed to Failed (with error) or back to Pending (retry).
    void stateChanged(const confab::client::OutgoingItem &item);
    void discarded(const QString &roomId, const QString &clientMsgId);
    // A message's files: `sent` of `total` bytes are on the server.
    void uploadProgressChanged(const QString &roomId, const QString &clientMsgId, qint64 sent, qint64 total);

private:
    void pump();
    void sendHead(const QString &roomId);
    void uploadNext(OutgoingItem &item);
    void fail(OutgoingItem &item, const QString &error);
    void remove(const QString &clientMsgId);
    void reportProgress(const OutgoingItem &item, qint64 currentSent);
    void onTransientFailure(const QString &roomId, int retryAfterSeconds);
    OutgoingItem *find(const QString &clientMsgId);

    ApiClient &m_api;
    LocalStore &m_store;
    RealtimeConnection &m_connection;
    std::vector<OutgoingItem> m_items; // ordered by ordinal
    UploadClient *m_uploads;
    QSet<QString> m_inFlight;                             // rooms with a send or an upload on the wire
    QSet<QString> m_sending;                              // clientMsgIds whose message (not a file) is on the wire
    QHash<QString, FileUpload *> m_active;                // clientMsgId -> its running upload
    QHash<QString, std::pair<qint64, qint64>> m_progress; // clientMsgId -> (sent, total)
    QSet<QString> m_waiting;                              // rooms waiting for a retry trigger
    int m_failures = 0;                                   // consecutive transient failures
    QTimer m_retryTimer;
    bool m_running = false;
};

} // namespace confab::client
