// SPDX-License-Identifier: GPL-3.0-or-later
#include "authservice.h"

#include "avatarfile.h"

#include "core/requests.h"
#include "core/validation.h"

#include <sodium.h>

namespace confab::server {

namespace {
QString newToken()
{
    unsigned char bytes[32]; // 256 bits
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

ApiError badCredentials()
{
    // Same answer for an unknown user and a wrong password: no account enumeration.
    return apiError(ErrorCode::Unauthorized, QStringLiteral("wrong username or password"));
}
} // namespace

QByteArray AuthService::hashToken(const QString &token)
{
    const QByteArray raw = token.toUtf8();
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(out.data()),
                       reinterpret_cast<const unsigned char *>(raw.constData()), quint64(raw.size()));
    return out;
}

User AuthService::withPresence(User u) const
{
    if (auto p = m_ctx.presence.get(u.userId)) {
        u.status = p->status;
        u.customStatus = p->customStatus;
        u.lastSeen = p->lastSeen;
    }
    return u;
}

Result<Caller> AuthService::authenticate(const QByteArray &tokenHash)
{
    const auto userId = m_ctx.storage.userIdForToken(tokenHash);
    if (!userId)
        return apiError(ErrorCode::Unauthorized, QStringLiteral("the token is missing, expired or revoked"));
    const auto user = m_ctx.storage.userById(*userId);
    if (!user || user->disabled)
        return apiError(ErrorCode::Unauthorized, QStringLiteral("this account is disabled"));
    return Caller{user->user.userId, user->user.displayName, user->user.role == ServerRole::Admin,
                  tokenHash,         user->user.username,    m_ctx.standing.lastId()};
}

Result<Caller> AuthService::recheck(const Caller &caller)
{
    m_ctx.standing.poll(m_ctx.storage);
    if (!m_ctx.standing.changedSince(caller.userId, caller.standingSeen))
        return caller;
    return authenticate(caller.tokenHash);
}

Result<Done> AuthService::checkUsernameFree(const QString &username)
{
    if (m_ctx.storage.userByUsername(normalizeUsername(username)))
        return apiError(ErrorCode::Conflict, QStringLiteral("the username %1 is taken").arg(username),
                        QStringLiteral("username"));
    return Done{};
}

Result<SignedIn> AuthService::createAccount(const QString &username, const QString &displayName,
                                            const QByteArray &passwordHash, bool makeAdmin, bool withToken,
                                            const QString &address)
{
    return inTransaction(m_ctx.storage, [&]() -> Result<SignedIn> {
        auto free = checkUsernameFree(username);
        if (!free)
            return *free.error;
        StoredUser u;
        u.user.userId = m_ctx.ids.newId(u"u");
        u.user.username = username;
        u.user.displayName = displayName.trimmed();
        u.user.role = (makeAdmin || m_ctx.storage.userCount() == 0) ? ServerRole::Admin : ServerRole::User;
        u.usernameKey = normalizeUsername(username);
        u.passwordHash = passwordHash;
        u.createdAt = m_ctx.now();
        m_ctx.storage.insertUser(u);
        m_audit.record(accountaction::kRegister, u.user.userId, u.user.displayName, address);
        SignedIn out;
        out.user = u.user;
        if (withToken) {
            out.token = newToken();
            m_ctx.storage.insertToken(hashToken(out.token), u.user.userId, m_ctx.now());
        }
        return out;
    });
}

Result<StoredUser> AuthService::credentials(const QString &username)
{
    auto u = m_ctx.storage.userByUsername(normalizeUsername(username));
    if (!u || u->disabled)
        return badCredentials();
    return *u;
}

Result<SignedIn> AuthService::issueToken(const QString &userId, const QString &address)
{
    auto u = m_ctx.storage.userById(userId);
    if (!u || u->disabled)
        return badCredentials();
    SignedIn out{newToken(), withPresence(u->user)};
    if (address.isEmpty()) { // the demo's own clients: no sign-in to audit
        m_ctx.storage.insertToken(hashToken(out.token), userId, m_ctx.now());
        return out;
    }
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.insertToken(hashToken(out.token), userId, m_ctx.now());
        m_audit.record(accountaction::kLogin, userId, u->user.displayName, address);
    });
    return out;
}

Result<Done> AuthService::recordFailedLogin(const QString &username, const QString &address)
{
    m_audit.failedLogin(username, address);
    return Done{};
}

Result<Done> AuthService::logout(const Caller &caller, const QString &address)
{
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.deleteToken(caller.tokenHash);
        m_audit.record(accountaction::kLogout, caller.userId, caller.displayName, address);
        recordStandingChange(m_ctx, caller.userId, StandingChangeKind::SignedOut, caller.tokenHash);
    });
    return Done{};
}

Result<Done> AuthService::changePassword(const Caller &caller, const QByteArray &newHash, const QString &address)
{
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.updateUserPassword(caller.userId, newHash);
        m_ctx.storage.deleteOtherTokensOfUser(caller.userId, caller.tokenHash);
        m_audit.record(accountaction::kPasswordChange, caller.userId, caller.displayName, address);
        recordStandingChange(m_ctx, caller.userId, StandingChangeKind::PasswordChanged, caller.tokenHash);
    });
    return Done{};
}

Result<User> AuthService::me(const Caller &caller)
{
    auto u = m_ctx.storage.userById(caller.userId);
    if (!u)
        return apiError(ErrorCode::UserNotFound, QStringLiteral("this account no longer exists"));
    return withPresence(u->user);
}

Result<User> AuthService::updateProfile(const Caller &caller, const ProfileChange &change, Effects &fx)
{
    auto u = m_ctx.storage.userById(caller.userId);
    if (!u)
        return apiError(ErrorCode::UserNotFound, QStringLiteral("this account no longer exists"));
    if (change.avatar && change.avatarFileId)
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("give either avatar or avatarFileId, not both"),
                        QStringLiteral("avatarFileId"));
    if (change.displayName) {
        if (auto bad = validateDisplayName(*change.displayName))
            return *bad;
        u->user.displayName = change.displayName->trimmed();
    }
    if (change.avatar) {
        if (auto bad = validateAvatarUrl(*change.avatar))
            return *bad;
        u->user.avatar = *change.avatar;
    }
    if (change.avatarFileId) {
        auto url = AvatarFile::urlFor(m_ctx, caller, *change.avatarFileId);
        if (!url)
            return *url.error;
        u->user.avatar = url.value;
    }
    m_ctx.storage.updateUserProfile(caller.userId, u->user.displayName, u->user.avatar);
    const User updated = withPresence(u->user);
    // Not a room event (no seq): the profile is the user's, shown in every room they share.
    QSet<QString> audience{caller.userId};
    for (const QString &roomId : m_ctx.members.roomsOf(caller.userId))
        audience.unite(*m_ctx.members.membersOf(roomId));
    fx.deliver(frameBytes(UserUpdatedFrame{updated}), std::make_shared<const QSet<QString>>(std::move(audience)));
    return updated;
}

} // namespace confab::server
