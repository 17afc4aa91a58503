// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberorder.h"

#include "errors.h"
#include "jsondocument.h"
#include "limits.h"

#include <nlohmann/json.hpp>

namespace confab {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qsizetype kMaxCursorBytes = 1024;

[[noreturn]] void bad(const QString &why)
{
    throw DecodeError(ErrorCode::BadRequest, QStringLiteral("cursor"), QStringLiteral("bad cursor: %1").arg(why));
}
} // namespace

MemberOrderKey MemberOrderKey::of(const Member &m)
{
    return {m.isOnline, m.role, m.displayName.toCaseFolded(), m.userId};
}

bool MemberOrderKey::operator<(const MemberOrderKey &o) const
{
    if (online != o.online)
        return online;
    if (role != o.role)
        return role > o.role;
    if (const int byName = name.compare(o.name); byName != 0)
        return byName < 0;
    return userId < o.userId;
}

QByteArray MemberOrderKey::encode() const
{
    const nlohmann::json j =
        nlohmann::json::array({online ? 1 : 0, toString(role).toStdString(), name.toStdString(), userId.toStdString()});
    return toJsonBytes(j).toBase64(kBase64Url);
}

MemberOrderKey MemberOrderKey::decode(const QByteArray &text)
{
    if (text.size() > kMaxCursorBytes)
        bad(QStringLiteral("longer than %1 bytes").arg(kMaxCursorBytes));
    const auto decoded = QByteArray::fromBase64Encoding(text, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        bad(QStringLiteral("not base64url"));
    nlohmann::json j;
    try {
        j = parseJsonDocument(*decoded, 2);
    } catch (const DecodeError &) {
        bad(QStringLiteral("not a member cursor this server issued (no JSON inside)"));
    }
    if (!j.is_array() || j.size() != 4 || !j[0].is_number_integer() || !j[1].is_string() || !j[2].is_string() ||
        !j[3].is_string())
        bad(QStringLiteral("not a member cursor this server issued"));
    MemberOrderKey k;
    k.online = j[0].get<int>() != 0;
    const auto role = enumFromString<Role>(QString::fromStdString(j[1].get<std::string>()));
    if (!role)
        bad(QStringLiteral("unknown role"));
    k.role = *role;
    k.name = QString::fromStdString(j[2].get<std::string>());
    k.userId = QString::fromStdString(j[3].get<std::string>());
    if (k.userId.isEmpty() || k.userId.size() > limits::kIdMax)
        bad(QStringLiteral("bad user id"));
    return k;
}

MemberSection memberSection(const Member &m)
{
    if (!m.isOnline)
        return MemberSection::Offline;
    switch (m.role) {
    case Role::Owner: return MemberSection::Owner;
    case Role::Admin: return MemberSection::Admin;
    case Role::Moderator: return MemberSection::Moderator;
    case Role::Member: break;
    }
    return MemberSection::Online;
}

const char *toString(MemberSection s)
{
    switch (s) {
    case MemberSection::Owner: return "owner";
    case MemberSection::Admin: return "admin";
    case MemberSection::Moderator: return "moderator";
    case MemberSection::Online: return "online";
    case MemberSection::Offline: return "offline";
    }
    return "offline";
}

} // namespace confab
