// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The few places where Confab's SQL differs between SQLite and PostgreSQL, so that the stores in
// sqlite/ run unchanged on both (QtSql's QSQLITE and QPSQL drivers). Everything else is written
// in the SQL both accept. Full-text search differs too much for a fragment: see
// postgres/postgressearchsql.h.

#include <QString>

namespace confab::server {

class SqlDialect {
public:
    static const SqlDialect &sqlite();
    static const SqlDialect &postgres();

    bool isPostgres() const { return m_postgres; }
    // For error messages: "SQLite", "PostgreSQL".
    QString name() const;
    // Starts a top-level transaction. SQLite: BEGIN IMMEDIATE (the write lock up front).
    QString beginTransaction() const;
    // A subquery yielding one column `value` per element of one bound JSON array of texts.
    QString idListSubquery() const;
    // The text of `key` in the JSON object stored as text in `column`.
    QString jsonText(const QString &column, const QString &key) const;
    // LIKE that ignores ASCII case (SQLite's LIKE does; PostgreSQL's needs ILIKE).
    QString likeIgnoringCase() const;
    // The highest id ever given to a standing change (0: none yet), even after its row was pruned.
    QString lastStandingChangeIdQuery() const;
    // Run before inserting a standing change: PostgreSQL hands out sequence numbers at insert
    // time, not commit time, so concurrent writers take turns to keep ids in commit order.
    QString standingChangeWriteLock() const;

private:
    explicit SqlDialect(bool postgres) : m_postgres(postgres) {}
    bool m_postgres;
};

} // namespace confab::server
