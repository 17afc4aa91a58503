// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <vector>

namespace confab::server {

// Moderators act on anonymous messages without learning who wrote them. The audit entry of such
// an action keeps the author for server admins and says so in its reason; room admins, who read
// their rooms' audit log too, get the entry without the author.
namespace anonymousaudit {

// The reason written on a moderation entry about an anonymous message.
QString reason();
// Drops the author from the entries that name an anonymous message's author (for readers who are
// not server admins).
void hideAuthors(std::vector<AuditEntry> &entries);

} // namespace anonymousaudit

} // namespace confab::server
