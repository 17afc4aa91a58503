// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SQLite schema as forward-only migrations, recorded in the schema_version table.

#include <QString>
#include <QStringList>

#include <vector>

namespace confab::server {

class SqliteDatabase;

struct SqliteMigration {
    int version = 0;
    QString description;
    QStringList statements; // one SQL statement each (QSQLITE runs one per exec)
};

// Every step, oldest first. A released step is never edited: changes go into a new one.
const std::vector<SqliteMigration> &sqliteMigrations();

// Applies the steps the database lacks, each in its own transaction. Throws StorageError, also
// when the database was written by a newer version (never migrated backwards).
void migrateSqlite(SqliteDatabase &db, qint64 nowMs);

// The highest applied version; 0 for an empty database.
int sqliteSchemaVersion(SqliteDatabase &db);

} // namespace confab::server
