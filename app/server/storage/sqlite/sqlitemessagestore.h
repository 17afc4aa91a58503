// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteMessageStore: messages with their reactions and pins, and search (the messages,
// reactions and pins tables and the messages_fts index).

#include "storage/sqldatabase.h"
#include "storage/storage.h"

#include <utility>

namespace confab::server {

class SqlDatabase;
class Statement;

// - messagesBefore() with beforeSeq <= 0 or INT64_MAX returns the newest page.
// - purgeMessagesBefore() removes messages (and their reactions, pins, search entries) but not
//   the room's event log: replaying an event whose message is gone is the service's call.
// - search() matches every word (the last also as a prefix), in member rooms only, newest first
//   (FTS rowid order, so LIMIT stops early); snippet is plain text with "…" at cuts.
class SqliteMessageStore final : public MessageStore {
public:
    // countUnread stops counting here: a room list shows "999+" long before it matters, and the
    // count must not cost a scan of a million messages.
    static constexpr int kUnreadCountCap = 1000;
    // A search by relevance ranks this many of the newest matches (see searchStatement()).
    static constexpr int kRankedMatches = 500;

    explicit SqliteMessageStore(SqlDatabase &db) : m_db(db) {}

    void insertMessage(const Message &m) override;
    void updateMessage(const Message &m) override;
    std::optional<Message> message(const QString &messageId) override;
    std::vector<Message> messagesByIds(const std::vector<QString> &messageIds) override;
    std::optional<Message> messageByClientMsgId(const QString &authorId, const QString &clientMsgId) override;
    // beforeSeq <= 0 means "the newest messages".
    std::vector<Message> messagesBefore(const QString &roomId, qint64 beforeSeq, int limit, bool *hasMore) override;
    std::vector<Message> messagesAfter(const QString &roomId, qint64 afterSeq, int limit, bool *hasMore) override;
    std::optional<Message> lastMessage(const QString &roomId) override;
    // At most kUnreadCountCap.
    int countUnread(const QString &roomId, qint64 afterSeq, const QString &userId) override;
    int countUnreadMentions(const QString &roomId, qint64 afterSeq, const QString &userId,
                            const QString &username) override;
    int purgeMessagesBefore(const QString &roomId, qint64 cutoffMs) override;
    std::vector<ExpiredMessage> expiredMessages(const QString &roomId, const RetentionRule &rule, int limit) override;
    int countExpiredMessages(const QString &roomId, const RetentionRule &rule) override;
    void deleteMessages(const std::vector<QString> &messageIds) override;
    void updateAiAnswer(const QString &messageId, const QString &content, const AiAnswer &ai) override;
    std::vector<Message> streamingAiAnswers() override;

    bool addReaction(const QString &messageId, const QString &emoji, const QString &userId, qint64 at) override;
    bool removeReaction(const QString &messageId, const QString &emoji, const QString &userId) override;

    bool addPin(const QString &roomId, const QString &messageId, const QString &byUserId, qint64 at) override;
    bool removePin(const QString &roomId, const QString &messageId) override;
    std::vector<Message> pins(const QString &roomId) override;

    std::vector<SearchHit> search(const SearchQuery &q) override;
    // The statement search() runs on SQLite or PostgreSQL (an empty one when there is nothing to
    // search): tests check its query plan.
    static std::pair<QString, SqlParams> searchStatement(const SearchQuery &q, bool postgres = false);

    KeyedPage<Message> messagesByAuthor(const QString &authorId, qint64 afterKey, int limit) override;
    KeyedPage<ReactionRecord> reactionsByUser(const QString &userId, qint64 afterKey, int limit) override;

private:
    std::vector<Message> readMessages(Statement &s);
    void loadReactions(std::vector<Message> &messages);
    std::vector<Message> messagePage(const QString &sql, const QString &roomId, qint64 seq, int limit, bool newestFirst,
                                     bool *hasMore);

    SqlDatabase &m_db;
};

} // namespace confab::server
