// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Storage through QtSql, shared by SqliteStorage (QSQLITE) and PostgresStorage (QPSQL): every
// query is in sqlite/, one class per section of the interface (users and tokens, rooms, members
// and bans, event log, messages, audit, standing changes, files, receipts), written in the SQL
// both databases accept; the few differences go through SqlDialect (sqldialect.h), and search's
// PostgreSQL form is in postgres/. Each statement is prepared once per connection and reused.
// SqlStorage owns the connection, runs the transactions (group commit included) and hands each
// section's calls to its class; the sections share the one connection, so they all take part in
// whatever transaction is open. Subclasses open and migrate the database and do its operations.
//
// Behaviour the interface leaves open: updates and deletes of rows that do not exist do nothing;
// only nextSeq() throws for a missing room. The rest is described with each section's class.

#include "storage.h"

#include "sqlite/sqliteassistantusage.h"
#include "sqlite/sqliteauditlog.h"
#include "sqlite/sqliteeventlog.h"
#include "sqlite/sqlitefilestore.h"
#include "sqlite/sqlitememberstore.h"
#include "sqlite/sqlitemessagestore.h"
#include "sqlite/sqlitepollstore.h"
#include "sqlite/sqlitereceiptstore.h"
#include "sqlite/sqliteroomstore.h"
#include "sqlite/sqlitestandingchangelog.h"
#include "sqlite/sqliteuserstore.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace confab::server {

class SqlDatabase;

class SqlStorage : public Storage {
public:
    static constexpr int kUnreadCountCap = SqliteMessageStore::kUnreadCountCap;

    ~SqlStorage() override;
    SqlStorage(const SqlStorage &) = delete;
    SqlStorage &operator=(const SqlStorage &) = delete;

    // Closes the connection, discarding uncommitted work. Subclasses that tidy up first override
    // it and call this one.
    void close() override;

    // SQLite: BEGIN IMMEDIATE, the write lock is taken up front, so a transaction never fails
    // half-way for want of it. rollback() does not throw (it runs on error paths) and is a no-op
    // outside a transaction.
    void begin() override;
    void commit() override;
    void rollback() override;
    qint64 durableCommits() const override { return m_durableCommits; }
    void beginGroup() override;
    void beginGroupItem() override;
    void endGroupItem(bool keep) override;
    void commitGroup() override;
    void rollbackGroup() override;

    // ---- users and tokens (SqliteUserStore)
    void insertUser(const StoredUser &u) override { m_users.insertUser(u); }
    std::optional<StoredUser> userById(const QString &userId) override { return m_users.userById(userId); }
    std::optional<StoredUser> userByUsername(const QString &usernameKey) override
    {
        return m_users.userByUsername(usernameKey);
    }
    std::vector<StoredUser> listUsers(int limit, int offset) override { return m_users.listUsers(limit, offset); }
    int userCount() override { return m_users.userCount(); }
    void updateUserProfile(const QString &userId, const QString &displayName, const QString &avatar) override
    {
        m_users.updateUserProfile(userId, displayName, avatar);
    }
    void updateUserRole(const QString &userId, ServerRole role) override { m_users.updateUserRole(userId, role); }
    void updateUserPassword(const QString &userId, const QByteArray &passwordHash) override
    {
        m_users.updateUserPassword(userId, passwordHash);
    }
    void updateUserDisabled(const QString &userId, bool disabled) override
    {
        m_users.updateUserDisabled(userId, disabled);
    }
    void updateUserPresence(const QString &userId, PresenceStatus status, const QString &customStatus,
                            qint64 lastSeen) override
    {
        m_users.updateUserPresence(userId, status, customStatus, lastSeen);
    }
    void deleteUser(const QString &userId) override { m_users.deleteUser(userId); }

    void insertToken(const QByteArray &tokenHash, const QString &userId, qint64 createdAt) override
    {
        m_users.insertToken(tokenHash, userId, createdAt);
    }
    std::optional<QString> userIdForToken(const QByteArray &tokenHash) override
    {
        return m_users.userIdForToken(tokenHash);
    }
    void deleteToken(const QByteArray &tokenHash) override { m_users.deleteToken(tokenHash); }
    void deleteTokensOfUser(const QString &userId) override { m_users.deleteTokensOfUser(userId); }
    bool isAvatar(const QString &avatarUrl) override { return m_users.isAvatar(avatarUrl); }
    void deleteOtherTokensOfUser(const QString &userId, const QByteArray &keepTokenHash) override
    {
        m_users.deleteOtherTokensOfUser(userId, keepTokenHash);
    }

