// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqlitePollStore: the polls and poll_votes tables (migration 6).

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

class SqlitePollStore final : public PollStore {
public:
    explicit SqlitePollStore(SqlDatabase &db) : m_db(db) {}

    void insertPoll(const QString &messageId, const Poll &poll) override;
    bool setPollVotes(const QString &messageId, const QString &userId, const QStringList &optionIds,
                      qint64 at) override;
    void closePoll(const QString &messageId, const QString &byUserId, qint64 at) override;
    std::map<QString, QStringList> pollVotesOf(const QString &userId, const std::vector<QString> &messageIds) override;

    // Sets `poll` on those of these messages that are polls and not deleted: the definition, the
    // counts, and the voters unless the poll is anonymous (those never leave the database).
    // Two queries for the whole set.
    static void attachPolls(SqlDatabase &db, std::vector<Message> &messages);

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
