// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteReceiptStore: read receipts over the users and room_members tables.

#include "sqlitereceiptstore.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

namespace confab::server {

bool SqliteReceiptStore::sendsReadReceipts(const QString &userId)
{
    Statement s(m_db, QStringLiteral("SELECT send_read_receipts FROM users WHERE user_id = ?"), {sqlText(userId)});
    return !s.next() || s.boolean(0);
}

void SqliteReceiptStore::setSendsReadReceipts(const QString &userId, bool on)
{
    Statement(m_db, QStringLiteral("UPDATE users SET send_read_receipts = ? WHERE user_id = ?"),
              {sqlBool(on), sqlText(userId)});
}

std::vector<RoomReceipt> SqliteReceiptStore::roomReceipts(const QString &roomId)
{
    Statement s(m_db,
                QStringLiteral("SELECT rm.user_id, rm.last_read_message_id, rm.last_read_seq FROM room_members rm "
                               "JOIN users u ON u.user_id = rm.user_id WHERE rm.room_id = ? "
                               "AND u.send_read_receipts = 1 AND rm.last_read_message_id IS NOT NULL "
                               "ORDER BY rm.last_read_seq DESC"),
                {sqlText(roomId)});
    std::vector<RoomReceipt> out;
    while (s.next())
        out.push_back(RoomReceipt{s.text(0), s.text(1), s.integer(2)});
    return out;
}

QSet<QString> SqliteReceiptStore::membersHidingReceipts(const QString &roomId)
{
    Statement s(m_db,
                QStringLiteral("SELECT rm.user_id FROM room_members rm JOIN users u ON u.user_id = rm.user_id "
                               "WHERE rm.room_id = ? AND u.send_read_receipts = 0"),
                {sqlText(roomId)});
    QSet<QString> out;
    while (s.next())
        out.insert(s.text(0));
    return out;
}

} // namespace confab::server
