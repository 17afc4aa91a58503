// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SQLite connection under SqliteStorage (QtSql's QSQLITE driver), opened with the pragmas
// Confab relies on. Statements, savepoints and errors: sqldatabase.h.

#include "sqldatabase.h"

#include <QString>

struct sqlite3;

namespace confab::server {

class SqliteDatabase final : public SqlDatabase {
public:
    explicit SqliteDatabase(QString path);
    ~SqliteDatabase() override;

    // Creates the connection (on the calling thread) and applies the pragmas. Throws StorageError.
    void open() override;
    bool isMemory() const;
    // SQLite's own connection under Qt's, for what QtSql does not offer (the backup API).
    sqlite3 *handle() const;

private:
    void applyPragmas();
    void checkFts5();

    QString m_path;
};

} // namespace confab::server
