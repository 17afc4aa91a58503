#pragma once

// Storage on an embedded SQLite database (QtSql's QSQLITE driver): WAL, synchronous=FULL,
// foreign keys, FTS5 for search. SQLite's dialect stays in this folder: the schema in
// sqliteschema.cpp, connection pragmas and savepoints in sqlitedatabase.cpp, every query in
// sqlitestorage.cpp (prepared once per connection and reused), FTS5 query syntax in ftsquery.cpp.
//
// Behaviour the interface leaves open:
// - Updates and deletes of rows that do not exist do nothing; only nextSeq() throws for a missing room.
// - messagesBefore() with beforeSeq <= 0 or INT64_MAX returns the newest page.
// - deleteUser() keeps the account row anonymised ("Deleted user", username "deleted", disabled,
//   no password, username key freed for re-use), erases the content and attachments of the
//   user's messages (left as deleted placeholders), and removes the user's memberships, bans,
//   reactions and tokens. The audit log and other people's messages are untouched; room event
//   payloads written earlier (JSON frames) may still carry the old display name.
// - deleteRoom() cascades to members, bans, events, messages, reactions and pins; audit rows stay.
// - purgeMessagesBefore() removes messages (and their reactions, pins, search entries) but not
//   the room's event log: replaying an event whose message is gone is the service's call.
// - search() matches every word (the last also as a prefix), in member rooms only, newest first
//   (FTS rowid order, so LIMIT stops early); snippet is plain text with "…" at cuts.
// - insertAudit() makes an id ("a_...") when the entry has none.

#include "storage.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace confab::server {

class SqliteDatabase;
class Statement;

class SqliteStorage final : public Storage {
public:
    // countUnread stops counting here: a room list shows "999+" long before it matters, and the
    // count must not cost a scan of a million messages.
    static constexpr int kUnreadCountCap = 1000;

    // A file path, or ":memory:" for a private in-memory database. Nothing is opened until open(),
    // which must run on the thread that uses the storage (QtSql connections belong to a thread);
    // close() belongs on that thread too (the destructor closes if it was not).
    explicit SqliteStorage(QString databasePath);
    ~SqliteStorage() override;
    SqliteStorage(const SqliteStorage &) = delete;
    SqliteStorage &operator=(const SqliteStorage &) = delete;

    void open() override;
    void close() override;
    int schemaVersion() override;

    // BEGIN IMMEDIATE: the write lock is taken up front, so a transaction never fails half-way
    // for want of it. rollback() does not throw (it runs on error paths) and is a no-op outside
    // a transaction.
    void begin() override;
    void commit() override;
    void rollback() override;
    qint64 durableCommits() const override { return m_durableCommits; }
    void beginGroup() override;
    void beginGroupItem() override;
    void endGroupItem(bool keep) override;
    void commitGroup() override;
    void rollbackGroup() override;

    // Checks the database file, the foreign keys and the search index against the messages;
    // returns the problems found (empty when healthy). For tests and an operator's check command.
    QStringList checkIntegrity();

    void insertUser(const StoredUser &u) override;
    std::optional<StoredUser> userById(const QString &userId) override;
    std::optional<StoredUser> userByUsername(const QString &usernameKey) override;
    std::vector<StoredUser> listUsers(int limit, int offset) override;
    int userCount() override;
    void updateUserProfile(const QString &userId, const QString &displayName, const QString &avatar) override;
    void updateUserRole(const QString &userId, ServerRole role) override;
    void updateUserPassword(const QString &userId, const QByteArray &passwordHash) override;
    void updateUserDisabled(const QString &userId, bool disabled) override;
    void updateUserPresence(const QString &userId, PresenceStatus status, const QString &customStatus,
                            qint64 lastSeen) override;
    void deleteUser(const QString &userId) override;

    void insertToken(const QByteArray &tokenHash, const QString &userId, qint64 createdAt) override;
    std::optional<QString> userIdForToken(const QByteArray &tokenHash) override;
    void deleteToken(const QByteArray &tokenHash) override;
    void deleteTokensOfUser(const QString &userId) override;

    void insertRoom(const RoomRecord &r) override;
    void updateRoom(const Room &room) override;
    void deleteRoom(const QString &roomId) override;
    std::optional<RoomRecord> roomById(const QString &roomId) override;
    std::vector<RoomRecord> listRooms(const RoomQuery &q, int *total) override;
    std::vector<RoomRecord> roomsOfUser(const QString &userId) override;
    std::optional<QString> directRoomBetween(const QString &userA, const QString &userB) override;
    void touchRoom(const QString &roomId, qint64 lastActivity) override;

    void insertMember(const MemberRecord &m) override;
    void updateMember(const MemberRecord &m) override;
    void deleteMember(const QString &roomId, const QString &userId) override;
    std::optional<MemberRecord> member(const QString &roomId, const QString &userId) override;
    std::vector<Member> listMembers(const QString &roomId, int limit, int offset, int *total) override;
    int memberCount(const QString &roomId) override;
    std::vector<std::pair<QString, QString>> allMemberships() override;

    void upsertBan(const BanRecord &b) override;
    void deleteBan(const QString &roomId, const QString &userId) override;
    std::optional<BanRecord> ban(const QString &roomId, const QString &userId) override;
    std::vector<BanRecord> listBans(const QString &roomId) override;

    qint64 nextSeq(const QString &roomId) override;
    void appendEvent(const EventRecord &e) override;
    std::vector<EventRecord> eventsAfter(const QString &roomId, qint64 afterSeq, int limit) override;

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

    bool addReaction(const QString &messageId, const QString &emoji, const QString &userId, qint64 at) override;
    bool removeReaction(const QString &messageId, const QString &emoji, const QString &userId) override;

    bool addPin(const QString &roomId, const QString &messageId, const QString &byUserId, qint64 at) override;
    bool removePin(const QString &roomId, const QString &messageId) override;
    std::vector<Message> pins(const QString &roomId) override;

    std::vector<SearchHit> search(const SearchQuery &q) override;

    void insertAudit(const AuditEntry &e) override;
    std::vector<AuditEntry> listAudit(const AuditQuery &q) override;

    void insertStandingChange(const StandingChange &c) override;
    std::vector<StandingChange> standingChangesAfter(qint64 afterId, int limit) override;
    qint64 lastStandingChangeId() override;
    void purgeStandingChangesBefore(qint64 cutoffMs) override;
    // PRAGMA data_version: moves only for commits of other connections, never for this one's.
    qint64 externalCommitMarker() override;

private:
    SqliteDatabase &db();
    std::optional<StoredUser> oneUser(const QString &sql, const QString &key);
    std::vector<RoomRecord> readRooms(Statement &s);
    std::vector<Message> readMessages(Statement &s);
    void loadReactions(std::vector<Message> &messages);
    std::vector<Message> messagePage(const QString &sql, const QString &roomId, qint64 seq, int limit,
                                     bool newestFirst, bool *hasMore);

    std::unique_ptr<SqliteDatabase> m_db;
    bool m_inTransaction = false;
    qint64 m_durableCommits = 0;
    bool m_inGroup = false;
    bool m_inGroupItem = false;
    int m_nested = 0; // begin() without commit()/rollback() inside a group item
};

} // namespace confab::server
