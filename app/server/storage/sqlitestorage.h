// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Storage on an embedded SQLite database (QtSql's QSQLITE driver): WAL, synchronous=FULL,
// foreign keys, FTS5 for search. The queries are shared with PostgreSQL (SqlStorage,
// sqlstorage.h); SQLite's own parts are here: the schema in sqliteschema.cpp, connection
// pragmas in sqlitedatabase.cpp, FTS5 query syntax in ftsquery.cpp, the online backup in
// sqlitebackup.cpp and the integrity check below.

#include "sqlstorage.h"

#include <QString>
#include <QStringList>

namespace confab::server {

class SqliteDatabase;

class SqliteStorage final : public SqlStorage {
public:
    // A file path, or ":memory:" for a private in-memory database. Nothing is opened until open(),
    // which must run on the thread that uses the storage (QtSql connections belong to a thread);
    // close() belongs on that thread too (the destructor closes if it was not).
    explicit SqliteStorage(QString databasePath);
    ~SqliteStorage() override;

    void open() override;
    void close() override;
    int schemaVersion() override;
    void backupTo(const QString &file) override;
    void restoreFrom(const QString &file) override;
    void probeWrite() override;
    // PRAGMA data_version: moves only for commits of other connections, never for this one's.
    qint64 externalCommitMarker() override;

    // Checks the database file, the foreign keys and the search index against the messages;
    // returns the problems found (empty when healthy). For tests and an operator's check command.
    QStringList checkIntegrity();

private:
    SqliteDatabase &sqlite(); // the connection SqlStorage owns
};

} // namespace confab::server
