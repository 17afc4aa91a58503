// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountaudit.h"
#include "servicecontext.h"

#include "core/requests.h"

namespace confab::server {

using confab::SignedIn; // the token is shown once to the client; only its hash is stored

// Accounts and tokens, on the storage thread. Password hashing is not done here (it is slow and
// runs on PasswordHasher's pool); these calls take and return hashes.
class AuthService {
public:
    explicit AuthService(ServiceContext &ctx) : m_ctx(ctx), m_audit(ctx) {}

    static QByteArray hashToken(const QString &token);

    Result<Caller> authenticate(const QByteArray &tokenHash);
    // A caller checked earlier (a WebSocket's, at sign-in) as it stands now: the same if nothing
    // changed their standing since, else checked again (UNAUTHORIZED once signed out or disabled;
    // a demoted server admin comes back as a user). Cheap when nothing changed.
    Result<Caller> recheck(const Caller &caller);
    // Checks the name is free before the caller spends time hashing the password.
    Result<Done> checkUsernameFree(const QString &username);
    // Creates the account (the first one, or makeAdmin, is a server admin) and a token. The
    // audit log records it with the client's `address` (empty from the command line).
    Result<SignedIn> createAccount(const QString &username, const QString &displayName, const QByteArray &passwordHash,
                                   bool makeAdmin, bool issueToken, const QString &address = {});
    // The stored hash for a login attempt; UNAUTHORIZED for an unknown or disabled user.
    Result<StoredUser> credentials(const QString &username);
    // A token for a user whose password was checked; audited as a sign-in when `address` is given
    // (the demo's own clients get theirs without one).
    Result<SignedIn> issueToken(const QString &userId, const QString &address = {});
    // Audits a sign-in refused for a wrong password or an unknown or disabled user.
    Result<Done> recordFailedLogin(const QString &username, const QString &address);
    Result<Done> logout(const Caller &caller, const QString &address = {});
    Result<User> me(const Caller &caller);
    // Sets the new (already hashed and checked) password and signs out every other session of
    // the user; the caller's own stays. Audited as user.password_change.
    Result<Done> changePassword(const Caller &caller, const QByteArray &newHash, const QString &address);
    // Changes what is set; everyone sharing a room with the user (and their own other sessions)
    // gets user_updated.
    Result<User> updateProfile(const Caller &caller, const ProfileChange &change, Effects &fx);

private:
    User withPresence(User u) const;
    ServiceContext &m_ctx;
    AccountAudit m_audit;
};

} // namespace confab::server
