// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace confab::server {

// Whole-database copies with SQLite's online backup API: consistent while other connections (a
// running server) write, because the copy is made in one step inside one read transaction, which
// WAL mode lets writers work beside. Failures throw StorageError.
class SqliteBackup {
public:
    // Copies the open database `source` into a new file at `target` (written beside it first,
    // checked, then renamed over it, so a failed backup never leaves a half file under that name).
    static void copyTo(sqlite3 *source, const QString &target);
    // Replaces the contents of the open database `target` with the file at `source`, after
    // checking that it is an intact Confab database.
    static void replaceFrom(sqlite3 *target, const QString &source);
};

} // namespace confab::server