    // ---- rooms (SqliteRoomStore)
    void insertRoom(const RoomRecord &r) override { m_rooms.insertRoom(r); }
    void updateRoom(const Room &room) override { m_rooms.updateRoom(room); }
    void deleteRoom(const QString &roomId) override { m_rooms.deleteRoom(roomId); }
    std::optional<RoomRecord> roomById(const QString &roomId) override { return m_rooms.roomById(roomId); }
    std::vector<RoomRecord> listRooms(const RoomQuery &q, int *total) override { return m_rooms.listRooms(q, total); }
    std::vector<RoomRecord> roomsOfUser(const QString &userId) override { return m_rooms.roomsOfUser(userId); }
    std::optional<QString> directRoomBetween(const QString &userA, const QString &userB) override
    {
        return m_rooms.directRoomBetween(userA, userB);
    }
    void touchRoom(const QString &roomId, qint64 lastActivity) override { m_rooms.touchRoom(roomId, lastActivity); }

    // ---- members and bans (SqliteMemberStore)
    void insertMember(const MemberRecord &m) override { m_members.insertMember(m); }
    void updateMember(const MemberRecord &m) override { m_members.updateMember(m); }
    void deleteMember(const QString &roomId, const QString &userId) override { m_members.deleteMember(roomId, userId); }
    std::optional<MemberRecord> member(const QString &roomId, const QString &userId) override
    {
        return m_members.member(roomId, userId);
    }
    std::vector<Member> listMembers(const QString &roomId, int limit, int offset, int *total) override
    {
        return m_members.listMembers(roomId, limit, offset, total);
    }
    int memberCount(const QString &roomId) override { return m_members.memberCount(roomId); }
    std::vector<std::pair<QString, QString>> allMemberships() override { return m_members.allMemberships(); }

    void upsertBan(const BanRecord &b) override { m_members.upsertBan(b); }
    void deleteBan(const QString &roomId, const QString &userId) override { m_members.deleteBan(roomId, userId); }
    std::optional<BanRecord> ban(const QString &roomId, const QString &userId) override
    {
        return m_members.ban(roomId, userId);
    }
    std::vector<BanRecord> listBans(const QString &roomId) override { return m_members.listBans(roomId); }

    // ---- the room event log (SqliteEventLog)
    qint64 nextSeq(const QString &roomId) override { return m_events.nextSeq(roomId); }
    void appendEvent(const EventRecord &e) override { m_events.appendEvent(e); }
    std::vector<EventRecord> eventsAfter(const QString &roomId, qint64 afterSeq, int limit) override
    {
        return m_events.eventsAfter(roomId, afterSeq, limit);
    }

    // ---- messages, reactions, pins, search (SqliteMessageStore)
    void insertMessage(const Message &m) override { m_messages.insertMessage(m); }
    void updateMessage(const Message &m) override { m_messages.updateMessage(m); }
    std::optional<Message> message(const QString &messageId) override { return m_messages.message(messageId); }
    std::vector<Message> messagesByIds(const std::vector<QString> &messageIds) override
    {
        return m_messages.messagesByIds(messageIds);
    }
    std::optional<Message> messageByClientMsgId(const QString &authorId, const QString &clientMsgId) override
    {
        return m_messages.messageByClientMsgId(authorId, clientMsgId);
    }
    std::vector<Message> messagesBefore(const QString &roomId, qint64 beforeSeq, int limit, bool *hasMore) override
    {
        return m_messages.messagesBefore(roomId, beforeSeq, limit, hasMore);
    }
    std::vector<Message> messagesAfter(const QString &roomId, qint64 afterSeq, int limit, bool *hasMore) override
    {
        return m_messages.messagesAfter(roomId, afterSeq, limit, hasMore);
    }
    std::optional<Message> lastMessage(const QString &roomId) override { return m_messages.lastMessage(roomId); }
    int countUnread(const QString &roomId, qint64 afterSeq, const QString &userId) override
    {
        return m_messages.countUnread(roomId, afterSeq, userId);
    }
    int countUnreadMentions(const QString &roomId, qint64 afterSeq, const QString &userId,
                            const QString &username) override
    {
        return m_messages.countUnreadMentions(roomId, afterSeq, userId, username);
    }
    std::vector<ExpiredMessage> expiredMessages(const QString &roomId, const RetentionRule &rule, int limit) override
    {
        return m_messages.expiredMessages(roomId, rule, limit);
    }
    int countExpiredMessages(const QString &roomId, const RetentionRule &rule) override
    {
        return m_messages.countExpiredMessages(roomId, rule);
    }
    void deleteMessages(const std::vector<QString> &messageIds) override { m_messages.deleteMessages(messageIds); }
    void updateAiAnswer(const QString &messageId, const QString &content, const AiAnswer &ai) override
    {
        m_messages.updateAiAnswer(messageId, content, ai);
    }
    std::vector<Message> streamingAiAnswers() override { return m_messages.streamingAiAnswers(); }
    int purgeMessagesBefore(const QString &roomId, qint64 cutoffMs) override
    {
        return m_messages.purgeMessagesBefore(roomId, cutoffMs);
    }

