// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Input rules of API.md. Each validator returns nullopt when the value is fine, or a
// VALIDATION_FAILED error naming the field.

#include "errors.h"

#include <QString>

#include <optional>

namespace confab {

using Invalid = std::optional<ApiError>;

// Unicode code points in s (what "characters" means in every limit).
qsizetype codePointCount(const QString &s);

QString normalizeUsername(const QString &username); // lower case, the unique key

Invalid validateUsername(const QString &username, const QString &field = QStringLiteral("username"));
Invalid validatePassword(const QString &password, const QString &field = QStringLiteral("password"));
Invalid validateDisplayName(const QString &name, const QString &field = QStringLiteral("displayName"));
Invalid validateRoomName(const QString &name, const QString &field = QStringLiteral("name"));
Invalid validateDescription(const QString &text, const QString &field = QStringLiteral("description"));
// Content is checked after trimming: 1..maxChars code points, and no NUL characters.
Invalid validateContent(const QString &content, int maxChars, const QString &field = QStringLiteral("content"));
Invalid validateEmoji(const QString &emoji, const QString &field = QStringLiteral("emoji"));
Invalid validateCustomStatus(const QString &text, const QString &field = QStringLiteral("customStatus"));
Invalid validateReason(const QString &text, const QString &field = QStringLiteral("reason"));
// Avatar URLs (users and rooms): empty (no avatar) or an absolute http/https URL with a host.
// Clients load and link these, so javascript:, data:, file: and the like are refused.
Invalid validateAvatarUrl(const QString &url, const QString &field = QStringLiteral("avatar"));
// Opaque ids: 1..64 of [A-Za-z0-9_-].
Invalid validateId(const QString &id, const QString &field);

} // namespace confab
