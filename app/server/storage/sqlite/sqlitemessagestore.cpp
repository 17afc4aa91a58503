// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteMessageStore: the messages, reactions and pins tables and the messages_fts search index.

#include "sqlitemessagestore.h"

#include "sqlitepollstore.h"
#include "sqlitevalues.h"
#include "storage/ftsquery.h"
#include "storage/postgres/postgressearchsql.h"
#include "storage/sqldatabase.h"

#include "core/jsondocument.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>

namespace confab::server {

namespace {

using nlohmann::json;

QVariant attachmentsToSql(const std::vector<Attachment> &attachments)
{
    if (attachments.empty())
        return {};
    return QString::fromUtf8(toJsonBytes(json(attachments)));
}

QVariant systemEventToSql(const std::optional<SystemEvent> &event)
{
    if (!event)
        return {};
    return QString::fromUtf8(toJsonBytes(json(*event)));
}

std::optional<SystemEvent> systemEventFromText(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    try {
        return parseStoredJson(text, QLatin1String("messages.system_event")).get<SystemEvent>();
    } catch (const StorageError &) {
        throw;
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable system event: %1").arg(QString::fromUtf8(e.what())));
    }
}

QVariant aiToSql(const std::optional<AiAnswer> &ai)
{
    if (!ai)
        return {};
    return QString::fromUtf8(toJsonBytes(json(*ai)));
}

std::optional<AiAnswer> aiFromText(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    try {
        return parseStoredJson(text, QLatin1String("messages.ai")).get<AiAnswer>();
    } catch (const StorageError &) {
        throw;
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable assistant answer: %1").arg(QString::fromUtf8(e.what())));
    }
}

std::vector<Attachment> attachmentsFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    try {
        return parseStoredJson(text, QLatin1String("messages.attachments")).get<std::vector<Attachment>>();
    } catch (const StorageError &) {
        throw;
    } catch (const std::exception &e) {
        throwStorageError(QStringLiteral("unreadable attachments: %1").arg(QString::fromUtf8(e.what())));
    }
}

// Author name and avatar come from the author's account (LEFT JOIN: system messages may have none).
const QString kMessageColumns =
    QStringLiteral("m.message_id, m.room_id, m.seq, m.author_id, u.display_name, u.avatar, m.content, m.type, "
                   "m.created_at, m.reply_to, m.is_edited, m.edited_at, m.is_deleted, m.is_anonymous, "
                   "m.anonymous_name, m.attachments, m.client_msg_id, m.system_event, m.ai");
// The first column after kMessageColumns in a query that adds its own.
constexpr int kMessageColumnCount = 19;
const QString kMessageFrom = QStringLiteral(" FROM messages m LEFT JOIN users u ON u.user_id = m.author_id");
const QString kSelectMessages = QStringLiteral("SELECT ") + kMessageColumns + kMessageFrom;

Message readMessage(const Statement &s)
{
    Message m;
    m.messageId = s.text(0);
    m.roomId = s.text(1);
    m.seq = s.integer(2);
    m.authorId = s.text(3);
    m.authorName = s.text(4);
    m.authorAvatar = s.text(5);
    m.content = s.text(6);
    m.type = storedEnum<MessageType>(s.text(7), QLatin1String("messages.type"));
    m.timestamp = s.integer(8);
    m.replyTo = s.text(9);
    m.isEdited = s.boolean(10);
    m.editedAt = s.integer(11);
    m.isDeleted = s.boolean(12);
    m.isAnonymous = s.boolean(13);
    m.anonymousName = s.text(14);
    m.attachments = attachmentsFromText(s.text(15));
    m.clientMsgId = s.text(16);
    m.systemEvent = systemEventFromText(s.text(17));
    m.ai = aiFromText(s.text(18));
    return m;
}

} // namespace

void SqliteMessageStore::insertMessage(const Message &m)
{
    Statement(
        m_db,
        QStringLiteral("INSERT INTO messages (message_id, room_id, seq, author_id, content, type, created_at, "
                       "reply_to, is_edited, edited_at, is_deleted, is_anonymous, anonymous_name, attachments, "
                       "client_msg_id, system_event, ai) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {sqlText(m.messageId), sqlText(m.roomId), qlonglong(m.seq), sqlText(m.authorId), sqlText(m.content),
         toString(m.type), qlonglong(m.timestamp), sqlOptText(m.replyTo), sqlBool(m.isEdited), sqlOptTime(m.editedAt),
         sqlBool(m.isDeleted), sqlBool(m.isAnonymous), sqlOptText(m.anonymousName), attachmentsToSql(m.attachments),
         sqlOptText(m.clientMsgId), systemEventToSql(m.systemEvent), aiToSql(m.ai)});
}