    bool addReaction(const QString &messageId, const QString &emoji, const QString &userId, qint64 at) override
    {
        return m_messages.addReaction(messageId, emoji, userId, at);
    }
    bool removeReaction(const QString &messageId, const QString &emoji, const QString &userId) override
    {
        return m_messages.removeReaction(messageId, emoji, userId);
    }

    bool addPin(const QString &roomId, const QString &messageId, const QString &byUserId, qint64 at) override
    {
        return m_messages.addPin(roomId, messageId, byUserId, at);
    }
    bool removePin(const QString &roomId, const QString &messageId) override
    {
        return m_messages.removePin(roomId, messageId);
    }
    std::vector<Message> pins(const QString &roomId) override { return m_messages.pins(roomId); }

    std::vector<SearchHit> search(const SearchQuery &q) override { return m_messages.search(q); }
    KeyedPage<Message> messagesByAuthor(const QString &authorId, qint64 afterKey, int limit) override
    {
        return m_messages.messagesByAuthor(authorId, afterKey, limit);
    }
    KeyedPage<ReactionRecord> reactionsByUser(const QString &userId, qint64 afterKey, int limit) override
    {
        return m_messages.reactionsByUser(userId, afterKey, limit);
    }

    // ---- polls (SqlitePollStore)
    void insertPoll(const QString &messageId, const Poll &poll) override { m_polls.insertPoll(messageId, poll); }
    bool setPollVotes(const QString &messageId, const QString &userId, const QStringList &optionIds, qint64 at) override
    {
        return m_polls.setPollVotes(messageId, userId, optionIds, at);
    }
    void closePoll(const QString &messageId, const QString &byUserId, qint64 at) override
    {
        m_polls.closePoll(messageId, byUserId, at);
    }
    std::map<QString, QStringList> pollVotesOf(const QString &userId, const std::vector<QString> &messageIds) override
    {
        return m_polls.pollVotesOf(userId, messageIds);
    }

    // ---- audit (SqliteAuditLog)
    void insertAudit(const AuditEntry &e) override { m_audit.insertAudit(e); }
    std::vector<AuditEntry> listAudit(const AuditQuery &q) override { return m_audit.listAudit(q); }
    bool countRepeatedAudit(const AuditEntry &e, qint64 sinceMs) override
    {
        return m_audit.countRepeatedAudit(e, sinceMs);
    }
    int recentAuditFromAddress(const QString &action, const QString &address, qint64 sinceMs) override
    {
        return m_audit.recentAuditFromAddress(action, address, sinceMs);
    }
    int purgeAuditBefore(qint64 cutoffMs, int limit) override { return m_audit.purgeAuditBefore(cutoffMs, limit); }

    // ---- standing changes (SqliteStandingChangeLog)
    void insertStandingChange(const StandingChange &c) override { m_standing.insertStandingChange(c); }
    std::vector<StandingChange> standingChangesAfter(qint64 afterId, int limit) override
    {
        return m_standing.standingChangesAfter(afterId, limit);
    }
    qint64 lastStandingChangeId() override { return m_standing.lastStandingChangeId(); }
    void purgeStandingChangesBefore(qint64 cutoffMs) override { m_standing.purgeStandingChangesBefore(cutoffMs); }

