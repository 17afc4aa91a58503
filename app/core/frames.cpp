// SPDX-License-Identifier: GPL-3.0-or-later
#include "frames.h"

#include "jsonreader.h"
#include "limits.h"

namespace confab {

using detail::JsonReader;
using detail::optStr;
using detail::str;
using detail::timeOrNull;
using nlohmann::json;

namespace {

constexpr int kRefMax = 64;

// Writers add their fields to an object that already holds "type". Readers read every field
// except "type" and the reader's finish() rejects anything left over.

void ref(json &j, const QString &r)
{
    if (!r.isEmpty())
        j["ref"] = str(r);
}
QString ref(JsonReader &r) { return r.optString("ref", {}, kRefMax); }
QString roomId(JsonReader &r) { return r.string("roomId", limits::kIdMax); }
QString messageId(JsonReader &r) { return r.string("messageId", limits::kIdMax); }

// client frames
void put(json &j, const AuthFrame &f)
{
    j["token"] = str(f.token);
    ref(j, f.ref);
}
void get(JsonReader &r, AuthFrame &f)
{
    f.token = r.string("token", 256);
    f.ref = ref(r);
}

void put(json &j, const JoinRoomFrame &f)
{
    j["roomId"] = str(f.roomId);
    ref(j, f.ref);
}
void get(JsonReader &r, JoinRoomFrame &f)
{
    f.roomId = roomId(r);
    f.ref = ref(r);
}

void put(json &j, const LeaveRoomFrame &f)
{
    j["roomId"] = str(f.roomId);
    ref(j, f.ref);
}
void get(JsonReader &r, LeaveRoomFrame &f)
{
    f.roomId = roomId(r);
    f.ref = ref(r);
}

void put(json &j, const SendMessageFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["content"] = str(f.content);
    j["messageType"] = str(toString(f.messageType));
    if (!f.replyTo.isEmpty())
        j["replyTo"] = str(f.replyTo);
    if (!f.clientMsgId.isEmpty())
        j["clientMsgId"] = str(f.clientMsgId);
    if (f.isAnonymous)
        j["isAnonymous"] = true;
    if (!f.attachments.empty())
        j["attachments"] = f.attachments;
    if (f.poll)
        j["poll"] = *f.poll;
    ref(j, f.ref);
}
void get(JsonReader &r, SendMessageFrame &f)
{
    f.roomId = roomId(r);
    f.content = r.string("content", limits::kContentHardMax);
    f.messageType = r.optEnum("messageType", MessageType::Text);
    f.replyTo = r.optString("replyTo", {}, limits::kIdMax);
    f.clientMsgId = r.optString("clientMsgId", {}, limits::kIdMax);
    f.isAnonymous = r.optBool("isAnonymous", false);
    f.attachments = attachmentRefs(r, "attachments");
    f.poll.reset();
    if (const json *poll = r.optObject("poll")) {
        NewPoll p;
        decode(*poll, p, r.pathOf("poll"));
        f.poll = std::move(p);
    }
    f.ref = ref(r);
}

void put(json &j, const PollVoteFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    json ids = json::array();
    for (const QString &id : f.optionIds)
        ids.push_back(str(id));
    j["optionIds"] = std::move(ids);
    ref(j, f.ref);
}
void get(JsonReader &r, PollVoteFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    if (!r.has("optionIds")) // required: a missing list must not mean "retract"
        r.fail("optionIds", QStringLiteral("is required (an empty list retracts the vote)"));
    f.optionIds = r.optStringList("optionIds", limits::kPollOptionsMax, limits::kIdMax);
    f.ref = ref(r);
}

void put(json &j, const PollCloseFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    ref(j, f.ref);
}
void get(JsonReader &r, PollCloseFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.ref = ref(r);
}

void put(json &j, const TypingStartFrame &f)
{
    j["roomId"] = str(f.roomId);
    ref(j, f.ref);
}
void get(JsonReader &r, TypingStartFrame &f)
{
    f.roomId = roomId(r);
    f.ref = ref(r);
}
void put(json &j, const TypingStopFrame &f)
{
    j["roomId"] = str(f.roomId);
    ref(j, f.ref);
}
void get(JsonReader &r, TypingStopFrame &f)
{
    f.roomId = roomId(r);
    f.ref = ref(r);
}

void put(json &j, const MessageReactionFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    j["emoji"] = str(f.emoji);
    j["action"] = str(toString(f.action));
    ref(j, f.ref);
}
void get(JsonReader &r, MessageReactionFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.emoji = r.string("emoji", limits::kEmojiMax);
    f.action = r.enumValue<ReactionAction>("action"); // required: a missing action must not mean "add"
    f.ref = ref(r);
}

void put(json &j, const MarkReadFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    ref(j, f.ref);
}
void get(JsonReader &r, MarkReadFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.ref = ref(r);
}

void put(json &j, const EditMessageFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    j["content"] = str(f.content);
    ref(j, f.ref);
}
void get(JsonReader &r, EditMessageFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.content = r.string("content", limits::kContentHardMax);
    f.ref = ref(r);
}

void put(json &j, const DeleteMessageFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    ref(j, f.ref);
}
void get(JsonReader &r, DeleteMessageFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.ref = ref(r);
}

void put(json &j, const SetPresenceFrame &f)
{
    j["status"] = str(toString(f.status));
    j["customStatus"] = str(f.customStatus);
    ref(j, f.ref);
}
void get(JsonReader &r, SetPresenceFrame &f)
{
    f.status = r.enumValue<PresenceStatus>("status");
    f.customStatus = r.optString("customStatus", {}, limits::kCustomStatusMax);
    f.ref = ref(r);
}

void put(json &j, const SyncFrame &f)
{
    json rooms = json::object();
    for (const auto &[room, seq] : f.rooms)
        rooms[room.toStdString()] = seq;
    j["rooms"] = std::move(rooms);
    ref(j, f.ref);
}
void get(JsonReader &r, SyncFrame &f)
{
    const json &rooms = r.object("rooms");
    if (rooms.size() > std::size_t(limits::kSyncRoomsMax))
        r.fail("rooms", QStringLiteral("has more than %1 rooms").arg(limits::kSyncRoomsMax));
    f.rooms.clear();
    for (auto it = rooms.begin(); it != rooms.end(); ++it) {
        const QString where = r.pathOf("rooms") + QLatin1Char('.') + QString::fromStdString(it.key());
        if (it.key().empty() || it.key().size() > std::size_t(limits::kIdMax))
            throw DecodeError(ErrorCode::ValidationFailed, where, QStringLiteral("is not a valid room id"));
        if (!it->is_number_integer() || it->get<qint64>() < 0)
            throw DecodeError(ErrorCode::ValidationFailed, where, QStringLiteral("must be a seq number >= 0"));
        f.rooms[QString::fromStdString(it.key())] = it->get<qint64>();
    }
    f.ref = ref(r);
}

void put(json &j, const PingFrame &f)
{
    if (!f.id.isEmpty())
        j["id"] = str(f.id);
    ref(j, f.ref);
}
void get(JsonReader &r, PingFrame &f)
{
    f.id = r.optString("id", {}, kRefMax);
    f.ref = ref(r);
}

// server frames
void put(json &j, const HelloFrame &f)
{
    j["user"] = f.user;
    j["serverTime"] = timeOrNull(f.serverTime);
}
void get(JsonReader &r, HelloFrame &f)
{
    f.user = r.nested<User>("user");
    f.serverTime = r.timestamp("serverTime");
}

void put(json &j, const UserUpdatedFrame &f) { j["user"] = f.user; }
void get(JsonReader &r, UserUpdatedFrame &f) { f.user = r.nested<User>("user"); }

void put(json &j, const HistoryFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["room"] = f.room;
    j["messages"] = f.messages;
    j["hasMore"] = f.hasMore;
}
void get(JsonReader &r, HistoryFrame &f)
{
    f.roomId = roomId(r);
    f.room = r.nested<Room>("room");
    f.messages = r.nestedList<Message>("messages", 1000);
    f.hasMore = r.boolean("hasMore");
}

void put(json &j, const AckFrame &f)
{
    j["clientMsgId"] = optStr(f.clientMsgId);
    j["message"] = f.message;
    ref(j, f.ref);
}
void get(JsonReader &r, AckFrame &f)
{
    f.clientMsgId = r.optString("clientMsgId", {}, limits::kIdMax);
    f.message = r.nested<Message>("message");
    f.ref = ref(r);
}

void put(json &j, const NewMessageFrame &f)
{
    j["seq"] = f.seq;
    j["message"] = f.message;
}
void get(JsonReader &r, NewMessageFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.message = r.nested<Message>("message");
}

void put(json &j, const MessageUpdatedFrame &f)
{
    j["seq"] = f.seq;
    j["message"] = f.message;
}
void get(JsonReader &r, MessageUpdatedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.message = r.nested<Message>("message");
}

void put(json &j, const MessageDeletedFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
}
void get(JsonReader &r, MessageDeletedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.messageId = messageId(r);
}

void put(json &j, const MessagesPurgedFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    json ids = json::array();
    for (const QString &id : f.messageIds)
        ids.push_back(str(id));
    j["messageIds"] = std::move(ids);
    j["upToSeq"] = f.upToSeq;
}
void get(JsonReader &r, MessagesPurgedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.messageIds = r.optStringList("messageIds", 500, limits::kIdMax);
    f.upToSeq = r.integer("upToSeq", 0, std::numeric_limits<qint64>::max());
}

void put(json &j, const TypingIndicatorFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["userId"] = str(f.userId);
    j["displayName"] = str(f.displayName);
    j["isTyping"] = f.isTyping;
}
void get(JsonReader &r, TypingIndicatorFrame &f)
{
    f.roomId = roomId(r);
    f.userId = r.string("userId", limits::kIdMax);
    f.displayName = r.optString("displayName", {}, limits::kDisplayNameMax);
    f.isTyping = r.boolean("isTyping");
}

void put(json &j, const ReadReceiptFrame &f) { j.update(json(f.receipt)); }
void get(JsonReader &r, ReadReceiptFrame &f)
{
    f.receipt.roomId = roomId(r);
    f.receipt.userId = r.string("userId", limits::kIdMax);
    f.receipt.messageId = messageId(r);
    f.receipt.readAt = r.timestamp("readAt");
    f.receipt.seq = r.optInteger("messageSeq", 0, 0, std::numeric_limits<qint64>::max());
}

void put(json &j, const NotificationSettingsFrame &f) { j.update(json(f.notifications)); }
void get(JsonReader &r, NotificationSettingsFrame &f)
{
    f.notifications.roomId = roomId(r);
    f.notifications.prefs.level = r.enumValue<NotificationLevel>("level");
    f.notifications.prefs.muted = r.optBool("muted", false);
}

void put(json &j, const PresenceUpdateFrame &f) { j.update(json(f.presence)); }
void get(JsonReader &r, PresenceUpdateFrame &f)
{
    f.presence.userId = r.string("userId", limits::kIdMax);
    f.presence.status = r.enumValue<PresenceStatus>("status");
    f.presence.customStatus = r.optString("customStatus", {}, limits::kCustomStatusMax);
    f.presence.lastSeen = r.optTimestamp("lastSeen");
}

void put(json &j, const SyncedFrame &f) { ref(j, f.ref); }
void get(JsonReader &r, SyncedFrame &f) { f.ref = ref(r); }

void put(json &j, const SyncGapFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["latestSeq"] = f.latestSeq;
}
void get(JsonReader &r, SyncGapFrame &f)
{
    f.roomId = roomId(r);
    f.latestSeq = r.integer("latestSeq", 0, std::numeric_limits<qint64>::max());
}

void put(json &j, const PongFrame &f)
{
    j["id"] = optStr(f.id);
    j["serverTime"] = timeOrNull(f.serverTime);
}
void get(JsonReader &r, PongFrame &f)
{
    f.id = r.optString("id", {}, kRefMax);
    f.serverTime = r.optTimestamp("serverTime");
}

void put(json &j, const UserJoinedFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    j["member"] = f.member;
}
void get(JsonReader &r, UserJoinedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.member = r.nested<Member>("member");
}

void put(json &j, const UserLeftFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    j["userId"] = str(f.userId);
}
void get(JsonReader &r, UserLeftFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.userId = r.string("userId", limits::kIdMax);
}

void put(json &j, const MemberUpdatedFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    j["member"] = f.member;
}
void get(JsonReader &r, MemberUpdatedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.member = r.nested<Member>("member");
}

void put(json &j, const RoomUpdatedFrame &f)
{
    j["seq"] = f.seq;
    j["room"] = f.room;
}
void get(JsonReader &r, RoomUpdatedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.room = r.nested<Room>("room");
}

void put(json &j, const RoomDeletedFrame &f) { j["roomId"] = str(f.roomId); }
void get(JsonReader &r, RoomDeletedFrame &f) { f.roomId = roomId(r); }

void put(json &j, const PinUpdatedFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    j["pinned"] = f.pinned;
    j["byUserId"] = str(f.byUserId);
}
void get(JsonReader &r, PinUpdatedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.pinned = r.boolean("pinned");
    f.byUserId = r.optString("byUserId", {}, limits::kIdMax);
}

void put(json &j, const PollUpdatedFrame &f)
{
    j["seq"] = f.seq;
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    j["poll"] = f.poll;
}
void get(JsonReader &r, PollUpdatedFrame &f)
{
    f.seq = r.integer("seq", 1, std::numeric_limits<qint64>::max());
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    Poll p;
    decode(r.object("poll"), p, r.pathOf("poll"));
    f.poll = std::move(p);
}

void put(json &j, const KickedFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["reason"] = str(f.reason);
}
void get(JsonReader &r, KickedFrame &f)
{
    f.roomId = roomId(r);
    f.reason = r.optString("reason", {}, limits::kReasonMax);
}

void put(json &j, const BannedFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["reason"] = str(f.reason);
    j["until"] = timeOrNull(f.until);
}
void get(JsonReader &r, BannedFrame &f)
{
    f.roomId = roomId(r);
    f.reason = r.optString("reason", {}, limits::kReasonMax);
    f.until = r.optTimestamp("until");
}

void put(json &j, const AiResponseFrame &f) { j["message"] = f.message; }
void get(JsonReader &r, AiResponseFrame &f) { f.message = r.nested<Message>("message"); }

void put(json &j, const AiDeltaFrame &f)
{
    j["roomId"] = str(f.roomId);
    j["messageId"] = str(f.messageId);
    j["offset"] = f.offset;
    j["text"] = str(f.text);
}
void get(JsonReader &r, AiDeltaFrame &f)
{
    f.roomId = roomId(r);
    f.messageId = messageId(r);
    f.offset = r.integer("offset", 0, limits::kContentHardMax);
    f.text = r.string("text", limits::kContentHardMax);
}

void put(json &j, const ErrorFrame &f)
{
    j["code"] = str(errorCodeName(f.code));
    j["message"] = str(f.message);
    if (!f.field.isEmpty())
        j["field"] = str(f.field);
    j["ref"] = optStr(f.ref);
}
void get(JsonReader &r, ErrorFrame &f)
{
    const QString code = r.string("code", 64);
    if (!errorCodeFromName(code, f.code))
        r.fail("code", QStringLiteral("unknown error code \"%1\"").arg(code));
    f.message = r.string("message", 2000);
    f.field = r.optString("field", {}, 200);
    f.ref = ref(r);
}

template<typename Variant> json encodeVariant(const Variant &frame)
{
    return std::visit(
        [](const auto &f) {
            json j = json::object();
            j["type"] = std::decay_t<decltype(f)>::kType;
            put(j, f);
            return j;
        },
        frame);
}

// Tries each alternative of the variant in turn for the one whose kType matches.
template<typename Variant, std::size_t I = 0>
bool decodeAlternative(const std::string &type, JsonReader &r, Variant &out)
{
    if constexpr (I < std::variant_size_v<Variant>) {
        using Frame = std::variant_alternative_t<I, Variant>;
        if (type == Frame::kType) {
            Frame f;
            get(r, f);
            out = std::move(f);
            return true;
        }
        return decodeAlternative<Variant, I + 1>(type, r, out);
    } else {
        return false;
    }
}

template<typename Variant> Variant decodeVariant(const json &j)
{
    JsonReader r(j);
    const std::string type = r.string("type", 64).toStdString();
    Variant out;
    if (!decodeAlternative(type, r, out))
        r.fail("type", QStringLiteral("unknown frame type \"%1\"").arg(QString::fromStdString(type)));
    r.finish();
    return out;
}

template<typename Variant> QString typeOf(const Variant &frame)
{
    return std::visit([](const auto &f) { return QString::fromLatin1(std::decay_t<decltype(f)>::kType); }, frame);
}

} // namespace

json encodeFrame(const ClientFrame &frame) { return encodeVariant(frame); }
json encodeFrame(const ServerFrame &frame) { return encodeVariant(frame); }
ClientFrame decodeClientFrame(const json &j) { return decodeVariant<ClientFrame>(j); }
ServerFrame decodeServerFrame(const json &j) { return decodeVariant<ServerFrame>(j); }
QString frameType(const ClientFrame &frame) { return typeOf(frame); }
QString frameType(const ServerFrame &frame) { return typeOf(frame); }

} // namespace confab