void SqliteMessageStore::updateAiAnswer(const QString &messageId, const QString &content, const AiAnswer &ai)
{
    Statement(m_db, QStringLiteral("UPDATE messages SET content = ?, ai = ? WHERE message_id = ?"),
              {sqlText(content), aiToSql(ai), sqlText(messageId)});
}

std::vector<Message> SqliteMessageStore::streamingAiAnswers()
{
    Statement s(m_db, kSelectMessages + QStringLiteral(" WHERE m.type = 'ai_response' AND m.is_deleted = 0 AND ") +
                          m_db.dialect().jsonText(QStringLiteral("m.ai"), QStringLiteral("state")) +
                          QStringLiteral(" = 'streaming'"));
    return readMessages(s);
}

void SqliteMessageStore::updateMessage(const Message &m)
{
    if (m.isDeleted) {
        // The text and files are gone for good (the search trigger drops the words too).
        Statement(m_db,
                  QStringLiteral("UPDATE messages SET content = '', attachments = NULL, is_edited = ?, edited_at = ?, "
                                 "is_deleted = 1 WHERE message_id = ?"),
                  {sqlBool(m.isEdited), sqlOptTime(m.editedAt), sqlText(m.messageId)});
    } else {
        Statement(m_db,
                  QStringLiteral("UPDATE messages SET content = ?, is_edited = ?, edited_at = ?, is_deleted = 0 "
                                 "WHERE message_id = ?"),
                  {sqlText(m.content), sqlBool(m.isEdited), sqlOptTime(m.editedAt), sqlText(m.messageId)});
    }
}

std::vector<Message> SqliteMessageStore::readMessages(Statement &s)
{
    std::vector<Message> messages;
    while (s.next())
        messages.push_back(readMessage(s));
    return messages;
}

void SqliteMessageStore::loadReactions(std::vector<Message> &messages)
{
    if (messages.empty())
        return;
    // One query for the whole set, in reaction order.
    std::vector<QString> ids;
    std::map<QString, Message *> byId;
    for (Message &m : messages) {
        ids.push_back(m.messageId);
        byId[m.messageId] = &m;
    }
    Statement s(m_db,
                QStringLiteral("SELECT message_id, emoji, user_id FROM reactions "
                               "WHERE message_id IN (") +
                    m_db.dialect().idListSubquery() + QStringLiteral(") ORDER BY created_at, rowid"),
                {idListJson(ids)});
    while (s.next()) {
        const auto it = byId.find(s.text(0));
        if (it != byId.end())
            it->second->reactions[s.text(1)].append(s.text(2));
    }
    SqlitePollStore::attachPolls(m_db, messages); // read with everything else on a message
}

std::optional<Message> SqliteMessageStore::message(const QString &messageId)
{
    static const QString sql = kSelectMessages + QStringLiteral(" WHERE m.message_id = ?");
    std::vector<Message> found;
    {
        Statement s(m_db, sql, {sqlText(messageId)});
        found = readMessages(s);
    }
    if (found.empty())
        return std::nullopt;
    loadReactions(found);
    return std::move(found.front());
}

std::vector<Message> SqliteMessageStore::messagesByIds(const std::vector<QString> &messageIds)
{
    if (messageIds.empty())
        return {};
    const QString sql = kSelectMessages + QStringLiteral(" WHERE m.message_id IN (") + m_db.dialect().idListSubquery() +
                        QLatin1Char(')');
    std::vector<Message> found;
    {
        Statement s(m_db, sql, {idListJson(messageIds)});
        found = readMessages(s);
    }
    loadReactions(found);
    return found;
}

std::optional<Message> SqliteMessageStore::messageByClientMsgId(const QString &authorId, const QString &clientMsgId)
{
    if (clientMsgId.isEmpty())
        return std::nullopt;
    static const QString sql = kSelectMessages + QStringLiteral(" WHERE m.author_id = ? AND m.client_msg_id = ?");
    std::vector<Message> found;
    {
        Statement s(m_db, sql, {sqlText(authorId), sqlText(clientMsgId)});
        found = readMessages(s);
    }
    if (found.empty())
        return std::nullopt;
    loadReactions(found);
    return std::move(found.front());
}

