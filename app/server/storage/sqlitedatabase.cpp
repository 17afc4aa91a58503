// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitedatabase.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <atomic>

Q_LOGGING_CATEGORY(lcSqlite, "confab.storage.sqlite")

namespace confab::server {

QVariant sqlText(const QString &s)
{
    // Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

QVariant sqlOptText(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }

QVariant sqlOptTime(qint64 ms) { return ms == 0 ? QVariant() : QVariant(qlonglong(ms)); }

namespace {

[[noreturn]] void throwStorageError(const QString &text) { throw StorageError(text.toStdString()); }

QString describeFailure(const QSqlQuery &query, const QString &sql)
{
    // The SQL text has placeholders only, never bound values: safe to log.
    QString shortSql = sql.simplified();
    if (shortSql.size() > 160)
        shortSql = shortSql.left(160) + QStringLiteral("...");
    return QStringLiteral("SQLite: %1 (in: %2)").arg(query.lastError().text(), shortSql);
}

} // namespace

SqliteDatabase::SqliteDatabase(QString path) : m_path(std::move(path)) {}

SqliteDatabase::~SqliteDatabase() { close(); }

sqlite3 *SqliteDatabase::handle() const
{
    const QVariant v = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        throwStorageError(QStringLiteral("the database is not open"));
    return *static_cast<sqlite3 *const *>(v.constData());
}

bool SqliteDatabase::isMemory() const { return m_path == QLatin1String(":memory:") || m_path.isEmpty(); }

void SqliteDatabase::open()
{
    if (m_db.isOpen())
        return;
    static std::atomic<int> connections{0};
    m_connectionName = QStringLiteral("confab-storage-%1").arg(++connections);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        close();
        throwStorageError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
    }
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        throwStorageError(QStringLiteral("cannot open database %1: %2").arg(m_path, why));
    }
    try {
        applyPragmas();
        checkFts5();
    } catch (...) {
        close();
        throw;
    }
}

void SqliteDatabase::close()
{
    // Statements first: QSqlDatabase::removeDatabase wants no query alive on the connection.
    m_statements.clear();
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
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

QSqlQuery &SqliteDatabase::prepared(const QString &sql)
{
    if (!m_db.isOpen())
        throwStorageError(QStringLiteral("the database is not open"));
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true); // rows are read once: no client-side row cache
    if (!query->prepare(sql))
        throwStorageError(describeFailure(*query, sql));
    return *m_statements.emplace(sql, std::move(query)).first->second;
}

QVariant SqliteDatabase::execOnce(const QString &sql)
{
    if (!m_db.isOpen())
        throwStorageError(QStringLiteral("the database is not open"));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        fail(query, sql);
    QVariant first;
    if (query.next())
        first = query.value(0);
    query.finish();
    return first;
}

void SqliteDatabase::fail(QSqlQuery &query, const QString &sql) const
{
    const QString text = describeFailure(query, sql);
    query.finish();
    throwStorageError(text);
}

// ---- Statement ----------------------------------------------------------------------------

Statement::Statement(SqliteDatabase &db, const QString &sql, const SqlParams &params)
    : m_db(db), m_sql(sql), m_query(db.prepared(sql))
{
    for (size_t i = 0; i < params.size(); ++i)
        m_query.bindValue(int(i), params[i]);
    if (!m_query.exec())
        m_db.fail(m_query, m_sql);
}

Statement::~Statement() { m_query.finish(); }

bool Statement::next()
{
    if (m_query.next())
        return true;
    if (m_query.lastError().isValid())
        m_db.fail(m_query, m_sql);
    return false;
}

// ---- Savepoint ----------------------------------------------------------------------------

Savepoint::Savepoint(SqliteDatabase &db) : m_db(db) { Statement(m_db, QStringLiteral("SAVEPOINT confab_op")); }

Savepoint::~Savepoint()
{
    if (m_done)
        return;
    try {
        Statement(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT confab_op"));
        Statement(m_db, QStringLiteral("RELEASE SAVEPOINT confab_op"));
    } catch (const StorageError &e) {
        qCWarning(lcSqlite) << "rolling back a savepoint failed:" << e.what();
    }
}

void Savepoint::release()
{
    Statement(m_db, QStringLiteral("RELEASE SAVEPOINT confab_op"));
    m_done = true;
}

} // namespace confab::server
