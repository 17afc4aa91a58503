// SPDX-License-Identifier: GPL-3.0-or-later
#include "requests.h"

#include "jsonreader.h"
#include "limits.h"

namespace confab {

using detail::JsonReader;
using detail::str;
using detail::timeOrNull;
using nlohmann::json;

namespace {

json stringArray(const QStringList &list)
{
    json a = json::array();
    for (const QString &v : list)
        a.push_back(str(v));
    return a;
}

// Present (even as null) -> the value, or `fallback` for null; absent -> nullopt. PATCH-style
// bodies change only what they name, and a null resets a field as it always has.
template<typename T, typename Read> std::optional<T> ifPresent(JsonReader &r, const char *key, Read read)
{
    if (!r.has(key))
        return std::nullopt;
    return read();
}

// The longest username the decoder accepts: longer is cut short with a clear error here, while
// validateUsername() explains the real rule afterwards.
constexpr int kUsernameDecodeMax = 64;
constexpr int kRegisterDisplayNameMax = 200;
constexpr qint64 kBanDurationMax = qint64(100) * 365 * 86400;
constexpr int kMaxMembersMin = 2;
constexpr int kMaxMembersMax = 100000;

} // namespace

// ---- auth and profile -----------------------------------------------------------------------

void to_json(json &j, const RegisterRequest &v)
{
    j = json{{"username", str(v.username)}, {"password", str(v.password)}, {"displayName", str(v.displayName)}};
}

void from_json(const json &j, RegisterRequest &v)
{
    JsonReader r(j);
    v.username = r.string("username", kUsernameDecodeMax);
    v.password = r.string("password", limits::kPasswordMax);
    v.displayName = r.optString("displayName", v.username, kRegisterDisplayNameMax);
    r.finish();
}

void to_json(json &j, const LoginRequest &v) { j = json{{"username", str(v.username)}, {"password", str(v.password)}}; }

void from_json(const json &j, LoginRequest &v)
{
    JsonReader r(j);
    v.username = r.string("username", kUsernameDecodeMax);
    v.password = r.string("password", limits::kPasswordMax);
    r.finish();
}

void to_json(json &j, const ProfileChange &v)
{
    j = json::object();
    if (v.displayName)
        j["displayName"] = str(*v.displayName);
    if (v.avatar)
        j["avatar"] = str(*v.avatar);
    if (v.avatarFileId)
        j["avatarFileId"] = str(*v.avatarFileId);
}

void from_json(const json &j, ProfileChange &v)
{
    JsonReader r(j);
    // A display name cannot be removed (null is "required"); an avatar can.
    v.displayName =
        ifPresent<QString>(r, "displayName", [&] { return r.string("displayName", limits::kDisplayNameMax); });
    v.avatar = ifPresent<QString>(r, "avatar", [&] { return r.optString("avatar", {}, limits::kUrlMax); });
    v.avatarFileId = ifPresent<QString>(r, "avatarFileId", [&] { return r.string("avatarFileId", limits::kIdMax); });
    r.finish();
}

// ---- room settings --------------------------------------------------------------------------

void RoomSettingsChange::applyTo(RoomSettings &s) const
{
    auto apply = [](auto &target, const auto &change) {
        if (change)
            target = *change;
    };
    apply(s.allowInvites, allowInvites);
    apply(s.allowFileUploads, allowFileUploads);
    apply(s.maxFileSize, maxFileSize);
    apply(s.messageRetention, messageRetention);
    apply(s.enableAI, enableAI);
    apply(s.moderationLevel, moderationLevel);
    apply(s.slowModeSeconds, slowModeSeconds);
    apply(s.allowAnonymous, allowAnonymous);
    apply(s.wordFilter, wordFilter);
    apply(s.wordFilterAction, wordFilterAction);
    apply(s.allowedFileTypes, allowedFileTypes);
}

void to_json(json &j, const RoomSettingsChange &v)
{
    j = json::object();
    if (v.allowInvites)
        j["allowInvites"] = *v.allowInvites;
    if (v.allowFileUploads)
        j["allowFileUploads"] = *v.allowFileUploads;
    if (v.maxFileSize)
        j["maxFileSize"] = *v.maxFileSize;
    if (v.messageRetention)
        j["messageRetention"] = *v.messageRetention;
    if (v.enableAI)
        j["enableAI"] = *v.enableAI;
    if (v.moderationLevel)
        j["moderationLevel"] = str(toString(*v.moderationLevel));
    if (v.slowModeSeconds)
        j["slowModeSeconds"] = *v.slowModeSeconds;
    if (v.allowAnonymous)
        j["allowAnonymous"] = *v.allowAnonymous;
    if (v.wordFilter)
        j["wordFilter"] = stringArray(*v.wordFilter);
    if (v.wordFilterAction)
        j["wordFilterAction"] = str(toString(*v.wordFilterAction));
    if (v.allowedFileTypes)
        j["allowedFileTypes"] = stringArray(*v.allowedFileTypes);
}

namespace {
// The same names, ranges and defaults as RoomSettings' decoder in types.cpp.
void decodeSettingsChange(const json &j, RoomSettingsChange &v, const QString &path)
{
    JsonReader r(j, path);
    const RoomSettings d;
    v.allowInvites = ifPresent<bool>(r, "allowInvites", [&] { return r.optBool("allowInvites", d.allowInvites); });
    v.allowFileUploads =
        ifPresent<bool>(r, "allowFileUploads", [&] { return r.optBool("allowFileUploads", d.allowFileUploads); });
    v.maxFileSize = ifPresent<qint64>(r, "maxFileSize",
                                      [&] { return r.optInteger("maxFileSize", d.maxFileSize, 0, qint64(1) << 40); });
    v.messageRetention = ifPresent<int>(
        r, "messageRetention", [&] { return int(r.optInteger("messageRetention", d.messageRetention, 0, 36500)); });
    v.enableAI = ifPresent<bool>(r, "enableAI", [&] { return r.optBool("enableAI", d.enableAI); });
    v.moderationLevel = ifPresent<ModerationLevel>(r, "moderationLevel",
                                                   [&] { return r.optEnum("moderationLevel", d.moderationLevel); });
    v.slowModeSeconds = ifPresent<int>(
        r, "slowModeSeconds", [&] { return int(r.optInteger("slowModeSeconds", d.slowModeSeconds, 0, 86400)); });
    v.allowAnonymous =
        ifPresent<bool>(r, "allowAnonymous", [&] { return r.optBool("allowAnonymous", d.allowAnonymous); });
    v.wordFilter = ifPresent<QStringList>(r, "wordFilter", [&] {
        return r.optStringList("wordFilter", limits::kWordFilterMax, limits::kWordFilterWordMax);
    });
    v.wordFilterAction = ifPresent<WordFilterAction>(r, "wordFilterAction",
                                                     [&] { return r.optEnum("wordFilterAction", d.wordFilterAction); });
    v.allowedFileTypes = ifPresent<QStringList>(r, "allowedFileTypes", [&] {
        return r.optStringList("allowedFileTypes", limits::kAllowedFileTypesMax, limits::kMimeTypeMax);
    });
    r.finish();
}
} // namespace

void from_json(const json &j, RoomSettingsChange &v) { decodeSettingsChange(j, v, {}); }

// ---- rooms ----------------------------------------------------------------------------------

void to_json(json &j, const NewRoom &v)
{
    j = json{{"type", str(toString(v.type))}};
    if (!v.name.isEmpty())
        j["name"] = str(v.name);
    if (!v.description.isEmpty())
        j["description"] = str(v.description);
    if (v.maxMembers)
        j["maxMembers"] = *v.maxMembers;
    if (v.allowInvites)
        j["allowInvites"] = *v.allowInvites;
    if (!v.members.isEmpty())
        j["members"] = stringArray(v.members);
    if (!v.settings.isEmpty())
        j["settings"] = v.settings;
}

void from_json(const json &j, NewRoom &v)
{
    JsonReader r(j);
    v.type = r.enumValue<RoomType>("type");
    v.name = r.optString("name", {}, limits::kRoomNameMax);
    if (v.type != RoomType::Direct && v.name.trimmed().isEmpty())
        r.fail("name", QStringLiteral("is required"));
    v.description = r.optString("description", {}, limits::kDescriptionMax);
    v.maxMembers =
        ifPresent<int>(r, "maxMembers", [&] { return int(r.integer("maxMembers", kMaxMembersMin, kMaxMembersMax)); });
    v.allowInvites = ifPresent<bool>(r, "allowInvites", [&] { return r.boolean("allowInvites"); });
    v.members = r.optStringList("members", limits::kGroupMembersMax, limits::kIdMax);
    v.settings = {};
    if (const json *settings = r.optObject("settings"))
        decodeSettingsChange(*settings, v.settings, r.pathOf("settings"));
    r.finish();
}

void to_json(json &j, const RoomChange &v)
{
    j = json::object();
    if (v.name)
        j["name"] = str(*v.name);
    if (v.description)
        j["description"] = str(*v.description);
    if (v.avatar)
        j["avatar"] = str(*v.avatar);
    if (v.maxMembers)
        j["maxMembers"] = *v.maxMembers;
    if (!v.settings.isEmpty())
        j["settings"] = v.settings;
}

void from_json(const json &j, RoomChange &v)
{
    JsonReader r(j);
    // A name cannot be removed (null is "required"); a description or avatar can.
    v.name = ifPresent<QString>(r, "name", [&] { return r.string("name", limits::kRoomNameMax); });
    v.description =
        ifPresent<QString>(r, "description", [&] { return r.optString("description", {}, limits::kDescriptionMax); });
    v.avatar = ifPresent<QString>(r, "avatar", [&] { return r.optString("avatar", {}, limits::kUrlMax); });
    v.maxMembers =
        ifPresent<int>(r, "maxMembers", [&] { return int(r.integer("maxMembers", kMaxMembersMin, kMaxMembersMax)); });
    v.settings = {};
    if (const json *settings = r.optObject("settings"))
        decodeSettingsChange(*settings, v.settings, r.pathOf("settings"));
    r.finish();
}

// ---- members and moderation -----------------------------------------------------------------

void to_json(json &j, const MemberInvite &v) { j = json{{"userId", str(v.userId)}}; }

void from_json(const json &j, MemberInvite &v)
{
    JsonReader r(j);
    v.userId = r.string("userId", limits::kIdMax);
    r.finish();
}

void to_json(json &j, const MemberChange &v)
{
    j = json::object();
    if (v.role)
        j["role"] = str(toString(*v.role));
    if (v.isMuted)
        j["isMuted"] = *v.isMuted;
    if (v.mutedUntil)
        j["mutedUntil"] = timeOrNull(*v.mutedUntil);
}

void from_json(const json &j, MemberChange &v)
{
    JsonReader r(j);
    v.role = ifPresent<Role>(r, "role", [&] { return r.enumValue<Role>("role"); });
    v.isMuted = ifPresent<bool>(r, "isMuted", [&] { return r.boolean("isMuted"); });
    v.mutedUntil = ifPresent<qint64>(r, "mutedUntil", [&] { return r.optTimestamp("mutedUntil"); });
    r.finish();
}

void to_json(json &j, const KickRequest &v)
{
    j = json::object();
    if (!v.reason.isEmpty())
        j["reason"] = str(v.reason);
}

void from_json(const json &j, KickRequest &v)
{
    JsonReader r(j);
    v.reason = r.optString("reason", {}, limits::kReasonMax);
    r.finish();
}

void to_json(json &j, const BanRequest &v)
{
    j = json::object();
    if (!v.reason.isEmpty())
        j["reason"] = str(v.reason);
    if (v.durationSeconds > 0)
        j["durationSeconds"] = v.durationSeconds;
}

void from_json(const json &j, BanRequest &v)
{
    JsonReader r(j);
    v.reason = r.optString("reason", {}, limits::kReasonMax);
    v.durationSeconds = r.optInteger("durationSeconds", 0, 0, kBanDurationMax);
    r.finish();
}

// ---- messages -------------------------------------------------------------------------------

void to_json(json &j, const OutgoingMessage &v)
{
    j = json{{"content", str(v.content)}, {"type", str(toString(v.type))}};
    if (!v.replyTo.isEmpty())
        j["replyTo"] = str(v.replyTo);
    if (!v.clientMsgId.isEmpty())
        j["clientMsgId"] = str(v.clientMsgId);
    if (v.isAnonymous)
        j["isAnonymous"] = true;
    if (!v.attachments.empty()) { // by id: the server fills in the rest
        json ids = json::array();
        for (const Attachment &a : v.attachments)
            ids.push_back(str(a.fileId));
        j["attachments"] = std::move(ids);
    }
    if (v.poll)
        j["poll"] = *v.poll;
}

// The configured content length is checked by the server after decoding.
void from_json(const json &j, OutgoingMessage &v)
{
    JsonReader r(j);
    v.content = r.string("content", limits::kContentHardMax);
    v.type = r.optEnum("type", MessageType::Text);
    v.replyTo = r.optString("replyTo", {}, limits::kIdMax);
    v.isAnonymous = r.optBool("isAnonymous", false);
    v.clientMsgId = r.optString("clientMsgId", {}, limits::kIdMax);
    v.attachments = attachmentRefs(r, "attachments");
    v.poll.reset();
    if (const json *poll = r.optObject("poll")) {
        NewPoll p;
        decode(*poll, p, r.pathOf("poll"));
        v.poll = std::move(p);
    }
    r.finish();
}

void to_json(json &j, const MessageEdit &v) { j = json{{"content", str(v.content)}}; }

void from_json(const json &j, MessageEdit &v)
{
    JsonReader r(j);
    v.content = r.string("content", limits::kContentHardMax);
    r.finish();
}

void to_json(json &j, const NewReaction &v) { j = json{{"emoji", str(v.emoji)}}; }

void from_json(const json &j, NewReaction &v)
{
    JsonReader r(j);
    v.emoji = r.string("emoji", limits::kEmojiMax);
    r.finish();
}

void to_json(json &j, const ReadMarker &v) { j = json{{"messageId", str(v.messageId)}}; }

void from_json(const json &j, ReadMarker &v)
{
    JsonReader r(j);
    v.messageId = r.string("messageId", limits::kIdMax);
    r.finish();
}

void to_json(json &j, const ReceiptSetting &v) { j = json{{"sendReadReceipts", v.sendReadReceipts}}; }

void from_json(const json &j, ReceiptSetting &v)
{
    JsonReader r(j);
    v.sendReadReceipts = r.boolean("sendReadReceipts");
    r.finish();
}

// ---- presence -------------------------------------------------------------------------------

void to_json(json &j, const PresenceChange &v)
{
    j = json{{"status", str(toString(v.status))}, {"customStatus", str(v.customStatus)}};
}

void from_json(const json &j, PresenceChange &v)
{
    JsonReader r(j);
    v.status = r.enumValue<PresenceStatus>("status");
    v.customStatus = r.optString("customStatus", {}, limits::kCustomStatusMax);
    r.finish();
}

void to_json(json &j, const TypingChange &v) { j = json{{"isTyping", v.isTyping}}; }

void from_json(const json &j, TypingChange &v)
{
    JsonReader r(j);
    v.isTyping = r.optBool("isTyping", true);
    r.finish();
}

void to_json(json &j, const AccountErasure &v) { j = json{{"password", str(v.password)}}; }

void from_json(const json &j, AccountErasure &v)
{
    JsonReader r(j);
    v.password = r.string("password", limits::kPasswordMax);
    r.finish();
}

void to_json(json &j, const PasswordChange &v)
{
    j = json{{"oldPassword", str(v.oldPassword)}, {"newPassword", str(v.newPassword)}};
}

void from_json(const json &j, PasswordChange &v)
{
    JsonReader r(j);
    v.oldPassword = r.string("oldPassword", limits::kPasswordMax);
    v.newPassword = r.string("newPassword", limits::kPasswordMax);
    r.finish();
}

} // namespace confab
