// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::test {

// Writes `count` old text messages into a room straight into a stopped server's database
// (messages, their room events, the room's last seq; the FTS triggers index them): posting
// ten thousand messages over the API would take a test minutes. Message i (0-based) is
// "filler message i", except that `special` (when >= 0) reads `specialText`; they are spread
// over the `daysAgo` days before now, one minute apart at most. Message ids are "seed-<i>".
// Returns an empty string, or what went wrong.
QString seedHistory(const QString &dataDir, const QString &roomId, const QString &authorId, int count, int daysAgo,
                    int special = -1, const QString &specialText = {});

} // namespace confab::test
