// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStorage: opening and migrating an SQLite database, its operations (backup, restore,
// probe) and the integrity check; the queries and transactions are SqlStorage's.

#include "sqlitestorage.h"

#include "sqlite/sqlitevalues.h"
#include "sqlitebackup.h"
#include "sqlitedatabase.h"
#include "sqliteschema.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSqliteStorage, "confab.storage.sqlite")

namespace confab::server {

SqliteStorage::SqliteStorage(QString databasePath)
    : SqlStorage(std::make_unique<SqliteDatabase>(std::move(databasePath)))
{
}

SqliteStorage::~SqliteStorage() { SqliteStorage::close(); }

SqliteDatabase &SqliteStorage::sqlite() { return static_cast<SqliteDatabase &>(db()); }

void SqliteStorage::open()
{
    sqlite().open();
    try {
        migrateSqlite(sqlite(), QDateTime::currentMSecsSinceEpoch());
    } catch (...) {
        sqlite().close();
        throw;
    }
}

int SqliteStorage::schemaVersion() { return sqliteSchemaVersion(sqlite()); }

void SqliteStorage::close()
{
    if (!sqlite().isOpen())
        return;
    rollbackGroup(); // uncommitted work is discarded, as a crash would
    rollback();
    try {
        sqlite().execOnce(QStringLiteral("PRAGMA optimize")); // refreshes planner statistics if useful
    } catch (const StorageError &e) {
        qCWarning(lcSqliteStorage) << "PRAGMA optimize failed:" << e.what();
    }
    SqlStorage::close();
}

QStringList SqliteStorage::checkIntegrity()
{
    QStringList problems;
    {
        Statement s(db(), QStringLiteral("PRAGMA integrity_check"));
        while (s.next()) {
            if (s.text(0) != QLatin1String("ok"))
                problems.append(s.text(0));
        }
    }
    {
        Statement s(db(), QStringLiteral("PRAGMA foreign_key_check"));
        while (s.next())
            problems.append(QStringLiteral("foreign key violation in %1 (row %2)").arg(s.text(0), s.text(1)));
    }
    try {
        // rank = 1: also compare the index with the messages it was built from.
        Statement(db(), QStringLiteral("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"));
    } catch (const StorageError &e) {
        problems.append(QStringLiteral("search index: %1").arg(QString::fromStdString(e.what())));
    }
    return problems;
}

// ---- operations ----------------------------------------------------------------------------

void SqliteStorage::backupTo(const QString &file) { SqliteBackup::copyTo(sqlite().handle(), file); }

void SqliteStorage::restoreFrom(const QString &file)
{
    if (inTransactionOrGroup())
        throwStorageError(QStringLiteral("restoreFrom() inside a transaction"));
    SqliteBackup::replaceFrom(sqlite().handle(), file);
    migrateSqlite(sqlite(), QDateTime::currentMSecsSinceEpoch()); // a backup from an older version
}

void SqliteStorage::probeWrite()
{
    // Rewriting the header's user_version (Confab does not use it) dirties a page: the commit
    // really reaches the disk, and nothing a query reads changes.
    begin();
    try {
        const qint64 version = sqlite().execOnce(QStringLiteral("PRAGMA user_version")).toLongLong();
        sqlite().execOnce(QStringLiteral("PRAGMA user_version = %1").arg(version));
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

// ---- connection-wide ---------------------------------------------------------------------

qint64 SqliteStorage::externalCommitMarker()
{
    Statement s(db(), QStringLiteral("PRAGMA data_version"));
    return s.next() ? s.integer(0) : 0;
}

} // namespace confab::server
