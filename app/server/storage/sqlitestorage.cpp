#include "sqlitestorage.h"

#include "ftsquery.h"
#include "sqlitedatabase.h"
#include "sqliteschema.h"

#include "core/ids.h"
#include "core/jsondocument.h"
#include "core/limits.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcStorage, "confab.storage")

namespace confab::server {

namespace {

using nlohmann::json;

// ---- value conversions ----------------------------------------------------------------------

[[noreturn]] void throwStorageError(const QString &text) { throw StorageError(text.toStdString()); }

template <typename E> E storedEnum(const QString &value, QLatin1String column)
{
    if (const std::optional<E> e = enumFromString<E>(value))
        return *e;
    throwStorageError(QStringLiteral("unknown value '%1' in column %2").arg(value, column));
}

QVariant sqlBool(bool b) { return b ? 1 : 0; }

QVariant sqlBlob(const QByteArray &b)
{
    // As with text: Qt would bind a null QByteArray as NULL.
    return b.isNull() ? QVariant(QByteArray("", 0)) : QVariant(b);
}

json parseStoredJson(const QString &text, QLatin1String column)
{
    try {
        return parseJsonDocument(text.toUtf8(), limits::kJsonDepthMax);
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable JSON in column %1: %2").arg(column, QString::fromUtf8(e.what())));
    }
}

QString settingsToText(const RoomSettings &s) { return QString::fromUtf8(toJsonBytes(json(s))); }

RoomSettings settingsFromText(const QString &text)
{
    try {
        return parseStoredJson(text, QLatin1String("rooms.settings")).get<RoomSettings>();
    } catch (const StorageError &) {
        throw;
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable room settings: %1").arg(QString::fromUtf8(e.what())));
    }
}

QVariant attachmentsToSql(const std::vector<Attachment> &attachments)
{
    if (attachments.empty())
        return {};
    return QString::fromUtf8(toJsonBytes(json(attachments)));
}

std::vector<Attachment> attachmentsFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    try {
        return parseStoredJson(text, QLatin1String("messages.attachments")).get<std::vector<Attachment>>();
    } catch (const StorageError &) {
        throw;
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable attachments: %1").arg(QString::fromUtf8(e.what())));
    }
}

// A JSON array of ids, bound as one parameter and expanded by json_each(): one cached statement
// whatever the number of ids.
QString idListJson(const std::vector<QString> &ids)
{
    json list = json::array();
    for (const QString &id : ids)
        list.push_back(id.toStdString());
    return QString::fromUtf8(toJsonBytes(list));
}

// Room search compares case-folded text on both sides (SQLite folds ASCII only).
QString roomSearchKey(const QString &name, const QString &description)
{
    return QString(name + QLatin1Char('\n') + description).toCaseFolded();
}

QString likeContainsPattern(const QString &text)
{
    QString escaped = text.toCaseFolded();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString joined(const QStringList &conditions)
{
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
}

int clampLimit(int limit) { return std::clamp(limit, 0, 10000); }

// ---- column lists and row readers -------------------------------------------------------------

const QString kUserColumns = QStringLiteral(
    "user_id, username, display_name, avatar, role, status, custom_status, last_seen, "
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

const QString kRoomColumns = QStringLiteral(
    "r.room_id, r.name, r.description, r.type, r.avatar, r.created_by, r.created_at, r.updated_at, "
    "r.max_members, r.settings, r.last_seq, r.last_activity, "
    "(SELECT COUNT(*) FROM room_members c WHERE c.room_id = r.room_id)");

RoomRecord readRoom(const Statement &s)
{
    RoomRecord r;
    r.room.roomId = s.text(0);
    r.room.name = s.text(1);
    r.room.description = s.text(2);
    r.room.type = storedEnum<RoomType>(s.text(3), QLatin1String("rooms.type"));
    r.room.avatar = s.text(4);
    r.room.createdBy = s.text(5);
    r.room.createdAt = s.integer(6);
    r.room.updatedAt = s.integer(7);
    r.room.maxMembers = int(s.integer(8));
    r.room.settings = settingsFromText(s.text(9));
    r.lastSeq = s.integer(10);
    r.room.lastActivity = s.integer(11);
    r.room.memberCount = int(s.integer(12));
    return r;
}

// Author name and avatar come from the author's account (LEFT JOIN: system messages may have none).
const QString kMessageColumns = QStringLiteral(
    "m.message_id, m.room_id, m.seq, m.author_id, u.display_name, u.avatar, m.content, m.type, "
    "m.created_at, m.reply_to, m.is_edited, m.edited_at, m.is_deleted, m.is_anonymous, "
    "m.anonymous_name, m.attachments, m.client_msg_id");
const QString kMessageFrom = QStringLiteral(" FROM messages m LEFT JOIN users u ON u.user_id = m.author_id");
const QString kSelectMessages = QStringLiteral("SELECT ") + kMessageColumns + kMessageFrom;

Message readMessage(const Statement &s)
{
    Message m;
    m.messageId = s.text(0);
    m.roomId = s.text(1);
    m.seq = s.integer(2);
    m.authorId = s.text(3);
    m.authorName = s.text(4);
    m.authorAvatar = s.text(5);
    m.content = s.text(6);
    m.type = storedEnum<MessageType>(s.text(7), QLatin1String("messages.type"));
    m.timestamp = s.integer(8);
    m.replyTo = s.text(9);
    m.isEdited = s.boolean(10);
    m.editedAt = s.integer(11);
    m.isDeleted = s.boolean(12);
    m.isAnonymous = s.boolean(13);
    m.anonymousName = s.text(14);
    m.attachments = attachmentsFromText(s.text(15));
    m.clientMsgId = s.text(16);
    return m;
}

const QString kMemberColumns = QStringLiteral(
    "room_id, user_id, role, joined_at, is_muted, muted_until, last_read_seq, last_read_message_id, last_post_at");

MemberRecord readMemberRecord(const Statement &s)
{
    MemberRecord m;
    m.roomId = s.text(0);
    m.userId = s.text(1);
    m.role = storedEnum<Role>(s.text(2), QLatin1String("room_members.role"));
    m.joinedAt = s.integer(3);
    m.isMuted = s.boolean(4);
    m.mutedUntil = s.integer(5);
    m.lastReadSeq = s.integer(6);
    m.lastReadMessageId = s.text(7);
    m.lastPostAt = s.integer(8);
    return m;
}

const QString kBanColumns = QStringLiteral("room_id, user_id, banned_by, reason, created_at, until");

BanRecord readBan(const Statement &s)
{
    BanRecord b;
    b.roomId = s.text(0);
    b.userId = s.text(1);
    b.bannedBy = s.text(2);
    b.reason = s.text(3);
    b.createdAt = s.integer(4);
    b.until = s.integer(5);
    return b;
}

} // namespace

// ---- lifecycle and transactions ------------------------------------------------------------

SqliteStorage::SqliteStorage(QString databasePath)
    : m_db(std::make_unique<SqliteDatabase>(std::move(databasePath)))
{
}

SqliteStorage::~SqliteStorage() { close(); }

SqliteDatabase &SqliteStorage::db() { return *m_db; }

void SqliteStorage::open()
{
    m_db->open();
    try {
        migrateSqlite(*m_db, QDateTime::currentMSecsSinceEpoch());
    } catch (...) {
        m_db->close();
        throw;
    }
}

void SqliteStorage::close()
{
    if (!m_db->isOpen())
        return;
    rollbackGroup(); // uncommitted work is discarded, as a crash would
    rollback();
    try {
        m_db->execOnce(QStringLiteral("PRAGMA optimize")); // refreshes planner statistics if useful
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "PRAGMA optimize failed:" << e.what();
    }
    m_db->close();
}

int SqliteStorage::schemaVersion() { return sqliteSchemaVersion(db()); }

namespace {
QString nestedSavepoint(int depth) { return QStringLiteral("SAVEPOINT confab_nested_%1").arg(depth); }
QString releaseNested(int depth) { return QStringLiteral("RELEASE SAVEPOINT confab_nested_%1").arg(depth); }
QString rollbackNested(int depth) { return QStringLiteral("ROLLBACK TO SAVEPOINT confab_nested_%1").arg(depth); }
} // namespace

void SqliteStorage::begin()
{
    if (m_inGroup) {
        if (!m_inGroupItem)
            throwStorageError(QStringLiteral("begin() in a group outside an item"));
        Statement(db(), nestedSavepoint(m_nested + 1));
        ++m_nested;
        return;
    }
    if (m_inTransaction)
        throwStorageError(QStringLiteral("begin() inside a transaction: transactions do not nest"));
    Statement(db(), QStringLiteral("BEGIN IMMEDIATE"));
    m_inTransaction = true;
}

void SqliteStorage::commit()
{
    if (m_inGroup) {
        if (m_nested == 0)
            throwStorageError(QStringLiteral("commit() without begin()"));
        Statement(db(), releaseNested(m_nested));
        --m_nested;
        return;
    }
    if (!m_inTransaction)
        throwStorageError(QStringLiteral("commit() without begin()"));
    // On failure the transaction stays open for the caller's rollback().
    Statement(db(), QStringLiteral("COMMIT"));
    m_inTransaction = false;
    ++m_durableCommits;
}

void SqliteStorage::rollback()
{
    if (m_inGroup) {
        if (m_nested == 0)
            return;
        const int depth = m_nested--;
        try {
            Statement(db(), rollbackNested(depth));
            Statement(db(), releaseNested(depth));
        } catch (const StorageError &e) {
            // The item's own rollback (endGroupItem) undoes it all the same.
            qCWarning(lcStorage) << "rolling back a nested savepoint failed:" << e.what();
        }
        return;
    }
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    try {
        Statement(db(), QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        // SQLite rolls back by itself after some errors (disk full, I/O); nothing is left to undo.
        qCWarning(lcStorage) << "ROLLBACK failed:" << e.what();
    }
}

void SqliteStorage::beginGroup()
{
    if (m_inTransaction || m_inGroup)
        throwStorageError(QStringLiteral("beginGroup() inside a transaction"));
    Statement(db(), QStringLiteral("BEGIN IMMEDIATE"));
    m_inGroup = true;
}

void SqliteStorage::beginGroupItem()
{
    if (!m_inGroup || m_inGroupItem)
        throwStorageError(QStringLiteral("beginGroupItem() outside a group or inside an item"));
    Statement(db(), QStringLiteral("SAVEPOINT confab_item"));
    m_inGroupItem = true;
    m_nested = 0;
}

void SqliteStorage::endGroupItem(bool keep)
{
    if (!m_inGroupItem)
        return;
    m_inGroupItem = false;
    // Releasing or rolling back to the item's savepoint also ends the savepoints nested in it.
    m_nested = 0;
    if (keep) {
        Statement(db(), QStringLiteral("RELEASE SAVEPOINT confab_item"));
        return;
    }
    Statement(db(), QStringLiteral("ROLLBACK TO SAVEPOINT confab_item"));
    Statement(db(), QStringLiteral("RELEASE SAVEPOINT confab_item"));
}

void SqliteStorage::commitGroup()
{
    if (!m_inGroup)
        throwStorageError(QStringLiteral("commitGroup() without beginGroup()"));
    if (m_inGroupItem)
        throwStorageError(QStringLiteral("commitGroup() inside an item"));
    // On failure the group stays open for the caller's rollbackGroup().
    Statement(db(), QStringLiteral("COMMIT"));
    m_inGroup = false;
    ++m_durableCommits;
}

void SqliteStorage::rollbackGroup()
{
    if (!m_inGroup)
        return;
    m_inGroup = false;
    m_inGroupItem = false;
    m_nested = 0;
    try {
        Statement(db(), QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "ROLLBACK of a group failed:" << e.what();
    }
}

QStringList SqliteStorage::checkIntegrity()
{
    QStringList problems;
    {
        Statement s(db(), QStringLiteral("PRAGMA integrity_check"));
        while (s.next()) {
            if (s.text(0) != QLatin1String("ok"))
                problems.append(s.text(0));
        }
    }
    {
        Statement s(db(), QStringLiteral("PRAGMA foreign_key_check"));
        while (s.next())
            problems.append(QStringLiteral("foreign key violation in %1 (row %2)").arg(s.text(0), s.text(1)));
    }
    try {
        // rank = 1: also compare the index with the messages it was built from.
        Statement(db(), QStringLiteral("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"));
    } catch (const StorageError &e) {
        problems.append(QStringLiteral("search index: %1").arg(QString::fromStdString(e.what())));
    }
    return problems;
}

// ---- users and tokens ------------------------------------------------------------------------

void SqliteStorage::insertUser(const StoredUser &u)
{
    Statement(db(),
              QStringLiteral("INSERT INTO users (user_id, username_key, username, display_name, avatar, role, "
                             "password_hash, disabled, status, custom_status, last_seen, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {sqlText(u.user.userId), sqlText(u.usernameKey.isEmpty() ? u.user.username.toLower() : u.usernameKey),
               sqlText(u.user.username), sqlText(u.user.displayName), sqlOptText(u.user.avatar),
               toString(u.user.role), sqlBlob(u.passwordHash), sqlBool(u.disabled), toString(u.user.status),
               sqlOptText(u.user.customStatus), sqlOptTime(u.user.lastSeen), qlonglong(u.createdAt)});
}

std::optional<StoredUser> SqliteStorage::oneUser(const QString &sql, const QString &key)
{
    Statement s(db(), sql, {sqlText(key)});
    if (!s.next())
        return std::nullopt;
    return readUser(s);
}

std::optional<StoredUser> SqliteStorage::userById(const QString &userId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE user_id = ?");
    return oneUser(sql, userId);
}

std::optional<StoredUser> SqliteStorage::userByUsername(const QString &usernameKey)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE username_key = ?");
    return oneUser(sql, usernameKey);
}

std::vector<StoredUser> SqliteStorage::listUsers(int limit, int offset)
{
    static const QString sql = QStringLiteral("SELECT ") + kUserColumns +
                               QStringLiteral(" FROM users ORDER BY created_at, user_id LIMIT ? OFFSET ?");
    Statement s(db(), sql, {clampLimit(limit), std::max(offset, 0)});
    std::vector<StoredUser> users;
    while (s.next())
        users.push_back(readUser(s));
    return users;
}

int SqliteStorage::userCount()
{
    Statement s(db(), QStringLiteral("SELECT COUNT(*) FROM users"));
    return s.next() ? int(s.integer(0)) : 0;
}

void SqliteStorage::updateUserProfile(const QString &userId, const QString &displayName, const QString &avatar)
{
    Statement(db(), QStringLiteral("UPDATE users SET display_name = ?, avatar = ? WHERE user_id = ?"),
              {sqlText(displayName), sqlOptText(avatar), sqlText(userId)});
}

void SqliteStorage::updateUserRole(const QString &userId, ServerRole role)
{
    Statement(db(), QStringLiteral("UPDATE users SET role = ? WHERE user_id = ?"), {toString(role), sqlText(userId)});
}

void SqliteStorage::updateUserPassword(const QString &userId, const QByteArray &passwordHash)
{
    Statement(db(), QStringLiteral("UPDATE users SET password_hash = ? WHERE user_id = ?"),
              {sqlBlob(passwordHash), sqlText(userId)});
}

void SqliteStorage::updateUserDisabled(const QString &userId, bool disabled)
{
    Statement(db(), QStringLiteral("UPDATE users SET disabled = ? WHERE user_id = ?"),
              {sqlBool(disabled), sqlText(userId)});
}

void SqliteStorage::updateUserPresence(const QString &userId, PresenceStatus status, const QString &customStatus,
                                       qint64 lastSeen)
{
    Statement(db(), QStringLiteral("UPDATE users SET status = ?, custom_status = ?, last_seen = ? WHERE user_id = ?"),
              {toString(status), sqlOptText(customStatus), sqlOptTime(lastSeen), sqlText(userId)});
}

void SqliteStorage::deleteUser(const QString &userId)
{
    // The account row stays, anonymised, so that others' history still names an author
    // ("Deleted user") and the user's messages stay as deleted placeholders in their place.
    const SqlParams id{sqlText(userId)};
    Savepoint sp(db());
    Statement(db(),
              QStringLiteral("UPDATE messages SET content = '', attachments = NULL, is_deleted = 1 "
                             "WHERE author_id = ?"),
              id);
    Statement(db(), QStringLiteral("DELETE FROM reactions WHERE user_id = ?"), id);
    Statement(db(), QStringLiteral("DELETE FROM room_members WHERE user_id = ?"), id);
    Statement(db(), QStringLiteral("DELETE FROM bans WHERE user_id = ?"), id);
    Statement(db(), QStringLiteral("DELETE FROM tokens WHERE user_id = ?"), id);
    // '#' never occurs in a username, so the freed key cannot collide with a real one and the
    // username may be registered again.
    Statement(db(),
              QStringLiteral("UPDATE users SET username_key = ?, username = 'deleted', display_name = 'Deleted user', "
                             "avatar = NULL, password_hash = ?, disabled = 1, status = 'offline', "
                             "custom_status = NULL, last_seen = NULL WHERE user_id = ?"),
              {QString(QStringLiteral("#deleted:") + userId), sqlBlob({}), sqlText(userId)});
    sp.release();
}

void SqliteStorage::insertToken(const QByteArray &tokenHash, const QString &userId, qint64 createdAt)
{
    Statement(db(), QStringLiteral("INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)"),
              {sqlBlob(tokenHash), sqlText(userId), qlonglong(createdAt)});
}

std::optional<QString> SqliteStorage::userIdForToken(const QByteArray &tokenHash)
{
    Statement s(db(), QStringLiteral("SELECT user_id FROM tokens WHERE token_hash = ?"), {sqlBlob(tokenHash)});
    if (!s.next())
        return std::nullopt;
    return s.text(0);
}

void SqliteStorage::deleteToken(const QByteArray &tokenHash)
{
    Statement(db(), QStringLiteral("DELETE FROM tokens WHERE token_hash = ?"), {sqlBlob(tokenHash)});
}

void SqliteStorage::deleteTokensOfUser(const QString &userId)
{
    Statement(db(), QStringLiteral("DELETE FROM tokens WHERE user_id = ?"), {sqlText(userId)});
}

// ---- rooms -----------------------------------------------------------------------------------

void SqliteStorage::insertRoom(const RoomRecord &r)
{
    const Room &room = r.room;
    Statement(db(),
              QStringLiteral("INSERT INTO rooms (room_id, name, description, type, avatar, created_by, created_at, "
                             "updated_at, max_members, settings, last_seq, last_activity, search_key) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {sqlText(room.roomId), sqlText(room.name), sqlOptText(room.description), toString(room.type),
               sqlOptText(room.avatar), sqlOptText(room.createdBy), qlonglong(room.createdAt),
               qlonglong(room.updatedAt ? room.updatedAt : room.createdAt), room.maxMembers,
               settingsToText(room.settings), qlonglong(r.lastSeq),
               qlonglong(room.lastActivity ? room.lastActivity : room.createdAt),
               roomSearchKey(room.name, room.description)});
}

void SqliteStorage::updateRoom(const Room &room)
{
    Statement(db(),
              QStringLiteral("UPDATE rooms SET name = ?, description = ?, avatar = ?, type = ?, max_members = ?, "
                             "settings = ?, updated_at = ?, search_key = ? WHERE room_id = ?"),
              {sqlText(room.name), sqlOptText(room.description), sqlOptText(room.avatar), toString(room.type),
               room.maxMembers, settingsToText(room.settings), qlonglong(room.updatedAt),
               roomSearchKey(room.name, room.description), sqlText(room.roomId)});
}

void SqliteStorage::deleteRoom(const QString &roomId)
{
    // Members, bans, events, messages (with their reactions, pins and search entries) go with it
    // through ON DELETE CASCADE and the search triggers. The audit log keeps its rows.
    Statement(db(), QStringLiteral("DELETE FROM rooms WHERE room_id = ?"), {sqlText(roomId)});
}

std::vector<RoomRecord> SqliteStorage::readRooms(Statement &s)
{
    std::vector<RoomRecord> rooms;
    while (s.next())
        rooms.push_back(readRoom(s));
    return rooms;
}

std::optional<RoomRecord> SqliteStorage::roomById(const QString &roomId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kRoomColumns + QStringLiteral(" FROM rooms r WHERE r.room_id = ?");
    Statement s(db(), sql, {sqlText(roomId)});
    if (!s.next())
        return std::nullopt;
    return readRoom(s);
}

std::vector<RoomRecord> SqliteStorage::listRooms(const RoomQuery &q, int *total)
{
    // `me` is the viewer's membership, if any: it makes private rooms visible and joinedOnly work.
    const QString from = QStringLiteral(
        " FROM rooms r LEFT JOIN room_members me ON me.room_id = r.room_id AND me.user_id = ?");
    SqlParams params{sqlText(q.visibleTo)};
    QStringList where;
    if (q.joinedOnly) {
        where.append(QStringLiteral("me.user_id IS NOT NULL"));
    } else if (!q.everyRoom) {
        where.append(QStringLiteral("(me.user_id IS NOT NULL OR r.type IN (?, ?))"));
        params.push_back(toString(RoomType::Public));
        params.push_back(toString(RoomType::Announcement));
    }
    if (q.type) {
        where.append(QStringLiteral("r.type = ?"));
        params.push_back(toString(*q.type));
    }
    if (!q.text.trimmed().isEmpty()) {
        where.append(QStringLiteral("r.search_key LIKE ? ESCAPE '\\'"));
        params.push_back(likeContainsPattern(q.text.trimmed()));
    }
    const QString filter = from + joined(where);

    if (total) {
        Statement count(db(), QStringLiteral("SELECT COUNT(*)") + filter, params);
        *total = count.next() ? int(count.integer(0)) : 0;
    }
    params.push_back(clampLimit(q.limit));
    params.push_back(std::max(q.offset, 0));
    Statement s(db(),
                QStringLiteral("SELECT ") + kRoomColumns + filter +
                    QStringLiteral(" ORDER BY r.last_activity DESC, r.name, r.room_id LIMIT ? OFFSET ?"),
                params);
    return readRooms(s);
}

std::vector<RoomRecord> SqliteStorage::roomsOfUser(const QString &userId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kRoomColumns +
        QStringLiteral(" FROM room_members me JOIN rooms r ON r.room_id = me.room_id WHERE me.user_id = ? "
                       "ORDER BY r.last_activity DESC, r.name, r.room_id");
    Statement s(db(), sql, {sqlText(userId)});
    return readRooms(s);
}

std::optional<QString> SqliteStorage::directRoomBetween(const QString &userA, const QString &userB)
{
    // A direct room both belong to; the member count keeps a talk-to-yourself room (A == B) apart
    // from A's rooms with others.
    Statement s(db(),
                QStringLiteral("SELECT r.room_id FROM room_members a "
                               "JOIN room_members b ON b.room_id = a.room_id AND b.user_id = ? "
                               "JOIN rooms r ON r.room_id = a.room_id "
                               "WHERE a.user_id = ? AND r.type = ? "
                               "AND (SELECT COUNT(*) FROM room_members c WHERE c.room_id = r.room_id) <= ? "
                               "ORDER BY r.created_at, r.room_id LIMIT 1"),
                {sqlText(userB), sqlText(userA), toString(RoomType::Direct), userA == userB ? 1 : 2});
    if (!s.next())
        return std::nullopt;
    return s.text(0);
}

void SqliteStorage::touchRoom(const QString &roomId, qint64 lastActivity)
{
    // Only forwards: a late writer with an older clock does not move a room down the list.
    Statement(db(), QStringLiteral("UPDATE rooms SET last_activity = ? WHERE room_id = ? AND last_activity < ?"),
              {qlonglong(lastActivity), sqlText(roomId), qlonglong(lastActivity)});
}

// ---- members and bans --------------------------------------------------------------------

void SqliteStorage::insertMember(const MemberRecord &m)
{
    Statement(db(),
              QStringLiteral("INSERT INTO room_members (room_id, user_id, role, joined_at, is_muted, muted_until, "
                             "last_read_seq, last_read_message_id, last_post_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {sqlText(m.roomId), sqlText(m.userId), toString(m.role), qlonglong(m.joinedAt), sqlBool(m.isMuted),
               sqlOptTime(m.mutedUntil), qlonglong(m.lastReadSeq), sqlOptText(m.lastReadMessageId),
               sqlOptTime(m.lastPostAt)});
}

void SqliteStorage::updateMember(const MemberRecord &m)
{
    Statement(db(),
              QStringLiteral("UPDATE room_members SET role = ?, is_muted = ?, muted_until = ?, last_read_seq = ?, "
                             "last_read_message_id = ?, last_post_at = ? WHERE room_id = ? AND user_id = ?"),
              {toString(m.role), sqlBool(m.isMuted), sqlOptTime(m.mutedUntil), qlonglong(m.lastReadSeq),
               sqlOptText(m.lastReadMessageId), sqlOptTime(m.lastPostAt), sqlText(m.roomId), sqlText(m.userId)});
}

void SqliteStorage::deleteMember(const QString &roomId, const QString &userId)
{
    Statement(db(), QStringLiteral("DELETE FROM room_members WHERE room_id = ? AND user_id = ?"),
              {sqlText(roomId), sqlText(userId)});
}

std::optional<MemberRecord> SqliteStorage::member(const QString &roomId, const QString &userId)
{
    static const QString sql = QStringLiteral("SELECT ") + kMemberColumns +
                               QStringLiteral(" FROM room_members WHERE room_id = ? AND user_id = ?");
    Statement s(db(), sql, {sqlText(roomId), sqlText(userId)});
    if (!s.next())
        return std::nullopt;
    return readMemberRecord(s);
}

std::vector<Member> SqliteStorage::listMembers(const QString &roomId, int limit, int offset, int *total)
{
    if (total)
        *total = memberCount(roomId);
    // Highest role first, then by seniority. Status and lastSeen are the last persisted presence;
    // the service overlays live presence (isOnline).
    Statement s(db(),
                QStringLiteral("SELECT rm.user_id, u.display_name, u.avatar, rm.role, rm.joined_at, u.last_seen, "
                               "u.status, rm.is_muted, rm.muted_until "
                               "FROM room_members rm JOIN users u ON u.user_id = rm.user_id WHERE rm.room_id = ? "
                               "ORDER BY CASE rm.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 "
                               "WHEN 'moderator' THEN 2 ELSE 3 END, rm.joined_at, rm.user_id LIMIT ? OFFSET ?"),
                {sqlText(roomId), clampLimit(limit), std::max(offset, 0)});
    std::vector<Member> members;
    while (s.next()) {
        Member m;
        m.userId = s.text(0);
        m.displayName = s.text(1);
        m.avatar = s.text(2);
        m.role = storedEnum<Role>(s.text(3), QLatin1String("room_members.role"));
        m.joinedAt = s.integer(4);
        m.lastSeen = s.integer(5);
        m.status = storedEnum<PresenceStatus>(s.text(6), QLatin1String("users.status"));
        m.isMuted = s.boolean(7);
        m.mutedUntil = s.integer(8);
        members.push_back(std::move(m));
    }
    return members;
}

int SqliteStorage::memberCount(const QString &roomId)
{
    Statement s(db(), QStringLiteral("SELECT COUNT(*) FROM room_members WHERE room_id = ?"), {sqlText(roomId)});
    return s.next() ? int(s.integer(0)) : 0;
}

std::vector<std::pair<QString, QString>> SqliteStorage::allMemberships()
{
    Statement s(db(), QStringLiteral("SELECT room_id, user_id FROM room_members ORDER BY room_id, user_id"));
    std::vector<std::pair<QString, QString>> pairs;
    while (s.next())
        pairs.emplace_back(s.text(0), s.text(1));
    return pairs;
}

void SqliteStorage::upsertBan(const BanRecord &b)
{
    Statement(db(),
              QStringLiteral("INSERT INTO bans (room_id, user_id, banned_by, reason, created_at, until) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room_id, user_id) DO UPDATE SET "
                             "banned_by = excluded.banned_by, reason = excluded.reason, "
                             "created_at = excluded.created_at, until = excluded.until"),
              {sqlText(b.roomId), sqlText(b.userId), sqlOptText(b.bannedBy), sqlOptText(b.reason),
               qlonglong(b.createdAt), sqlOptTime(b.until)});
}

void SqliteStorage::deleteBan(const QString &roomId, const QString &userId)
{
    Statement(db(), QStringLiteral("DELETE FROM bans WHERE room_id = ? AND user_id = ?"),
              {sqlText(roomId), sqlText(userId)});
}

std::optional<BanRecord> SqliteStorage::ban(const QString &roomId, const QString &userId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kBanColumns + QStringLiteral(" FROM bans WHERE room_id = ? AND user_id = ?");
    Statement s(db(), sql, {sqlText(roomId), sqlText(userId)});
    if (!s.next())
        return std::nullopt;
    return readBan(s);
}

std::vector<BanRecord> SqliteStorage::listBans(const QString &roomId)
{
    static const QString sql = QStringLiteral("SELECT ") + kBanColumns +
                               QStringLiteral(" FROM bans WHERE room_id = ? ORDER BY created_at DESC, user_id");
    Statement s(db(), sql, {sqlText(roomId)});
    std::vector<BanRecord> bans;
    while (s.next())
        bans.push_back(readBan(s));
    return bans;
}

// ---- the room event log ------------------------------------------------------------------

qint64 SqliteStorage::nextSeq(const QString &roomId)
{
    Statement s(db(), QStringLiteral("UPDATE rooms SET last_seq = last_seq + 1 WHERE room_id = ? RETURNING last_seq"),
                {sqlText(roomId)});
    if (!s.next())
        throwStorageError(QStringLiteral("nextSeq: no room %1").arg(roomId));
    return s.integer(0);
}

void SqliteStorage::appendEvent(const EventRecord &e)
{
    Statement(db(),
              QStringLiteral("INSERT INTO room_events (room_id, seq, type, message_id, payload, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {sqlText(e.roomId), qlonglong(e.seq), sqlText(e.type), sqlOptText(e.messageId),
               e.payload.isEmpty() ? QVariant() : QVariant(e.payload), qlonglong(e.createdAt)});
}

std::vector<EventRecord> SqliteStorage::eventsAfter(const QString &roomId, qint64 afterSeq, int limit)
{
    Statement s(db(),
                QStringLiteral("SELECT room_id, seq, type, message_id, payload, created_at FROM room_events "
                               "WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                {sqlText(roomId), qlonglong(afterSeq), clampLimit(limit)});
    std::vector<EventRecord> events;
    while (s.next()) {
        EventRecord e;
        e.roomId = s.text(0);
        e.seq = s.integer(1);
        e.type = s.text(2);
        e.messageId = s.text(3);
        e.payload = s.blob(4);
        e.createdAt = s.integer(5);
        events.push_back(std::move(e));
    }
    return events;
}

// ---- messages ----------------------------------------------------------------------------

void SqliteStorage::insertMessage(const Message &m)
{
    Statement(db(),
              QStringLiteral("INSERT INTO messages (message_id, room_id, seq, author_id, content, type, created_at, "
                             "reply_to, is_edited, edited_at, is_deleted, is_anonymous, anonymous_name, attachments, "
                             "client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {sqlText(m.messageId), sqlText(m.roomId), qlonglong(m.seq), sqlText(m.authorId), sqlText(m.content),
               toString(m.type), qlonglong(m.timestamp), sqlOptText(m.replyTo), sqlBool(m.isEdited),
               sqlOptTime(m.editedAt), sqlBool(m.isDeleted), sqlBool(m.isAnonymous), sqlOptText(m.anonymousName),
               attachmentsToSql(m.attachments), sqlOptText(m.clientMsgId)});
}

void SqliteStorage::updateMessage(const Message &m)
{
    if (m.isDeleted) {
        // The text and files are gone for good (the search trigger drops the words too).
        Statement(db(),
                  QStringLiteral("UPDATE messages SET content = '', attachments = NULL, is_edited = ?, edited_at = ?, "
                                 "is_deleted = 1 WHERE message_id = ?"),
                  {sqlBool(m.isEdited), sqlOptTime(m.editedAt), sqlText(m.messageId)});
    } else {
        Statement(db(),
                  QStringLiteral("UPDATE messages SET content = ?, is_edited = ?, edited_at = ?, is_deleted = 0 "
                                 "WHERE message_id = ?"),
                  {sqlText(m.content), sqlBool(m.isEdited), sqlOptTime(m.editedAt), sqlText(m.messageId)});
    }
}

std::vector<Message> SqliteStorage::readMessages(Statement &s)
{
    std::vector<Message> messages;
    while (s.next())
        messages.push_back(readMessage(s));
    return messages;
}

void SqliteStorage::loadReactions(std::vector<Message> &messages)
{
    if (messages.empty())
        return;
    // One query for the whole set, in reaction order.
    std::vector<QString> ids;
    std::map<QString, Message *> byId;
    for (Message &m : messages) {
        ids.push_back(m.messageId);
        byId[m.messageId] = &m;
    }
    Statement s(db(),
                QStringLiteral("SELECT message_id, emoji, user_id FROM reactions "
                               "WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid"),
                {idListJson(ids)});
    while (s.next()) {
        const auto it = byId.find(s.text(0));
        if (it != byId.end())
            it->second->reactions[s.text(1)].append(s.text(2));
    }
}

std::optional<Message> SqliteStorage::message(const QString &messageId)
{
    static const QString sql = kSelectMessages + QStringLiteral(" WHERE m.message_id = ?");
    std::vector<Message> found;
    {
        Statement s(db(), sql, {sqlText(messageId)});
        found = readMessages(s);
    }
    if (found.empty())
        return std::nullopt;
    loadReactions(found);
    return std::move(found.front());
}

std::vector<Message> SqliteStorage::messagesByIds(const std::vector<QString> &messageIds)
{
    if (messageIds.empty())
        return {};
    static const QString sql =
        kSelectMessages + QStringLiteral(" WHERE m.message_id IN (SELECT value FROM json_each(?))");
    std::vector<Message> found;
    {
        Statement s(db(), sql, {idListJson(messageIds)});
        found = readMessages(s);
    }
    loadReactions(found);
    return found;
}

std::optional<Message> SqliteStorage::messageByClientMsgId(const QString &authorId, const QString &clientMsgId)
{
    if (clientMsgId.isEmpty())
        return std::nullopt;
    static const QString sql = kSelectMessages + QStringLiteral(" WHERE m.author_id = ? AND m.client_msg_id = ?");
    std::vector<Message> found;
    {
        Statement s(db(), sql, {sqlText(authorId), sqlText(clientMsgId)});
        found = readMessages(s);
    }
    if (found.empty())
        return std::nullopt;
    loadReactions(found);
    return std::move(found.front());
}

std::vector<Message> SqliteStorage::messagePage(const QString &sql, const QString &roomId, qint64 seq, int limit,
                                                bool newestFirst, bool *hasMore)
{
    // One row more than asked tells whether the page is the last one; the (room_id, seq) index
    // makes this a short range scan whatever the room's size (no OFFSET).
    limit = clampLimit(limit);
    std::vector<Message> page;
    {
        Statement s(db(), sql, {sqlText(roomId), qlonglong(seq), limit + 1});
        page = readMessages(s);
    }
    const bool more = int(page.size()) > limit;
    if (more)
        page.pop_back();
    if (newestFirst)
        std::reverse(page.begin(), page.end());
    if (hasMore)
        *hasMore = more;
    loadReactions(page);
    return page;
}

std::vector<Message> SqliteStorage::messagesBefore(const QString &roomId, qint64 beforeSeq, int limit, bool *hasMore)
{
    static const QString sql =
        kSelectMessages + QStringLiteral(" WHERE m.room_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?");
    return messagePage(sql, roomId, beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max(), limit, true,
                       hasMore);
}

std::vector<Message> SqliteStorage::messagesAfter(const QString &roomId, qint64 afterSeq, int limit, bool *hasMore)
{
    static const QString sql =
        kSelectMessages + QStringLiteral(" WHERE m.room_id = ? AND m.seq > ? ORDER BY m.seq LIMIT ?");
    return messagePage(sql, roomId, afterSeq, limit, false, hasMore);
}

std::optional<Message> SqliteStorage::lastMessage(const QString &roomId)
{
    std::vector<Message> page = messagesBefore(roomId, 0, 1, nullptr);
    if (page.empty())
        return std::nullopt;
    return std::move(page.front());
}

int SqliteStorage::countUnread(const QString &roomId, qint64 afterSeq, const QString &userId)
{
    Statement s(db(),
                QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE room_id = ? AND seq > ? "
                               "AND author_id <> ? AND is_deleted = 0 LIMIT ?) AS unread"),
                {sqlText(roomId), qlonglong(afterSeq), sqlText(userId), kUnreadCountCap});
    return s.next() ? int(s.integer(0)) : 0;
}

int SqliteStorage::countUnreadMentions(const QString &roomId, qint64 afterSeq, const QString &userId,
                                       const QString &username)
{
    // Usernames are ASCII, so SQLite's ASCII-only case folding in LIKE is enough here.
    Statement s(db(),
                QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE room_id = ? AND seq > ? "
                               "AND author_id <> ? AND is_deleted = 0 AND content LIKE ? ESCAPE '\\' LIMIT ?) AS m"),
                {sqlText(roomId), qlonglong(afterSeq), sqlText(userId), likeContainsPattern(QLatin1Char('@') + username),
                 kUnreadCountCap});
    return s.next() ? int(s.integer(0)) : 0;
}

int SqliteStorage::purgeMessagesBefore(const QString &roomId, qint64 cutoffMs)
{
    Statement s(db(), QStringLiteral("DELETE FROM messages WHERE room_id = ? AND created_at < ?"),
                {sqlText(roomId), qlonglong(cutoffMs)});
    return s.rowsAffected();
}

bool SqliteStorage::addReaction(const QString &messageId, const QString &emoji, const QString &userId, qint64 at)
{
    Statement s(db(),
                QStringLiteral("INSERT INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT DO NOTHING"),
                {sqlText(messageId), sqlText(emoji), sqlText(userId), qlonglong(at)});
    return s.rowsAffected() == 1;
}

bool SqliteStorage::removeReaction(const QString &messageId, const QString &emoji, const QString &userId)
{
    Statement s(db(), QStringLiteral("DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?"),
                {sqlText(messageId), sqlText(emoji), sqlText(userId)});
    return s.rowsAffected() == 1;
}

bool SqliteStorage::addPin(const QString &roomId, const QString &messageId, const QString &byUserId, qint64 at)
{
    Statement s(db(),
                QStringLiteral("INSERT INTO pins (room_id, message_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT DO NOTHING"),
                {sqlText(roomId), sqlText(messageId), sqlText(byUserId), qlonglong(at)});
    return s.rowsAffected() == 1;
}

bool SqliteStorage::removePin(const QString &roomId, const QString &messageId)
{
    Statement s(db(), QStringLiteral("DELETE FROM pins WHERE room_id = ? AND message_id = ?"),
                {sqlText(roomId), sqlText(messageId)});
    return s.rowsAffected() == 1;
}

std::vector<Message> SqliteStorage::pins(const QString &roomId)
{
    static const QString sql = QStringLiteral("SELECT ") + kMessageColumns +
                               QStringLiteral(" FROM pins p JOIN messages m ON m.message_id = p.message_id "
                                              "LEFT JOIN users u ON u.user_id = m.author_id WHERE p.room_id = ? "
                                              "ORDER BY p.pinned_at DESC, p.rowid DESC");
    std::vector<Message> pinned;
    {
        Statement s(db(), sql, {sqlText(roomId)});
        pinned = readMessages(s);
    }
    loadReactions(pinned);
    return pinned;
}

std::vector<SearchHit> SqliteStorage::search(const SearchQuery &q)
{
    const QString match = ftsMatchExpression(q.text);
    if (match.isEmpty() || q.memberUserId.isEmpty())
        return {};
    // Driven by the FTS index in rowid order, newest first, so LIMIT stops early even when a
    // common word matches much of the history. Membership is checked in the same query.
    SqlParams params{sqlText(q.memberUserId), match};
    QString sql = QStringLiteral("SELECT ") + kMessageColumns +
                  QStringLiteral(", snippet(messages_fts, 0, '', '', '…', 16) "
                                 "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                                 "JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ? "
                                 "LEFT JOIN users u ON u.user_id = m.author_id "
                                 "WHERE messages_fts MATCH ? AND m.is_deleted = 0");
    if (!q.roomId.isEmpty()) {
        sql += QStringLiteral(" AND m.room_id = ?");
        params.push_back(q.roomId);
    }
    if (!q.authorId.isEmpty()) {
        sql += QStringLiteral(" AND m.author_id = ?");
        params.push_back(q.authorId);
    }
    sql += QStringLiteral(" ORDER BY messages_fts.rowid DESC LIMIT ?");
    params.push_back(std::clamp(q.limit, 1, 100));

    std::vector<Message> messages;
    QStringList snippets;
    {
        Statement s(db(), sql, params);
        while (s.next()) {
            messages.push_back(readMessage(s));
            snippets.append(s.text(17));
        }
    }
    loadReactions(messages);
    std::vector<SearchHit> hits;
    hits.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i)
        hits.push_back(SearchHit{std::move(messages[i]), snippets.at(qsizetype(i))});
    return hits;
}

// ---- audit ---------------------------------------------------------------------------------

void SqliteStorage::insertAudit(const AuditEntry &e)
{
    const QString id = e.auditId.isEmpty() ? RandomIdGenerator().newId(u"a") : e.auditId;
    Statement(db(),
              QStringLiteral("INSERT INTO audit_log (audit_id, actor_id, action, room_id, target_user_id, message_id, "
                             "reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
              {id, sqlText(e.actorId), sqlText(e.action), sqlOptText(e.roomId), sqlOptText(e.targetUserId),
               sqlOptText(e.messageId), sqlOptText(e.reason), qlonglong(e.createdAt)});
}

std::vector<AuditEntry> SqliteStorage::listAudit(const AuditQuery &q)
{
    if (q.roomIds && q.roomIds->empty())
        return {};
    QStringList where;
    SqlParams params;
    if (q.beforeMs > 0) {
        where.append(QStringLiteral("a.created_at < ?"));
        params.push_back(qlonglong(q.beforeMs));
    }
    if (!q.beforeAuditId.isEmpty()) {
        // Row values order exactly like ORDER BY below, so no entry is skipped or repeated.
        where.append(QStringLiteral("(a.created_at, a.audit_id) < "
                                    "(SELECT created_at, audit_id FROM audit_log WHERE audit_id = ?)"));
        params.push_back(q.beforeAuditId);
    }
    if (!q.actorId.isEmpty()) {
        where.append(QStringLiteral("a.actor_id = ?"));
        params.push_back(q.actorId);
    }
    if (!q.targetUserId.isEmpty()) {
        where.append(QStringLiteral("a.target_user_id = ?"));
        params.push_back(q.targetUserId);
    }
    if (!q.action.isEmpty()) {
        where.append(QStringLiteral("a.action = ?"));
        params.push_back(q.action);
    }
    if (q.roomIds) {
        where.append(QStringLiteral("a.room_id IN (SELECT value FROM json_each(?))"));
        params.push_back(idListJson(*q.roomIds));
    }
    params.push_back(clampLimit(q.limit));
    Statement s(db(),
                QStringLiteral("SELECT a.audit_id, a.actor_id, u.display_name, a.action, a.room_id, a.target_user_id, "
                               "a.message_id, a.reason, a.created_at "
                               "FROM audit_log a LEFT JOIN users u ON u.user_id = a.actor_id") +
                    joined(where) + QStringLiteral(" ORDER BY a.created_at DESC, a.audit_id DESC LIMIT ?"),
                params);
    std::vector<AuditEntry> entries;
    while (s.next()) {
        AuditEntry e;
        e.auditId = s.text(0);
        e.actorId = s.text(1);
        e.actorName = s.text(2);
        e.action = s.text(3);
        e.roomId = s.text(4);
        e.targetUserId = s.text(5);
        e.messageId = s.text(6);
        e.reason = s.text(7);
        e.createdAt = s.integer(8);
        entries.push_back(std::move(e));
    }
    return entries;
}

// ---- standing changes ------------------------------------------------------------------------

namespace {
constexpr std::pair<StandingChangeKind, QLatin1String> kStandingKindNames[] = {
    {StandingChangeKind::SignedOut, QLatin1String("signed_out")},
    {StandingChangeKind::PasswordReset, QLatin1String("password_reset")},
    {StandingChangeKind::Disabled, QLatin1String("disabled")},
    {StandingChangeKind::Banned, QLatin1String("banned")},
    {StandingChangeKind::Erased, QLatin1String("erased")},
    {StandingChangeKind::RoleChanged, QLatin1String("role_changed")},
    {StandingChangeKind::Enabled, QLatin1String("enabled")},
};

QString standingKindName(StandingChangeKind kind)
{
    for (const auto &[k, name] : kStandingKindNames) {
        if (k == kind)
            return name;
    }
    throwStorageError(QStringLiteral("unknown standing change kind %1").arg(int(kind)));
}

StandingChangeKind standingKindFromName(const QString &name)
{
    for (const auto &[k, n] : kStandingKindNames) {
        if (name == n)
            return k;
    }
    throwStorageError(QStringLiteral("unknown value '%1' in column standing_changes.kind").arg(name));
}
} // namespace

void SqliteStorage::insertStandingChange(const StandingChange &c)
{
    Statement(db(), QStringLiteral("INSERT INTO standing_changes (user_id, token_hash, kind, created_at) VALUES (?, ?, ?, ?)"),
              {sqlText(c.userId), c.tokenHash.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(c.tokenHash),
               standingKindName(c.kind), qlonglong(c.createdAt)});
}

std::vector<StandingChange> SqliteStorage::standingChangesAfter(qint64 afterId, int limit)
{
    Statement s(db(),
                QStringLiteral("SELECT id, user_id, token_hash, kind, created_at FROM standing_changes WHERE id > ? "
                               "ORDER BY id LIMIT ?"),
                {qlonglong(afterId), clampLimit(limit)});
    std::vector<StandingChange> out;
    while (s.next())
        out.push_back(StandingChange{s.integer(0), s.text(1), s.blob(2), standingKindFromName(s.text(3)), s.integer(4)});
    return out;
}

qint64 SqliteStorage::lastStandingChangeId()
{
    // sqlite_sequence also remembers the ids of pruned rows.
    Statement s(db(), QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'standing_changes'"));
    return s.next() ? s.integer(0) : 0;
}

void SqliteStorage::purgeStandingChangesBefore(qint64 cutoffMs)
{
    Statement(db(), QStringLiteral("DELETE FROM standing_changes WHERE created_at < ?"), {qlonglong(cutoffMs)});
}

qint64 SqliteStorage::externalCommitMarker()
{
    Statement s(db(), QStringLiteral("PRAGMA data_version"));
    return s.next() ? s.integer(0) : 0;
}

} // namespace confab::server
