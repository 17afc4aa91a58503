// SPDX-License-Identifier: GPL-3.0-or-later
// The file routes: uploads (whole, and resumable in chunks), downloads with ranges. Their bodies
// do not fit the JSON routes: uploads stream to disk through an UploadSpool (RestApi::bodySink)
// and downloads stream from disk, so these handlers answer from the network thread.

#include "restapi.h"

#include "metrics.h"

#include "files/byterange.h"
#include "files/filetransfers.h"
#include "ratelimiter.h"

#include "core/jsondocument.h"
#include "core/jsonreader.h"
#include "core/limits.h"
#include "core/validation.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace confab::server {

using confab::detail::JsonReader;
using nlohmann::json;

namespace {

QByteArray bearer(const HttpRequest &request)
{
    const QByteArray auth = request.header("authorization");
    if (auth.size() > 7 && auth.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return auth.mid(7).trimmed();
    return {};
}

ApiError filesOff() { return apiError(ErrorCode::Unavailable, QStringLiteral("this server stores no files")); }

// X-Filename is percent-encoded UTF-8 (so any name fits in a header). Only the last path
// component is kept, without control characters; empty becomes "file".
QString cleanFileName(const QByteArray &header)
{
    QString name = QUrl::fromPercentEncoding(header).trimmed();
    name = name.mid(qMax(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\'))) + 1);
    QString clean;
    for (const QChar c : std::as_const(name)) {
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
            clean += c;
    }
    if (clean == QLatin1String(".") || clean == QLatin1String(".."))
        clean.clear();
    clean = clean.left(255);
    return clean.isEmpty() ? QStringLiteral("file") : clean;
}

QString declaredType(const HttpRequest &request)
{
    return QString::fromLatin1(request.header("content-type").split(';').first().trimmed().toLower())
        .left(limits::kMimeTypeMax);
}

// `/v1/uploads/{id}` or `/v1/uploads/{id}/complete`: the id, when well formed (it names a file).
QString uploadIdIn(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() < 3 || parts[0] != QLatin1String("v1") || parts[1] != QLatin1String("uploads"))
        return {};
    return validateId(parts[2], QStringLiteral("uploadId")) ? QString() : parts[2];
}

// What a client should send per PATCH: big enough to be fast, small enough to lose little.
constexpr qint64 kChunkSizeHint = 8 * 1024 * 1024;

json uploadJson(const UploadRecord &u, qint64 offset)
{
    return json{{"uploadId", u.uploadId.toStdString()},
                {"chunkSize", kChunkSizeHint},
                {"url", QString(QStringLiteral("/v1/uploads/") + u.uploadId).toStdString()},
                {"fileName", u.fileName.toStdString()},
                {"fileSize", u.size},
                {"offset", offset},
                {"expiresAt", confab::detail::timeOrNull(u.expiresAt)}};
}

QByteArray contentDisposition(bool inlineOk, const QString &fileName)
{
    // filename= gets an ASCII stand-in; filename*= the real name (RFC 6266 / 8187).
    QByteArray ascii;
    for (const QChar c : fileName)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\'))
                     ? char(c.unicode())
                     : '_';
    return QByteArray(inlineOk ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           QUrl::toPercentEncoding(fileName);
}

} // namespace

template<typename T>
void RestApi::withCaller(const HttpRequest &request, HttpResponder responder,
                         std::function<Result<T>(Services &, const Caller &)> work,
                         std::function<void(T &&, HttpResponder)> then)
{
    const QByteArray token = bearer(request);
    if (token.isEmpty()) {
        responder.send(
            failure(apiError(ErrorCode::Unauthorized, QStringLiteral("send Authorization: Bearer <token>"))));
        return;
    }
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(token));
    if (const int wait = m_rates.take(rateKey(tokenHash), RateLimiter::Budget::Requests)) {
        ApiError e = apiError(ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait));
        e.retryAfterSeconds = wait;
        responder.send(failure(e));
        return;
    }
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    m_worker.run<T>(
        this,
        [tokenHash, work](Services &s, Effects &) -> Result<T> {
            auto caller = s.auth.authenticate(tokenHash);
            if (!caller)
                return *caller.error;
            return work(s, caller.value);
        },
        [holder, then](Result<T> r) {
            if (!r) {
                holder->send(failure(*r.error));
                return;
            }
            then(std::move(r.value), std::move(*holder));
        });
}

void RestApi::addFileRoutes()
{
    publicRoute(
        "POST", "/v1/files", [this](RestCall &&c, HttpResponder r) { uploadFile(std::move(c), std::move(r)); }, true);
    for (const char *method : {"GET", "HEAD"}) {
        publicRoute(
            method, "/v1/files/{fileId}",
            [this](RestCall &&c, HttpResponder r) { download(std::move(c), std::move(r), false); }, true);
        publicRoute(
            method, "/v1/files/{fileId}/thumbnail",
            [this](RestCall &&c, HttpResponder r) { download(std::move(c), std::move(r), true); }, true);
    }

    route(
        "POST", "/v1/uploads",
        [this](Services &s, const Caller &caller, Effects &, const RestCall &c) -> Result<json> {
            const json body = c.body->is_null() ? json::object() : *c.body; // JsonReader keeps a reference
            JsonReader r(body);
            const QString name = cleanFileName(QUrl::toPercentEncoding(r.string("fileName", 255)));
            const qint64 size = r.integer("fileSize", 1, qint64(1) << 50);
            const QString mime = r.optString("mimeType", {}, limits::kMimeTypeMax);
            const QString roomId = r.optString("roomId", {}, limits::kIdMax);
            r.finish();
            if (!m_files)
                return filesOff();
            if (!roomId.isEmpty()) {
                if (auto allowed = s.files.roomAllowsUpload(caller, roomId, size); !allowed)
                    return *allowed.error;
            }
            auto u = s.files.createUpload(caller, name, size, mime);
            if (!u)
                return *u.error;
            return uploadJson(u.value, 0);
        },
        201);
    publicRoute(
        "GET", "/v1/uploads/{uploadId}",
        [this](RestCall &&c, HttpResponder r) { uploadOffset(std::move(c), std::move(r)); }, true);
    publicRoute(
        "HEAD", "/v1/uploads/{uploadId}",
        [this](RestCall &&c, HttpResponder r) { uploadOffset(std::move(c), std::move(r)); }, true);
    publicRoute(
        "PATCH", "/v1/uploads/{uploadId}",
        [this](RestCall &&c, HttpResponder r) { appendToUpload(std::move(c), std::move(r)); }, true);
    publicRoute(
        "POST", "/v1/uploads/{uploadId}/complete",
        [this](RestCall &&c, HttpResponder r) { completeUpload(std::move(c), std::move(r)); }, true);
    route("DELETE", "/v1/uploads/{uploadId}",
          [this](Services &s, const Caller &caller, Effects &, const RestCall &c) -> Result<json> {
              const QString id = c.param(QStringLiteral("uploadId"));
              auto done = s.files.cancelUpload(caller, id);
              if (!done)
                  return *done.error;
              return json{{"uploadId", id.toStdString()}, {"deleted", true}};
          });
}

std::shared_ptr<BodySink> RestApi::bodySink(const HttpRequest &head)
{
    if (!m_files)
        return nullptr;
    const bool wholeFile = head.method == "POST" && head.path == QLatin1String("/v1/files");
    const bool chunk = head.method == "PATCH" && head.path.startsWith(QLatin1String("/v1/uploads/"));
    if (!wholeFile && !chunk)
        return nullptr;
    const QByteArray token = bearer(head);
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(token));
    std::shared_ptr<UploadSpool> spool;
    QString uploadId;
    if (wholeFile) {
        spool = m_files->newFileSpool();
    } else {
        uploadId = uploadIdIn(head.path);
        if (uploadId.isEmpty())
            return nullptr; // the handler answers 404
        spool = m_files->resumeSpool(uploadId);
        if (m_activeUploads.value(uploadId).lock()) {
            spool->refuse(
                apiError(ErrorCode::Conflict, QStringLiteral("another PATCH to this upload is still running")));
            return spool;
        }
        m_activeUploads.insert(uploadId, spool);
    }
    if (const int wait = m_rates.take(rateKey(tokenHash), RateLimiter::Budget::Requests)) {
        ApiError limited = apiError(ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait));
        limited.retryAfterSeconds = wait;
        spool->refuse(std::move(limited));
        return spool;
    }
    // The caller is checked before a byte is stored: the transport holds the body back until then.
    const std::weak_ptr<UploadSpool> weak = spool;
    const bool chunked = !uploadId.isEmpty();
    const QByteArray offsetHeader = head.header("upload-offset");
    const QByteArray lengthHeader = head.header("content-length");
    const QString roomId = head.query.queryItemValue(QStringLiteral("roomId"), QUrl::FullyDecoded);
    if (wholeFile && head.header("x-filename").trimmed().isEmpty()) {
        spool->refuse(apiError(ErrorCode::ValidationFailed,
                               QStringLiteral("send the file's name in X-Filename (percent-encoded UTF-8)"),
                               QStringLiteral("X-Filename")));
        return spool;
    }
    struct Admission {
        qint64 limit = 0;
        ApiError overLimit; // the answer to a body past `limit`
        UploadRecord upload;
    };
    m_worker.run<Admission>(
        this,
        [tokenHash, uploadId, chunked, roomId, lengthHeader](Services &s, Effects &) -> Result<Admission> {
            auto caller = s.auth.authenticate(tokenHash);
            if (!caller)
                return *caller.error;
            if (chunked) {
                auto u = s.files.upload(caller.value, uploadId);
                if (!u)
                    return *u.error;
                if (!u.value.fileId.isEmpty())
                    return apiError(ErrorCode::Conflict,
                                    QStringLiteral("the upload is complete (file %1)").arg(u.value.fileId));
                return Admission{0, {}, u.value};
            }
            if (!roomId.isEmpty()) {
                if (auto allowed = s.files.roomAllowsUpload(caller.value, roomId, lengthHeader.toLongLong()); !allowed)
                    return *allowed.error;
            }
            auto allowance = s.files.uploadAllowance(caller.value);
            if (!allowance)
                return *allowance.error;
            return Admission{
                allowance.value, s.files.overAllowance(lengthHeader.toLongLong(), allowance.value, {}), {}};
        },
        [weak, chunked, offsetHeader, lengthHeader](Result<Admission> r) {
            const std::shared_ptr<UploadSpool> spool = weak.lock();
            if (!spool)
                return; // the client left
            if (!r) {
                spool->refuse(*r.error);
                return;
            }
            bool hasLength = false;
            const qint64 declared = lengthHeader.toLongLong(&hasLength);
            if (!chunked) {
                if (hasLength && declared > r.value.limit) // refused before a byte of the body is read
                    spool->refuse(r.value.overLimit);
                else
                    spool->open(r.value.limit, r.value.overLimit);
                return;
            }
            bool ok = false;
            const qint64 offset = offsetHeader.toLongLong(&ok);
            const qint64 have = QFileInfo(spool->path()).size();
            if (!ok || offset < 0) {
                spool->refuse(apiError(ErrorCode::BadRequest,
                                       QStringLiteral("send Upload-Offset: the number of bytes the server has (ask "
                                                      "with GET)"),
                                       QStringLiteral("Upload-Offset"))
                                  .withOffset(have));
            } else if (offset != have) {
                spool->refuse(apiError(ErrorCode::Conflict, QStringLiteral("Upload-Offset %1 does not match the %2 "
                                                                           "bytes received")
                                                                .arg(offset)
                                                                .arg(have))
                                  .withOffset(have));
            } else {
                const qint64 left = r.value.upload.size - have;
                ApiError pastEnd = apiError(ErrorCode::PayloadTooLarge,
                                            QStringLiteral("the chunk goes past the upload's fileSize of %1 bytes")
                                                .arg(r.value.upload.size))
                                       .withRule(QStringLiteral("fileSize"), r.value.upload.size)
                                       .withOffset(have);
                if (hasLength && declared > left)
                    spool->refuse(std::move(pastEnd));
                else
                    spool->open(left, std::move(pastEnd), have);
            }
        });
    return spool;
}

