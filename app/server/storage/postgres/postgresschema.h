// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PostgreSQL schema as forward-only migrations of its own series (its version 1 is SQLite's
// version 10 in one step), recorded in the schema_version table. The tables, columns and their
// meaning are SQLite's (sqliteschema.cpp), so that the stores' SQL runs on both; the differences:
// BIGINT times and ids, BYTEA blobs, identity columns where SQLite has rowids, and full-text search
// by a tsvector column with a GIN index instead of FTS5.

#include <QtGlobal>

namespace confab::server {

class SqlDatabase;

// Applies the steps the database lacks, all in one transaction under an advisory lock (several
// servers may start at once on one database). Throws StorageError, also when the database was
// written by a newer version.
void migratePostgres(SqlDatabase &db, qint64 nowMs);

// The highest applied version; 0 for an empty database.
int postgresSchemaVersion(SqlDatabase &db);

} // namespace confab::server
