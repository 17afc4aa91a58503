// SPDX-License-Identifier: GPL-3.0-or-later
#include "anonymousaudit.h"

namespace confab::server::anonymousaudit {

QString reason() { return QStringLiteral("anonymous post: the author is shown to server admins only"); }

void hideAuthors(std::vector<AuditEntry> &entries)
{
    // Message actions take no reason from the moderator, so this reason is always the server's.
    for (AuditEntry &e : entries) {
        if (e.action.startsWith(QLatin1String("message.")) && e.reason == reason())
            e.targetUserId.clear();
    }
}

} // namespace confab::server::anonymousaudit
