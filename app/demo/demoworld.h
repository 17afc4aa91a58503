// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the demo knows about its data dir after seeding (or finding it seeded): who is who, with a
// fresh token each, and which rooms there are with their members. Plain values, so it can be
// handed from the seeder (storage thread work) to the cast (network thread).

#include "core/enums.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace confab::demo {

struct DemoPerson {
    QString key; // the persona's key in the demo content ("ada", "you", ...)
    QString userId;
    QString username;
    QString displayName;
    QString token; // issued for this run; only its hash is stored
};

struct DemoRoom {
    QString roomId;
    QString name;
    RoomType type = RoomType::Public;
    QHash<QString, Role> members; // userId -> role
    bool allowAnonymous = false;
    QStringList recentMessageIds;     // oldest first; for replies and reactions of the cast
    QHash<QString, QString> authorOf; // messageId -> authorId, for recentMessageIds

    // Announcement rooms take posts from moderators and up only.
    bool mayPost(const QString &userId) const
    {
        const auto it = members.constFind(userId);
        if (it == members.constEnd())
            return false;
        return type != RoomType::Announcement || *it >= Role::Moderator;
    }
};

struct DemoWorld {
    DemoPerson you;                 // the human's account (a server admin)
    std::vector<DemoPerson> cast;   // the demo users who go online and chat
    std::vector<DemoPerson> extras; // seeded demo users who stay offline
    std::vector<DemoRoom> rooms;    // every room the demo user or the cast is in
    bool seededNow = false;         // false when the data dir was already seeded

    const DemoRoom *room(const QString &roomId) const
    {
        for (const DemoRoom &r : rooms) {
            if (r.roomId == roomId)
                return &r;
        }
        return nullptr;
    }
};

} // namespace confab::demo
