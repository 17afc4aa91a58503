// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountaudit.h"

#include "core/limits.h"
#include "core/validation.h"

namespace confab::server {

void AccountAudit::record(const QString &action, const QString &userId, const QString &displayName,
                          const QString &address, const QString &reason)
{
    AuditEntry e;
    e.auditId = m_ctx.ids.newId(u"a");
    e.actorId = userId;
    e.actorName = displayName;
    e.action = action;
    e.targetUserId = userId;
    e.reason = reason;
    e.address = address;
    e.createdAt = m_ctx.now();
    m_ctx.storage.insertAudit(e);
}

void AccountAudit::failedLogin(const QString &username, const QString &address)
{
    inTransaction(m_ctx.storage, [&] {
        const auto user = m_ctx.storage.userByUsername(normalizeUsername(username));
        AuditEntry e;
        e.action = accountaction::kLoginFailed;
        e.address = address;
        // The entry names the account when it exists; an unknown name is kept (shortened) as typed,
        // so an admin sees what was guessed.
        if (user) {
            e.actorId = user->user.userId;
            e.targetUserId = user->user.userId;
            e.reason = user->disabled ? QStringLiteral("account disabled") : QStringLiteral("wrong password");
        } else {
            e.actorId = QStringLiteral("anonymous");
            e.reason = QStringLiteral("unknown username %1").arg(username.left(limits::kUsernameMax));
        }
        const qint64 since = m_ctx.now() - kFoldWindowMs;
        if (m_ctx.storage.countRepeatedAudit(e, since))
            return;
        if (!address.isEmpty() &&
            m_ctx.storage.recentAuditFromAddress(accountaction::kLoginFailed, address, since) >= kDistinctPerAddress) {
            e.actorId = QStringLiteral("anonymous");
            e.targetUserId.clear();
            e.reason = QStringLiteral("many usernames");
            if (m_ctx.storage.countRepeatedAudit(e, since))
                return;
        }
        e.auditId = m_ctx.ids.newId(u"a");
        e.createdAt = m_ctx.now();
        m_ctx.storage.insertAudit(e);
    });
}

} // namespace confab::server
