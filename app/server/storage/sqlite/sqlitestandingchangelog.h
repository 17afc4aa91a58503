// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteStandingChangeLog: changes of a user's standing for open connections to act on (the
// standing_changes table).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

class SqliteStandingChangeLog final : public StandingChangeLog {
public:
    explicit SqliteStandingChangeLog(SqlDatabase &db) : m_db(db) {}

    void insertStandingChange(const StandingChange &c) override;
    std::vector<StandingChange> standingChangesAfter(qint64 afterId, int limit) override;
    qint64 lastStandingChangeId() override;
    void purgeStandingChangesBefore(qint64 cutoffMs) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
