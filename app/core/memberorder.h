// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The order of a room's member list, shared by the server (which pages in it) and the client
// (which keeps its loaded rows in it): online first, then by role (owner first), then by name
// (case-folded, so both ends agree whatever their locale), then by user id. A cursor is the key
// of the last member of a page; the next page starts after it, so members whose place did not
// change are never skipped or repeated, whatever happens to others between two pages.
// On the wire: base64url (no padding) of compact JSON [online 0/1, "role", "name", "userId"].

#include "types.h"

#include <QByteArray>
#include <QString>

namespace confab {

struct MemberOrderKey {
    bool online = false;
    Role role = Role::Member;
    QString name; // case-folded display name
    QString userId;

    static MemberOrderKey of(const Member &m);
    // Whether `this` sorts before `o`.
    bool operator<(const MemberOrderKey &o) const;

    QByteArray encode() const;
    // Throws DecodeError(BAD_REQUEST, field "cursor") naming what is wrong.
    static MemberOrderKey decode(const QByteArray &text);
};

inline bool memberSortsBefore(const Member &a, const Member &b)
{
    return MemberOrderKey::of(a) < MemberOrderKey::of(b);
}

// The section of the member list a member shows in: online members by role ("owner", "admin",
// "moderator", and "online" for plain members), everyone offline in "offline".
enum class MemberSection { Owner, Admin, Moderator, Online, Offline };
MemberSection memberSection(const Member &m);
const char *toString(MemberSection s);

} // namespace confab
