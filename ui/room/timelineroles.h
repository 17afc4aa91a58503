// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace confab::ui {

// Roles the timeline's proxy adds to MessageModel's: what is shown beside a message but is not
// part of it (see SystemRuns and SeenBy).
enum TimelineRole {
    SystemTextRole = Qt::UserRole + 500, // a system line's sentence, or its run's summary when folded
    SystemToggleRole,                    // int(SystemLine::Toggle)
    SeenByIdsRole,                       // QStringList: who read up to this message, furthest reader first
    SeenByNamesRole,                     // QStringList: their names, same order
};

} // namespace confab::ui
