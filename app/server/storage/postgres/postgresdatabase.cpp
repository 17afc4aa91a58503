// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresdatabase.h"

namespace confab::server {

namespace {

[[noreturn]] void throwError(const QString &text) { throw StorageError(text.toStdString()); }

} // namespace

QString PostgresDatabase::checkUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return QStringLiteral("not a valid URL: %1").arg(url.errorString());
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return QStringLiteral("the scheme must be postgresql:// (got '%1')").arg(url.scheme());
    if (url.host().isEmpty())
        return QStringLiteral("no host (postgresql://user@host:port/database)");
    if (url.path().size() <= 1 || url.path().mid(1).contains(QLatin1Char('/')))
        return QStringLiteral("no database name (postgresql://user@host:port/database)");
    if (url.userName().isEmpty())
        return QStringLiteral("no user name (postgresql://user@host:port/database)");
    return {};
}

PostgresDatabase::PostgresDatabase(const QString &url) : SqlDatabase(SqlDialect::postgres()), m_url(url)
{
    if (const QString problem = checkUrl(url); !problem.isEmpty())
        throwError(QStringLiteral("--database: %1").arg(problem));
}

PostgresDatabase::~PostgresDatabase() { close(); }

QString PostgresDatabase::displayUrl() const { return m_url.toString(QUrl::RemovePassword); }

void PostgresDatabase::open()
{
    if (isOpen())
        return;
    QSqlDatabase &db = addConnection(QStringLiteral("QPSQL"), QStringLiteral("PostgreSQL"));
    db.setHostName(m_url.host());
    db.setPort(m_url.port(5432));
    db.setUserName(m_url.userName(QUrl::FullyDecoded));
    db.setPassword(m_url.password(QUrl::FullyDecoded));
    db.setDatabaseName(m_url.path(QUrl::FullyDecoded).mid(1));
    // A server that does not answer fails the start instead of hanging it.
    db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=confab-server"));
    openConnection(displayUrl());
    try {
        // UTC and UTF-8 whatever the server's defaults; durable commits (an ack never outlives a crash).
        execOnce(QStringLiteral("SET client_encoding = 'UTF8'"));
        execOnce(QStringLiteral("SET TIME ZONE 'UTC'"));
        execOnce(QStringLiteral("SET synchronous_commit = on"));
        execOnce(QStringLiteral("SET client_min_messages = warning")); // no NOTICEs in the log
    } catch (...) {
        close();
        throw;
    }
}

} // namespace confab::server