void RestApi::uploadFile(RestCall &&call, HttpResponder responder)
{
    if (!m_files) {
        responder.send(failure(filesOff()));
        return;
    }
    auto spool = std::dynamic_pointer_cast<UploadSpool>(call.request.bodySink);
    if (!spool) {
        responder.send(failure(
            call.request.header("x-filename").trimmed().isEmpty()
                ? apiError(ErrorCode::ValidationFailed, QStringLiteral("send the file's name in X-Filename"),
                           QStringLiteral("X-Filename"))
                : apiError(ErrorCode::BadRequest, QStringLiteral("send the file's bytes as the request body"))));
        return;
    }
    FileDraft draft;
    draft.tempPath = spool->path();
    draft.fileName = cleanFileName(call.request.header("x-filename"));
    draft.declaredMime = declaredType(call.request);
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(bearer(call.request)));
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    spool->finish([this, draft, tokenHash, holder](UploadSpool::Outcome out) mutable {
        if (!out.ok) {
            holder->send(failure(out.error));
            return;
        }
        draft.size = out.size;
        draft.sha256 = out.sha256;
        storeUpload(tokenHash, std::move(draft), false, {}, [holder](Result<json> r) {
            holder->send(r ? success(std::move(r.value), 201) : failure(*r.error));
        });
    });
}

