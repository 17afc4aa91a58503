// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The `postgres` test label runs the server tests on PostgreSQL: CTest starts a throw-away cluster
// (pgcluster.sh) and sets CONFAB_TEST_POSTGRES to its URL, or to a file holding it. Each
// TestServer then gets a fresh, empty database of its own in that cluster, as it gets a fresh
// data directory, and passes it to the server with --database.

#include <QString>

namespace confab::test {

class PostgresTestDatabase {
public:
    // The cluster's URL from CONFAB_TEST_POSTGRES; empty when the tests run on SQLite.
    static QString clusterUrl();
    // Creates a new empty database in the cluster and returns its URL; empty on SQLite.
    // A failure to create one fails loudly (qFatal): every test after it would be meaningless.
    static QString createFresh();
};

} // namespace confab::test
