// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteUserStore: the users and tokens tables.

#include "sqliteuserstore.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

#include <algorithm>

namespace confab::server {

namespace {

const QString kUserColumns =
    QStringLiteral("user_id, username, display_name, avatar, role, status, custom_status, last_seen, "
                   "username_key, password_hash, disabled, created_at");

StoredUser readUser(const Statement &s)
{
    StoredUser u;
    u.user.userId = s.text(0);
    u.user.username = s.text(1);
    u.user.displayName = s.text(2);
    u.user.avatar = s.text(3);
    u.user.role = storedEnum<ServerRole>(s.text(4), QLatin1String("users.role"));
    u.user.status = storedEnum<PresenceStatus>(s.text(5), QLatin1String("users.status"));
    u.user.customStatus = s.text(6);
    u.user.lastSeen = s.integer(7);
    u.usernameKey = s.text(8);
    u.passwordHash = s.blob(9);
    u.disabled = s.boolean(10);
    u.createdAt = s.integer(11);
    return u;
}

} // namespace

void SqliteUserStore::insertUser(const StoredUser &u)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO users (user_id, username_key, username, display_name, avatar, role, "
                             "password_hash, disabled, status, custom_status, last_seen, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {sqlText(u.user.userId), sqlText(u.usernameKey.isEmpty() ? u.user.username.toLower() : u.usernameKey),
               sqlText(u.user.username), sqlText(u.user.displayName), sqlOptText(u.user.avatar), toString(u.user.role),
               sqlBlob(u.passwordHash), sqlBool(u.disabled), toString(u.user.status), sqlOptText(u.user.customStatus),
               sqlOptTime(u.user.lastSeen), qlonglong(u.createdAt)});
}

std::optional<StoredUser> SqliteUserStore::oneUser(const QString &sql, const QString &key)
{
    Statement s(m_db, sql, {sqlText(key)});
    if (!s.next())
        return std::nullopt;
    return readUser(s);
}

std::optional<StoredUser> SqliteUserStore::userById(const QString &userId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE user_id = ?");
    return oneUser(sql, userId);
}

std::optional<StoredUser> SqliteUserStore::userByUsername(const QString &usernameKey)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE username_key = ?");
    return oneUser(sql, usernameKey);
}

std::vector<StoredUser> SqliteUserStore::listUsers(int limit, int offset)
{
    static const QString sql = QStringLiteral("SELECT ") + kUserColumns +
                               QStringLiteral(" FROM users ORDER BY created_at, user_id LIMIT ? OFFSET ?");
    Statement s(m_db, sql, {clampLimit(limit), std::max(offset, 0)});
    std::vector<StoredUser> users;
    while (s.next())
        users.push_back(readUser(s));
    return users;
}

int SqliteUserStore::userCount()
{
    Statement s(m_db, QStringLiteral("SELECT COUNT(*) FROM users"));
    return s.next() ? int(s.integer(0)) : 0;
}

void SqliteUserStore::updateUserProfile(const QString &userId, const QString &displayName, const QString &avatar)
{
    Statement(m_db, QStringLiteral("UPDATE users SET display_name = ?, avatar = ? WHERE user_id = ?"),
              {sqlText(displayName), sqlOptText(avatar), sqlText(userId)});
}

void SqliteUserStore::updateUserRole(const QString &userId, ServerRole role)
{
    Statement(m_db, QStringLiteral("UPDATE users SET role = ? WHERE user_id = ?"), {toString(role), sqlText(userId)});
}

void SqliteUserStore::updateUserPassword(const QString &userId, const QByteArray &passwordHash)
{
    Statement(m_db, QStringLiteral("UPDATE users SET password_hash = ? WHERE user_id = ?"),
              {sqlBlob(passwordHash), sqlText(userId)});
}

void SqliteUserStore::updateUserDisabled(const QString &userId, bool disabled)
{
    Statement(m_db, QStringLiteral("UPDATE users SET disabled = ? WHERE user_id = ?"),
              {sqlBool(disabled), sqlText(userId)});
}

void SqliteUserStore::updateUserPresence(const QString &userId, PresenceStatus status, const QString &customStatus,
                                         qint64 lastSeen)
{
    Statement(m_db, QStringLiteral("UPDATE users SET status = ?, custom_status = ?, last_seen = ? WHERE user_id = ?"),
              {toString(status), sqlOptText(customStatus), sqlOptTime(lastSeen), sqlText(userId)});
}

void SqliteUserStore::deleteUser(const QString &userId)
{
    // The account row stays, anonymised, so that others' history still names an author
    // ("Deleted user") and the user's messages stay as deleted placeholders in their place.
    const SqlParams id{sqlText(userId)};
    Savepoint sp(m_db);
    Statement(m_db,
              QStringLiteral("UPDATE messages SET content = '', attachments = NULL, is_deleted = 1 "
                             "WHERE author_id = ?"),
              id);
    Statement(m_db, QStringLiteral("DELETE FROM reactions WHERE user_id = ?"), id);
    Statement(m_db, QStringLiteral("DELETE FROM poll_votes WHERE user_id = ?"), id);
    Statement(m_db, QStringLiteral("DELETE FROM room_members WHERE user_id = ?"), id);
    Statement(m_db, QStringLiteral("DELETE FROM bans WHERE user_id = ?"), id);
    Statement(m_db, QStringLiteral("DELETE FROM tokens WHERE user_id = ?"), id);
    // '#' never occurs in a username, so the freed key cannot collide with a real one and the
    // username may be registered again.
    Statement(m_db,
              QStringLiteral("UPDATE users SET username_key = ?, username = 'deleted', display_name = 'Deleted user', "
                             "avatar = NULL, password_hash = ?, disabled = 1, status = 'offline', "
                             "custom_status = NULL, last_seen = NULL WHERE user_id = ?"),
              {QString(QStringLiteral("#deleted:") + userId), sqlBlob({}), sqlText(userId)});
    sp.release();
}

void SqliteUserStore::insertToken(const QByteArray &tokenHash, const QString &userId, qint64 createdAt)
{
    Statement(m_db, QStringLiteral("INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)"),
              {sqlBlob(tokenHash), sqlText(userId), qlonglong(createdAt)});
}

std::optional<QString> SqliteUserStore::userIdForToken(const QByteArray &tokenHash)
{
    Statement s(m_db, QStringLiteral("SELECT user_id FROM tokens WHERE token_hash = ?"), {sqlBlob(tokenHash)});
    if (!s.next())
        return std::nullopt;
    return s.text(0);
}

void SqliteUserStore::deleteToken(const QByteArray &tokenHash)
{
    Statement(m_db, QStringLiteral("DELETE FROM tokens WHERE token_hash = ?"), {sqlBlob(tokenHash)});
}

void SqliteUserStore::deleteTokensOfUser(const QString &userId)
{
    Statement(m_db, QStringLiteral("DELETE FROM tokens WHERE user_id = ?"), {sqlText(userId)});
}

void SqliteUserStore::deleteOtherTokensOfUser(const QString &userId, const QByteArray &keepTokenHash)
{
    Statement(m_db, QStringLiteral("DELETE FROM tokens WHERE user_id = ? AND token_hash <> ?"),
              {sqlText(userId), sqlBlob(keepTokenHash)});
}

bool SqliteUserStore::isAvatar(const QString &avatarUrl)
{
    Statement s(m_db, QStringLiteral("SELECT 1 FROM users WHERE avatar = ? LIMIT 1"), {sqlText(avatarUrl)});
    return s.next();
}

} // namespace confab::server
