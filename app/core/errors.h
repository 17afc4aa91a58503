// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <exception>

namespace confab {

// The error codes of API.md, each with its HTTP status.
enum class ErrorCode {
    BadRequest,
    InvalidJson,
    Unauthorized,
    Forbidden,
    NotFound,
    RoomNotFound,
    MessageNotFound,
    UserNotFound,
    FileNotFound,
    UploadNotFound,
    MethodNotAllowed,
    RequestTimeout,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    ExpectationFailed,
    ValidationFailed,
    RateLimited,
    HeadersTooLarge,
    Internal,
    Unavailable,
};

int httpStatus(ErrorCode code);
QString errorCodeName(ErrorCode code); // "ROOM_NOT_FOUND"
bool errorCodeFromName(const QString &name, ErrorCode &out);

// Facts beside the field that a client can act on without parsing the message: which rule refused
// the request, its limit, what is used, what is allowed, where a resumable upload stands.
// Unset values (empty, -1) are left out on the wire.
struct ErrorDetails {
    QString rule;
    qint64 limit = -1;
    qint64 used = -1;
    qint64 offset = -1;
    QStringList allowed;
    bool operator==(const ErrorDetails &) const = default;
};

// An error as the API reports it: code, human text, and the field at fault when there is one.
struct ApiError {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;             // "details.field" on the wire; empty when not about one field
    int retryAfterSeconds = 0; // for RATE_LIMITED
    ErrorDetails details = {};

    static ApiError validation(const QString &field, const QString &message);
    ApiError withRule(QString rule, qint64 limit = -1) &&;
    ApiError withUsed(qint64 used) &&;
    ApiError withOffset(qint64 offset) &&;
    ApiError withAllowed(QStringList allowed) &&;
    bool operator==(const ApiError &) const = default;
};

// Thrown by the JSON decoders. `field` is a dotted path into the document ("settings.maxFileSize").
class DecodeError : public std::exception {
public:
    DecodeError(ErrorCode code, QString field, QString message);
    const char *what() const noexcept override { return m_what.constData(); }
    ErrorCode code() const { return m_code; }
    const QString &field() const { return m_field; }
    const QString &message() const { return m_message; }
    ApiError toApiError() const { return {m_code, m_message, m_field, 0}; }

private:
    ErrorCode m_code;
    QString m_field;
    QString m_message;
    QByteArray m_what;
};

} // namespace confab