std::vector<Message> SqliteMessageStore::messagePage(const QString &sql, const QString &roomId, qint64 seq, int limit,
                                                     bool newestFirst, bool *hasMore)
{
    // One row more than asked tells whether the page is the last one; the (room_id, seq) index
    // makes this a short range scan whatever the room's size (no OFFSET).
    limit = clampLimit(limit);
    std::vector<Message> page;
    {
        Statement s(m_db, sql, {sqlText(roomId), qlonglong(seq), limit + 1});
        page = readMessages(s);
    }
    const bool more = int(page.size()) > limit;
    if (more)
        page.pop_back();
    if (newestFirst)
        std::reverse(page.begin(), page.end());
    if (hasMore)
        *hasMore = more;
    loadReactions(page);
    return page;
}

std::vector<Message> SqliteMessageStore::messagesBefore(const QString &roomId, qint64 beforeSeq, int limit,
                                                        bool *hasMore)
{
    static const QString sql =
        kSelectMessages + QStringLiteral(" WHERE m.room_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?");
    return messagePage(sql, roomId, beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max(), limit, true,
                       hasMore);
}

std::vector<Message> SqliteMessageStore::messagesAfter(const QString &roomId, qint64 afterSeq, int limit, bool *hasMore)
{
    static const QString sql =
        kSelectMessages + QStringLiteral(" WHERE m.room_id = ? AND m.seq > ? ORDER BY m.seq LIMIT ?");
    return messagePage(sql, roomId, afterSeq, limit, false, hasMore);
}

std::optional<Message> SqliteMessageStore::lastMessage(const QString &roomId)
{
    std::vector<Message> page = messagesBefore(roomId, 0, 1, nullptr);
    if (page.empty())
        return std::nullopt;
    return std::move(page.front());
}

int SqliteMessageStore::countUnread(const QString &roomId, qint64 afterSeq, const QString &userId)
{
    Statement s(m_db,
                // Server-made lines (joins, topic changes) are not something to read: not unread.
                QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE room_id = ? AND seq > ? "
                               "AND author_id <> ? AND is_deleted = 0 AND type <> 'system' LIMIT ?) AS unread"),
                {sqlText(roomId), qlonglong(afterSeq), sqlText(userId), kUnreadCountCap});
    return s.next() ? int(s.integer(0)) : 0;
}

int SqliteMessageStore::countUnreadMentions(const QString &roomId, qint64 afterSeq, const QString &userId,
                                            const QString &username)
{
    // Usernames are ASCII, so SQLite's ASCII-only case folding in LIKE is enough here.
    Statement s(m_db,
                QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE room_id = ? AND seq > ? "
                               "AND author_id <> ? AND is_deleted = 0 AND content ") +
                    m_db.dialect().likeIgnoringCase() + QStringLiteral(" ? ESCAPE '\\' LIMIT ?) AS m"),
                {sqlText(roomId), qlonglong(afterSeq), sqlText(userId),
                 likeContainsPattern(QLatin1Char('@') + username), kUnreadCountCap});
    return s.next() ? int(s.integer(0)) : 0;
}

int SqliteMessageStore::purgeMessagesBefore(const QString &roomId, qint64 cutoffMs)
{
    Statement s(m_db, QStringLiteral("DELETE FROM messages WHERE room_id = ? AND created_at < ?"),
                {sqlText(roomId), qlonglong(cutoffMs)});
    return s.rowsAffected();
}

namespace {
// The messages a retention rule deletes: created before the cutoff, not pinned unless pins go too,
// not the room's newest unless that goes too. Parameters: expiredParams().
const QString kExpiredWhere =
    QStringLiteral("FROM messages m WHERE m.room_id = ? AND m.created_at < ? "
                   "AND (? = 0 OR NOT EXISTS (SELECT 1 FROM pins p WHERE p.message_id = m.message_id)) "
                   "AND (? = 0 OR m.seq < (SELECT MAX(seq) FROM messages WHERE room_id = ? AND type <> 'system'))");

SqlParams expiredParams(const QString &roomId, const RetentionRule &rule)
{
    return {sqlText(roomId), qlonglong(rule.cutoffMs), sqlBool(rule.keepPinned), sqlBool(rule.keepLast),
            sqlText(roomId)};
}
} // namespace

std::vector<ExpiredMessage> SqliteMessageStore::expiredMessages(const QString &roomId, const RetentionRule &rule,
                                                                int limit)
{
    SqlParams params = expiredParams(roomId, rule);
    params.push_back(std::max(1, limit));
    Statement s(
        m_db, QStringLiteral("SELECT m.message_id, m.seq ") + kExpiredWhere + QStringLiteral(" ORDER BY m.seq LIMIT ?"),
        params);
    std::vector<ExpiredMessage> out;
    while (s.next())
        out.push_back({s.text(0), s.integer(1)});
    return out;
}

