// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SQLite connection under SqliteStorage: opened with the pragmas Confab relies on, a cache of
// prepared statements, and every failure turned into StorageError. Used from one thread only.

#include "storage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace confab::server {

using SqlParams = std::vector<QVariant>;

// Bind values: text that must not be NULL, optional text (empty = NULL) and optional times (0 = NULL).
QVariant sqlText(const QString &s);
QVariant sqlOptText(const QString &s);
QVariant sqlOptTime(qint64 ms);

class SqliteDatabase {
public:
    explicit SqliteDatabase(QString path);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Creates the connection (on the calling thread) and applies the pragmas. Throws StorageError.
    void open();
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    bool isMemory() const;
    // SQLite's own connection under Qt's, for what QtSql does not offer (the backup API).
    sqlite3 *handle() const;

    // The prepared statement for this SQL text, prepared once and kept while the connection lives.
    QSqlQuery &prepared(const QString &sql);
    // Runs one statement without caching it (DDL, pragmas) and returns the first column of the
    // first row, if any.
    QVariant execOnce(const QString &sql);

    // Throws StorageError with the error text and the SQL (placeholders only, no bound values).
    [[noreturn]] void fail(QSqlQuery &query, const QString &sql) const;

private:
    void applyPragmas();
    void checkFts5();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// Runs one cached statement with positional parameters. Resets the statement when it goes out of
// scope: an unfinished SELECT would keep SQLite's implicit transaction (and a WAL snapshot) open.
class Statement {
public:
    Statement(SqliteDatabase &db, const QString &sql, const SqlParams &params = {});
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
    SqliteDatabase &m_db;
    const QString m_sql; // for error messages
    QSqlQuery &m_query;
};

// Makes a multi-statement operation atomic whether or not the caller has begun a transaction
// (SQLite savepoints nest in a transaction and start one outside). Rolled back unless released.
class Savepoint {
public:
    explicit Savepoint(SqliteDatabase &db);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;
    void release();

private:
    SqliteDatabase &m_db;
    bool m_done = false;
};

} // namespace confab::server
