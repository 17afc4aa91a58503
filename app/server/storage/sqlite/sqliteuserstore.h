// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteUserStore: users and their login tokens (the users and tokens tables).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

// deleteUser() keeps the account row anonymised ("Deleted user", username "deleted", disabled, no
// password, username key freed for re-use), erases the content and attachments of the user's
// messages (left as deleted placeholders), and removes the user's memberships, bans, reactions and
// tokens. The audit log and other people's messages are untouched; room event payloads written
// earlier (JSON frames) may still carry the old display name.
class SqliteUserStore final : public UserStore {
public:
    explicit SqliteUserStore(SqlDatabase &db) : m_db(db) {}

    void insertUser(const StoredUser &u) override;
    std::optional<StoredUser> userById(const QString &userId) override;
    std::optional<StoredUser> userByUsername(const QString &usernameKey) override;
    std::vector<StoredUser> listUsers(int limit, int offset) override;
    int userCount() override;
    void updateUserProfile(const QString &userId, const QString &displayName, const QString &avatar) override;
    void updateUserRole(const QString &userId, ServerRole role) override;
    void updateUserPassword(const QString &userId, const QByteArray &passwordHash) override;
    void updateUserDisabled(const QString &userId, bool disabled) override;
    void updateUserPresence(const QString &userId, PresenceStatus status, const QString &customStatus,
                            qint64 lastSeen) override;
    void deleteUser(const QString &userId) override;

    void insertToken(const QByteArray &tokenHash, const QString &userId, qint64 createdAt) override;
    std::optional<QString> userIdForToken(const QByteArray &tokenHash) override;
    void deleteToken(const QByteArray &tokenHash) override;
    void deleteTokensOfUser(const QString &userId) override;
    bool isAvatar(const QString &avatarUrl) override;
    void deleteOtherTokensOfUser(const QString &userId, const QByteArray &keepTokenHash) override;

private:
    std::optional<StoredUser> oneUser(const QString &sql, const QString &key);

    SqlDatabase &m_db;
};

} // namespace confab::server
