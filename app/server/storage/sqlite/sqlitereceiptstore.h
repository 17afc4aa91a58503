// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteReceiptStore: the read-receipt setting (users.send_read_receipts) and the members' read
// markers (room_members.last_read_*) as receipts.

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

class SqliteReceiptStore final : public ReceiptStore {
public:
    explicit SqliteReceiptStore(SqlDatabase &db) : m_db(db) {}

    bool sendsReadReceipts(const QString &userId) override;
    void setSendsReadReceipts(const QString &userId, bool on) override;
    std::vector<RoomReceipt> roomReceipts(const QString &roomId) override;
    QSet<QString> membersHidingReceipts(const QString &roomId) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
