// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStandingChangeLog: the standing_changes table.

#include "sqlitestandingchangelog.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

namespace confab::server {

namespace {

constexpr std::pair<StandingChangeKind, QLatin1String> kStandingKindNames[] = {
    {StandingChangeKind::SignedOut, QLatin1String("signed_out")},
    {StandingChangeKind::PasswordReset, QLatin1String("password_reset")},
    {StandingChangeKind::Disabled, QLatin1String("disabled")},
    {StandingChangeKind::Banned, QLatin1String("banned")},
    {StandingChangeKind::Erased, QLatin1String("erased")},
    {StandingChangeKind::RoleChanged, QLatin1String("role_changed")},
    {StandingChangeKind::Enabled, QLatin1String("enabled")},
    {StandingChangeKind::PasswordChanged, QLatin1String("password_changed")},
};

QString standingKindName(StandingChangeKind kind)
{
    for (const auto &[k, name] : kStandingKindNames) {
        if (k == kind)
            return name;
    }
    throwStorageError(QStringLiteral("unknown standing change kind %1").arg(int(kind)));
}

StandingChangeKind standingKindFromName(const QString &name)
{
    for (const auto &[k, n] : kStandingKindNames) {
        if (name == n)
            return k;
    }
    throwStorageError(QStringLiteral("unknown value '%1' in column standing_changes.kind").arg(name));
}

} // namespace

void SqliteStandingChangeLog::insertStandingChange(const StandingChange &c)
{
    if (const QString lock = m_db.dialect().standingChangeWriteLock(); !lock.isEmpty())
        m_db.control(lock);
    Statement(
        m_db,
        QStringLiteral("INSERT INTO standing_changes (user_id, token_hash, kind, created_at) VALUES (?, ?, ?, ?)"),
        {sqlText(c.userId), c.tokenHash.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(c.tokenHash),
         standingKindName(c.kind), qlonglong(c.createdAt)});
}

std::vector<StandingChange> SqliteStandingChangeLog::standingChangesAfter(qint64 afterId, int limit)
{
    Statement s(m_db,
                QStringLiteral("SELECT id, user_id, token_hash, kind, created_at FROM standing_changes WHERE id > ? "
                               "ORDER BY id LIMIT ?"),
                {qlonglong(afterId), clampLimit(limit)});
    std::vector<StandingChange> out;
    while (s.next())
        out.push_back(
            StandingChange{s.integer(0), s.text(1), s.blob(2), standingKindFromName(s.text(3)), s.integer(4)});
    return out;
}

qint64 SqliteStandingChangeLog::lastStandingChangeId()
{
    // Also counts the ids of pruned rows (SQLite's sqlite_sequence, PostgreSQL's sequence).
    Statement s(m_db, m_db.dialect().lastStandingChangeIdQuery());
    return s.next() ? s.integer(0) : 0;
}

void SqliteStandingChangeLog::purgeStandingChangesBefore(qint64 cutoffMs)
{
    Statement(m_db, QStringLiteral("DELETE FROM standing_changes WHERE created_at < ?"), {qlonglong(cutoffMs)});
}

} // namespace confab::server
