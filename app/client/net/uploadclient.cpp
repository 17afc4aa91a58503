// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadclient.h"

#include "client/net/apiclient.h"
#include "client/net/errortext.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcUpload, "confab.client.upload")

namespace confab::client {

using nlohmann::json;

namespace {

QString humanSize(qint64 bytes) { return QLocale().formattedDataSize(std::max<qint64>(bytes, 0)); }

QString seg(const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); }

QUrl urlFor(const QUrl &base, const QString &path, const QUrlQuery &query = {})
{
    QUrl url = base;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

qint64 detailInteger(const json &body, const char *key)
{
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object())
        return -1;
    const json &err = body["error"];
    if (!err.contains("details") || !err["details"].is_object())
        return -1;
    const json &d = err["details"];
    return d.contains(key) && d[key].is_number_integer() ? d[key].get<qint64>() : -1;
}

QString detailString(const json &body, const char *key)
{
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object())
        return {};
    const json &err = body["error"];
    if (!err.contains("details") || !err["details"].is_object())
        return {};
    const json &d = err["details"];
    return d.contains(key) && d[key].is_string() ? QString::fromStdString(d[key].get<std::string>()) : QString();
}

// The server's file as an Attachment: the keys of the message's attachment only (the upload
// answer has more, e.g. sha256 and createdAt, which the strict wire decoder would refuse).
Attachment attachmentFrom(const json &file)
{
    json j = json::object();
    for (const char *key :
         {"fileId", "url", "fileName", "fileSize", "mimeType", "thumbnailUrl", "width", "height", "sha256"}) {
        if (file.is_object() && file.contains(key) && !file[key].is_null())
            j[key] = file[key];
    }
    return j.get<Attachment>();
}

} // namespace

bool isTransientStatus(int status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

void readEnvelope(QNetworkReply *reply, int &status, json &data, std::optional<ApiError> &error)
{
    status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    data = json();
    error.reset();
    if (status == 0) {
        error = ApiError{ErrorCode::Unavailable,
                         QCoreApplication::translate("confab::client::ApiClient", "Cannot reach the server: %1")
                             .arg(reply->errorString()),
                         {},
                         0};
        return;
    }
    json body;
    try {
        body = parseJsonDocument(reply->readAll(), limits::kJsonDepthMax + 8);
    } catch (const DecodeError &) {
        body = json();
    }
    if (status >= 200 && status < 300 && body.is_object() && body.value("success", false) && body.contains("data")) {
        data = body["data"];
        return;
    }
    ApiError e;
    e.code = status >= 500 ? ErrorCode::Internal : ErrorCode::BadRequest;
    e.retryAfterSeconds = reply->hasRawHeader("Retry-After") ? reply->rawHeader("Retry-After").toInt() : 0;
    QString serverText;
    bool known = false;
    if (body.is_object() && body.contains("error") && body["error"].is_object()) {
        const json &err = body["error"];
        if (err.contains("code") && err["code"].is_string()) {
            ErrorCode code;
            known = errorCodeFromName(QString::fromStdString(err["code"].get<std::string>()), code);
            if (known)
                e.code = code;
        }
        if (err.contains("message") && err["message"].is_string())
            serverText = QString::fromStdString(err["message"].get<std::string>());
        e.field = detailString(body, "field");
    }
    // The files rules: say which one, with its limit (the server's text is English).
    const QString rule = detailString(body, "rule");
    const qint64 limit = detailInteger(body, "limit");
    if (status == 413 && rule == QLatin1String("quota"))
        e.message = FileUpload::tr("This file does not fit in your storage quota of %1 (%2 used).")
                        .arg(humanSize(limit), humanSize(detailInteger(body, "used")));
    else if (status == 413 && limit > 0)
        e.message = FileUpload::tr("This file is larger than the limit of %1.").arg(humanSize(limit));
    else if (rule == QLatin1String("allowFileUploads"))
        e.message = FileUpload::tr("This room does not allow files.");
    else if (rule == QLatin1String("allowedFileTypes"))
        e.message = FileUpload::tr("This room does not allow this type of file.");
    else
        e.message = known ? ErrorText::forCode(e.code, e.field, e.retryAfterSeconds, serverText)
                          : ErrorText::unknown(serverText);
    error = e;
    // CONFLICT on a PATCH names where the upload really is.
    if (status == 409) {
        const qint64 offset = detailInteger(body, "offset");
        if (offset >= 0)
            data = json{{"offset", offset}};
    }
}

// ---- FileUpload ---------------------------------------------------------------------------------

FileUpload::FileUpload(QNetworkAccessManager &nam, ApiClient &api, UploadRequest request, QObject *parent)
    : QObject(parent), m_nam(nam), m_api(api), m_request(std::move(request))
{
}

FileUpload::~FileUpload()
{
    m_done = true;
    if (m_reply)
        m_reply->abort();
}

QNetworkRequest FileUpload::request(const QString &path) const
{
    QNetworkRequest r(urlFor(m_api.baseUrl(), path));
    r.setTransferTimeout(kTimeoutMs);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_api.token().isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_api.token().toUtf8());
    return r;
}

