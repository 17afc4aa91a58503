// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

#include "jsonreader.h"
#include "limits.h"
#include "validation.h"

#include <limits>

namespace confab {

using detail::JsonReader;
using detail::optStr;
using detail::str;
using detail::timeOrNull;
using nlohmann::json;

// ---- User -----------------------------------------------------------------------------------

void to_json(json &j, const User &v)
{
    j = json{{"userId", str(v.userId)},
             {"username", str(v.username)},
             {"displayName", str(v.displayName)},
             {"avatar", optStr(v.avatar)},
             {"role", str(toString(v.role))},
             {"status", str(toString(v.status))},
             {"customStatus", str(v.customStatus)},
             {"lastSeen", timeOrNull(v.lastSeen)}};
}

void decode(const json &j, User &v, const QString &path)
{
    JsonReader r(j, path);
    v.userId = r.string("userId", limits::kIdMax);
    v.username = r.string("username", limits::kUsernameMax);
    v.displayName = r.string("displayName", limits::kDisplayNameMax);
    v.avatar = r.optString("avatar", {}, limits::kUrlMax);
    v.role = r.optEnum("role", ServerRole::User);
    v.status = r.optEnum("status", PresenceStatus::Offline);
    v.customStatus = r.optString("customStatus", {}, limits::kCustomStatusMax);
    v.lastSeen = r.optTimestamp("lastSeen");
    r.finish();
}
void from_json(const json &j, User &v) { decode(j, v, {}); }

// ---- RoomSettings ---------------------------------------------------------------------------

void to_json(json &j, const RoomSettings &v)
{
    j = json{{"allowInvites", v.allowInvites},
             {"allowFileUploads", v.allowFileUploads},
             {"maxFileSize", v.maxFileSize},
             {"messageRetention", v.messageRetention},
             {"enableAI", v.enableAI},
             {"moderationLevel", str(toString(v.moderationLevel))},
             {"slowModeSeconds", v.slowModeSeconds},
             {"allowAnonymous", v.allowAnonymous},
             {"wordFilter",
              [&] {
                  json words = json::array();
                  for (const QString &w : v.wordFilter)
                      words.push_back(str(w));
                  return words;
              }()},
             {"wordFilterAction", str(toString(v.wordFilterAction))},
             {"allowedFileTypes", [&] {
                  json types = json::array();
                  for (const QString &t : v.allowedFileTypes)
                      types.push_back(str(t));
                  return types;
              }()}};
}

void decode(const json &j, RoomSettings &v, const QString &path)
{
    JsonReader r(j, path);
    const RoomSettings d;
    v.allowInvites = r.optBool("allowInvites", d.allowInvites);
    v.allowFileUploads = r.optBool("allowFileUploads", d.allowFileUploads);
    v.maxFileSize = r.optInteger("maxFileSize", d.maxFileSize, 0, qint64(1) << 40);
    v.messageRetention = int(r.optInteger("messageRetention", d.messageRetention, 0, 36500));
    v.enableAI = r.optBool("enableAI", d.enableAI);
    v.moderationLevel = r.optEnum("moderationLevel", d.moderationLevel);
    v.slowModeSeconds = int(r.optInteger("slowModeSeconds", d.slowModeSeconds, 0, 86400));
    v.allowAnonymous = r.optBool("allowAnonymous", d.allowAnonymous);
    v.wordFilter = r.optStringList("wordFilter", limits::kWordFilterMax, limits::kWordFilterWordMax);
    v.wordFilterAction = r.optEnum("wordFilterAction", d.wordFilterAction);
    v.allowedFileTypes = r.optStringList("allowedFileTypes", limits::kAllowedFileTypesMax, limits::kMimeTypeMax);
    r.finish();
}
void from_json(const json &j, RoomSettings &v) { decode(j, v, {}); }

// ---- Attachment -----------------------------------------------------------------------------

void to_json(json &j, const Attachment &v)
{
    j = json{{"fileId", str(v.fileId)}, {"url", str(v.url)},           {"fileName", str(v.fileName)},
             {"fileSize", v.fileSize},  {"mimeType", str(v.mimeType)}, {"thumbnailUrl", optStr(v.thumbnailUrl)},
             {"width", v.width},        {"height", v.height},          {"sha256", optStr(v.sha256)}};
}

void decode(const json &j, Attachment &v, const QString &path)
{
    JsonReader r(j, path);
    v.fileId = r.string("fileId", limits::kIdMax);
    v.url = r.optString("url", {}, limits::kUrlMax);
    v.fileName = r.optString("fileName", {}, 255);
    v.fileSize = r.optInteger("fileSize", 0, 0, qint64(1) << 40);
    v.mimeType = r.optString("mimeType", {}, 255);
    v.thumbnailUrl = r.optString("thumbnailUrl", {}, limits::kUrlMax);
    v.width = int(r.optInteger("width", 0, 0, 1 << 20));
    v.height = int(r.optInteger("height", 0, 0, 1 << 20));
    v.sha256 = r.optString("sha256", {}, 64);
    r.finish();
}
void from_json(const json &j, Attachment &v) { decode(j, v, {}); }

std::vector<Attachment> attachmentRefs(JsonReader &r, const char *key)
{
    std::vector<Attachment> out;
    const json *list = r.optArray(key, limits::kAttachmentsMax);
    if (!list)
        return out;
    int i = 0;
    for (const json &item : *list) {
        const QString at = r.pathOf(key) + QStringLiteral("[%1]").arg(i++);
        Attachment a;
        if (item.is_string()) { // the usual form: the server fills in the rest
            a.fileId = QString::fromStdString(item.get<std::string>());
            if (a.fileId.isEmpty() || codePointCount(a.fileId) > limits::kIdMax)
                throw DecodeError(ErrorCode::ValidationFailed, at, QStringLiteral("must be a file id"));
        } else {
            decode(item, a, at);
        }
        out.push_back(std::move(a));
    }
    return out;
}

// ---- SystemEvent ----------------------------------------------------------------------------

void to_json(json &j, const SystemEvent &v)
{
    json fields = json::array();
    for (const QString &f : v.fields)
        fields.push_back(str(f));
    j = json{{"kind", str(toString(v.kind))},  {"actorId", optStr(v.actorId)},       {"actorName", optStr(v.actorName)},
             {"targetId", optStr(v.targetId)}, {"targetName", optStr(v.targetName)}, {"fields", std::move(fields)},
             {"value", optStr(v.value)}};
}

void decode(const json &j, SystemEvent &v, const QString &path)
{
    JsonReader r(j, path);
    v.kind = r.enumValue<SystemEventKind>("kind");
    v.actorId = r.optString("actorId", {}, limits::kIdMax);
    v.actorName = r.optString("actorName", {}, limits::kDisplayNameMax);
    v.targetId = r.optString("targetId", {}, limits::kIdMax);
    v.targetName = r.optString("targetName", {}, limits::kDisplayNameMax);
    v.fields = r.optStringList("fields", 32, 64);
    v.value = r.optString("value", {}, limits::kRoomNameMax);
    r.finish();
}
void from_json(const json &j, SystemEvent &v) { decode(j, v, {}); }

// ---- Message --------------------------------------------------------------------------------

void to_json(json &j, const Message &v)
{
    json reactions = json::object();
    for (const auto &[emoji, users] : v.reactions) {
        json list = json::array();
        for (const auto &u : users)
            list.push_back(str(u));
        reactions[emoji.toStdString()] = std::move(list);
    }
    json attachments = json::array();
    for (const auto &a : v.attachments)
        attachments.push_back(a);
    j = json{{"messageId", str(v.messageId)},
             {"roomId", str(v.roomId)},
             {"seq", v.seq},
             {"authorId", optStr(v.authorId)},
             {"authorName", str(v.authorName)},
             {"authorAvatar", optStr(v.authorAvatar)},
             {"content", str(v.content)},
             {"type", str(toString(v.type))},
             {"timestamp", timeOrNull(v.timestamp)},
             {"reactions", std::move(reactions)},
             {"replyTo", optStr(v.replyTo)},
             {"isEdited", v.isEdited},
             {"editedAt", timeOrNull(v.editedAt)},
             {"isDeleted", v.isDeleted},
             {"isAnonymous", v.isAnonymous},
             {"anonymousName", optStr(v.anonymousName)},
             {"attachments", std::move(attachments)},
             {"clientMsgId", optStr(v.clientMsgId)}};
    if (v.systemEvent)
        j["systemEvent"] = *v.systemEvent;
    if (v.poll)
        j["poll"] = *v.poll;
    if (v.ai)
        j["ai"] = *v.ai;
}

void decode(const json &j, Message &v, const QString &path)
{
    JsonReader r(j, path);
    v.messageId = r.string("messageId", limits::kIdMax);
    v.roomId = r.string("roomId", limits::kIdMax);
    v.seq = r.integer("seq", 0, std::numeric_limits<qint64>::max());
    v.authorId = r.optString("authorId", {}, limits::kIdMax);
    v.authorName = r.optString("authorName", {}, limits::kDisplayNameMax);
    v.authorAvatar = r.optString("authorAvatar", {}, limits::kUrlMax);
    v.content = r.optString("content", {}, limits::kContentHardMax);
    v.type = r.optEnum("type", MessageType::Text);
    v.timestamp = r.timestamp("timestamp");
    v.reactions.clear();
    if (const json *reactions = r.optObject("reactions")) {
        for (auto it = reactions->begin(); it != reactions->end(); ++it) {
            const QString emoji = QString::fromStdString(it.key());
            const QString where = r.pathOf("reactions") + QLatin1Char('.') + emoji;
            // The same limit as everywhere else: code points, not bytes.
            if (emoji.isEmpty() || codePointCount(emoji) > limits::kEmojiMax)
                throw DecodeError(ErrorCode::ValidationFailed, where, QStringLiteral("is not a valid emoji"));
            if (!it->is_array())
                throw DecodeError(ErrorCode::ValidationFailed, where, QStringLiteral("must be an array of user ids"));
            QStringList users;
            int i = 0;
            for (const auto &u : *it) {
                const QString at = where + QStringLiteral("[%1]").arg(i++);
                if (!u.is_string())
                    throw DecodeError(ErrorCode::ValidationFailed, at, QStringLiteral("must be a user id"));
                users << QString::fromStdString(u.get<std::string>());
                if (codePointCount(users.constLast()) > limits::kIdMax)
                    throw DecodeError(ErrorCode::ValidationFailed, at,
                                      QStringLiteral("is longer than %1 characters").arg(limits::kIdMax));
            }
            v.reactions[emoji] = users;
        }
    }
    v.replyTo = r.optString("replyTo", {}, limits::kIdMax);
    v.isEdited = r.optBool("isEdited", false);
    v.editedAt = r.optTimestamp("editedAt");
    v.isDeleted = r.optBool("isDeleted", false);
    v.isAnonymous = r.optBool("isAnonymous", false);
    v.anonymousName = r.optString("anonymousName", {}, limits::kDisplayNameMax);
    v.attachments.clear();
    if (const json *list = r.optArray("attachments", limits::kAttachmentsMax)) {
        int i = 0;
        for (const auto &a : *list) {
            Attachment att;
            decode(a, att, r.pathOf("attachments") + QStringLiteral("[%1]").arg(i++));
            v.attachments.push_back(std::move(att));
        }
    }
    v.clientMsgId = r.optString("clientMsgId", {}, limits::kIdMax);
    v.systemEvent.reset();
    if (const json *event = r.optObject("systemEvent")) {
        SystemEvent e;
        decode(*event, e, r.pathOf("systemEvent"));
        v.systemEvent = std::move(e);
    }
    v.poll.reset();
    if (const json *poll = r.optObject("poll")) {
        Poll p;
        decode(*poll, p, r.pathOf("poll"));
        v.poll = std::move(p);
    }
    v.ai.reset();
    if (const json *ai = r.optObject("ai")) {
        AiAnswer a;
        decode(*ai, a, r.pathOf("ai"));
        v.ai = std::move(a);
    }
    r.finish();
}
void from_json(const json &j, Message &v) { decode(j, v, {}); }

// ---- NotificationPrefs, RoomNotifications -----------------------------------------------------

void to_json(json &j, const NotificationPrefs &v) { j = json{{"level", str(toString(v.level))}, {"muted", v.muted}}; }

void decode(const json &j, NotificationPrefs &v, const QString &path)
{
    JsonReader r(j, path);
    v.level = r.enumValue<NotificationLevel>("level");
    v.muted = r.optBool("muted", false);
    r.finish();
}
void from_json(const json &j, NotificationPrefs &v) { decode(j, v, {}); }

void to_json(json &j, const RoomNotifications &v)
{
    j = json(v.prefs);
    j["roomId"] = str(v.roomId);
}

void from_json(const json &j, RoomNotifications &v)
{
    JsonReader r(j);
    v.roomId = r.string("roomId", limits::kIdMax);
    v.prefs.level = r.enumValue<NotificationLevel>("level");
    v.prefs.muted = r.optBool("muted", false);
    r.finish();
}

// ---- Room -----------------------------------------------------------------------------------

void to_json(json &j, const Room &v)
{
    j = json{{"roomId", str(v.roomId)},
             {"name", str(v.name)},
             {"description", str(v.description)},
             {"type", str(toString(v.type))},
             {"avatar", optStr(v.avatar)},
             {"createdBy", str(v.createdBy)},
             {"createdAt", timeOrNull(v.createdAt)},
             {"updatedAt", timeOrNull(v.updatedAt)},
             {"memberCount", v.memberCount},
             {"maxMembers", v.maxMembers},
             {"lastActivity", timeOrNull(v.lastActivity)},
             {"lastMessage", v.lastMessage ? json(*v.lastMessage) : json(nullptr)},
             {"isJoined", v.isJoined},
             {"unreadCount", v.unreadCount},
             {"mentionCount", v.mentionCount},
             {"peerUserId", optStr(v.peerUserId)},
             {"notifications", v.notifications},
             {"myRole", v.myRole ? json(toString(*v.myRole).toStdString()) : json(nullptr)},
             {"settings", v.settings}};
}

void decode(const json &j, Room &v, const QString &path)
{
    JsonReader r(j, path);
    v.roomId = r.string("roomId", limits::kIdMax);
    v.name = r.string("name", limits::kRoomNameMax);
    v.description = r.optString("description", {}, limits::kDescriptionMax);
    v.type = r.enumValue<RoomType>("type");
    v.avatar = r.optString("avatar", {}, limits::kUrlMax);
    v.createdBy = r.optString("createdBy", {}, limits::kIdMax);
    v.createdAt = r.optTimestamp("createdAt");
    v.updatedAt = r.optTimestamp("updatedAt");
    v.memberCount = int(r.optInteger("memberCount", 0, 0, 100000000));
    v.maxMembers = int(r.optInteger("maxMembers", 1000, 1, 100000000));
    v.lastActivity = r.optTimestamp("lastActivity");
    v.lastMessage.reset();
    if (const json *m = r.optObject("lastMessage")) {
        Message msg;
        decode(*m, msg, r.pathOf("lastMessage"));
        v.lastMessage = std::move(msg);
    }
    v.isJoined = r.optBool("isJoined", false);
    v.unreadCount = int(r.optInteger("unreadCount", 0, 0, 100000000));
    v.mentionCount = int(r.optInteger("mentionCount", 0, 0, 100000000));
    v.peerUserId = r.optString("peerUserId", {}, limits::kIdMax);
    v.notifications = {};
    if (const json *n = r.optObject("notifications"))
        decode(*n, v.notifications, r.pathOf("notifications"));
    v.myRole.reset();
    if (r.has("myRole") && !j.at("myRole").is_null())
        v.myRole = r.enumValue<Role>("myRole");
    else
        r.optString("myRole");
    v.settings = {};
    if (const json *s = r.optObject("settings"))
        decode(*s, v.settings, r.pathOf("settings"));
    r.finish();
}
void from_json(const json &j, Room &v) { decode(j, v, {}); }

// ---- Member ---------------------------------------------------------------------------------

void to_json(json &j, const Member &v)
{
    j = json{{"userId", str(v.userId)},
             {"username", str(v.username)},
             {"displayName", str(v.displayName)},
             {"avatar", optStr(v.avatar)},
             {"role", str(toString(v.role))},
             {"joinedAt", timeOrNull(v.joinedAt)},
             {"lastSeen", timeOrNull(v.lastSeen)},
             {"isOnline", v.isOnline},
             {"status", str(toString(v.status))},
             {"isMuted", v.isMuted},
             {"mutedUntil", timeOrNull(v.mutedUntil)},
             {"isBanned", v.isBanned},
             {"customStatus", str(v.customStatus)}};
}

void decode(const json &j, Member &v, const QString &path)
{
    JsonReader r(j, path);
    v.userId = r.string("userId", limits::kIdMax);
    v.displayName = r.optString("displayName", {}, limits::kDisplayNameMax);
    v.avatar = r.optString("avatar", {}, limits::kUrlMax);
    v.role = r.enumValue<Role>("role");
    v.joinedAt = r.optTimestamp("joinedAt");
    v.lastSeen = r.optTimestamp("lastSeen");
    v.isOnline = r.optBool("isOnline", false);
    v.status = r.optEnum("status", PresenceStatus::Offline);
    v.isMuted = r.optBool("isMuted", false);
    v.mutedUntil = r.optTimestamp("mutedUntil");
    v.isBanned = r.optBool("isBanned", false);
    v.username = r.optString("username", {}, limits::kIdMax);
    v.customStatus = r.optString("customStatus", {}, limits::kCustomStatusMax);
    r.finish();
}
void from_json(const json &j, Member &v) { decode(j, v, {}); }

// ---- Presence, ReadReceipt, AuditEntry ------------------------------------------------------

void to_json(json &j, const Presence &v)
{
    j = json{{"userId", str(v.userId)},
             {"status", str(toString(v.status))},
             {"customStatus", str(v.customStatus)},
             {"lastSeen", timeOrNull(v.lastSeen)}};
}

void decode(const json &j, Presence &v, const QString &path)
{
    JsonReader r(j, path);
    v.userId = r.string("userId", limits::kIdMax);
    v.status = r.enumValue<PresenceStatus>("status");
    v.customStatus = r.optString("customStatus", {}, limits::kCustomStatusMax);
    v.lastSeen = r.optTimestamp("lastSeen");
    r.finish();
}
void from_json(const json &j, Presence &v) { decode(j, v, {}); }

void to_json(json &j, const ReadReceipt &v)
{
    j = json{{"roomId", str(v.roomId)},
             {"userId", str(v.userId)},
             {"messageId", str(v.messageId)},
             {"readAt", timeOrNull(v.readAt)},
             {"messageSeq", v.seq}};
}

void decode(const json &j, ReadReceipt &v, const QString &path)
{
    JsonReader r(j, path);
    v.roomId = r.string("roomId", limits::kIdMax);
    v.userId = r.string("userId", limits::kIdMax);
    v.messageId = r.string("messageId", limits::kIdMax);
    v.readAt = r.timestamp("readAt");
    v.seq = r.optInteger("messageSeq", 0, 0, std::numeric_limits<qint64>::max());
    r.finish();
}
void from_json(const json &j, ReadReceipt &v) { decode(j, v, {}); }

void to_json(json &j, const AuditEntry &v)
{
    j = json{{"auditId", str(v.auditId)},
             {"actorId", str(v.actorId)},
             {"actorName", str(v.actorName)},
             {"action", str(v.action)},
             {"roomId", optStr(v.roomId)},
             {"targetUserId", optStr(v.targetUserId)},
             {"messageId", optStr(v.messageId)},
             {"reason", str(v.reason)},
             {"createdAt", timeOrNull(v.createdAt)},
             {"address", optStr(v.address)},
             {"count", v.count}};
}

void decode(const json &j, AuditEntry &v, const QString &path)
{
    JsonReader r(j, path);
    v.auditId = r.string("auditId", limits::kIdMax);
    v.actorId = r.string("actorId", limits::kIdMax);
    v.actorName = r.optString("actorName", {}, limits::kDisplayNameMax);
    v.action = r.string("action", 64);
    v.roomId = r.optString("roomId", {}, limits::kIdMax);
    v.targetUserId = r.optString("targetUserId", {}, limits::kIdMax);
    v.messageId = r.optString("messageId", {}, limits::kIdMax);
    v.reason = r.optString("reason", {}, limits::kReasonMax);
    v.createdAt = r.timestamp("createdAt");
    v.address = r.optString("address", {}, 64);
    v.count = int(r.optInteger("count", 1, 1, std::numeric_limits<int>::max()));
    r.finish();
}
void from_json(const json &j, AuditEntry &v) { decode(j, v, {}); }

// ---- Pagination -----------------------------------------------------------------------------

void to_json(json &j, const OffsetPagination &v)
{
    j = json{{"total", v.total}, {"limit", v.limit}, {"offset", v.offset}, {"hasMore", v.hasMore}};
}

void decode(const json &j, OffsetPagination &v, const QString &path)
{
    JsonReader r(j, path);
    v.total = int(r.integer("total", 0, std::numeric_limits<int>::max()));
    v.limit = int(r.integer("limit", 0, 1000));
    v.offset = int(r.integer("offset", 0, std::numeric_limits<int>::max()));
    v.hasMore = r.boolean("hasMore");
    r.finish();
}
void from_json(const json &j, OffsetPagination &v) { decode(j, v, {}); }

void to_json(json &j, const CursorPagination &v)
{
    j = json{{"hasMore", v.hasMore}, {"before", optStr(v.before)}, {"after", optStr(v.after)}, {"limit", v.limit}};
}

void decode(const json &j, CursorPagination &v, const QString &path)
{
    JsonReader r(j, path);
    v.hasMore = r.boolean("hasMore");
    v.before = r.optString("before", {}, limits::kIdMax);
    v.after = r.optString("after", {}, limits::kIdMax);
    v.limit = int(r.integer("limit", 0, 1000));
    r.finish();
}
void from_json(const json &j, CursorPagination &v) { decode(j, v, {}); }

} // namespace confab