int SqliteMessageStore::countExpiredMessages(const QString &roomId, const RetentionRule &rule)
{
    Statement s(m_db, QStringLiteral("SELECT COUNT(*) ") + kExpiredWhere, expiredParams(roomId, rule));
    return s.next() ? int(s.integer(0)) : 0;
}

void SqliteMessageStore::deleteMessages(const std::vector<QString> &messageIds)
{
    // Reactions and pins go by ON DELETE CASCADE, the search entries by trigger.
    Statement(m_db,
              QStringLiteral("DELETE FROM messages WHERE message_id IN (") + m_db.dialect().idListSubquery() +
                  QLatin1Char(')'),
              {idListJson(messageIds)});
}

bool SqliteMessageStore::addReaction(const QString &messageId, const QString &emoji, const QString &userId, qint64 at)
{
    Statement s(m_db,
                QStringLiteral("INSERT INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT DO NOTHING"),
                {sqlText(messageId), sqlText(emoji), sqlText(userId), qlonglong(at)});
    return s.rowsAffected() == 1;
}

bool SqliteMessageStore::removeReaction(const QString &messageId, const QString &emoji, const QString &userId)
{
    Statement s(m_db, QStringLiteral("DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?"),
                {sqlText(messageId), sqlText(emoji), sqlText(userId)});
    return s.rowsAffected() == 1;
}

bool SqliteMessageStore::addPin(const QString &roomId, const QString &messageId, const QString &byUserId, qint64 at)
{
    Statement s(m_db,
                QStringLiteral("INSERT INTO pins (room_id, message_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT DO NOTHING"),
                {sqlText(roomId), sqlText(messageId), sqlText(byUserId), qlonglong(at)});
    return s.rowsAffected() == 1;
}

bool SqliteMessageStore::removePin(const QString &roomId, const QString &messageId)
{
    Statement s(m_db, QStringLiteral("DELETE FROM pins WHERE room_id = ? AND message_id = ?"),
                {sqlText(roomId), sqlText(messageId)});
    return s.rowsAffected() == 1;
}

std::vector<Message> SqliteMessageStore::pins(const QString &roomId)
{
    static const QString sql = QStringLiteral("SELECT ") + kMessageColumns +
                               QStringLiteral(" FROM pins p JOIN messages m ON m.message_id = p.message_id "
                                              "LEFT JOIN users u ON u.user_id = m.author_id WHERE p.room_id = ? "
                                              "ORDER BY p.pinned_at DESC, p.rowid DESC");
    std::vector<Message> pinned;
    {
        Statement s(m_db, sql, {sqlText(roomId)});
        pinned = readMessages(s);
    }
    loadReactions(pinned);
    return pinned;
}

