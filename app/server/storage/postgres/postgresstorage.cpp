// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresstorage.h"

#include "postgresdatabase.h"
#include "postgresschema.h"

#include <QDateTime>

namespace confab::server {

PostgresStorage::PostgresStorage(const QString &url) : SqlStorage(std::make_unique<PostgresDatabase>(url)) {}

PostgresStorage::~PostgresStorage() { close(); }

PostgresDatabase &PostgresStorage::postgres() { return static_cast<PostgresDatabase &>(db()); }

void PostgresStorage::open()
{
    postgres().open();
    try {
        migratePostgres(postgres(), QDateTime::currentMSecsSinceEpoch());
    } catch (...) {
        postgres().close();
        throw;
    }
}

int PostgresStorage::schemaVersion() { return postgresSchemaVersion(postgres()); }

void PostgresStorage::backupTo(const QString &)
{
    throw StorageError("PostgreSQL storage does not support backup through confab-server yet: use pg_dump");
}

void PostgresStorage::restoreFrom(const QString &)
{
    throw StorageError("PostgreSQL storage does not support restore through confab-server yet: use pg_restore");
}

void PostgresStorage::probeWrite()
{
    // Assigning a transaction id makes the commit write (and flush) a commit record: a full disk
    // or a read-only server shows, and no table changes.
    begin();
    try {
        Statement(db(), QStringLiteral("SELECT pg_current_xact_id()"));
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

} // namespace confab::server
