// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

namespace confab::server {

const SqlDialect &SqlDialect::sqlite()
{
    static const SqlDialect d(false);
    return d;
}

const SqlDialect &SqlDialect::postgres()
{
    static const SqlDialect d(true);
    return d;
}

QString SqlDialect::name() const { return m_postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"); }

QString SqlDialect::beginTransaction() const
{
    return m_postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
}

QString SqlDialect::idListSubquery() const
{
    // json_array_elements_text names its column `value` too.
    return m_postgres ? QStringLiteral("SELECT value FROM json_array_elements_text(CAST(? AS json))")
                      : QStringLiteral("SELECT value FROM json_each(?)");
}

QString SqlDialect::jsonText(const QString &column, const QString &key) const
{
    return m_postgres ? QStringLiteral("(CAST(%1 AS json) ->> '%2')").arg(column, key)
                      : QStringLiteral("json_extract(%1, '$.%2')").arg(column, key);
}

QString SqlDialect::likeIgnoringCase() const { return m_postgres ? QStringLiteral("ILIKE") : QStringLiteral("LIKE"); }

QString SqlDialect::lastStandingChangeIdQuery() const
{
    return m_postgres ? QStringLiteral("SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                                       "FROM standing_changes_id_seq")
                      : QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence "
                                       "WHERE name = 'standing_changes'");
}

QString SqlDialect::standingChangeWriteLock() const
{
    return m_postgres ? QStringLiteral("LOCK TABLE standing_changes IN SHARE ROW EXCLUSIVE MODE") : QString();
}

} // namespace confab::server
