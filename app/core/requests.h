// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The JSON bodies of the REST requests of API.md, one struct each. The client encodes them and
// the server decodes them with the same code, so a field cannot be spelled two ways. from_json is
// as strict as types.h (wrong types, ranges, unknown fields throw DecodeError naming the field);
// to_json writes only what is set, the way the client has always sent it.
//
// Checks that need more than the body (a username's characters, a room's member count, the
// configured content length) stay with the server's validators and services.

#include "types.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace confab {

// POST /v1/auth/register. A missing displayName decodes as the username.
struct RegisterRequest {
    QString username;
    QString password;
    QString displayName;
    bool operator==(const RegisterRequest &) const = default;
};

// POST /v1/auth/login.
struct LoginRequest {
    QString username;
    QString password;
    bool operator==(const LoginRequest &) const = default;
};

// PATCH /v1/me: only what is set changes (an avatar of "" removes it). avatarFileId sets the
// avatar to a picture the user uploaded through /v1/files (instead of an outside URL).
struct ProfileChange {
    std::optional<QString> displayName;
    std::optional<QString> avatar;
    std::optional<QString> avatarFileId;
    bool operator==(const ProfileChange &) const = default;
};

// A room's `settings` in a create or PATCH body: only the settings that are set change; the rest
// keep their current (or default) value. A setting sent as null is reset to its default.
struct RoomSettingsChange {
    std::optional<bool> allowInvites;
    std::optional<bool> allowFileUploads;
    std::optional<qint64> maxFileSize;
    std::optional<int> messageRetention;
    std::optional<bool> enableAI;
    std::optional<ModerationLevel> moderationLevel;
    std::optional<int> slowModeSeconds;
    std::optional<bool> allowAnonymous;
    std::optional<QStringList> wordFilter;
    std::optional<WordFilterAction> wordFilterAction;
    std::optional<QStringList> allowedFileTypes;

    bool isEmpty() const { return *this == RoomSettingsChange{}; }
    void applyTo(RoomSettings &settings) const;
    bool operator==(const RoomSettingsChange &) const = default;
};

// POST /v1/chat/rooms. `name` is required except for direct rooms (named after the other person).
struct NewRoom {
    QString name;
    QString description;
    RoomType type = RoomType::Public;
    std::optional<int> maxMembers;
    std::optional<bool> allowInvites; // a field of the room itself at creation, not of settings
    QStringList members;              // user ids to add (private, group, direct)
    RoomSettingsChange settings;
    bool operator==(const NewRoom &) const = default;
};

// PATCH /v1/chat/rooms/{roomId}: only the fields that are set change.
struct RoomChange {
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> avatar;
    std::optional<int> maxMembers;
    RoomSettingsChange settings;
    bool operator==(const RoomChange &) const = default;
};

// POST /v1/chat/rooms/{roomId}/members (invite or add).
struct MemberInvite {
    QString userId;
    bool operator==(const MemberInvite &) const = default;
};

// PATCH /v1/chat/rooms/{roomId}/members/{userId}: only the fields that are set change.
struct MemberChange {
    std::optional<Role> role;
    std::optional<bool> isMuted;
    std::optional<qint64> mutedUntil; // ms since epoch; 0 (null on the wire) = until lifted
    bool operator==(const MemberChange &) const = default;
};

// POST .../members/{userId}/kick; the body may be left out.
struct KickRequest {
    QString reason;
    bool operator==(const KickRequest &) const = default;
};

// POST .../members/{userId}/ban; the body may be left out.
struct BanRequest {
    QString reason;
    qint64 durationSeconds = 0; // 0: permanent
    bool operator==(const BanRequest &) const = default;
};

// POST /v1/chat/rooms/{roomId}/messages.
struct OutgoingMessage {
    QString content;
    MessageType type = MessageType::Text;
    QString replyTo;
    QString clientMsgId;
    bool isAnonymous = false;
    std::vector<Attachment> attachments;
    std::optional<NewPoll> poll; // with type poll (and only then)
    bool operator==(const OutgoingMessage &) const = default;
};

// PATCH /v1/chat/rooms/{roomId}/messages/{messageId}.
struct MessageEdit {
    QString content;
    bool operator==(const MessageEdit &) const = default;
};

// POST .../messages/{messageId}/reactions.
struct NewReaction {
    QString emoji;
    bool operator==(const NewReaction &) const = default;
};

// POST /v1/chat/rooms/{roomId}/read.
struct ReadMarker {
    QString messageId;
    bool operator==(const ReadMarker &) const = default;
};

// PUT .../messages/{messageId}/poll/vote is PollVote (core/poll.h).

// PUT /v1/presence.
struct PresenceChange {
    PresenceStatus status = PresenceStatus::Online;
    QString customStatus;
    bool operator==(const PresenceChange &) const = default;
};

// DELETE /v1/me: erasing the account needs the password again.
struct AccountErasure {
    QString password;
    bool operator==(const AccountErasure &) const = default;
};

// POST /v1/me/password: the current password, and the new one (same rules as registration).
struct PasswordChange {
    QString oldPassword;
    QString newPassword;
    bool operator==(const PasswordChange &) const = default;
};

// POST /v1/chat/rooms/{roomId}/typing (the fallback transport's typing_start/typing_stop); an
// empty body means typing.
struct TypingChange {
    bool isTyping = true;
    bool operator==(const TypingChange &) const = default;
};

// GET|PUT /v1/me/read-receipts (body and answer): whether the user shares read receipts. Off:
// nobody sees theirs, and they see nobody's (as in Signal).
struct ReceiptSetting {
    bool sendReadReceipts = true;
    bool operator==(const ReceiptSetting &) const = default;
};

CONFAB_DECLARE_JSON(ReceiptSetting)
CONFAB_DECLARE_JSON(RegisterRequest)
CONFAB_DECLARE_JSON(LoginRequest)
CONFAB_DECLARE_JSON(ProfileChange)
CONFAB_DECLARE_JSON(RoomSettingsChange)
CONFAB_DECLARE_JSON(NewRoom)
CONFAB_DECLARE_JSON(RoomChange)
CONFAB_DECLARE_JSON(MemberInvite)
CONFAB_DECLARE_JSON(MemberChange)
CONFAB_DECLARE_JSON(KickRequest)
CONFAB_DECLARE_JSON(BanRequest)
CONFAB_DECLARE_JSON(OutgoingMessage)
CONFAB_DECLARE_JSON(MessageEdit)
CONFAB_DECLARE_JSON(NewReaction)
CONFAB_DECLARE_JSON(ReadMarker)
CONFAB_DECLARE_JSON(PresenceChange)
CONFAB_DECLARE_JSON(TypingChange)
CONFAB_DECLARE_JSON(AccountErasure)
CONFAB_DECLARE_JSON(PasswordChange)

} // namespace confab
