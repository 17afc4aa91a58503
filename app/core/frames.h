// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every WebSocket frame of API.md, in both directions, as plain structs. Each has a static `kType`
// (its "type" on the wire). A frame's optional `ref` is chosen by the client and echoed in the
// server's `ack` or `error` for that frame, so replies can be matched to requests.

#include "errors.h"
#include "types.h"

#include <map>
#include <variant>

namespace confab {

// ---- client to server -----------------------------------------------------------------------

struct AuthFrame {
    static constexpr const char *kType = "auth";
    QString token;
    QString ref;
    bool operator==(const AuthFrame &) const = default;
};
struct JoinRoomFrame {
    static constexpr const char *kType = "join_room";
    QString roomId;
    QString ref;
    bool operator==(const JoinRoomFrame &) const = default;
};
struct LeaveRoomFrame {
    static constexpr const char *kType = "leave_room";
    QString roomId;
    QString ref;
    bool operator==(const LeaveRoomFrame &) const = default;
};
struct SendMessageFrame {
    static constexpr const char *kType = "send_message";
    QString roomId;
    QString content;
    MessageType messageType = MessageType::Text;
    QString replyTo;
    QString clientMsgId;
    bool isAnonymous = false;
    std::vector<Attachment> attachments;
    std::optional<NewPoll> poll; // with messageType poll
    QString ref;
    bool operator==(const SendMessageFrame &) const = default;
};
struct TypingStartFrame {
    static constexpr const char *kType = "typing_start";
    QString roomId;
    QString ref;
    bool operator==(const TypingStartFrame &) const = default;
};
struct TypingStopFrame {
    static constexpr const char *kType = "typing_stop";
    QString roomId;
    QString ref;
    bool operator==(const TypingStopFrame &) const = default;
};
struct MessageReactionFrame {
    static constexpr const char *kType = "message_reaction";
    QString roomId;
    QString messageId;
    QString emoji;
    ReactionAction action = ReactionAction::Add;
    QString ref;
    bool operator==(const MessageReactionFrame &) const = default;
};
struct MarkReadFrame {
    static constexpr const char *kType = "mark_read";
    QString roomId;
    QString messageId;
    QString ref;
    bool operator==(const MarkReadFrame &) const = default;
};
struct EditMessageFrame {
    static constexpr const char *kType = "edit_message";
    QString roomId;
    QString messageId;
    QString content;
    QString ref;
    bool operator==(const EditMessageFrame &) const = default;
};
struct DeleteMessageFrame {
    static constexpr const char *kType = "delete_message";
    QString roomId;
    QString messageId;
    QString ref;
    bool operator==(const DeleteMessageFrame &) const = default;
};
struct SetPresenceFrame {
    static constexpr const char *kType = "set_presence";
    PresenceStatus status = PresenceStatus::Online;
    QString customStatus;
    QString ref;
    bool operator==(const SetPresenceFrame &) const = default;
};
struct SyncFrame {
    static constexpr const char *kType = "sync";
    std::map<QString, qint64> rooms; // roomId -> last seq the client has
    QString ref;
    bool operator==(const SyncFrame &) const = default;
};
struct PingFrame {
    static constexpr const char *kType = "ping";
    QString id;
    QString ref;
    bool operator==(const PingFrame &) const = default;
};

// Extension (polls): the caller's whole choice on a poll; empty optionIds retracts it.
struct PollVoteFrame {
    static constexpr const char *kType = "poll_vote";
    QString roomId;
    QString messageId;
    QStringList optionIds;
    QString ref;
    bool operator==(const PollVoteFrame &) const = default;
};
struct PollCloseFrame {
    static constexpr const char *kType = "poll_close";
    QString roomId;
    QString messageId;
    QString ref;
    bool operator==(const PollCloseFrame &) const = default;
};

using ClientFrame =
    std::variant<AuthFrame, JoinRoomFrame, LeaveRoomFrame, SendMessageFrame, TypingStartFrame, TypingStopFrame,
                 MessageReactionFrame, MarkReadFrame, EditMessageFrame, DeleteMessageFrame, SetPresenceFrame, SyncFrame,
                 PingFrame, PollVoteFrame, PollCloseFrame>;

// ---- server to client -----------------------------------------------------------------------
// Frames about a room's history carry `seq`: the room's event sequence number (gap-free per room).

struct HelloFrame {
    static constexpr const char *kType = "hello";
    User user;
    qint64 serverTime = 0;
    bool operator==(const HelloFrame &) const = default;
};
struct HistoryFrame {
    static constexpr const char *kType = "history";
    QString roomId;
    Room room;
    std::vector<Message> messages;
    bool hasMore = false;
    bool operator==(const HistoryFrame &) const = default;
};
struct AckFrame {
    static constexpr const char *kType = "ack";
    QString clientMsgId;
    Message message;
    QString ref;
    bool operator==(const AckFrame &) const = default;
};
struct NewMessageFrame {
    static constexpr const char *kType = "new_message";
    qint64 seq = 0;
    Message message;
    bool operator==(const NewMessageFrame &) const = default;
};
struct MessageUpdatedFrame {
    static constexpr const char *kType = "message_updated";
    qint64 seq = 0;
    Message message;
    bool operator==(const MessageUpdatedFrame &) const = default;
};
struct MessageDeletedFrame {
    static constexpr const char *kType = "message_deleted";
    qint64 seq = 0;
    QString roomId;
    QString messageId;
    bool operator==(const MessageDeletedFrame &) const = default;
};
// Retention deleted these messages of the room (oldest first, at most 500 per event); upToSeq is
// the highest seq among them. Clients drop them from their caches; a sync replays the events of
// purged messages as message_deleted, so the room's seq stays gap-free.
struct MessagesPurgedFrame {
    static constexpr const char *kType = "messages_purged";
    qint64 seq = 0;
    QString roomId;
    QStringList messageIds;
    qint64 upToSeq = 0;
    bool operator==(const MessagesPurgedFrame &) const = default;
};
struct TypingIndicatorFrame {
    static constexpr const char *kType = "typing_indicator";
    QString roomId;
    QString userId;
    QString displayName;
    bool isTyping = false;
    bool operator==(const TypingIndicatorFrame &) const = default;
};
struct ReadReceiptFrame {
    static constexpr const char *kType = "read_receipt";
    ReadReceipt receipt; // flattened on the wire: {roomId, userId, messageId, readAt}
    bool operator==(const ReadReceiptFrame &) const = default;
};
struct PresenceUpdateFrame {
    static constexpr const char *kType = "presence_update";
    Presence presence; // flattened on the wire: {userId, status, customStatus, lastSeen}
    bool operator==(const PresenceUpdateFrame &) const = default;
};
// A user's profile (display name, avatar) changed; sent to everyone sharing a room with them.
struct UserUpdatedFrame {
    static constexpr const char *kType = "user_updated";
    User user;
    bool operator==(const UserUpdatedFrame &) const = default;
};
struct SyncedFrame {
    static constexpr const char *kType = "synced";
    QString ref;
    bool operator==(const SyncedFrame &) const = default;
};
struct SyncGapFrame {
    static constexpr const char *kType = "sync_gap";
    QString roomId;
    qint64 latestSeq = 0; // the room's seq now; reload history over REST, then resume from it
    bool operator==(const SyncGapFrame &) const = default;
};
struct PongFrame {
    static constexpr const char *kType = "pong";
    QString id;
    qint64 serverTime = 0;
    bool operator==(const PongFrame &) const = default;
};
struct UserJoinedFrame {
    static constexpr const char *kType = "user_joined";
    qint64 seq = 0;
    QString roomId;
    Member member;
    bool operator==(const UserJoinedFrame &) const = default;
};
struct UserLeftFrame {
    static constexpr const char *kType = "user_left";
    qint64 seq = 0;
    QString roomId;
    QString userId;
    bool operator==(const UserLeftFrame &) const = default;
};
struct MemberUpdatedFrame {
    static constexpr const char *kType = "member_updated";
    qint64 seq = 0;
    QString roomId;
    Member member;
    bool operator==(const MemberUpdatedFrame &) const = default;
};
struct RoomUpdatedFrame {
    static constexpr const char *kType = "room_updated";
    qint64 seq = 0;
    Room room;
    bool operator==(const RoomUpdatedFrame &) const = default;
};
struct RoomDeletedFrame {
    static constexpr const char *kType = "room_deleted";
    QString roomId;
    bool operator==(const RoomDeletedFrame &) const = default;
};
// To the member's own connections after PUT .../notifications (extension; no seq: a preference).
struct NotificationSettingsFrame {
    static constexpr const char *kType = "notification_settings";
    RoomNotifications notifications; // flattened on the wire: {roomId, level, muted}
    bool operator==(const NotificationSettingsFrame &) const = default;
};
struct PinUpdatedFrame {
    static constexpr const char *kType = "pin_updated";
    qint64 seq = 0;
    QString roomId;
    QString messageId;
    bool pinned = false;
    QString byUserId;
    bool operator==(const PinUpdatedFrame &) const = default;
};
// Extension (polls): a poll's counts changed (a vote, a retraction) or it was closed. `poll`
// carries myVotes only in the copy sent to the voter's own connections.
struct PollUpdatedFrame {
    static constexpr const char *kType = "poll_updated";
    qint64 seq = 0;
    QString roomId;
    QString messageId;
    Poll poll;
    bool operator==(const PollUpdatedFrame &) const = default;
};
struct KickedFrame {
    static constexpr const char *kType = "kicked";
    QString roomId;
    QString reason;
    bool operator==(const KickedFrame &) const = default;
};
struct BannedFrame {
    static constexpr const char *kType = "banned";
    QString roomId;
    QString reason;
    qint64 until = 0; // 0: permanent
    bool operator==(const BannedFrame &) const = default;
};
struct AiResponseFrame {
    static constexpr const char *kType = "ai_response";
    Message message;
    bool operator==(const AiResponseFrame &) const = default;
};
// Extension (assistant): more text of a streaming ai_response. Ephemeral (no seq): `offset` is the
// number of Unicode code points of the content before `text`, so a client whose text is shorter
// than `offset` knows it missed a delta and fetches the message over REST.
struct AiDeltaFrame {
    static constexpr const char *kType = "ai_delta";
    QString roomId;
    QString messageId;
    qint64 offset = 0;
    QString text;
    bool operator==(const AiDeltaFrame &) const = default;
};
struct ErrorFrame {
    static constexpr const char *kType = "error";
    ErrorCode code = ErrorCode::BadRequest;
    QString message;
    QString field;
    QString ref;
    bool operator==(const ErrorFrame &) const = default;
};

using ServerFrame =
    std::variant<HelloFrame, HistoryFrame, AckFrame, NewMessageFrame, MessageUpdatedFrame, MessageDeletedFrame,
                 TypingIndicatorFrame, ReadReceiptFrame, PresenceUpdateFrame, SyncedFrame, SyncGapFrame, PongFrame,
                 UserJoinedFrame, UserLeftFrame, MemberUpdatedFrame, RoomUpdatedFrame, RoomDeletedFrame,
                 PinUpdatedFrame, KickedFrame, BannedFrame, AiResponseFrame, ErrorFrame, MessagesPurgedFrame,
                 NotificationSettingsFrame, UserUpdatedFrame, PollUpdatedFrame, AiDeltaFrame>;

// Each frame to JSON with its "type" set, and back. The decoders throw DecodeError naming the
// field (`type` for an unknown or missing type).
nlohmann::json encodeFrame(const ClientFrame &frame);
nlohmann::json encodeFrame(const ServerFrame &frame);
ClientFrame decodeClientFrame(const nlohmann::json &j);
ServerFrame decodeServerFrame(const nlohmann::json &j);

// Frame type name of a variant's current alternative.
QString frameType(const ClientFrame &frame);
QString frameType(const ServerFrame &frame);

} // namespace confab
