#pragma once

// The value types of API.md. Plain structs; JSON conversion through nlohmann's to_json/from_json
// (declared here against json_fwd so that including this header stays cheap). from_json is strict:
// wrong types, unknown enum values, over-long strings and unknown fields throw DecodeError naming
// the field.

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
    std::optional<Poll> poll; // extension: messages of type poll; absent on the wire otherwise
    bool operator==(const Message &) const = default;
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
    int mentionCount = 0; // extension: unread messages that mention the caller (@username)
    QString peerUserId;   // extension: in a direct room, the other person
    std::optional<Role> myRole;
    RoomSettings settings;
    bool operator==(const Room &) const = default;
};

struct Member {
    QString userId;
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
CONFAB_DECLARE_JSON(Room)
CONFAB_DECLARE_JSON(Member)
CONFAB_DECLARE_JSON(Presence)
CONFAB_DECLARE_JSON(ReadReceipt)
CONFAB_DECLARE_JSON(AuditEntry)
CONFAB_DECLARE_JSON(OffsetPagination)
CONFAB_DECLARE_JSON(CursorPagination)

} // namespace confab
