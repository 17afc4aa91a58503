// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteEventLog: the room_events table and the rooms' last seq.

#include "sqliteeventlog.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

namespace confab::server {

qint64 SqliteEventLog::nextSeq(const QString &roomId)
{
    Statement s(m_db, QStringLiteral("UPDATE rooms SET last_seq = last_seq + 1 WHERE room_id = ? RETURNING last_seq"),
                {sqlText(roomId)});
    if (!s.next())
        throwStorageError(QStringLiteral("nextSeq: no room %1").arg(roomId));
    return s.integer(0);
}

void SqliteEventLog::appendEvent(const EventRecord &e)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO room_events (room_id, seq, type, message_id, payload, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {sqlText(e.roomId), qlonglong(e.seq), sqlText(e.type), sqlOptText(e.messageId),
               e.payload.isEmpty() ? QVariant() : QVariant(e.payload), qlonglong(e.createdAt)});
}

std::vector<EventRecord> SqliteEventLog::eventsAfter(const QString &roomId, qint64 afterSeq, int limit)
{
    Statement s(m_db,
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

} // namespace confab::server
