// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitebackup.h"

#include "storage.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace confab::server {

namespace {

[[noreturn]] void fail(const QString &text) { throw StorageError(text.toStdString()); }

// One sqlite3 connection of our own, closed however we leave.
class Connection {
public:
    Connection(const QString &path, int flags)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK) {
            const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
            sqlite3_close(m_db);
            m_db = nullptr;
            fail(QStringLiteral("cannot open %1: %2").arg(path, why));
        }
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~Connection() { sqlite3_close(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    sqlite3 *get() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

// The first column of the first row of `sql`, as text ("" when there is no row).
QString firstText(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        fail(QString::fromUtf8(sqlite3_errmsg(db)));
    QString value;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        fail(QString::fromUtf8(sqlite3_errmsg(db)));
    return value;
}

// All pages of `from` into `to`, in one step: a single read transaction on `from`, so the copy is
// one consistent snapshot even while another process writes.
void copyPages(sqlite3 *from, sqlite3 *to, const QString &what)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        fail(QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(to))));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 50; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(100); // a writer holds a lock we need for a moment (the page copy itself does not wait)
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        fail(QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errstr(rc))));
}

void checkIntact(sqlite3 *db, const QString &path)
{
    const QString integrity = firstText(db, "PRAGMA integrity_check");
    if (integrity != QLatin1String("ok"))
        fail(QStringLiteral("%1 is damaged: %2").arg(path, integrity));
}

} // namespace

void SqliteBackup::copyTo(sqlite3 *source, const QString &target)
{
    if (QFileInfo(target).isDir())
        fail(QStringLiteral("%1 is a directory; give a file name for the backup").arg(target));
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    try {
        {
            Connection out(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            copyPages(source, out.get(), QStringLiteral("backup to %1").arg(target));
            // A backup is one self-contained file: no WAL beside it.
            firstText(out.get(), "PRAGMA journal_mode=DELETE");
            checkIntact(out.get(), partial);
        }
        QFile::remove(target);
        if (!QFile::rename(partial, target))
            fail(QStringLiteral("cannot write %1").arg(target));
    } catch (...) {
        QFile::remove(partial);
        throw;
    }
}

void SqliteBackup::replaceFrom(sqlite3 *target, const QString &source)
{
    if (!QFileInfo(source).isFile())
        fail(QStringLiteral("no backup file %1").arg(source));
    Connection in(source, SQLITE_OPEN_READONLY);
    if (firstText(in.get(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
            .isEmpty())
        fail(QStringLiteral("%1 is not a Confab database (it has no schema_version table)").arg(source));
    checkIntact(in.get(), source);
    copyPages(in.get(), target, QStringLiteral("restore from %1").arg(source));
}

} // namespace confab::server
