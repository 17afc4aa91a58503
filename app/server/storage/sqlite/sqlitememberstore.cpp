// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteMemberStore: the room_members and bans tables.

#include "sqlitememberstore.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

#include <algorithm>

namespace confab::server {

namespace {

const QString kMemberColumns = QStringLiteral(
    "room_id, user_id, role, joined_at, is_muted, muted_until, last_read_seq, last_read_message_id, last_post_at, "
    "notify_level, notify_muted");

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
    m.notifications.level = storedEnum<NotificationLevel>(s.text(9), QLatin1String("room_members.notify_level"));
    m.notifications.muted = s.boolean(10);
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

void SqliteMemberStore::insertMember(const MemberRecord &m)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO room_members (room_id, user_id, role, joined_at, is_muted, muted_until, "
                             "last_read_seq, last_read_message_id, last_post_at, notify_level, notify_muted) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {sqlText(m.roomId), sqlText(m.userId), toString(m.role), qlonglong(m.joinedAt), sqlBool(m.isMuted),
               sqlOptTime(m.mutedUntil), qlonglong(m.lastReadSeq), sqlOptText(m.lastReadMessageId),
               sqlOptTime(m.lastPostAt), toString(m.notifications.level), sqlBool(m.notifications.muted)});
}

void SqliteMemberStore::updateMember(const MemberRecord &m)
{
    Statement(m_db,
              QStringLiteral("UPDATE room_members SET role = ?, is_muted = ?, muted_until = ?, last_read_seq = ?, "
                             "last_read_message_id = ?, last_post_at = ?, notify_level = ?, notify_muted = ? "
                             "WHERE room_id = ? AND user_id = ?"),
              {toString(m.role), sqlBool(m.isMuted), sqlOptTime(m.mutedUntil), qlonglong(m.lastReadSeq),
               sqlOptText(m.lastReadMessageId), sqlOptTime(m.lastPostAt), toString(m.notifications.level),
               sqlBool(m.notifications.muted), sqlText(m.roomId), sqlText(m.userId)});
}

void SqliteMemberStore::deleteMember(const QString &roomId, const QString &userId)
{
    Statement(m_db, QStringLiteral("DELETE FROM room_members WHERE room_id = ? AND user_id = ?"),
              {sqlText(roomId), sqlText(userId)});
}

std::optional<MemberRecord> SqliteMemberStore::member(const QString &roomId, const QString &userId)
{
    static const QString sql = QStringLiteral("SELECT ") + kMemberColumns +
                               QStringLiteral(" FROM room_members WHERE room_id = ? AND user_id = ?");
    Statement s(m_db, sql, {sqlText(roomId), sqlText(userId)});
    if (!s.next())
        return std::nullopt;
    return readMemberRecord(s);
}

std::vector<Member> SqliteMemberStore::listMembers(const QString &roomId, int limit, int offset, int *total)
{
    if (total)
        *total = memberCount(roomId);
    // Highest role first, then by seniority. Status and lastSeen are the last persisted presence;
    // the service overlays live presence (isOnline).
    Statement s(m_db,
                QStringLiteral("SELECT rm.user_id, u.display_name, u.avatar, rm.role, rm.joined_at, u.last_seen, "
                               "u.status, rm.is_muted, rm.muted_until, u.username, u.custom_status "
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
        m.username = s.text(9);
        m.customStatus = s.text(10);
        members.push_back(std::move(m));
    }
    return members;
}

int SqliteMemberStore::memberCount(const QString &roomId)
{
    Statement s(m_db, QStringLiteral("SELECT COUNT(*) FROM room_members WHERE room_id = ?"), {sqlText(roomId)});
    return s.next() ? int(s.integer(0)) : 0;
}

std::vector<std::pair<QString, QString>> SqliteMemberStore::allMemberships()
{
    Statement s(m_db, QStringLiteral("SELECT room_id, user_id FROM room_members ORDER BY room_id, user_id"));
    std::vector<std::pair<QString, QString>> pairs;
    while (s.next())
        pairs.emplace_back(s.text(0), s.text(1));
    return pairs;
}

void SqliteMemberStore::upsertBan(const BanRecord &b)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO bans (room_id, user_id, banned_by, reason, created_at, until) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room_id, user_id) DO UPDATE SET "
                             "banned_by = excluded.banned_by, reason = excluded.reason, "
                             "created_at = excluded.created_at, until = excluded.until"),
              {sqlText(b.roomId), sqlText(b.userId), sqlOptText(b.bannedBy), sqlOptText(b.reason),
               qlonglong(b.createdAt), sqlOptTime(b.until)});
}

void SqliteMemberStore::deleteBan(const QString &roomId, const QString &userId)
{
    Statement(m_db, QStringLiteral("DELETE FROM bans WHERE room_id = ? AND user_id = ?"),
              {sqlText(roomId), sqlText(userId)});
}

std::optional<BanRecord> SqliteMemberStore::ban(const QString &roomId, const QString &userId)
{
    static const QString sql =
        QStringLiteral("SELECT ") + kBanColumns + QStringLiteral(" FROM bans WHERE room_id = ? AND user_id = ?");
    Statement s(m_db, sql, {sqlText(roomId), sqlText(userId)});
    if (!s.next())
        return std::nullopt;
    return readBan(s);
}

std::vector<BanRecord> SqliteMemberStore::listBans(const QString &roomId)
{
    static const QString sql = QStringLiteral("SELECT ") + kBanColumns +
                               QStringLiteral(" FROM bans WHERE room_id = ? ORDER BY created_at DESC, user_id");
    Statement s(m_db, sql, {sqlText(roomId)});
    std::vector<BanRecord> bans;
    while (s.next())
        bans.push_back(readBan(s));
    return bans;
}

} // namespace confab::server
