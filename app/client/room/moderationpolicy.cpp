// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationpolicy.h"

namespace confab::client {

ModerationPolicy::ModerationPolicy(Actor actor, QString myUserId, RoomType roomType)
    : m_actor(actor), m_me(std::move(myUserId)), m_roomType(roomType)
{
}

QString ModerationPolicy::roleTitle(Role role)
{
    switch (role) {
    case Role::Owner: return tr("Owner");
    case Role::Admin: return tr("Admin");
    case Role::Moderator: return tr("Moderator");
    case Role::Member: return tr("Member");
    }
    return {};
}

std::optional<Role> ModerationPolicy::lowestRoleAllowing(Action action)
{
    for (Role r : {Role::Member, Role::Moderator, Role::Admin, Role::Owner}) {
        if (roleAllows(r, action))
            return r;
    }
    return std::nullopt;
}

QString ModerationPolicy::explain(Action action, std::optional<Role> targetRole) const
{
    if (isAllowed(m_actor, action, targetRole))
        return {};
    if (!m_actor.roomRole)
        return tr("You are not a member of this room.");
    if (!roleAllows(*m_actor.roomRole, action)) {
        const std::optional<Role> lowest = lowestRoleAllowing(action);
        if (lowest == Role::Owner)
            return tr("Only the room's owner can do this.");
        if (lowest)
            return tr("This needs the role %1 or higher; yours is %2.")
                .arg(roleTitle(*lowest), roleTitle(*m_actor.roomRole));
        return tr("Nobody may do this.");
    }
    // The role allows the action; the table's target rule (a lower role only) did not.
    return tr("You can only do this to members whose role is below yours (%1).").arg(roleTitle(*m_actor.roomRole));
}

QString ModerationPolicy::denial(Action action) const { return explain(action, std::nullopt); }

std::vector<MemberAction> ModerationPolicy::memberActions(const Member &target) const
{
    std::vector<MemberAction> out;
    // A conversation of two has nothing to moderate; the server refuses roles and mutes there.
    if (m_roomType == RoomType::Direct)
        return out;
    const bool self = target.userId == m_me;
    const auto offered = [this](Action a) {
        return m_actor.serverAdmin || (m_actor.roomRole && roleAllows(*m_actor.roomRole, a));
    };
    using Kind = MemberAction::Kind;

    if (offered(Action::ChangeRole)) {
        for (Role role : {Role::Admin, Role::Moderator, Role::Member}) {
            if (role == target.role)
                continue;
            QString why;
            if (self && !m_actor.serverAdmin)
                why = tr("You cannot change your own role.");
            else if (!isAllowed(m_actor, Action::ChangeRole, target.role))
                why = explain(Action::ChangeRole, target.role);
            else if (!roleChangeDenialReason(m_actor, target.role, role).isEmpty())
                why = tr("You can only give roles below your own (%1).").arg(roleTitle(*m_actor.roomRole));
            out.push_back({Kind::SetRole, role, why});
        }
    }
    if (offered(Action::TransferOwnership) && target.role != Role::Owner) {
        const QString why = self && !m_actor.serverAdmin ? tr("You already own this room.")
                                                         : explain(Action::TransferOwnership, target.role);
        out.push_back({Kind::TransferOwnership, std::nullopt, why});
    }
    if (offered(Action::MuteMember)) {
        const QString why =
            self && !m_actor.serverAdmin ? tr("You cannot mute yourself.") : explain(Action::MuteMember, target.role);
        out.push_back({target.isMuted ? Kind::Unmute : Kind::Mute, std::nullopt, why});
    }
    if (offered(Action::KickMember)) {
        const QString why =
            self ? tr("Leave the room instead of removing yourself.") : explain(Action::KickMember, target.role);
        out.push_back({Kind::Kick, std::nullopt, why});
    }
    if (offered(Action::BanMember)) {
        const QString why = self ? tr("You cannot ban yourself.") : explain(Action::BanMember, target.role);
        out.push_back({Kind::Ban, std::nullopt, why});
    }
    return out;
}

QString ModerationPolicy::postingDenial() const
{
    if (const QString why = denial(Action::SendMessage); !why.isEmpty())
        return why;
    if (m_roomType == RoomType::Announcement && !can(Action::PostInAnnouncement)) {
        const std::optional<Role> lowest = lowestRoleAllowing(Action::PostInAnnouncement);
        return tr("This is an announcement room: posting here needs the role %1 or higher.")
            .arg(roleTitle(lowest.value_or(Role::Owner)));
    }
    return {};
}

bool ModerationPolicy::slowModeApplies() const
{
    // API.md, Slow mode: "moderators and up, and server admins, are exempt".
    return !m_actor.serverAdmin && (!m_actor.roomRole || *m_actor.roomRole < Role::Moderator);
}

} // namespace confab::client
