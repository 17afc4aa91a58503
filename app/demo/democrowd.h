// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace confab::server {
struct Services;
struct Caller;
struct Effects;
} // namespace confab::server

namespace confab::demo {

// #town-square: a public room of many generated people, most of them offline for a while (their
// lastSeen spread over weeks, some with a custom status), so that the member panel's paging and
// search have something to do in the demo. The owner and `joiners` (user ids) are members too.
class DemoCrowd {
public:
    static constexpr int kPeople = 1500;

    // On the storage thread, inside the seeding: returns the room's id.
    static QString create(server::Services &services, server::Effects &fx, const server::Caller &owner,
                          const QStringList &joiners, const QByteArray &passwordHash, qint64 now);
};

} // namespace confab::demo
