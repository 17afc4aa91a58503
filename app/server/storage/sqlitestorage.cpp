// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStorage: the connection's life (open, migrate, close), transactions, group commit and
// the integrity check; each section's queries are in sqlite/.

#include "sqlitestorage.h"

#include "sqlite/sqlitevalues.h"
#include "sqlitebackup.h"
#include "sqlitedatabase.h"
#include "sqliteschema.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStorage, "confab.storage")

namespace confab::server {

// ---- lifecycle and transactions ------------------------------------------------------------

SqliteStorage::SqliteStorage(QString databasePath)
    : m_db(std::make_unique<SqliteDatabase>(std::move(databasePath))), m_users(*m_db), m_rooms(*m_db), m_members(*m_db),
      m_events(*m_db), m_messages(*m_db), m_polls(*m_db), m_audit(*m_db), m_standing(*m_db), m_files(*m_db),
      m_receipts(*m_db), m_assistantUsage(*m_db)
{
}

SqliteStorage::~SqliteStorage() { close(); }

SqliteDatabase &SqliteStorage::db() { return *m_db; }

void SqliteStorage::open()
{
    m_db->open();
    try {
        migrateSqlite(*m_db, QDateTime::currentMSecsSinceEpoch());
    } catch (...) {
        m_db->close();
        throw;
    }
}

void SqliteStorage::close()
{
    if (!m_db->isOpen())
        return;
    rollbackGroup(); // uncommitted work is discarded, as a crash would
    rollback();
    try {
        m_db->execOnce(QStringLiteral("PRAGMA optimize")); // refreshes planner statistics if useful
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "PRAGMA optimize failed:" << e.what();
    }
    m_db->close();
}

int SqliteStorage::schemaVersion() { return sqliteSchemaVersion(db()); }

namespace {
QString nestedSavepoint(int depth) { return QStringLiteral("SAVEPOINT confab_nested_%1").arg(depth); }
QString releaseNested(int depth) { return QStringLiteral("RELEASE SAVEPOINT confab_nested_%1").arg(depth); }
QString rollbackNested(int depth) { return QStringLiteral("ROLLBACK TO SAVEPOINT confab_nested_%1").arg(depth); }
} // namespace

void SqliteStorage::begin()
{
    if (m_inGroup) {
        if (!m_inGroupItem)
            throwStorageError(QStringLiteral("begin() in a group outside an item"));
        Statement(db(), nestedSavepoint(m_nested + 1));
        ++m_nested;
        return;
    }
    if (m_inTransaction)
        throwStorageError(QStringLiteral("begin() inside a transaction: transactions do not nest"));
    Statement(db(), QStringLiteral("BEGIN IMMEDIATE"));
    m_inTransaction = true;
}

void SqliteStorage::commit()
{
    if (m_inGroup) {
        if (m_nested == 0)
            throwStorageError(QStringLiteral("commit() without begin()"));
        Statement(db(), releaseNested(m_nested));
        --m_nested;
        return;
    }
    if (!m_inTransaction)
        throwStorageError(QStringLiteral("commit() without begin()"));
    // On failure the transaction stays open for the caller's rollback().
    Statement(db(), QStringLiteral("COMMIT"));
    m_inTransaction = false;
    ++m_durableCommits;
}

void SqliteStorage::rollback()
{
    if (m_inGroup) {
        if (m_nested == 0)
            return;
        const int depth = m_nested--;
        try {
            Statement(db(), rollbackNested(depth));
            Statement(db(), releaseNested(depth));
        } catch (const StorageError &e) {
            // The item's own rollback (endGroupItem) undoes it all the same.
            qCWarning(lcStorage) << "rolling back a nested savepoint failed:" << e.what();
        }
        return;
    }
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    try {
        Statement(db(), QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        // SQLite rolls back by itself after some errors (disk full, I/O); nothing is left to undo.
        qCWarning(lcStorage) << "ROLLBACK failed:" << e.what();
    }
}

void SqliteStorage::beginGroup()
{
    if (m_inTransaction || m_inGroup)
        throwStorageError(QStringLiteral("beginGroup() inside a transaction"));
    Statement(db(), QStringLiteral("BEGIN IMMEDIATE"));
    m_inGroup = true;
}

void SqliteStorage::beginGroupItem()
{
    if (!m_inGroup || m_inGroupItem)
        throwStorageError(QStringLiteral("beginGroupItem() outside a group or inside an item"));
    Statement(db(), QStringLiteral("SAVEPOINT confab_item"));
    m_inGroupItem = true;
    m_nested = 0;
}

void SqliteStorage::endGroupItem(bool keep)
{
    if (!m_inGroupItem)
        return;
    m_inGroupItem = false;
    // Releasing or rolling back to the item's savepoint also ends the savepoints nested in it.
    m_nested = 0;
    if (keep) {
        Statement(db(), QStringLiteral("RELEASE SAVEPOINT confab_item"));
        return;
    }
    Statement(db(), QStringLiteral("ROLLBACK TO SAVEPOINT confab_item"));
    Statement(db(), QStringLiteral("RELEASE SAVEPOINT confab_item"));
}

void SqliteStorage::commitGroup()
{
    if (!m_inGroup)
        throwStorageError(QStringLiteral("commitGroup() without beginGroup()"));
    if (m_inGroupItem)
        throwStorageError(QStringLiteral("commitGroup() inside an item"));
    // On failure the group stays open for the caller's rollbackGroup().
    Statement(db(), QStringLiteral("COMMIT"));
    m_inGroup = false;
    ++m_durableCommits;
}

void SqliteStorage::rollbackGroup()
{
    if (!m_inGroup)
        return;
    m_inGroup = false;
    m_inGroupItem = false;
    m_nested = 0;
    try {
        Statement(db(), QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "ROLLBACK of a group failed:" << e.what();
    }
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

void SqliteStorage::backupTo(const QString &file) { SqliteBackup::copyTo(db().handle(), file); }

void SqliteStorage::restoreFrom(const QString &file)
{
    if (m_inTransaction || m_inGroup)
        throwStorageError(QStringLiteral("restoreFrom() inside a transaction"));
    SqliteBackup::replaceFrom(db().handle(), file);
    migrateSqlite(*m_db, QDateTime::currentMSecsSinceEpoch()); // a backup from an older version
}

void SqliteStorage::probeWrite()
{
    // Rewriting the header's user_version (Confab does not use it) dirties a page: the commit
    // really reaches the disk, and nothing a query reads changes.
    begin();
    try {
        const qint64 version = db().execOnce(QStringLiteral("PRAGMA user_version")).toLongLong();
        db().execOnce(QStringLiteral("PRAGMA user_version = %1").arg(version));
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
