// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteAssistantUsage: the assistant's daily token counts over the assistant_usage table.

#include "sqliteassistantusage.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

namespace confab::server {

namespace {
const QString kAdd =
    QStringLiteral("INSERT INTO assistant_usage (day, scope, id, tokens) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT (day, scope, id) DO UPDATE SET tokens = assistant_usage.tokens + excluded.tokens");
}

void SqliteAssistantUsage::addAssistantTokens(qint64 day, const QString &userId, const QString &roomId, qint64 tokens)
{
    // Yesterday's counts limit nothing any more.
    Statement(m_db, QStringLiteral("DELETE FROM assistant_usage WHERE day < ?"), {qlonglong(day)});
    Statement(m_db, kAdd, {qlonglong(day), QStringLiteral("user"), sqlText(userId), qlonglong(tokens)});
    if (!roomId.isEmpty())
        Statement(m_db, kAdd, {qlonglong(day), QStringLiteral("room"), sqlText(roomId), qlonglong(tokens)});
}

std::vector<AssistantTokenUse> SqliteAssistantUsage::assistantTokensOn(qint64 day)
{
    Statement s(m_db, QStringLiteral("SELECT scope, id, tokens FROM assistant_usage WHERE day = ?"), {qlonglong(day)});
    std::vector<AssistantTokenUse> out;
    while (s.next())
        out.push_back({s.text(0) == QLatin1String("room"), s.text(1), s.integer(2)});
    return out;
}

} // namespace confab::server
