// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Storage on PostgreSQL (`--database postgresql://...`), for several servers sharing one database
// (issue 18). The queries and transactions are SqlStorage's, shared with SQLite; here: opening
// and migrating (postgresschema.cpp), the operations, and what PostgreSQL does differently.
// - nextSeq() is UPDATE rooms ... RETURNING: the room's row stays locked until commit, so
//   writers to one room on any number of servers make one gap-free sequence.
// - clientMsgId idempotency rests on the unique (author_id, client_msg_id) index.
// - backupTo()/restoreFrom() are refused: back up with pg_dump or the cluster's own tools.

#include "storage/sqlstorage.h"

namespace confab::server {

class PostgresDatabase;

class PostgresStorage final : public SqlStorage {
public:
    // Throws StorageError when the URL is not usable; nothing is opened until open().
    explicit PostgresStorage(const QString &url);
    ~PostgresStorage() override;

    void open() override;
    int schemaVersion() override;
    void backupTo(const QString &file) override;
    void restoreFrom(const QString &file) override;
    void probeWrite() override;
    // Other servers' commits cannot be told apart cheaply: a new number each time.
    qint64 externalCommitMarker() override { return ++m_commitMarker; }

private:
    PostgresDatabase &postgres();
    qint64 m_commitMarker = 0;
};

} // namespace confab::server
