// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitedatabase.h"

#include <QLoggingCategory>
#include <QSqlDriver>

Q_LOGGING_CATEGORY(lcSqlite, "confab.storage.sqlite")

namespace confab::server {

namespace {

[[noreturn]] void throwStorageError(const QString &text) { throw StorageError(text.toStdString()); }

} // namespace

SqliteDatabase::SqliteDatabase(QString path) : SqlDatabase(SqlDialect::sqlite()), m_path(std::move(path)) {}

SqliteDatabase::~SqliteDatabase() { close(); }

sqlite3 *SqliteDatabase::handle() const
{
    const QVariant v = connection().driver() ? connection().driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        throwStorageError(QStringLiteral("the database is not open"));
    return *static_cast<sqlite3 *const *>(v.constData());
}

bool SqliteDatabase::isMemory() const { return m_path == QLatin1String(":memory:") || m_path.isEmpty(); }

void SqliteDatabase::open()
{
    if (isOpen())
        return;
    QSqlDatabase &db = addConnection(QStringLiteral("QSQLITE"), QStringLiteral("SQLite"));
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    openConnection(m_path);
    try {
        applyPragmas();
        checkFts5();
    } catch (...) {
        close();
        throw;
    }
}

void SqliteDatabase::applyPragmas()
{
    if (!isMemory()) {
        // WAL: readers never block the writer. An in-memory database answers "memory".
        const QString mode = execOnce(QStringLiteral("PRAGMA journal_mode=WAL")).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qCWarning(lcSqlite) << "journal_mode is" << mode << "instead of wal";
    }
    // FULL: a commit is on disk before commit() returns, so an ack never outlives a crash.
    execOnce(QStringLiteral("PRAGMA synchronous=FULL"));
    execOnce(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (execOnce(QStringLiteral("PRAGMA foreign_keys")).toInt() != 1)
        throwStorageError(QStringLiteral("this SQLite build does not enforce foreign keys"));
    execOnce(QStringLiteral("PRAGMA busy_timeout=5000"));
    execOnce(QStringLiteral("PRAGMA cache_size=-16384")); // 16 MiB of page cache
}

void SqliteDatabase::checkFts5()
{
    try {
        execOnce(QStringLiteral("CREATE VIRTUAL TABLE temp.confab_fts5_probe USING fts5(x)"));
        execOnce(QStringLiteral("DROP TABLE temp.confab_fts5_probe"));
    } catch (const StorageError &e) {
        throwStorageError(
            QStringLiteral("SQLite has no FTS5, which message search needs: %1").arg(QString::fromStdString(e.what())));
    }
}

} // namespace confab::server
