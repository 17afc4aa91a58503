// SPDX-License-Identifier: GPL-3.0-or-later
#include "enums.h"

#include <QStringList>

#include <array>
#include <utility>

namespace confab {

namespace {
template<typename E, std::size_t N> using Table = std::array<std::pair<E, const char *>, N>;

constexpr Table<Role, 4> kRoles{
    {{Role::Member, "member"}, {Role::Moderator, "moderator"}, {Role::Admin, "admin"}, {Role::Owner, "owner"}}};
constexpr Table<ServerRole, 2> kServerRoles{{{ServerRole::User, "user"}, {ServerRole::Admin, "admin"}}};
constexpr Table<RoomType, 5> kRoomTypes{{{RoomType::Public, "public"},
                                         {RoomType::Private, "private"},
                                         {RoomType::Direct, "direct"},
                                         {RoomType::Group, "group"},
                                         {RoomType::Announcement, "announcement"}}};
constexpr Table<MessageType, 8> kMessageTypes{{{MessageType::Text, "text"},
                                               {MessageType::Image, "image"},
                                               {MessageType::File, "file"},
                                               {MessageType::Audio, "audio"},
                                               {MessageType::Video, "video"},
                                               {MessageType::Poll, "poll"},
                                               {MessageType::System, "system"},
                                               {MessageType::AiResponse, "ai_response"}}};
constexpr Table<PresenceStatus, 4> kPresence{{{PresenceStatus::Online, "online"},
                                              {PresenceStatus::Away, "away"},
                                              {PresenceStatus::Busy, "busy"},
                                              {PresenceStatus::Offline, "offline"}}};
constexpr Table<ModerationLevel, 3> kModeration{
    {{ModerationLevel::None, "none"}, {ModerationLevel::Basic, "basic"}, {ModerationLevel::Strict, "strict"}}};
constexpr Table<ReactionAction, 2> kReactionActions{{{ReactionAction::Add, "add"}, {ReactionAction::Remove, "remove"}}};
constexpr Table<WordFilterAction, 2> kWordFilterActions{
    {{WordFilterAction::Reject, "reject"}, {WordFilterAction::Mask, "mask"}}};
constexpr Table<SystemEventKind, 8> kSystemEventKinds{{{SystemEventKind::Joined, "joined"},
                                                       {SystemEventKind::Left, "left"},
                                                       {SystemEventKind::Kicked, "kicked"},
                                                       {SystemEventKind::Banned, "banned"},
                                                       {SystemEventKind::RoomChanged, "room_changed"},
                                                       {SystemEventKind::Pinned, "pinned"},
                                                       {SystemEventKind::OwnershipTransferred, "ownership_transferred"},
                                                       {SystemEventKind::AssistantEnabled, "assistant_enabled"}}};
constexpr Table<NotificationLevel, 4> kNotificationLevels{{{NotificationLevel::Default, "default"},
                                                           {NotificationLevel::All, "all"},
                                                           {NotificationLevel::Mentions, "mentions"},
                                                           {NotificationLevel::None, "none"}}};

template<typename E, std::size_t N> QString nameOf(const Table<E, N> &t, E v)
{
    for (const auto &[value, name] : t) {
        if (value == v)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E, std::size_t N> std::optional<E> valueOf(const Table<E, N> &t, const QString &s)
{
    for (const auto &[value, name] : t) {
        if (s == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template<typename E, std::size_t N> QString namesOf(const Table<E, N> &t)
{
    QStringList names;
    for (const auto &entry : t)
        names << QString::fromLatin1(entry.second);
    return names.join(QStringLiteral(", "));
}
} // namespace

#define CONFAB_ENUM_NAMES(Type, table)                                                                                 \
    QString toString(Type v) { return nameOf(table, v); }                                                              \
    template<> std::optional<Type> enumFromString<Type>(const QString &s) { return valueOf(table, s); }                \
    template<> QString enumNames<Type>() { return namesOf(table); }

CONFAB_ENUM_NAMES(Role, kRoles)
CONFAB_ENUM_NAMES(ServerRole, kServerRoles)
CONFAB_ENUM_NAMES(RoomType, kRoomTypes)
CONFAB_ENUM_NAMES(MessageType, kMessageTypes)
CONFAB_ENUM_NAMES(PresenceStatus, kPresence)
CONFAB_ENUM_NAMES(ModerationLevel, kModeration)
CONFAB_ENUM_NAMES(ReactionAction, kReactionActions)
CONFAB_ENUM_NAMES(WordFilterAction, kWordFilterActions)
CONFAB_ENUM_NAMES(SystemEventKind, kSystemEventKinds)
CONFAB_ENUM_NAMES(NotificationLevel, kNotificationLevels)

#undef CONFAB_ENUM_NAMES

} // namespace confab