void RestApi::storeUpload(const QByteArray &tokenHash, FileDraft draft, bool computeHash, QString uploadId,
                          std::function<void(Result<json>)> done)
{
    m_files->inspect(
        draft.tempPath, computeHash,
        [this, draft, tokenHash, uploadId, done](Inspection seen, QString thumbnail) mutable {
            if (!seen.ok) {
                QFile::remove(draft.tempPath);
                QFile::remove(thumbnail);
                done(apiError(ErrorCode::Internal, QStringLiteral("the server could not read the upload back")));
                return;
            }
            draft.detectedMime = seen.detectedMime;
            draft.size = seen.size;
            if (!seen.sha256.isEmpty()) // hashed at the end, or the EXIF strip changed the bytes
                draft.sha256 = seen.sha256;
            draft.width = seen.width;
            draft.height = seen.height;
            draft.thumbnailTempPath = thumbnail;
            m_worker.run<json>(
                this,
                [tokenHash, draft, uploadId](Services &s, Effects &) -> Result<json> {
                    auto caller = s.auth.authenticate(tokenHash);
                    if (!caller) {
                        QFile::remove(draft.tempPath);
                        QFile::remove(draft.thumbnailTempPath);
                        return *caller.error;
                    }
                    auto f = s.files.store(caller.value, draft);
                    if (!f)
                        return *f.error;
                    if (!uploadId.isEmpty())
                        s.files.finishUpload(uploadId, f.value.fileId);
                    return FileService::fileJson(f.value);
                },
                [this, done, bytes = draft.size](Result<json> r) {
                    if (r)
                        m_metrics.countUpload(bytes);
                    else if (r.error->code != ErrorCode::Internal && r.error->code != ErrorCode::Unauthorized)
                        m_metrics.countUploadRefused();
                    done(std::move(r));
                });
        });
}