std::pair<QString, SqlParams> SqliteMessageStore::searchStatement(const SearchQuery &q, bool postgres)
{
    const QString match = postgres ? postgresTsQuery(q.text) : ftsMatchExpression(q.text);
    const bool filtersOnly = match.isEmpty();
    const bool anyFilter = !q.roomId.isEmpty() || !q.authorId.isEmpty() || q.beforeMs > 0 || q.afterMs > 0 || q.hasFile;
    if ((filtersOnly && !anyFilter) || q.memberUserId.isEmpty())
        return {};
    // With words: driven by the FTS index, newest first in rowid order (so LIMIT stops early even
    // when a common word matches much of the history) or by bm25 rank. Without: the filters
    // alone, newest first. Membership is checked in the same query either way.
    SqlParams params{sqlText(q.memberUserId)};
    QString columns = QStringLiteral("SELECT ") + kMessageColumns;
    QString from;
    if (filtersOnly) {
        columns += QStringLiteral(", substr(m.content, 1, 160)");
        from = QStringLiteral(" FROM messages m "
                              "JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ? "
                              "LEFT JOIN users u ON u.user_id = m.author_id WHERE m.is_deleted = 0 "
                              "AND m.type <> 'system'"); // lines the server wrote are not searched
    } else if (postgres) {
        from = postgresSearchFromWhere(); // begins with its snippet column
        params.push_back(match);
    } else {
        columns += QStringLiteral(", snippet(messages_fts, 0, char(1), char(2), '…', 16)");
        // CROSS JOIN fixes the order: SQLite otherwise may start from the caller's few memberships
        // and run the MATCH once per message of their rooms (10,000 messages: over a minute).
        from = QStringLiteral(" FROM messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid "
                              "CROSS JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ? "
                              "LEFT JOIN users u ON u.user_id = m.author_id "
                              "WHERE messages_fts MATCH ? AND m.is_deleted = 0");
        params.push_back(match);
    }
    // With words, the filters are tests on rows the index found, never an index of their own: a
    // usable `m.room_id = ?` made SQLite look each FTS hit up through the (room_id, seq) index,
    // reading the whole room per hit (2 s per search at 1M messages). The unary + keeps the
    // primary-key lookup by rowid. (PostgreSQL plans its GIN index on its own, and has no unary +
    // for text.)
    const QString column = filtersOnly || postgres ? QStringLiteral(" AND m.") : QStringLiteral(" AND +m.");
    if (!q.roomId.isEmpty()) {
        from += column + QStringLiteral("room_id = ?");
        params.push_back(q.roomId);
    }
    if (!q.authorId.isEmpty()) {
        from += column + QStringLiteral("author_id = ?");
        params.push_back(q.authorId);
    }
    if (q.beforeMs > 0) {
        from += column + QStringLiteral("created_at < ?");
        params.push_back(qlonglong(q.beforeMs));
    }
    if (q.afterMs > 0) {
        from += column + QStringLiteral("created_at >= ?");
        params.push_back(qlonglong(q.afterMs));
    }
    if (q.hasFile)
        from += QStringLiteral(" AND COALESCE(m.attachments, '') NOT IN ('', '[]')");
    params.push_back(std::clamp(q.limit, 1, 100));
    if (filtersOnly)
        return {columns + from + QStringLiteral(" ORDER BY m.id DESC LIMIT ?"), params};
    if (postgres)
        return {columns + from + postgresSearchOrder(q.byRelevance) + QStringLiteral(" LIMIT ?"), params};
    if (!q.byRelevance)
        return {columns + from + QStringLiteral(" ORDER BY messages_fts.rowid DESC LIMIT ?"), params};
    // By relevance, bm25 ranks the newest kRankedMatches matches (under the same filters) only, in
    // one pass over the index: a word in one message of eight is 125,000 rows to rank at 1M
    // messages (0.5 s), and the best of the recent ones is what people look for in a chat. The
    // extra columns after the snippet are not read.
    return {QStringLiteral("SELECT * FROM (") + columns +
                QStringLiteral(", bm25(messages_fts) AS rank_, messages_fts.rowid AS rowid_") + from +
                QStringLiteral(" ORDER BY messages_fts.rowid DESC LIMIT %1) ORDER BY rank_, rowid_ DESC LIMIT ?")
                    .arg(kRankedMatches),
            params};
}

std::vector<SearchHit> SqliteMessageStore::search(const SearchQuery &q)
{
    const auto [sql, params] = searchStatement(q, m_db.dialect().isPostgres());
    if (sql.isEmpty())
        return {};
    std::vector<Message> messages;
    std::vector<MarkedSnippet> snippets;
    {
        Statement s(m_db, sql, params);
        while (s.next()) {
            messages.push_back(readMessage(s));
            snippets.push_back(unmarkSnippet(s.text(kMessageColumnCount)));
        }
    }
    loadReactions(messages);
    std::vector<SearchHit> hits;
    hits.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i)
        hits.push_back(SearchHit{std::move(messages[i]), snippets[i].text, snippets[i].matches});
    return hits;
}

KeyedPage<Message> SqliteMessageStore::messagesByAuthor(const QString &authorId, qint64 afterKey, int limit)
{
    // The messages_author index holds the rowid: a range scan per page, however many there are.
    static const QString sql = QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(", m.id") + kMessageFrom +
                               QStringLiteral(" WHERE m.author_id = ? AND m.id > ? ORDER BY m.id LIMIT ?");
    KeyedPage<Message> page;
    page.nextKey = afterKey;
    {
        Statement s(m_db, sql, {sqlText(authorId), qlonglong(afterKey), clampLimit(limit)});
        while (s.next()) {
            page.rows.push_back(readMessage(s));
            page.nextKey = s.integer(17);
        }
    }
    loadReactions(page.rows);
    return page;
}

KeyedPage<ReactionRecord> SqliteMessageStore::reactionsByUser(const QString &userId, qint64 afterKey, int limit)
{
    Statement s(m_db,
                QStringLiteral("SELECT r.rowid, r.message_id, m.room_id, r.emoji, r.created_at FROM reactions r "
                               "JOIN messages m ON m.message_id = r.message_id "
                               "WHERE r.user_id = ? AND r.rowid > ? ORDER BY r.rowid LIMIT ?"),
                {sqlText(userId), qlonglong(afterKey), clampLimit(limit)});
    KeyedPage<ReactionRecord> page;
    page.nextKey = afterKey;
    while (s.next()) {
        page.nextKey = s.integer(0);
        page.rows.push_back(ReactionRecord{s.text(1), s.text(2), s.text(3), s.integer(4)});
    }
    return page;
}

} // namespace confab::server
