// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The value types of API.md. Plain structs; JSON conversion through nlohmann's to_json/from_json
// (declared here against json_fwd so that including this header stays cheap). from_json is strict:
// wrong types, unknown enum values, over-long strings and unknown fields throw DecodeError naming
// the field.

#include "aianswer.h"
#include "enums.h"
#include "poll.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <vector>

namespace confab {

struct User {
    QString userId;
    QString username;
    QString displayName;
    QString avatar;
    ServerRole role = ServerRole::User;
    PresenceStatus status = PresenceStatus::Offline;
    QString customStatus;
    qint64 lastSeen = 0;
    bool operator==(const User &) const = default;
};

struct RoomSettings {
    bool allowInvites = true;
    bool allowFileUploads = true;
    qint64 maxFileSize = 10 * 1024 * 1024;
    int messageRetention = 0; // days; 0 keeps messages forever
    bool enableAI = false;
    ModerationLevel moderationLevel = ModerationLevel::None;
    int slowModeSeconds = 0;
    bool allowAnonymous = false; // extension: anonymous posts only where the room allows them
    QStringList wordFilter;      // extension: blocked words (whole words, any case)
    WordFilterAction wordFilterAction = WordFilterAction::Reject;
    QStringList allowedFileTypes; // extension: MIME types ("image/png") or families ("image/*"); empty allows all
    bool operator==(const RoomSettings &) const = default;
};

struct Attachment {
    QString fileId;
    QString url;
    QString fileName;
    qint64 fileSize = 0;
    QString mimeType;
    QString thumbnailUrl;
    int width = 0; // images, in pixels as displayed (EXIF orientation applied); 0 otherwise
    int height = 0;
    QString sha256; // hex of the stored bytes
    bool operator==(const Attachment &) const = default;
};

// What a server-made `system` message records, as data, so each client words it in its own
// language. Names are as they were at the time (someone who left is no longer a member).
struct SystemEvent {
    SystemEventKind kind = SystemEventKind::Joined;
    QString actorId; // who did it
    QString actorName;
    QString targetId; // whom it was done to (kicked, banned, new owner), or the pinned message's id
    QString targetName;
    QStringList fields; // room_changed: what changed ("name", "description", "avatar", "maxMembers", "settings.<key>")
    QString value;      // room_changed with "name": the new name; pinned: the start of the message
    bool operator==(const SystemEvent &) const = default;
};

// emoji -> user ids, in the order they reacted.
using Reactions = std::map<QString, QStringList>;

struct Message {
    QString messageId;
    QString roomId;
    qint64 seq = 0;
    QString authorId;
    QString authorName;
    QString authorAvatar;
    QString content;
    MessageType type = MessageType::Text;
    qint64 timestamp = 0;
    Reactions reactions;
    QString replyTo;
    bool isEdited = false;
    qint64 editedAt = 0;
    bool isDeleted = false;
    bool isAnonymous = false;
    QString anonymousName;
    std::vector<Attachment> attachments;
    QString clientMsgId;
    std::optional<SystemEvent> systemEvent; // extension: set on every `system` message
    std::optional<Poll> poll;               // extension: messages of type poll; absent on the wire otherwise
    std::optional<AiAnswer> ai;             // extension: messages of type ai_response; absent otherwise
    bool operator==(const Message &) const = default;
};

// One member's notification preference for one room (extension), stored on the server so that
// it holds on every device. Muted: no notifications and no unread count in totals.
struct NotificationPrefs {
    NotificationLevel level = NotificationLevel::Default;
    bool muted = false;
    bool operator==(const NotificationPrefs &) const = default;
};

// The same with its room: PUT .../notifications answers it, notification_settings carries it.
struct RoomNotifications {
    QString roomId;
    NotificationPrefs prefs; // flattened on the wire: {roomId, level, muted}
    bool operator==(const RoomNotifications &) const = default;
};

struct Room {
    QString roomId;
    QString name;
    QString description;
    RoomType type = RoomType::Public;
    QString avatar;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int memberCount = 0;
    int maxMembers = 1000;
    qint64 lastActivity = 0;
    std::optional<Message> lastMessage;
    bool isJoined = false;
    int unreadCount = 0;
    int mentionCount = 0;            // extension: unread messages that mention the caller (@username)
    QString peerUserId;              // extension: in a direct room, the other person
    NotificationPrefs notifications; // extension: the caller's, for this room
    std::optional<Role> myRole;
    RoomSettings settings;
    bool operator==(const Room &) const = default;
};

struct Member {
    QString userId;
    QString username; // extension: for the profile card and search
    QString displayName;
    QString avatar;
    Role role = Role::Member;
    qint64 joinedAt = 0;
    qint64 lastSeen = 0;
    bool isOnline = false;
    PresenceStatus status = PresenceStatus::Offline;
    bool isMuted = false;
    qint64 mutedUntil = 0; // 0 with isMuted: until lifted
    bool isBanned = false;
    QString customStatus; // extension: the user's own status text (may start with an emoji)
    bool operator==(const Member &) const = default;
};

struct Presence {
    QString userId;
    PresenceStatus status = PresenceStatus::Offline;
    QString customStatus;
    qint64 lastSeen = 0;
    bool operator==(const Presence &) const = default;
};

struct ReadReceipt {
    QString roomId;
    QString userId;
    QString messageId;
    qint64 readAt = 0;
    qint64 seq = 0; // extension: the read message's seq, so clients place the receipt without a lookup
    bool operator==(const ReadReceipt &) const = default;
};

struct AuditEntry {
    QString auditId;
    QString actorId;
    QString actorName;
    QString action; // "member.kick", "message.delete", "room.update", ...
    QString roomId;
    QString targetUserId;
    QString messageId;
    QString reason;
    qint64 createdAt = 0;
    QString address; // the client's IP address, for account events (sign-in, failed sign-in, ...)
    int count = 1;   // repeats folded into this entry (failed sign-ins from one address within a minute)
    bool operator==(const AuditEntry &) const = default;
};

struct OffsetPagination {
    int total = 0;
    int limit = 20;
    int offset = 0;
    bool hasMore = false;
    bool operator==(const OffsetPagination &) const = default;
};

struct CursorPagination {
    bool hasMore = false;
    QString before; // id to pass as `before` for the next older page
    QString after;  // id to pass as `after` for the next newer page
    int limit = 50;
    bool operator==(const CursorPagination &) const = default;
};

#define CONFAB_DECLARE_JSON(Type)                                                                                      \
    void to_json(nlohmann::json &j, const Type &v);                                                                    \
    void from_json(const nlohmann::json &j, Type &v);

CONFAB_DECLARE_JSON(User)
CONFAB_DECLARE_JSON(RoomSettings)
CONFAB_DECLARE_JSON(Attachment)
CONFAB_DECLARE_JSON(Message)
CONFAB_DECLARE_JSON(NotificationPrefs)
CONFAB_DECLARE_JSON(RoomNotifications)
CONFAB_DECLARE_JSON(Room)
CONFAB_DECLARE_JSON(Member)
CONFAB_DECLARE_JSON(Presence)
CONFAB_DECLARE_JSON(ReadReceipt)
CONFAB_DECLARE_JSON(SystemEvent)
CONFAB_DECLARE_JSON(AuditEntry)
CONFAB_DECLARE_JSON(OffsetPagination)
CONFAB_DECLARE_JSON(CursorPagination)

} // namespace confab
