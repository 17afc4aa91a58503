// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteRoomStore: the rooms table.

#include "sqliteroomstore.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

#include "core/jsondocument.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace confab::server {

namespace {

using nlohmann::json;

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

// Room search compares case-folded text on both sides (SQLite folds ASCII only).
QString roomSearchKey(const QString &name, const QString &description)
{
    return QString(name + QLatin1Char('\n') + description).toCaseFolded();
}

const QString kRoomColumns =
    QStringLiteral("r.room_id, r.name, r.description, r.type, r.avatar, r.created_by, r.created_at, r.updated_at, "
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

} // namespace

void SqliteRoomStore::insertRoom(const RoomRecord &r)
{
    const Room &room = r.room;
    Statement(m_db,
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

void SqliteRoomStore::updateRoom(const Room &room)
{
    Statement(m_db,
              QStringLiteral("UPDATE rooms SET name = ?, description = ?, avatar = ?, type = ?, max_members = ?, "
                             "settings = ?, updated_at = ?, search_key = ? WHERE room_id = ?"),
              {sqlText(room.name), sqlOptText(room.description), sqlOptText(room.avatar), toString(room.type),
               room.maxMembers, settingsToText(room.settings), qlonglong(room.updatedAt),
               roomSearchKey(room.name, room.description), sqlText(room.roomId)});
}

void SqliteRoomStore::deleteRoom(const QString &roomId)
{
    // Members, bans, events, messages (with their reactions, pins and search entries) go with it
    // through ON DELETE CASCADE and the search triggers. The audit log keeps its rows.
    Statement(m_db, QStringLiteral("DELETE FROM rooms WHERE room_id = ?"), {sqlText(roomId)});
}

std::vector<RoomRecord> SqliteRoomStore::readRooms(Statement &s)
{
    std::vector<RoomRecord> rooms;
    while (s.next())
        rooms.push_back(readRoom(s));
    return rooms;
}

std::optional<RoomRecord> SqliteRoomStore::roomById(const QString &roomId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kRoomColumns + QStringLiteral(" FROM rooms r WHERE r.room_id = ?");
    Statement s(m_db, sql, {sqlText(roomId)});
    if (!s.next())
        return std::nullopt;
    return readRoom(s);
}

std::vector<RoomRecord> SqliteRoomStore::listRooms(const RoomQuery &q, int *total)
{
    // `me` is the viewer's membership, if any: it makes private rooms visible and joinedOnly work.
    const QString from =
        QStringLiteral(" FROM rooms r LEFT JOIN room_members me ON me.room_id = r.room_id AND me.user_id = ?");
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
        Statement count(m_db, QStringLiteral("SELECT COUNT(*)") + filter, params);
        *total = count.next() ? int(count.integer(0)) : 0;
    }
    params.push_back(clampLimit(q.limit));
    params.push_back(std::max(q.offset, 0));
    Statement s(m_db,
                QStringLiteral("SELECT ") + kRoomColumns + filter +
                    QStringLiteral(" ORDER BY r.last_activity DESC, r.name, r.room_id LIMIT ? OFFSET ?"),
                params);
    return readRooms(s);
}

std::vector<RoomRecord> SqliteRoomStore::roomsOfUser(const QString &userId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kRoomColumns +
        QStringLiteral(" FROM room_members me JOIN rooms r ON r.room_id = me.room_id WHERE me.user_id = ? "
                       "ORDER BY r.last_activity DESC, r.name, r.room_id");
    Statement s(m_db, sql, {sqlText(userId)});
    return readRooms(s);
}

std::optional<QString> SqliteRoomStore::directRoomBetween(const QString &userA, const QString &userB)
{
    // A direct room both belong to; the member count keeps a talk-to-yourself room (A == B) apart
    // from A's rooms with others.
    Statement s(m_db,
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

void SqliteRoomStore::touchRoom(const QString &roomId, qint64 lastActivity)
{
    // Only forwards: a late writer with an older clock does not move a room down the list.
    Statement(m_db, QStringLiteral("UPDATE rooms SET last_activity = ? WHERE room_id = ? AND last_activity < ?"),
              {qlonglong(lastActivity), sqlText(roomId), qlonglong(lastActivity)});
}

} // namespace confab::server
