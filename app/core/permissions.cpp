// SPDX-License-Identifier: GPL-3.0-or-later
#include "permissions.h"

#include <array>

namespace confab {

namespace {
using enum TargetRule;

// clang-format off
//                                    action                       name                        member moder. admin  owner  target
constexpr std::array kTable{
    PermissionRow{Action::ReadRoom,           "room.read",               true,  true,  true,  true,  None},
    PermissionRow{Action::SendMessage,        "message.send",            true,  true,  true,  true,  None},
    PermissionRow{Action::PostInAnnouncement, "message.send_announcement", false, true, true,  true,  None},
    PermissionRow{Action::EditOwnMessage,     "message.edit_own",        true,  true,  true,  true,  None},
    PermissionRow{Action::DeleteOwnMessage,   "message.delete_own",      true,  true,  true,  true,  None},
    PermissionRow{Action::DeleteAnyMessage,   "message.delete_any",      false, true,  true,  true,  None},
    PermissionRow{Action::React,              "message.react",           true,  true,  true,  true,  None},
    PermissionRow{Action::MarkRead,           "room.mark_read",          true,  true,  true,  true,  None},
    PermissionRow{Action::InviteMember,       "member.invite",           true,  true,  true,  true,  None},
    PermissionRow{Action::PinMessage,         "message.pin",             false, true,  true,  true,  None},
    PermissionRow{Action::KickMember,         "member.kick",             false, true,  true,  true,  LowerRole},
    PermissionRow{Action::MuteMember,         "member.mute",             false, true,  true,  true,  LowerRole},
    PermissionRow{Action::BanMember,          "member.ban",              false, false, true,  true,  LowerRole},
    PermissionRow{Action::UnbanMember,        "member.unban",            false, false, true,  true,  None},
    PermissionRow{Action::ChangeRole,         "member.change_role",      false, false, true,  true,  LowerRole},
    PermissionRow{Action::EditRoomSettings,   "room.update",             false, false, true,  true,  None},
    PermissionRow{Action::ViewRoomAudit,      "room.view_audit",         false, false, true,  true,  None},
    PermissionRow{Action::DeleteRoom,         "room.delete",             false, false, false, true,  None},
    PermissionRow{Action::TransferOwnership,  "room.transfer_ownership", false, false, false, true,  LowerRole},
};
// clang-format on

bool cell(const PermissionRow &row, Role role)
{
    switch (role) {
    case Role::Member: return row.member;
    case Role::Moderator: return row.moderator;
    case Role::Admin: return row.admin;
    case Role::Owner: return row.owner;
    }
    return false;
}
} // namespace

std::span<const PermissionRow> permissionTable() { return kTable; }

const PermissionRow &permissionRow(Action action)
{
    for (const auto &row : kTable) {
        if (row.action == action)
            return row;
    }
    return kTable.front(); // unreachable: every Action has a row (checked by the tests)
}

QString actionName(Action action) { return QString::fromLatin1(permissionRow(action).name); }

bool roleAllows(Role role, Action action) { return cell(permissionRow(action), role); }

QString denialReason(const Actor &actor, Action action, std::optional<Role> targetRole)
{
    if (actor.serverAdmin)
        return {};
    if (!actor.roomRole)
        return QStringLiteral("you are not a member of this room");
    const PermissionRow &row = permissionRow(action);
    if (!cell(row, *actor.roomRole))
        return QStringLiteral("a %1 may not do %2").arg(toString(*actor.roomRole), QString::fromLatin1(row.name));
    if (row.target == TargetRule::LowerRole && targetRole && *targetRole >= *actor.roomRole)
        return QStringLiteral("a %1 may only do %2 to members of a lower role")
            .arg(toString(*actor.roomRole), QString::fromLatin1(row.name));
    return {};
}

QString roleChangeDenialReason(const Actor &actor, Role targetRole, Role newRole)
{
    if (newRole == Role::Owner)
        return QStringLiteral("ownership moves only by handing it over");
    if (actor.serverAdmin)
        return {};
    QString why = denialReason(actor, Action::ChangeRole, targetRole);
    if (!why.isEmpty())
        return why;
    if (newRole >= *actor.roomRole)
        return QStringLiteral("a %1 may only give roles below their own").arg(toString(*actor.roomRole));
    return {};
}

} // namespace confab
