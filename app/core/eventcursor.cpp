// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventcursor.h"

#include "errors.h"
#include "jsondocument.h"
#include "limits.h"

#include <nlohmann/json.hpp>

namespace confab {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qsizetype kMaxCursorBytes = 64 * 1024;

[[noreturn]] void bad(const QString &why)
{
    throw DecodeError(ErrorCode::BadRequest, QStringLiteral("cursor"), QStringLiteral("bad cursor: %1").arg(why));
}
} // namespace

QByteArray EventCursor::encode() const
{
    nlohmann::json r = nlohmann::json::object();
    for (const auto &[roomId, seq] : rooms)
        r[roomId.toStdString()] = seq;
    nlohmann::json j = nlohmann::json::object();
    if (!stream.isEmpty())
        j["s"] = stream.toStdString();
    j["r"] = std::move(r);
    return toJsonBytes(j).toBase64(kBase64Url);
}

EventCursor EventCursor::decode(const QByteArray &text)
{
    if (text.size() > kMaxCursorBytes)
        bad(QStringLiteral("longer than %1 bytes").arg(kMaxCursorBytes));
    const auto decoded = QByteArray::fromBase64Encoding(text, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        bad(QStringLiteral("not base64url"));
    nlohmann::json j;
    try {
        j = parseJsonDocument(*decoded, 4);
    } catch (const DecodeError &) {
        bad(QStringLiteral("not a cursor this server issued (no JSON inside)"));
    }
    if (!j.is_object() || !j.contains("r") || !j["r"].is_object())
        bad(QStringLiteral("no room map \"r\""));
    EventCursor c;
    if (j.contains("s")) {
        if (!j["s"].is_string() || j["s"].get<std::string>().size() > size_t(limits::kIdMax))
            bad(QStringLiteral("stream id \"s\" must be a short string"));
        c.stream = QString::fromStdString(j["s"].get<std::string>());
    }
    if (j["r"].size() > size_t(limits::kSyncRoomsMax))
        bad(QStringLiteral("more than %1 rooms").arg(limits::kSyncRoomsMax));
    for (auto it = j["r"].begin(); it != j["r"].end(); ++it) {
        const QString roomId = QString::fromStdString(it.key());
        if (roomId.isEmpty() || roomId.size() > limits::kIdMax)
            bad(QStringLiteral("room id \"%1\" is empty or too long").arg(roomId.left(limits::kIdMax)));
        if (!it->is_number_integer() || it->get<qint64>() < 0)
            bad(QStringLiteral("seq of room %1 must be a whole number >= 0").arg(roomId));
        c.rooms[roomId] = it->get<qint64>();
    }
    return c;
}

} // namespace confab
