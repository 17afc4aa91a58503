// SPDX-License-Identifier: GPL-3.0-or-later
#include "errors.h"

#include <array>

namespace confab {

namespace {
struct CodeInfo {
    ErrorCode code;
    const char *name;
    int status;
};

constexpr std::array kCodes{
    CodeInfo{ErrorCode::BadRequest, "BAD_REQUEST", 400},
    CodeInfo{ErrorCode::InvalidJson, "INVALID_JSON", 400},
    CodeInfo{ErrorCode::Unauthorized, "UNAUTHORIZED", 401},
    CodeInfo{ErrorCode::Forbidden, "FORBIDDEN", 403},
    CodeInfo{ErrorCode::NotFound, "NOT_FOUND", 404},
    CodeInfo{ErrorCode::RoomNotFound, "ROOM_NOT_FOUND", 404},
    CodeInfo{ErrorCode::MessageNotFound, "MESSAGE_NOT_FOUND", 404},
    CodeInfo{ErrorCode::UserNotFound, "USER_NOT_FOUND", 404},
    CodeInfo{ErrorCode::FileNotFound, "FILE_NOT_FOUND", 404},
    CodeInfo{ErrorCode::UploadNotFound, "UPLOAD_NOT_FOUND", 404},
    CodeInfo{ErrorCode::MethodNotAllowed, "METHOD_NOT_ALLOWED", 405},
    CodeInfo{ErrorCode::RequestTimeout, "REQUEST_TIMEOUT", 408},
    CodeInfo{ErrorCode::Conflict, "CONFLICT", 409},
    CodeInfo{ErrorCode::PayloadTooLarge, "PAYLOAD_TOO_LARGE", 413},
    CodeInfo{ErrorCode::UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", 415},
    CodeInfo{ErrorCode::ExpectationFailed, "EXPECTATION_FAILED", 417},
    CodeInfo{ErrorCode::ValidationFailed, "VALIDATION_FAILED", 422},
    CodeInfo{ErrorCode::RateLimited, "RATE_LIMITED", 429},
    CodeInfo{ErrorCode::HeadersTooLarge, "HEADERS_TOO_LARGE", 431},
    CodeInfo{ErrorCode::Internal, "INTERNAL", 500},
    CodeInfo{ErrorCode::Unavailable, "UNAVAILABLE", 503},
};

const CodeInfo &info(ErrorCode code)
{
    for (const auto &c : kCodes) {
        if (c.code == code)
            return c;
    }
    return kCodes[kCodes.size() - 2]; // INTERNAL; unreachable while the table is complete
}
} // namespace

int httpStatus(ErrorCode code) { return info(code).status; }

QString errorCodeName(ErrorCode code) { return QString::fromLatin1(info(code).name); }

bool errorCodeFromName(const QString &name, ErrorCode &out)
{
    for (const auto &c : kCodes) {
        if (name == QLatin1String(c.name)) {
            out = c.code;
            return true;
        }
    }
    return false;
}

ApiError ApiError::validation(const QString &field, const QString &message)
{
    return {ErrorCode::ValidationFailed, message, field, 0};
}

ApiError ApiError::withRule(QString rule, qint64 limit) &&
{
    details.rule = std::move(rule);
    details.limit = limit;
    return std::move(*this);
}

ApiError ApiError::withUsed(qint64 used) &&
{
    details.used = used;
    return std::move(*this);
}

ApiError ApiError::withOffset(qint64 offset) &&
{
    details.offset = offset;
    return std::move(*this);
}

ApiError ApiError::withAllowed(QStringList allowed) &&
{
    details.allowed = std::move(allowed);
    return std::move(*this);
}

DecodeError::DecodeError(ErrorCode code, QString field, QString message)
    : m_code(code), m_field(std::move(field)), m_message(std::move(message))
{
    m_what = (m_field.isEmpty() ? m_message : m_field + QStringLiteral(": ") + m_message).toUtf8();
}

} // namespace confab
