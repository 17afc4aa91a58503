// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteAuditLog: the audit_log table.

#include "sqliteauditlog.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

#include "core/ids.h"

#include <algorithm>

namespace confab::server {

void SqliteAuditLog::insertAudit(const AuditEntry &e)
{
    const QString id = e.auditId.isEmpty() ? RandomIdGenerator().newId(u"a") : e.auditId;
    Statement(m_db,
              QStringLiteral("INSERT INTO audit_log (audit_id, actor_id, action, room_id, target_user_id, message_id, "
                             "reason, created_at, address, repeat_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {id, sqlText(e.actorId), sqlText(e.action), sqlOptText(e.roomId), sqlOptText(e.targetUserId),
               sqlOptText(e.messageId), sqlOptText(e.reason), qlonglong(e.createdAt), sqlOptText(e.address),
               std::max(1, e.count)});
}

bool SqliteAuditLog::countRepeatedAudit(const AuditEntry &e, qint64 sinceMs)
{
    QString id;
    {
        Statement find(m_db,
                       // IS NOT DISTINCT FROM: NULL matches NULL (SQLite's `IS ?` is not PostgreSQL's).
                       QStringLiteral("SELECT audit_id FROM audit_log WHERE action = ? AND address IS NOT DISTINCT "
                                      "FROM ? AND target_user_id IS NOT DISTINCT FROM ? AND reason IS NOT DISTINCT "
                                      "FROM ? AND created_at >= ? "
                                      "ORDER BY created_at DESC LIMIT 1"),
                       {sqlText(e.action), sqlOptText(e.address), sqlOptText(e.targetUserId), sqlOptText(e.reason),
                        qlonglong(sinceMs)});
        if (!find.next())
            return false;
        id = find.text(0);
    }
    Statement(m_db, QStringLiteral("UPDATE audit_log SET repeat_count = repeat_count + 1 WHERE audit_id = ?"), {id});
    return true;
}

int SqliteAuditLog::recentAuditFromAddress(const QString &action, const QString &address, qint64 sinceMs)
{
    Statement s(m_db,
                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND address = ? AND created_at >= ?"),
                {sqlText(action), sqlText(address), qlonglong(sinceMs)});
    return s.next() ? int(s.integer(0)) : 0;
}

int SqliteAuditLog::purgeAuditBefore(qint64 cutoffMs, int limit)
{
    Statement s(m_db,
                QStringLiteral("DELETE FROM audit_log WHERE audit_id IN (SELECT audit_id FROM audit_log "
                               "WHERE created_at < ? ORDER BY created_at LIMIT ?)"),
                {qlonglong(cutoffMs), std::max(1, limit)});
    return s.rowsAffected();
}

std::vector<AuditEntry> SqliteAuditLog::listAudit(const AuditQuery &q)
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
        where.append(QStringLiteral("a.room_id IN (") + m_db.dialect().idListSubquery() + QLatin1Char(')'));
        params.push_back(idListJson(*q.roomIds));
    }
    params.push_back(clampLimit(q.limit));
    Statement s(m_db,
                QStringLiteral("SELECT a.audit_id, a.actor_id, u.display_name, a.action, a.room_id, a.target_user_id, "
                               "a.message_id, a.reason, a.created_at, a.address, a.repeat_count "
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
        e.address = s.text(9);
        e.count = int(s.integer(10));
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace confab::server
