// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The permission table of API.md as data: one source for the server's enforcement and for the
// client, which shows only the actions a role allows.

#include "enums.h"

#include <QString>

#include <optional>
#include <span>

namespace confab {

enum class Action {
    ReadRoom,
    SendMessage,
    PostInAnnouncement,
    EditOwnMessage,
    DeleteOwnMessage,
    DeleteAnyMessage,
    React,
    MarkRead,
    InviteMember,
    PinMessage,
    KickMember,
    MuteMember,
    BanMember,
    UnbanMember,
    ChangeRole,
    EditRoomSettings,
    ViewRoomAudit,
    DeleteRoom,
    TransferOwnership,
};

// Whom an action on another member may target.
enum class TargetRule {
    None,      // not aimed at a member
    LowerRole, // only members whose role is below the actor's
};

struct PermissionRow {
    Action action;
    const char *name; // "message.delete_any": used in audit entries and error messages
    bool member;
    bool moderator;
    bool admin;
    bool owner;
    TargetRule target;
};

std::span<const PermissionRow> permissionTable();
const PermissionRow &permissionRow(Action action);
QString actionName(Action action);

// Who is acting: their role in the room (none when not a member) and whether they are a server
// admin, who may do everything in every room.
struct Actor {
    std::optional<Role> roomRole;
    bool serverAdmin = false;
};

// Whether the role allows the action at all (the table's row).
bool roleAllows(Role role, Action action);

// The full check: table, server admin, and the target rule. Returns an empty string when allowed,
// otherwise the reason, fit to show a user.
QString denialReason(const Actor &actor, Action action, std::optional<Role> targetRole = std::nullopt);
inline bool isAllowed(const Actor &actor, Action action, std::optional<Role> targetRole = std::nullopt)
{
    return denialReason(actor, action, targetRole).isEmpty();
}

// Changing a member's role: besides ChangeRole on the target, the new role must be below the
// actor's own (only the owner makes admins; ownership moves only through TransferOwnership).
QString roleChangeDenialReason(const Actor &actor, Role targetRole, Role newRole);

} // namespace confab
