// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteAssistantUsage: the assistant's tokens per UTC day, per user and per room
// (assistant_usage, migration 11). Only the current day is kept.

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

class SqliteAssistantUsage final : public AssistantUsageStore {
public:
    explicit SqliteAssistantUsage(SqlDatabase &db) : m_db(db) {}

    void addAssistantTokens(qint64 day, const QString &userId, const QString &roomId, qint64 tokens) override;
    std::vector<AssistantTokenUse> assistantTokensOn(qint64 day) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
