// SPDX-License-Identifier: GPL-3.0-or-later
// SqlStorage: the connection's transactions and group commit; each section's queries are in
// sqlite/.

#include "sqlstorage.h"

#include "sqldatabase.h"
#include "sqlite/sqlitevalues.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStorage, "confab.storage")

namespace confab::server {

// ---- lifecycle and transactions ------------------------------------------------------------

SqlStorage::SqlStorage(std::unique_ptr<SqlDatabase> db)
    : m_db(std::move(db)), m_users(*m_db), m_rooms(*m_db), m_members(*m_db), m_events(*m_db), m_messages(*m_db),
      m_polls(*m_db), m_audit(*m_db), m_standing(*m_db), m_files(*m_db), m_receipts(*m_db), m_assistantUsage(*m_db)
{
}

SqlStorage::~SqlStorage() { SqlStorage::close(); }

SqlDatabase &SqlStorage::db() { return *m_db; }

void SqlStorage::close()
{
    if (!m_db->isOpen())
        return;
    rollbackGroup(); // uncommitted work is discarded, as a crash would
    rollback();
    m_db->close();
}

namespace {
QString nestedSavepoint(int depth) { return QStringLiteral("SAVEPOINT confab_nested_%1").arg(depth); }
QString releaseNested(int depth) { return QStringLiteral("RELEASE SAVEPOINT confab_nested_%1").arg(depth); }
QString rollbackNested(int depth) { return QStringLiteral("ROLLBACK TO SAVEPOINT confab_nested_%1").arg(depth); }
} // namespace

void SqlStorage::begin()
{
    if (m_inGroup) {
        if (!m_inGroupItem)
            throwStorageError(QStringLiteral("begin() in a group outside an item"));
        db().control(nestedSavepoint(m_nested + 1));
        ++m_nested;
        return;
    }
    if (m_inTransaction)
        throwStorageError(QStringLiteral("begin() inside a transaction: transactions do not nest"));
    db().control(db().dialect().beginTransaction());
    m_inTransaction = true;
}

void SqlStorage::commit()
{
    if (m_inGroup) {
        if (m_nested == 0)
            throwStorageError(QStringLiteral("commit() without begin()"));
        db().control(releaseNested(m_nested));
        --m_nested;
        return;
    }
    if (!m_inTransaction)
        throwStorageError(QStringLiteral("commit() without begin()"));
    // On failure the transaction stays open for the caller's rollback().
    db().control(QStringLiteral("COMMIT"));
    m_inTransaction = false;
    ++m_durableCommits;
}

void SqlStorage::rollback()
{
    if (m_inGroup) {
        if (m_nested == 0)
            return;
        const int depth = m_nested--;
        try {
            db().control(rollbackNested(depth));
            db().control(releaseNested(depth));
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
        db().control(QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        // SQLite rolls back by itself after some errors (disk full, I/O); nothing is left to undo.
        qCWarning(lcStorage) << "ROLLBACK failed:" << e.what();
    }
}

void SqlStorage::beginGroup()
{
    if (m_inTransaction || m_inGroup)
        throwStorageError(QStringLiteral("beginGroup() inside a transaction"));
    db().control(db().dialect().beginTransaction());
    m_inGroup = true;
}

void SqlStorage::beginGroupItem()
{
    if (!m_inGroup || m_inGroupItem)
        throwStorageError(QStringLiteral("beginGroupItem() outside a group or inside an item"));
    db().control(QStringLiteral("SAVEPOINT confab_item"));
    m_inGroupItem = true;
    m_nested = 0;
}

void SqlStorage::endGroupItem(bool keep)
{
    if (!m_inGroupItem)
        return;
    m_inGroupItem = false;
    // Releasing or rolling back to the item's savepoint also ends the savepoints nested in it.
    m_nested = 0;
    if (keep) {
        db().control(QStringLiteral("RELEASE SAVEPOINT confab_item"));
        return;
    }
    db().control(QStringLiteral("ROLLBACK TO SAVEPOINT confab_item"));
    db().control(QStringLiteral("RELEASE SAVEPOINT confab_item"));
}

void SqlStorage::commitGroup()
{
    if (!m_inGroup)
        throwStorageError(QStringLiteral("commitGroup() without beginGroup()"));
    if (m_inGroupItem)
        throwStorageError(QStringLiteral("commitGroup() inside an item"));
    // On failure the group stays open for the caller's rollbackGroup().
    db().control(QStringLiteral("COMMIT"));
    m_inGroup = false;
    ++m_durableCommits;
}

void SqlStorage::rollbackGroup()
{
    if (!m_inGroup)
        return;
    m_inGroup = false;
    m_inGroupItem = false;
    m_nested = 0;
    try {
        db().control(QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "ROLLBACK of a group failed:" << e.what();
    }
}

} // namespace confab::server