void RestApi::uploadOffset(RestCall &&call, HttpResponder responder)
{
    if (!m_files) {
        responder.send(failure(filesOff()));
        return;
    }
    const QString id = call.param(QStringLiteral("uploadId"));
    withCaller<UploadRecord>(
        call.request, std::move(responder),
        [id](Services &s, const Caller &caller) { return s.files.upload(caller, id); },
        [this](UploadRecord &&u, HttpResponder r) {
            const qint64 offset =
                u.fileId.isEmpty() ? QFileInfo(m_files->blobs().uploadPath(u.uploadId)).size() : u.size;
            HttpResponse response = success(uploadJson(u, offset));
            response.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(offset)});
            response.headers.append({QByteArrayLiteral("Upload-Length"), QByteArray::number(u.size)});
            response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            r.send(std::move(response));
        });
}

void RestApi::appendToUpload(RestCall &&call, HttpResponder responder)
{
    auto spool = std::dynamic_pointer_cast<UploadSpool>(call.request.bodySink);
    if (!spool) {
        responder.send(failure(apiError(
            ErrorCode::BadRequest, QStringLiteral("send the chunk's bytes as the request body, with Upload-Offset"))));
        return;
    }
    const QString id = call.param(QStringLiteral("uploadId"));
    const qint64 fileSize = spool->endOffset();
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(bearer(call.request)));
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    spool->finish([this, id, fileSize, tokenHash, holder](UploadSpool::Outcome out) {
        m_activeUploads.remove(id);
        if (!out.ok) {
            holder->send(failure(out.error));
            return;
        }
        auto progress = [id, fileSize](qint64 offset) {
            return json{{"uploadId", id.toStdString()}, {"offset", offset}, {"fileSize", fileSize}};
        };
        if (out.size < fileSize) {
            HttpResponse response = success(progress(out.size));
            response.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(out.size)});
            holder->send(std::move(response));
            return;
        }
        // The last byte is in: this PATCH finishes the upload and answers with the file.
        finishResumable(tokenHash, id, [holder, progress, fileSize](Result<json> r) {
            if (!r) {
                holder->send(failure(*r.error));
                return;
            }
            json body = progress(fileSize);
            body["file"] = std::move(r.value);
            HttpResponse response = success(std::move(body), 201);
            response.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(fileSize)});
            holder->send(std::move(response));
        });
    });
}

