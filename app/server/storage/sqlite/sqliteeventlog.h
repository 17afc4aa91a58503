// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteEventLog: the room event log (the room_events table and each room's last seq).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

// nextSeq() throws StorageError for a room that does not exist.
class SqliteEventLog final : public EventLog {
public:
    explicit SqliteEventLog(SqlDatabase &db) : m_db(db) {}

    qint64 nextSeq(const QString &roomId) override;
    void appendEvent(const EventRecord &e) override;
    std::vector<EventRecord> eventsAfter(const QString &roomId, qint64 afterSeq, int limit) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