    // ---- the assistant's daily tokens (SqliteAssistantUsage)
    void addAssistantTokens(qint64 day, const QString &userId, const QString &roomId, qint64 tokens) override
    {
        m_assistantUsage.addAssistantTokens(day, userId, roomId, tokens);
    }
    std::vector<AssistantTokenUse> assistantTokensOn(qint64 day) override
    {
        return m_assistantUsage.assistantTokensOn(day);
    }

    // ---- read receipts (SqliteReceiptStore)
    bool sendsReadReceipts(const QString &userId) override { return m_receipts.sendsReadReceipts(userId); }
    void setSendsReadReceipts(const QString &userId, bool on) override { m_receipts.setSendsReadReceipts(userId, on); }
    std::vector<RoomReceipt> roomReceipts(const QString &roomId) override { return m_receipts.roomReceipts(roomId); }
    QSet<QString> membersHidingReceipts(const QString &roomId) override
    {
        return m_receipts.membersHidingReceipts(roomId);
    }

    // ---- files, attachments, uploads (SqliteFileStore)
    void insertFile(const FileRecord &f) override { m_files.insertFile(f); }
    std::optional<FileRecord> fileById(const QString &fileId) override { return m_files.fileById(fileId); }
    qint64 bytesUploadedBy(const QString &userId) override { return m_files.bytesUploadedBy(userId); }
    void attachFiles(const QString &messageId, const QString &roomId, const std::vector<QString> &fileIds) override
    {
        m_files.attachFiles(messageId, roomId, fileIds);
    }
    void detachFiles(const QString &messageId) override { m_files.detachFiles(messageId); }
    KeyedPage<FileRecord> filesByUploader(const QString &uploaderId, qint64 afterKey, int limit) override
    {
        return m_files.filesByUploader(uploaderId, afterKey, limit);
    }
    bool fileSharedWith(const QString &fileId, const QString &userId) override
    {
        return m_files.fileSharedWith(fileId, userId);
    }
    std::vector<FileRecord> unattachedFiles(qint64 createdBefore, int limit) override
    {
        return m_files.unattachedFiles(createdBefore, limit);
    }
    void deleteFile(const QString &fileId) override { m_files.deleteFile(fileId); }
    int filesWithHash(const QString &sha256) override { return m_files.filesWithHash(sha256); }
    bool isHashQuarantined(const QString &sha256) override { return m_files.isHashQuarantined(sha256); }
    int quarantineHash(const QString &sha256, const QString &reason, qint64 at) override
    {
        return m_files.quarantineHash(sha256, reason, at);
    }
    void insertUpload(const UploadRecord &u) override { m_files.insertUpload(u); }
    std::optional<UploadRecord> upload(const QString &uploadId) override { return m_files.upload(uploadId); }
    void deleteUpload(const QString &uploadId) override { m_files.deleteUpload(uploadId); }
    void setUploadFile(const QString &uploadId, const QString &fileId) override
    {
        m_files.setUploadFile(uploadId, fileId);
    }
    std::vector<UploadRecord> expiredUploads(qint64 now, int limit) override
    {
        return m_files.expiredUploads(now, limit);
    }

protected:
    // Nothing is opened until the subclass's open(), which must run on the thread that uses the
    // storage (QtSql connections belong to a thread); close() belongs on that thread too.
    explicit SqlStorage(std::unique_ptr<SqlDatabase> db);
    SqlDatabase &db();
    bool inTransactionOrGroup() const { return m_inTransaction || m_inGroup; }

private:
    std::unique_ptr<SqlDatabase> m_db;
    bool m_inTransaction = false;
    qint64 m_durableCommits = 0;
    bool m_inGroup = false;
    bool m_inGroupItem = false;
    int m_nested = 0; // begin() without commit()/rollback() inside a group item

    // The sections, all on *m_db (declared after it, so built after it and destroyed before it).
    SqliteUserStore m_users;
    SqliteRoomStore m_rooms;
    SqliteMemberStore m_members;
    SqliteEventLog m_events;
    SqliteMessageStore m_messages;
    SqlitePollStore m_polls;
    SqliteAuditLog m_audit;
    SqliteStandingChangeLog m_standing;
    SqliteFileStore m_files;
    SqliteReceiptStore m_receipts;
    SqliteAssistantUsage m_assistantUsage;
};

} // namespace confab::server
