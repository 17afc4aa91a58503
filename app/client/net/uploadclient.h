// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/net/apitypes.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <memory>
#include <nlohmann/json_fwd.hpp>

class QFile;
class QNetworkReply;

namespace confab::client {

class ApiClient;

// One local file to put on the server (docs/api.md, "Files"): its path and what the request says
// about it. uploadId is a resumable upload already begun (kept in the outbox across restarts).
struct UploadRequest {
    QString path;
    QString fileName;
    qint64 fileSize = 0;
    QString mimeType;
    QString roomId;   // lets the server apply the room's rules before the body
    QString uploadId; // resumable upload to continue; empty: a new one
};

// The upload of one file: `POST /v1/files` below the threshold (the body streamed from the file),
// else the resumable protocol: create (or ask an existing upload where it stopped), then PATCH
// chunks read from the file one at a time, then complete it (the PATCH that reaches the size may
// answer with the file itself, as the contract had it; the server asks for a POST .../complete). Emits progress, then exactly one of finished or failed.
// Destroying it aborts the request and keeps the server's partial upload (a restart resumes it);
// cancel() also removes that upload on the server.
class FileUpload : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kResumableThreshold = qint64(8) * 1024 * 1024;

    FileUpload(QNetworkAccessManager &nam, ApiClient &api, UploadRequest request, QObject *parent = nullptr);
    ~FileUpload() override;

    void start();
    // Stops where it is, keeping the server's partial upload (resumed later); no more signals.
    void stop();
    // Stops and removes the partial upload on the server.
    void cancel();
    const UploadRequest &request() const { return m_request; }
    bool isResumable() const { return m_request.fileSize > kResumableThreshold; }

Q_SIGNALS:
    // A resumable upload exists on the server (persist the id to resume it after a restart).
    void uploadCreated(const QString &uploadId);
    void progress(qint64 sent, qint64 total);
    void finished(const confab::Attachment &file);
    // transient: worth trying again later (no answer, 5xx, 429); else the server refused the file.
    void failed(const confab::ApiError &error, bool transient);

private:
    using Handler = std::function<void(int status, const nlohmann::json &data, const std::optional<ApiError> &error)>;
    QNetworkRequest request(const QString &path) const;
    void track(QNetworkReply *reply, Handler handler);
    void startSimple();
    void createUpload();
    void queryOffset();
    void sendChunk();
    // All bytes are on the server: POST /v1/uploads/{id}/complete makes them a file.
    void complete();
    void fail(int status, const ApiError &error);
    void fail(const QString &message);

    QNetworkAccessManager &m_nam;
    ApiClient &m_api;
    UploadRequest m_request;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QFile> m_file;
    qint64 m_offset = 0;
    qint64 m_chunkSize = kResumableThreshold;
    bool m_done = false;
    static constexpr int kTimeoutMs = 30000;
};

// Makes FileUploads and downloads for the client, on its own network manager, with ApiClient's
// server and token. Bytes only (no Gui): the widgets decode images themselves.
class UploadClient : public QObject {
    Q_OBJECT
public:
    explicit UploadClient(ApiClient &api, QObject *parent = nullptr);

    // Not started; owned by `parent`.
    FileUpload *upload(const UploadRequest &request, QObject *parent);
    // Removes a resumable upload that will not be finished (the answer is not waited for).
    void discardUpload(const QString &uploadId);
    QNetworkAccessManager &network() { return m_nam; }
    ApiClient &api() { return m_api; }

private:
    ApiClient &m_api;
    QNetworkAccessManager m_nam;
};

// The server's JSON envelope of one finished reply: its status, `data`, or the error it names.
void readEnvelope(QNetworkReply *reply, int &status, nlohmann::json &data, std::optional<ApiError> &error);
bool isTransientStatus(int status);

} // namespace confab::client
