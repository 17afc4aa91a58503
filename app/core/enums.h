// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace confab {

// Room roles, ordered: a higher value outranks a lower one.
enum class Role { Member = 0, Moderator = 1, Admin = 2, Owner = 3 };
enum class ServerRole { User, Admin };
enum class RoomType { Public, Private, Direct, Group, Announcement };
enum class MessageType { Text, Image, File, Audio, Video, Poll, System, AiResponse };
enum class PresenceStatus { Online, Away, Busy, Offline };
enum class ModerationLevel { None, Basic, Strict };
enum class ReactionAction { Add, Remove };
enum class WordFilterAction { Reject, Mask };
// What a server-made `system` message records (see SystemEvent).
enum class SystemEventKind {
    Joined,
    Left,
    Kicked,
    Banned,
    RoomChanged,
    Pinned,
    OwnershipTransferred,
    AssistantEnabled
};
// Which messages of a room notify one member (extension). Default: everything in direct and group
// conversations, mentions elsewhere.
enum class NotificationLevel { Default, All, Mentions, None };

// Wire names ("owner", "ai_response", ...) and their inverse. fromString returns nullopt for
// anything that is not exactly a known name.
QString toString(Role v);
QString toString(ServerRole v);
QString toString(RoomType v);
QString toString(MessageType v);
QString toString(PresenceStatus v);
QString toString(ModerationLevel v);
QString toString(ReactionAction v);
QString toString(WordFilterAction v);
QString toString(SystemEventKind v);
QString toString(NotificationLevel v);

template<typename E> std::optional<E> enumFromString(const QString &s);
template<> std::optional<Role> enumFromString<Role>(const QString &s);
template<> std::optional<ServerRole> enumFromString<ServerRole>(const QString &s);
template<> std::optional<RoomType> enumFromString<RoomType>(const QString &s);
template<> std::optional<MessageType> enumFromString<MessageType>(const QString &s);
template<> std::optional<PresenceStatus> enumFromString<PresenceStatus>(const QString &s);
template<> std::optional<ModerationLevel> enumFromString<ModerationLevel>(const QString &s);
template<> std::optional<ReactionAction> enumFromString<ReactionAction>(const QString &s);
template<> std::optional<WordFilterAction> enumFromString<WordFilterAction>(const QString &s);
template<> std::optional<SystemEventKind> enumFromString<SystemEventKind>(const QString &s);
template<> std::optional<NotificationLevel> enumFromString<NotificationLevel>(const QString &s);

// All wire names of an enum, for error messages ("one of: public, private, ...").
template<typename E> QString enumNames();
template<> QString enumNames<Role>();
template<> QString enumNames<ServerRole>();
template<> QString enumNames<RoomType>();
template<> QString enumNames<MessageType>();
template<> QString enumNames<PresenceStatus>();
template<> QString enumNames<ModerationLevel>();
template<> QString enumNames<ReactionAction>();
template<> QString enumNames<WordFilterAction>();
template<> QString enumNames<SystemEventKind>();
template<> QString enumNames<NotificationLevel>();

} // namespace confab