void FileUpload::track(QNetworkReply *reply, Handler handler)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler = std::move(handler)] {
        reply->deleteLater();
        if (m_reply == reply)
            m_reply = nullptr;
        if (m_done)
            return;
        int status = 0;
        json data;
        std::optional<ApiError> error;
        readEnvelope(reply, status, data, error);
        handler(status, data, error);
    });
}

void FileUpload::start()
{
    m_file = std::make_unique<QFile>(m_request.path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read %1: %2").arg(m_request.fileName, m_file->errorString()));
        return;
    }
    if (m_file->size() != m_request.fileSize) {
        fail(tr("%1 changed since it was attached.").arg(m_request.fileName));
        return;
    }
    if (!isResumable())
        startSimple();
    else if (m_request.uploadId.isEmpty())
        createUpload();
    else
        queryOffset();
}

void FileUpload::stop()
{
    m_done = true;
    if (m_reply)
        m_reply->abort();
}

void FileUpload::cancel()
{
    if (m_done)
        return;
    m_done = true;
    if (m_reply)
        m_reply->abort();
    if (!m_request.uploadId.isEmpty()) {
        QNetworkReply *r =
            m_nam.sendCustomRequest(request(QStringLiteral("/v1/uploads/") + seg(m_request.uploadId)), "DELETE");
        connect(r, &QNetworkReply::finished, r, &QObject::deleteLater);
    }
}

void FileUpload::startSimple()
{
    QNetworkRequest r = request(QStringLiteral("/v1/files"));
    if (!m_request.roomId.isEmpty())
        r.setUrl(urlFor(m_api.baseUrl(), QStringLiteral("/v1/files"),
                        QUrlQuery{{QStringLiteral("roomId"), m_request.roomId}}));
    r.setHeader(QNetworkRequest::ContentTypeHeader, m_request.mimeType.isEmpty()
                                                        ? QByteArrayLiteral("application/octet-stream")
                                                        : m_request.mimeType.toUtf8());
    r.setHeader(QNetworkRequest::ContentLengthHeader, m_request.fileSize);
    r.setRawHeader("X-Filename", QUrl::toPercentEncoding(m_request.fileName));
    // The body is read from the file as it goes, never held whole.
    QNetworkReply *reply = m_nam.post(r, m_file.get());
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64) { Q_EMIT progress(sent, m_request.fileSize); });
    track(reply, [this](int status, const json &data, const std::optional<ApiError> &error) {
        if (error)
            return fail(status, *error);
        try {
            const Attachment file = attachmentFrom(data);
            m_done = true;
            Q_EMIT progress(m_request.fileSize, m_request.fileSize);
            Q_EMIT finished(file);
        } catch (const std::exception &e) {
            fail(200, ApiError{ErrorCode::Internal, tr("The server's answer could not be read."), {}, 0});
        }
    });
}

void FileUpload::createUpload()
{
    json body{{"fileName", m_request.fileName.toStdString()}, {"fileSize", m_request.fileSize}};
    if (!m_request.mimeType.isEmpty())
        body["mimeType"] = m_request.mimeType.toStdString();
    // (No roomId: the server refuses it on this route so far; the room's rules apply on send.)
    QNetworkRequest r = request(QStringLiteral("/v1/uploads"));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    track(m_nam.post(r, toJsonBytes(body)), [this](int status, const json &data, const std::optional<ApiError> &error) {
        if (error)
            return fail(status, *error);
        if (!data.is_object() || !data.contains("uploadId") || !data["uploadId"].is_string())
            return fail(status, ApiError{ErrorCode::Internal, tr("The server's answer could not be read."), {}, 0});
        m_request.uploadId = QString::fromStdString(data["uploadId"].get<std::string>());
        m_offset = data.value("offset", qint64(0));
        const qint64 hint = data.value("chunkSize", qint64(0));
        if (hint > 0)
            m_chunkSize = std::min(hint, qint64(32) * 1024 * 1024);
        Q_EMIT uploadCreated(m_request.uploadId);
        sendChunk();
    });
}

