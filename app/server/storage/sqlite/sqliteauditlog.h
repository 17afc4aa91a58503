// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteAuditLog: the audit log (the audit_log table; actor names joined in on read).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

// insertAudit() makes an id ("a_...") when the entry has none.
class SqliteAuditLog final : public AuditLog {
public:
    explicit SqliteAuditLog(SqlDatabase &db) : m_db(db) {}

    void insertAudit(const AuditEntry &e) override;
    std::vector<AuditEntry> listAudit(const AuditQuery &q) override;
    bool countRepeatedAudit(const AuditEntry &e, qint64 sinceMs) override;
    int recentAuditFromAddress(const QString &action, const QString &address, qint64 sinceMs) override;
    int purgeAuditBefore(qint64 cutoffMs, int limit) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
