// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Account events in the audit log: registration, sign-in, failed sign-in, sign-out, password
// change, erasure.
// They are room-less entries, so only server admins read them (GET /v1/admin/audit). The
// administrative actions on accounts (disable, promote, reset-password, ...) are audited where
// they are made, with the same action names ("user.*").

#include "servicecontext.h"

namespace confab::server {

namespace accountaction {
inline const QString kRegister = QStringLiteral("user.register");
inline const QString kLogin = QStringLiteral("user.login");
inline const QString kLoginFailed = QStringLiteral("user.login_failed");
inline const QString kLogout = QStringLiteral("user.logout");
inline const QString kErase = QStringLiteral("user.erase");
inline const QString kPasswordChange = QStringLiteral("user.password_change");
} // namespace accountaction

class AccountAudit {
public:
    // A failed sign-in repeated within this window from one address folds into one entry.
    static constexpr qint64 kFoldWindowMs = 60 * 1000;
    // Past this many failed-sign-in entries from one address within the window (guessing many
    // usernames), further ones fold into a single "many usernames" entry for that address.
    static constexpr int kDistinctPerAddress = 10;

    explicit AccountAudit(ServiceContext &ctx) : m_ctx(ctx) {}

    // Inside the transaction that makes the change. `address` may be empty (command line, demo).
    void record(const QString &action, const QString &userId, const QString &displayName, const QString &address,
                const QString &reason = {});
    // A failed sign-in for `username` (which may not exist) from `address`. Its own transaction.
    void failedLogin(const QString &username, const QString &address);

private:
    ServiceContext &m_ctx;
};

} // namespace confab::server