void RestApi::finishResumable(const QByteArray &tokenHash, const QString &uploadId,
                              std::function<void(Result<json>)> done)
{
    const QString part = m_files->blobs().uploadPath(uploadId);
    // Out of uploads/ first, so no late PATCH can touch the bytes being checked.
    FileDraft draft;
    draft.tempPath = m_files->blobs().newTempPath();
    if (!QFile::rename(part, draft.tempPath)) {
        done(apiError(ErrorCode::Internal, QStringLiteral("the server could not finish the upload")));
        return;
    }
    m_worker.run<UploadRecord>(
        this,
        [uploadId](Services &s, Effects &) -> Result<UploadRecord> {
            auto u = s.context.storage.upload(uploadId);
            if (!u)
                return apiError(ErrorCode::UploadNotFound, QStringLiteral("upload %1 does not exist").arg(uploadId));
            return *u;
        },
        [this, tokenHash, uploadId, draft, done](Result<UploadRecord> u) mutable {
            if (!u) {
                QFile::remove(draft.tempPath);
                done(*u.error);
                return;
            }
            draft.fileName = u.value.fileName;
            draft.declaredMime = u.value.declaredMime;
            storeUpload(tokenHash, std::move(draft), true, uploadId, std::move(done));
        });
}

void RestApi::completeUpload(RestCall &&call, HttpResponder responder)
{
    if (!m_files) {
        responder.send(failure(filesOff()));
        return;
    }
    const QString id = call.param(QStringLiteral("uploadId"));
    const QByteArray tokenHash = AuthService::hashToken(QString::fromLatin1(bearer(call.request)));
    struct State {
        UploadRecord upload;
        json file; // when the upload is complete already
    };
    withCaller<State>(
        call.request, std::move(responder),
        [id](Services &s, const Caller &caller) -> Result<State> {
            auto u = s.files.upload(caller, id);
            if (!u)
                return *u.error;
            State st{u.value, nullptr};
            if (!u.value.fileId.isEmpty()) {
                auto f = s.files.downloadable(caller, u.value.fileId);
                if (!f)
                    return *f.error;
                st.file = FileService::fileJson(f.value);
            }
            return st;
        },
        [this, tokenHash](State &&st, HttpResponder r) {
            if (!st.file.is_null()) { // asked again: the same file
                r.send(success(std::move(st.file), 201));
                return;
            }
            if (m_activeUploads.value(st.upload.uploadId).lock()) {
                r.send(
                    failure(apiError(ErrorCode::Conflict, QStringLiteral("a PATCH to this upload is still running"))));
                return;
            }
            const qint64 have = QFileInfo(m_files->blobs().uploadPath(st.upload.uploadId)).size();
            if (have != st.upload.size) {
                r.send(failure(apiError(ErrorCode::Conflict,
                                        QStringLiteral("the upload has %1 of its %2 bytes; send the rest first")
                                            .arg(have)
                                            .arg(st.upload.size))));
                return;
            }
            auto holder = std::make_shared<HttpResponder>(std::move(r));
            finishResumable(tokenHash, st.upload.uploadId, [holder](Result<json> result) {
                holder->send(result ? success(std::move(result.value), 201) : failure(*result.error));
            });
        });
}