void FileUpload::queryOffset()
{
    track(m_nam.get(request(QStringLiteral("/v1/uploads/") + seg(m_request.uploadId))),
          [this](int status, const json &data, const std::optional<ApiError> &error) {
              if (error && status == 404) {
                  // Expired or removed on the server: begin again.
                  qCInfo(lcUpload) << "upload" << m_request.uploadId << "is gone; starting over";
                  m_request.uploadId.clear();
                  return createUpload();
              }
              if (error)
                  return fail(status, *error);
              m_offset = data.value("offset", qint64(0));
              qCInfo(lcUpload) << "resuming upload" << m_request.uploadId << "at" << m_offset;
              if (m_offset >= m_request.fileSize)
                  complete();
              else
                  sendChunk();
          });
}

void FileUpload::sendChunk()
{
    Q_EMIT progress(m_offset, m_request.fileSize);
    if (m_done)
        return; // stopped by whoever heard that
    // One chunk in memory at a time (8 MiB by the server's hint).
    if (!m_file->seek(m_offset))
        return fail(tr("Cannot read %1: %2").arg(m_request.fileName, m_file->errorString()));
    const QByteArray chunk = m_file->read(std::min(m_chunkSize, m_request.fileSize - m_offset));
    if (chunk.isEmpty() && m_offset < m_request.fileSize)
        return fail(tr("Cannot read %1: %2").arg(m_request.fileName, m_file->errorString()));
    QNetworkRequest r = request(QStringLiteral("/v1/uploads/") + seg(m_request.uploadId));
    r.setRawHeader("Upload-Offset", QByteArray::number(m_offset));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/offset+octet-stream"));
    QNetworkReply *reply = m_nam.sendCustomRequest(r, "PATCH", chunk);
    const qint64 base = m_offset;
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, base](qint64 sent, qint64) { Q_EMIT progress(base + sent, m_request.fileSize); });
    track(reply, [this](int status, const json &data, const std::optional<ApiError> &error) {
        if (status == 409 && data.is_object() && data.contains("offset")) {
            m_offset = data["offset"].get<qint64>(); // the server says where it really is
            return sendChunk();
        }
        if (error && status == 404) {
            m_request.uploadId.clear();
            return createUpload();
        }
        if (error)
            return fail(status, *error);
        if (data.is_object() && data.contains("file")) {
            try {
                const Attachment file = attachmentFrom(data["file"]);
                m_done = true;
                Q_EMIT progress(m_request.fileSize, m_request.fileSize);
                Q_EMIT finished(file);
            } catch (const std::exception &) {
                fail(status, ApiError{ErrorCode::Internal, tr("The server's answer could not be read."), {}, 0});
            }
            return;
        }
        m_offset = data.value("offset", m_offset);
        if (m_offset >= m_request.fileSize)
            complete(); // every byte is there: the server makes it a file
        else
            sendChunk();
    });
}

void FileUpload::complete()
{
    QNetworkRequest r = request(QStringLiteral("/v1/uploads/") + seg(m_request.uploadId) + QStringLiteral("/complete"));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    track(m_nam.post(r, QByteArrayLiteral("{}")), [this](int status, const json &data,
                                                         const std::optional<ApiError> &error) {
        if (error)
            return fail(status, *error);
        try {
            const Attachment file = attachmentFrom(data.is_object() && data.contains("file") ? data["file"] : data);
            m_done = true;
            Q_EMIT progress(m_request.fileSize, m_request.fileSize);
            Q_EMIT finished(file);
        } catch (const std::exception &) {
            fail(status, ApiError{ErrorCode::Internal, tr("The server's answer could not be read."), {}, 0});
        }
    });
}

void FileUpload::fail(int status, const ApiError &error)
{
    m_done = true;
    Q_EMIT failed(error, isTransientStatus(status) || status == 401);
}

void FileUpload::fail(const QString &message)
{
    m_done = true;
    Q_EMIT failed(ApiError{ErrorCode::BadRequest, message, {}, 0}, false);
}

// ---- UploadClient -------------------------------------------------------------------------------

UploadClient::UploadClient(ApiClient &api, QObject *parent) : QObject(parent), m_api(api)
{
    m_nam.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

FileUpload *UploadClient::upload(const UploadRequest &request, QObject *parent)
{
    return new FileUpload(m_nam, m_api, request, parent);
}

void UploadClient::discardUpload(const QString &uploadId)
{
    if (uploadId.isEmpty())
        return;
    QNetworkRequest r(urlFor(m_api.baseUrl(), QStringLiteral("/v1/uploads/") + seg(uploadId)));
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setRawHeader("Authorization", "Bearer " + m_api.token().toUtf8());
    QNetworkReply *reply = m_nam.sendCustomRequest(r, "DELETE");
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace confab::client
