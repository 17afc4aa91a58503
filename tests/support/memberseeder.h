// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::test {

// Puts `count` made-up people into a room straight in a stopped server's database (signing up
// and joining thousands over HTTP would take minutes): varied names, a custom status for some,
// a lastSeen from minutes to weeks ago, all offline. Their usernames are `prefix` + a number.
// Restart the server afterwards so that it reads the memberships. Returns false with a warning
// naming what failed.
bool seedRoomMembers(const QString &databasePath, const QString &roomId, int count,
                     const QString &prefix = QStringLiteral("crowd"));

} // namespace confab::test