void RestApi::download(RestCall &&call, HttpResponder responder, bool thumbnail)
{
    if (!m_files) {
        responder.send(failure(filesOff()));
        return;
    }
    const QString fileId = call.param(QStringLiteral("fileId"));
    const QByteArray range = call.request.header("range");
    withCaller<FileRecord>(
        call.request, std::move(responder),
        [fileId](Services &s, const Caller &caller) { return s.files.downloadable(caller, fileId); },
        [this, range, thumbnail](FileRecord &&f, HttpResponder r) {
            if (thumbnail && f.thumbnailPath.isEmpty()) {
                r.send(failure(
                    apiError(ErrorCode::FileNotFound, QStringLiteral("file %1 has no thumbnail").arg(f.fileId))));
                return;
            }
            const QString path =
                thumbnail ? m_files->blobs().absolutePath(f.thumbnailPath) : m_files->blobs().blobPath(f.sha256);
            auto file = std::make_shared<QFile>(path);
            if (!file->open(QIODevice::ReadOnly)) {
                r.send(failure(apiError(ErrorCode::FileNotFound,
                                        QStringLiteral("file %1 is gone from the server").arg(f.fileId))));
                return;
            }
            const qint64 size = file->size();
            const QString mime = thumbnail ? QStringLiteral("image/jpeg") : f.detectedMime;
            HttpResponse response;
            response.contentType = mime.toLatin1();
            response.headers.append({QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
            response.headers.append({QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral("sandbox")});
            response.headers.append({QByteArrayLiteral("Content-Disposition"),
                                     contentDisposition(FileInspector::isSafeInline(mime), f.fileName)});
            response.headers.append({QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")});
            // The bytes behind a file id never change.
            response.headers.append({QByteArrayLiteral("ETag"), '"' + f.sha256.toLatin1() + '"'});
            response.headers.append(
                {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, max-age=31536000, immutable")});
            const ByteRange wanted = ByteRange::parse(range, size);
            if (wanted.unsatisfiable) {
                HttpResponse refused = failure(
                    apiError(ErrorCode::BadRequest, QStringLiteral("the range %1 is outside the file's %2 bytes")
                                                        .arg(QString::fromLatin1(range.left(100)))
                                                        .arg(size)));
                refused.status = 416;
                refused.headers.append({QByteArrayLiteral("Content-Range"), "bytes */" + QByteArray::number(size)});
                r.send(std::move(refused));
                return;
            }
            if (wanted.partial) {
                response.status = 206;
                response.headers.append({QByteArrayLiteral("Content-Range"),
                                         "bytes " + QByteArray::number(wanted.first) + '-' +
                                             QByteArray::number(wanted.last) + '/' + QByteArray::number(size)});
                file->seek(wanted.first);
            }
            response.streamLength = wanted.partial ? wanted.last - wanted.first + 1 : size;
            if (response.streamLength > 0)
                response.bodyStream = file;
            r.send(std::move(response));
        });
}

} // namespace confab::server
