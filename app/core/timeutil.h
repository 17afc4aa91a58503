// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace confab {

// Times travel as ISO 8601 UTC with milliseconds ("2025-09-29T10:25:00.123Z") and are held as
// milliseconds since the Unix epoch; 0 means "never" and is written as null.
QString formatTimestamp(qint64 msSinceEpoch);
std::optional<qint64> parseTimestamp(const QString &iso);

} // namespace confab
