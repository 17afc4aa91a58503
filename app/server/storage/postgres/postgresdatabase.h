// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PostgreSQL connection under PostgresStorage (QtSql's QPSQL driver over libpq), from a
// `postgresql://user[:password]@host[:port]/database` URL. Statements, savepoints and errors:
// sqldatabase.h. QPSQL was chosen over libpq or libpqxx directly by measurement
// (docs/scale-out.md): the stores' QSqlQuery code is shared with SQLite.

#include "storage/sqldatabase.h"

#include <QUrl>

namespace confab::server {

class PostgresDatabase final : public SqlDatabase {
public:
    // Throws StorageError naming what is wrong when the URL is not a usable postgresql:// URL.
    explicit PostgresDatabase(const QString &url);
    ~PostgresDatabase() override;

    void open() override;
    // The URL without its password, for logs and errors.
    QString displayUrl() const;

    // Checks a --database value; returns an empty string when usable, else what is wrong.
    static QString checkUrl(const QString &url);

private:
    QUrl m_url;
};

} // namespace confab::server
