// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One QtSql connection under the storage (SQLite's in SqliteDatabase, PostgreSQL's in
// PostgresDatabase): a cache of prepared statements, every failure turned into StorageError, and
// the dialect its SQL is written in. Used from one thread only.

#include "sqldialect.h"
#include "storage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>
#include <unordered_map>
#include <vector>

namespace confab::server {

using SqlParams = std::vector<QVariant>;

// Bind values: text that must not be NULL, optional text (empty = NULL) and optional times (0 = NULL).
QVariant sqlText(const QString &s);
QVariant sqlOptText(const QString &s);
QVariant sqlOptTime(qint64 ms);

class SqlDatabase {
public:
    virtual ~SqlDatabase();
    SqlDatabase(const SqlDatabase &) = delete;
    SqlDatabase &operator=(const SqlDatabase &) = delete;

    // Creates the connection (on the calling thread) and sets it up. Throws StorageError.
    virtual void open() = 0;
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    const SqlDialect &dialect() const { return m_dialect; }
    // Whether a transaction begun through control() is open.
    bool inTransaction() const { return m_inTransaction; }

    // The prepared statement for this SQL text, prepared once and kept while the connection lives.
    QSqlQuery &prepared(const QString &sql);
    // Runs one statement without caching it (DDL, pragmas) and returns the first column of the
    // first row, if any.
    QVariant execOnce(const QString &sql);

    // Transaction control (BEGIN, COMMIT, SAVEPOINT, LOCK, ...), which PostgreSQL cannot prepare:
    // a cached statement on SQLite, a plain one on PostgreSQL. Keeps track of whether a
    // transaction is open (BEGIN... until COMMIT or ROLLBACK).
    void control(const QString &sql);

    // Throws StorageError with the error text and the SQL (placeholders only, no bound values).
    [[noreturn]] void fail(QSqlQuery &query, const QString &sql) const;

protected:
    explicit SqlDatabase(const SqlDialect &dialect) : m_dialect(dialect) {}
    // Adds a connection of this QtSql driver under a unique name; `what` names it in errors.
    QSqlDatabase &addConnection(const QString &driver, const QString &what);
    // Opens the connection added; throws (and cleans up) on failure, naming `target`.
    void openConnection(const QString &target);
    QSqlDatabase &connection() { return m_db; }
    const QSqlDatabase &connection() const { return m_db; }

private:
    const SqlDialect &m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    bool m_inTransaction = false;
};

// Runs one cached statement with positional parameters. Resets the statement when it goes out of
// scope: an unfinished SELECT would keep SQLite's implicit transaction (and a WAL snapshot) open.
class Statement {
public:
    Statement(SqlDatabase &db, const QString &sql, const SqlParams &params = {});
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool next();
    QVariant value(int column) const { return m_query.value(column); }
    QString text(int column) const { return m_query.value(column).toString(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    bool boolean(int column) const { return m_query.value(column).toLongLong() != 0; }
    QByteArray blob(int column) const { return m_query.value(column).toByteArray(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

private:
    SqlDatabase &m_db;
    const QString m_sql; // for error messages
    QSqlQuery &m_query;
};

// Makes a multi-statement operation atomic whether or not the caller has begun a transaction.
// Rolled back unless released. SQLite: a savepoint (it starts a transaction outside one).
// PostgreSQL: a savepoint inside a transaction; outside one, a transaction of its own.
class Savepoint {
public:
    explicit Savepoint(SqlDatabase &db);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;
    void release();

private:
    SqlDatabase &m_db;
    bool m_ownTransaction = false;
    bool m_done = false;
};

} // namespace confab::server
