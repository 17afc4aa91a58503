// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the signed-in user may do in one room, and why not. The decisions come from core's
// permission table (app/core/permissions.h, the rules the server enforces); this class only adds
// the server's few rules that are not about roles (nobody kicks or bans themselves; roles and mutes
// do not apply in direct rooms; slow mode spares moderators) and says each refusal in words a
// user understands.

#include "core/permissions.h"
#include "core/types.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

namespace confab::client {

// One entry of a member's context menu.
struct MemberAction {
    enum class Kind { SetRole, TransferOwnership, Mute, Unmute, Kick, Ban };
    Kind kind = Kind::Kick;
    std::optional<Role> role; // SetRole: the new role
    QString denial;           // empty: allowed; otherwise why not (the menu shows it disabled)
    bool allowed() const { return denial.isEmpty(); }
    bool operator==(const MemberAction &) const = default;
};

class ModerationPolicy {
    Q_DECLARE_TR_FUNCTIONS(confab::client::ModerationPolicy)
public:
    ModerationPolicy() = default; // not a member, not a server admin: nothing allowed
    ModerationPolicy(Actor actor, QString myUserId, RoomType roomType);

    const Actor &actor() const { return m_actor; }
    RoomType roomType() const { return m_roomType; }
    const QString &myUserId() const { return m_me; }

    // An action that names no member (edit settings, delete the room, read the audit log, ...).
    bool can(Action action) const { return denial(action).isEmpty(); }
    QString denial(Action action) const;

    // What a member's menu offers against `target`. Actions the actor's role never allows are
    // left out; those the target rules out (a higher role, oneself) come with the reason.
    std::vector<MemberAction> memberActions(const Member &target) const;

    // Whether the composer may post (announcement rooms need PostInAnnouncement); a mute is
    // checked separately, since it changes with time.
    QString postingDenial() const;
    // Slow mode applies to members below moderator; server admins are exempt too.
    bool slowModeApplies() const;

    // A role's name for people ("Owner", "Moderator", ...).
    static QString roleTitle(Role role);
    // The lowest role whose row in the table allows the action, if any.
    static std::optional<Role> lowestRoleAllowing(Action action);

private:
    QString explain(Action action, std::optional<Role> targetRole) const;

    Actor m_actor;
    QString m_me;
    RoomType m_roomType = RoomType::Public;
};

} // namespace confab::client
