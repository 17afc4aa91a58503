// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldatabase.h"

#include <QLoggingCategory>
#include <QSqlError>

#include <atomic>

Q_LOGGING_CATEGORY(lcSqlDatabase, "confab.storage.sql")

namespace confab::server {

QVariant sqlText(const QString &s)
{
    // Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

QVariant sqlOptText(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }

QVariant sqlOptTime(qint64 ms) { return ms == 0 ? QVariant() : QVariant(qlonglong(ms)); }

namespace {

[[noreturn]] void throwError(const QString &text) { throw StorageError(text.toStdString()); }

QString describeFailure(const SqlDialect &dialect, const QSqlQuery &query, const QString &sql)
{
    // The SQL text has placeholders only, never bound values: safe to log.
    QString shortSql = sql.simplified();
    if (shortSql.size() > 160)
        shortSql = shortSql.left(160) + QStringLiteral("...");
    return QStringLiteral("%1: %2 (in: %3)").arg(dialect.name(), query.lastError().text(), shortSql);
}

} // namespace

SqlDatabase::~SqlDatabase() { close(); }

QSqlDatabase &SqlDatabase::addConnection(const QString &driver, const QString &what)
{
    static std::atomic<int> connections{0};
    m_connectionName = QStringLiteral("confab-storage-%1").arg(++connections);
    m_db = QSqlDatabase::addDatabase(driver, m_connectionName);
    if (!m_db.isValid()) {
        close();
        throwError(QStringLiteral("the Qt %1 driver (%2) is not installed").arg(what, driver));
    }
    return m_db;
}

void SqlDatabase::openConnection(const QString &target)
{
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        throwError(QStringLiteral("cannot open database %1: %2").arg(target, why));
    }
}

void SqlDatabase::close()
{
    // Statements first: QSqlDatabase::removeDatabase wants no query alive on the connection.
    m_statements.clear();
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_inTransaction = false;
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QSqlQuery &SqlDatabase::prepared(const QString &sql)
{
    if (!m_db.isOpen())
        throwError(QStringLiteral("the database is not open"));
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true); // rows are read once: no client-side row cache
    if (!query->prepare(sql))
        throwError(describeFailure(m_dialect, *query, sql));
    return *m_statements.emplace(sql, std::move(query)).first->second;
}

QVariant SqlDatabase::execOnce(const QString &sql)
{
    if (!m_db.isOpen())
        throwError(QStringLiteral("the database is not open"));
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

void SqlDatabase::control(const QString &sql)
{
    const bool ends = sql == QLatin1String("COMMIT") || sql == QLatin1String("ROLLBACK");
    if (sql == QLatin1String("ROLLBACK"))
        m_inTransaction = false; // even if it fails: then there was nothing left to roll back
    if (m_dialect.isPostgres())
        execOnce(sql);
    else
        Statement(*this, sql);
    if (sql.startsWith(QLatin1String("BEGIN")))
        m_inTransaction = true;
    else if (ends)
        m_inTransaction = false;
}

void SqlDatabase::fail(QSqlQuery &query, const QString &sql) const
{
    const QString text = describeFailure(m_dialect, query, sql);
    query.finish();
    throwError(text);
}

// ---- Statement ----------------------------------------------------------------------------

Statement::Statement(SqlDatabase &db, const QString &sql, const SqlParams &params)
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

Savepoint::Savepoint(SqlDatabase &db) : m_db(db)
{
    if (m_db.dialect().isPostgres() && !m_db.inTransaction()) {
        m_db.control(QStringLiteral("BEGIN"));
        m_ownTransaction = true;
        return;
    }
    m_db.control(QStringLiteral("SAVEPOINT confab_op"));
}

Savepoint::~Savepoint()
{
    if (m_done)
        return;
    try {
        if (m_ownTransaction) {
            m_db.control(QStringLiteral("ROLLBACK"));
            return;
        }
        m_db.control(QStringLiteral("ROLLBACK TO SAVEPOINT confab_op"));
        m_db.control(QStringLiteral("RELEASE SAVEPOINT confab_op"));
    } catch (const StorageError &e) {
        qCWarning(lcSqlDatabase) << "rolling back a savepoint failed:" << e.what();
    }
}

void Savepoint::release()
{
    m_db.control(m_ownTransaction ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE SAVEPOINT confab_op"));
    m_done = true;
}

} // namespace confab::server
