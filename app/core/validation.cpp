// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "limits.h"

#include <QUrl>

namespace confab {

namespace {
bool hasControlCharacters(const QString &s, bool allowNewlines)
{
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (u == 0 || u == 0x7f)
            return true;
        if (u < 0x20 && !(allowNewlines && (u == '\n' || u == '\t' || u == '\r')))
            return true;
    }
    return false;
}

ApiError invalid(const QString &field, const QString &message) { return ApiError::validation(field, message); }
} // namespace

qsizetype codePointCount(const QString &s)
{
    qsizetype n = 0;
    for (QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

QString normalizeUsername(const QString &username) { return username.toLower(); }

Invalid validateUsername(const QString &username, const QString &field)
{
    const qsizetype n = username.size();
    if (n < limits::kUsernameMin || n > limits::kUsernameMax)
        return invalid(
            field, QStringLiteral("must be %1 to %2 characters").arg(limits::kUsernameMin).arg(limits::kUsernameMax));
    for (QChar c : username) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
                        u == '.' || u == '-';
        if (!ok)
            return invalid(field, QStringLiteral("may contain only letters a-z, digits, '_', '.' and '-'"));
    }
    return std::nullopt;
}

Invalid validatePassword(const QString &password, const QString &field)
{
    const qsizetype n = codePointCount(password);
    if (n < limits::kPasswordMin)
        return invalid(field, QStringLiteral("must be at least %1 characters").arg(limits::kPasswordMin));
    if (n > limits::kPasswordMax)
        return invalid(field, QStringLiteral("must be at most %1 characters").arg(limits::kPasswordMax));
    return std::nullopt;
}

Invalid validateDisplayName(const QString &name, const QString &field)
{
    const QString t = name.trimmed();
    if (t.isEmpty() || codePointCount(t) > limits::kDisplayNameMax)
        return invalid(field, QStringLiteral("must be 1 to %1 characters").arg(limits::kDisplayNameMax));
    if (hasControlCharacters(t, false))
        return invalid(field, QStringLiteral("must not contain control characters"));
    return std::nullopt;
}

Invalid validateRoomName(const QString &name, const QString &field)
{
    const QString t = name.trimmed();
    if (t.isEmpty() || codePointCount(t) > limits::kRoomNameMax)
        return invalid(field, QStringLiteral("must be 1 to %1 characters").arg(limits::kRoomNameMax));
    if (hasControlCharacters(t, false))
        return invalid(field, QStringLiteral("must not contain control characters"));
    return std::nullopt;
}

Invalid validateDescription(const QString &text, const QString &field)
{
    if (codePointCount(text) > limits::kDescriptionMax)
        return invalid(field, QStringLiteral("must be at most %1 characters").arg(limits::kDescriptionMax));
    if (hasControlCharacters(text, true))
        return invalid(field, QStringLiteral("must not contain control characters"));
    return std::nullopt;
}

Invalid validateAvatarUrl(const QString &url, const QString &field)
{
    if (url.isEmpty())
        return std::nullopt;
    if (url.size() > limits::kUrlMax)
        return invalid(field, QStringLiteral("must be at most %1 characters").arg(limits::kUrlMax));
    for (QChar c : url) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return invalid(field, QStringLiteral("must not contain spaces or control characters"));
    }
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return invalid(field, QStringLiteral("must be an http:// or https:// URL, or empty"));
    if (parsed.host().isEmpty())
        return invalid(field, QStringLiteral("must name a host"));
    return std::nullopt;
}

Invalid validateContent(const QString &content, int maxChars, const QString &field)
{
    const QString t = content.trimmed();
    if (t.isEmpty())
        return invalid(field, QStringLiteral("must not be empty"));
    if (codePointCount(t) > maxChars)
        return invalid(field, QStringLiteral("must be at most %1 characters").arg(maxChars));
    if (hasControlCharacters(t, true))
        return invalid(field, QStringLiteral("must not contain control characters other than newline and tab"));
    return std::nullopt;
}

Invalid validateEmoji(const QString &emoji, const QString &field)
{
    if (emoji.isEmpty() || codePointCount(emoji) > limits::kEmojiMax)
        return invalid(field, QStringLiteral("must be 1 to %1 characters").arg(limits::kEmojiMax));
    for (QChar c : emoji) {
        if (c.isSpace() || c.unicode() < 0x20)
            return invalid(field, QStringLiteral("must not contain spaces or control characters"));
    }
    return std::nullopt;
}

Invalid validateCustomStatus(const QString &text, const QString &field)
{
    if (codePointCount(text) > limits::kCustomStatusMax)
        return invalid(field, QStringLiteral("must be at most %1 characters").arg(limits::kCustomStatusMax));
    if (hasControlCharacters(text, false))
        return invalid(field, QStringLiteral("must not contain control characters"));
    return std::nullopt;
}

Invalid validateReason(const QString &text, const QString &field)
{
    if (codePointCount(text) > limits::kReasonMax)
        return invalid(field, QStringLiteral("must be at most %1 characters").arg(limits::kReasonMax));
    return std::nullopt;
}

Invalid validateId(const QString &id, const QString &field)
{
    if (id.isEmpty() || id.size() > limits::kIdMax)
        return invalid(field, QStringLiteral("must be an id of 1 to %1 characters").arg(limits::kIdMax));
    for (QChar c : id) {
        const ushort u = c.unicode();
        const bool ok =
            (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
        if (!ok)
            return invalid(field, QStringLiteral("is not a valid id"));
    }
    return std::nullopt;
}

} // namespace confab
