// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The server's storage interface. One implementation per database (SQLite now, PostgreSQL later);
// dialect details stay inside the implementation. Every method is synchronous and is called only
// from the storage thread. Failures throw StorageError; the service turns them into INTERNAL.
//
// Reads return core types (Message, Room, Member, ...) filled as far as the database knows them:
// author names and reactions are joined in; caller-specific fields (Room::isJoined, unreadCount,
// myRole) are left for the service.

#include "core/responses.h"
#include "core/types.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

namespace confab::server {

class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct StoredUser {
    User user;               // status/customStatus/lastSeen are the last persisted presence
    QString usernameKey;     // lower-cased username, unique
    QByteArray passwordHash; // libsodium crypto_pwhash_str output
    bool disabled = false;
    qint64 createdAt = 0;
};

struct RoomRecord {
    Room room; // memberCount and lastActivity filled on read; lastMessage left empty
    qint64 lastSeq = 0;
};

struct MemberRecord {
    QString roomId;
    QString userId;
    Role role = Role::Member;
    qint64 joinedAt = 0;
    qint64 mutedUntil = 0; // with isMuted: 0 = until lifted
    bool isMuted = false;
    qint64 lastReadSeq = 0;
    QString lastReadMessageId;
    qint64 lastPostAt = 0;           // for slow mode
    NotificationPrefs notifications; // the member's own choice (migration 9)
};

// A room ban is stored exactly as the API answers it.
using BanRecord = confab::Ban;

// One entry in a room's event log; `seq` is gap-free per room. Message events name the message
// (replayed in its current state); other events carry their frame JSON in `payload`.
struct EventRecord {
    QString roomId;
    qint64 seq = 0;
    QString type;       // frame type: "new_message", "message_updated", "user_joined", ...
    QString messageId;  // for message events
    QByteArray payload; // JSON of the frame for non-message events
    qint64 createdAt = 0;
};

struct RoomQuery {
    QString visibleTo;       // user id: public rooms plus rooms this user is a member of
    bool joinedOnly = false; // only rooms `visibleTo` is a member of
    bool everyRoom = false;  // private ones too (server admins); joinedOnly still applies
    std::optional<RoomType> type;
    QString text; // substring of name or description, case-insensitive
    int limit = 20;
    int offset = 0;
};

struct SearchQuery {
    QString text;             // words; the implementation escapes any query syntax; empty: filters only
    QString memberUserId;     // only rooms this user is a member of
    QString roomId;           // optional filter
    QString authorId;         // optional filter
    qint64 beforeMs = 0;      // optional: created before this time
    qint64 afterMs = 0;       // optional: created at or after this time
    bool hasFile = false;     // only messages with attachments
    bool byRelevance = false; // best match first (bm25); otherwise newest first
    int limit = 20;
};

using confab::SearchHit;

// What retention deletes in one room: messages created before cutoffMs, except (when asked) pinned
// ones and the room's newest message.
struct RetentionRule {
    qint64 cutoffMs = 0;
    bool keepPinned = true;
    bool keepLast = true;
};

struct ExpiredMessage {
    QString messageId;
    qint64 seq = 0;
};

// One reaction a user gave (the data export).
struct ReactionRecord {
    QString messageId;
    QString roomId;
    QString emoji;
    qint64 createdAt = 0;
};

// A page of the data export: the rows after `afterKey` (0: from the start) in storage order, and
// the key to continue from (`nextKey`; the page is the last when it has fewer rows than asked).
template<typename T> struct KeyedPage {
    std::vector<T> rows;
    qint64 nextKey = 0;
};

struct AuditQuery {
    std::optional<std::vector<QString>> roomIds; // nullopt: every room (server admins)
    QString actorId;
    QString targetUserId;
    QString action;
    qint64 beforeMs = 0;   // 0: newest first from now
    QString beforeAuditId; // cursor: entries older than this one (same-millisecond entries included)
    int limit = 50;
};

// A change of a user's standing that their open connections must act on: signed out, password
// reset, disabled, banned, erased (each also removed the tokens concerned), or a re-check (server
// role changed, account enabled). Written in the same transaction as the change itself, so that
// a running server learns of changes another process (the command line) made.
// PasswordChanged: the user changed it themselves; tokenHash names the one session that stays.
enum class StandingChangeKind {
    SignedOut,
    PasswordReset,
    Disabled,
    Banned,
    Erased,
    RoleChanged,
    Enabled,
    PasswordChanged
};

struct StandingChange {
    qint64 id = 0; // increasing in commit order; set by insertStandingChange()
    QString userId;
    QByteArray tokenHash; // only the connections of this token (PasswordChanged: all but it); empty: all
    StandingChangeKind kind = StandingChangeKind::SignedOut;
    qint64 createdAt = 0;
};

// A stored file: its metadata; the bytes live once per sha256 in the data directory's blob store.
struct FileRecord {
    QString fileId;
    QString uploaderId;
    QString fileName;
    qint64 size = 0;
    QString declaredMime; // what the uploader's Content-Type said
    QString detectedMime; // what the bytes are (served and checked against room rules)
    QString sha256;       // lower-case hex
    int width = 0;        // images only; 0 when unknown
    int height = 0;
    QString thumbnailPath; // relative to the blob store; empty when there is none
    qint64 createdAt = 0;
    bool quarantined = false;
};

// A resumable upload in progress; its bytes so far are in the blob store's uploads folder.
struct UploadRecord {
    QString uploadId;
    QString uploaderId;
    QString fileName;
    QString declaredMime;
    qint64 size = 0; // the total the uploader announced
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    QString fileId; // set once complete: the file it became (asking to complete again answers it)
};

// The interface comes in sections, one per group of tables; `Storage` is all of them plus the
// connection's life and its transactions. An implementation may build each section on its own.

// Users and their login tokens.
class UserStore {
public:
    virtual ~UserStore() = default;

    virtual void insertUser(const StoredUser &u) = 0;
    virtual std::optional<StoredUser> userById(const QString &userId) = 0;
    virtual std::optional<StoredUser> userByUsername(const QString &usernameKey) = 0;
    virtual std::vector<StoredUser> listUsers(int limit, int offset) = 0;
    virtual int userCount() = 0;
    virtual void updateUserProfile(const QString &userId, const QString &displayName, const QString &avatar) = 0;
    virtual void updateUserRole(const QString &userId, ServerRole role) = 0;
    virtual void updateUserPassword(const QString &userId, const QByteArray &passwordHash) = 0;
    virtual void updateUserDisabled(const QString &userId, bool disabled) = 0;
    virtual void updateUserPresence(const QString &userId, PresenceStatus status, const QString &customStatus,
                                    qint64 lastSeen) = 0;
    // Erases the account: profile anonymised, memberships, tokens, reactions removed; the user's
    // messages are marked deleted with their content erased.
    virtual void deleteUser(const QString &userId) = 0;

    virtual void insertToken(const QByteArray &tokenHash, const QString &userId, qint64 createdAt) = 0;
    virtual std::optional<QString> userIdForToken(const QByteArray &tokenHash) = 0;
    virtual void deleteToken(const QByteArray &tokenHash) = 0;
    virtual void deleteTokensOfUser(const QString &userId) = 0;
    // Whether some user has this avatar URL (an uploaded avatar is readable by anyone signed in).
    virtual bool isAvatar(const QString &avatarUrl) = 0;
    // Every token of the user but `keepTokenHash` (a password change keeps the session that made it).
    virtual void deleteOtherTokensOfUser(const QString &userId, const QByteArray &keepTokenHash) = 0;
};

// Rooms.
class RoomStore {
public:
    virtual ~RoomStore() = default;

    virtual void insertRoom(const RoomRecord &r) = 0;
    virtual void updateRoom(const Room &room) = 0; // name, description, avatar, type, maxMembers, settings, updatedAt
    virtual void deleteRoom(const QString &roomId) = 0; // and everything in it
    virtual std::optional<RoomRecord> roomById(const QString &roomId) = 0;
    virtual std::vector<RoomRecord> listRooms(const RoomQuery &q, int *total) = 0;
    virtual std::vector<RoomRecord> roomsOfUser(const QString &userId) = 0;
    virtual std::optional<QString> directRoomBetween(const QString &userA, const QString &userB) = 0;
    virtual void touchRoom(const QString &roomId, qint64 lastActivity) = 0;
};

// Room members and bans.
class MemberStore {
public:
    virtual ~MemberStore() = default;

    virtual void insertMember(const MemberRecord &m) = 0;
    virtual void updateMember(const MemberRecord &m) = 0; // role, mute, read marker, lastPostAt
    virtual void deleteMember(const QString &roomId, const QString &userId) = 0;
    virtual std::optional<MemberRecord> member(const QString &roomId, const QString &userId) = 0;
    // Members with their user's display name and avatar filled into Member.
    virtual std::vector<Member> listMembers(const QString &roomId, int limit, int offset, int *total) = 0;
    virtual int memberCount(const QString &roomId) = 0;
    // Every (roomId, userId) membership, to build the in-memory index at start.
    virtual std::vector<std::pair<QString, QString>> allMemberships() = 0;

    virtual void upsertBan(const BanRecord &b) = 0;
    virtual void deleteBan(const QString &roomId, const QString &userId) = 0;
    virtual std::optional<BanRecord> ban(const QString &roomId, const QString &userId) = 0;
    virtual std::vector<BanRecord> listBans(const QString &roomId) = 0;
};

// The room event log.
class EventLog {
public:
    virtual ~EventLog() = default;

    // Increments the room's last seq and returns the new value. Call inside a transaction.
    virtual qint64 nextSeq(const QString &roomId) = 0;
    virtual void appendEvent(const EventRecord &e) = 0;
    // Events with seq > afterSeq, oldest first, at most `limit`.
    virtual std::vector<EventRecord> eventsAfter(const QString &roomId, qint64 afterSeq, int limit) = 0;
};

// Messages with their reactions and pins, and search over them.
class MessageStore {
public:
    virtual ~MessageStore() = default;

    virtual void insertMessage(const Message &m) = 0; // reactions ignored; author fields joined on read
    // content, isEdited, editedAt, isDeleted (deleting erases content and attachments)
    virtual void updateMessage(const Message &m) = 0;
    virtual std::optional<Message> message(const QString &messageId) = 0;
    // Those of these messages that exist, in no particular order (one query, for replays).
    virtual std::vector<Message> messagesByIds(const std::vector<QString> &messageIds) = 0;
    virtual std::optional<Message> messageByClientMsgId(const QString &authorId, const QString &clientMsgId) = 0;
    // Pages, oldest first. `before`: the `limit` messages with seq < beforeSeq; `after`: the
    // `limit` messages with seq > afterSeq; latest: the newest `limit`. *hasMore says whether
    // more exist past the page in the direction of travel.
    virtual std::vector<Message> messagesBefore(const QString &roomId, qint64 beforeSeq, int limit, bool *hasMore) = 0;
    virtual std::vector<Message> messagesAfter(const QString &roomId, qint64 afterSeq, int limit, bool *hasMore) = 0;
    virtual std::optional<Message> lastMessage(const QString &roomId) = 0;
    // Messages after seq that someone other than userId wrote and that are not deleted.
    virtual int countUnread(const QString &roomId, qint64 afterSeq, const QString &userId) = 0;
    // Of those, the ones that mention `@username` (case-insensitive).
    virtual int countUnreadMentions(const QString &roomId, qint64 afterSeq, const QString &userId,
                                    const QString &username) = 0;
    // Removes messages older than cutoff in that room (retention); returns how many.
    virtual int purgeMessagesBefore(const QString &roomId, qint64 cutoffMs) = 0;
    // Retention: the room's messages the rule deletes, oldest first, at most `limit`; and how many there are.
    virtual std::vector<ExpiredMessage> expiredMessages(const QString &roomId, const RetentionRule &rule,
                                                        int limit) = 0;
    virtual int countExpiredMessages(const QString &roomId, const RetentionRule &rule) = 0;
    // Deletes these messages with their reactions and pins (their attachments' references go with the rows).
    virtual void deleteMessages(const std::vector<QString> &messageIds) = 0;

    // The assistant (issue 16): an answer's text and state while it streams and when it ends.
    virtual void updateAiAnswer(const QString &messageId, const QString &content, const AiAnswer &ai) = 0;
    // Answers still in state streaming (left so by a server that stopped mid-answer).
    virtual std::vector<Message> streamingAiAnswers() = 0;

    // Returns false when that user already had that reaction (add) or did not have it (remove).
    virtual bool addReaction(const QString &messageId, const QString &emoji, const QString &userId, qint64 at) = 0;
    virtual bool removeReaction(const QString &messageId, const QString &emoji, const QString &userId) = 0;

    virtual bool addPin(const QString &roomId, const QString &messageId, const QString &byUserId, qint64 at) = 0;
    virtual bool removePin(const QString &roomId, const QString &messageId) = 0;
    virtual std::vector<Message> pins(const QString &roomId) = 0; // newest pin first

    virtual std::vector<SearchHit> search(const SearchQuery &q) = 0;

    // For the data export: what one user wrote (anonymous posts included, reactions loaded) and
    // the reactions they gave, a page at a time.
    virtual KeyedPage<Message> messagesByAuthor(const QString &authorId, qint64 afterKey, int limit) = 0;
    virtual KeyedPage<ReactionRecord> reactionsByUser(const QString &userId, qint64 afterKey, int limit) = 0;
};

// Polls (issue 15): a poll message's definition and its votes. Messages are read with their poll
// (counts; voters only when the poll is not anonymous) by MessageStore.
class PollStore {
public:
    virtual ~PollStore() = default;

    // With the message, inside its transaction; votes and counts are ignored.
    virtual void insertPoll(const QString &messageId, const Poll &poll) = 0;
    // Replaces the user's choice (an empty list retracts it); false when it was already so.
    virtual bool setPollVotes(const QString &messageId, const QString &userId, const QStringList &optionIds,
                              qint64 at) = 0;
    virtual void closePoll(const QString &messageId, const QString &byUserId, qint64 at) = 0;
    // messageId -> the user's options, for those of these polls the user voted in.
    virtual std::map<QString, QStringList> pollVotesOf(const QString &userId,
                                                       const std::vector<QString> &messageIds) = 0;
};

// The audit log.
class AuditLog {
public:
    virtual ~AuditLog() = default;

    virtual void insertAudit(const AuditEntry &e) = 0;
    virtual std::vector<AuditEntry> listAudit(const AuditQuery &q) = 0;
    // Folds a repeat into the newest entry with the same action, address, target and reason made
    // at or after sinceMs (its count goes up by one); false when there is none.
    virtual bool countRepeatedAudit(const AuditEntry &e, qint64 sinceMs) = 0;
    // Entries with this action from this address made at or after sinceMs.
    virtual int recentAuditFromAddress(const QString &action, const QString &address, qint64 sinceMs) = 0;
    // Deletes up to `limit` of the oldest entries made before cutoffMs (retention); returns how many.
    virtual int purgeAuditBefore(qint64 cutoffMs, int limit) = 0;
};

// Standing changes (see StandingChange).
class StandingChangeLog {
public:
    virtual ~StandingChangeLog() = default;

    virtual void insertStandingChange(const StandingChange &c) = 0;
    // Oldest first, at most `limit`.
    virtual std::vector<StandingChange> standingChangesAfter(qint64 afterId, int limit) = 0;
    virtual qint64 lastStandingChangeId() = 0;
    virtual void purgeStandingChangesBefore(qint64 cutoffMs) = 0;
};

// Files, their use as message attachments, resumable uploads and quarantined hashes.
class FileStore {
public:
    virtual ~FileStore() = default;

    virtual void insertFile(const FileRecord &f) = 0;
    virtual std::optional<FileRecord> fileById(const QString &fileId) = 0;
    // Bytes of the files this user uploaded (their quota use), quarantined ones included.
    virtual qint64 bytesUploadedBy(const QString &userId) = 0;
    // Records the message's attachments, in order. Inside the message's transaction.
    virtual void attachFiles(const QString &messageId, const QString &roomId, const std::vector<QString> &fileIds) = 0;
    virtual void detachFiles(const QString &messageId) = 0;
    // Whether a message that is not deleted carries this file in a room this user is a member of.
    virtual bool fileSharedWith(const QString &fileId, const QString &userId) = 0;
    // Files no message that is not deleted carries and that are nobody's avatar, created before
    // the cutoff (upload grace), at most `limit`.
    virtual std::vector<FileRecord> unattachedFiles(qint64 createdBefore, int limit) = 0;
    // The files `uploaderId` uploaded, a page at a time (the data export).
    virtual KeyedPage<FileRecord> filesByUploader(const QString &uploaderId, qint64 afterKey, int limit) = 0;
    virtual void deleteFile(const QString &fileId) = 0;
    // How many file rows keep these bytes (a blob is removed when none does).
    virtual int filesWithHash(const QString &sha256) = 0;
    virtual bool isHashQuarantined(const QString &sha256) = 0;
    // Marks the hash quarantined (future uploads refused) and its files; returns the files marked.
    virtual int quarantineHash(const QString &sha256, const QString &reason, qint64 at) = 0;

    virtual void insertUpload(const UploadRecord &u) = 0;
    virtual std::optional<UploadRecord> upload(const QString &uploadId) = 0;
    virtual void deleteUpload(const QString &uploadId) = 0;
    virtual void setUploadFile(const QString &uploadId, const QString &fileId) = 0;
    virtual std::vector<UploadRecord> expiredUploads(qint64 now, int limit) = 0;
};

// Read receipts: who shares them (a user setting), and where each member has read up to.
class ReceiptStore {
public:
    virtual ~ReceiptStore() = default;

    virtual bool sendsReadReceipts(const QString &userId) = 0;
    virtual void setSendsReadReceipts(const QString &userId, bool on) = 0;
    // Members of the room who share receipts and have read something, one entry each.
    virtual std::vector<RoomReceipt> roomReceipts(const QString &roomId) = 0;
    // Members of the room who turned receipts off (usually none, so this set stays small).
    virtual QSet<QString> membersHidingReceipts(const QString &roomId) = 0;
};

// The assistant's token use per UTC day (issue 16): the daily quotas survive a restart.
struct AssistantTokenUse {
    bool room = false; // a room's count, else a user's
    QString id;        // the user or room id
    qint64 tokens = 0;
};
class AssistantUsageStore {
public:
    virtual ~AssistantUsageStore() = default;

    // Adds tokens to that day's count of the user and, when roomId is not empty, of the room.
    // Not pure: a backend without it keeps the quotas for one run only.
    virtual void addAssistantTokens(qint64 day, const QString &userId, const QString &roomId, qint64 tokens)
    {
        Q_UNUSED(day);
        Q_UNUSED(userId);
        Q_UNUSED(roomId);
        Q_UNUSED(tokens);
    }
    // Every count of that day; older days are dropped.
    virtual std::vector<AssistantTokenUse> assistantTokensOn(qint64 day)
    {
        Q_UNUSED(day);
        return {};
    }
};

// Every section over one database connection, plus the connection's life and its transactions:
// what the services are given.
class Storage : public UserStore,
                public RoomStore,
                public MemberStore,
                public EventLog,
                public MessageStore,
                public PollStore,
                public AuditLog,
                public StandingChangeLog,
                public FileStore,
                public ReceiptStore,
                public AssistantUsageStore {
public:
    ~Storage() override = default;

    // Opens (creating if needed) and migrates the database. Throws StorageError.
    virtual void open() = 0;
    virtual void close() = 0;
    virtual int schemaVersion() = 0;
    // Operations (admin backup/restore, /readyz). backupTo writes a consistent copy of the whole
    // database to a new file while others keep writing; restoreFrom replaces the database with
    // such a copy (only with no server running on it); probeWrite commits a tiny real write, so
    // a full or read-only disk shows. All throw StorageError.
    virtual void backupTo(const QString &file) = 0;
    virtual void restoreFrom(const QString &file) = 0;
    virtual void probeWrite() = 0;

    // Transactions do not nest. commit() makes everything durable before returning.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // Top-level transactions (and groups) committed so far: a write reached the disk.
    virtual qint64 durableCommits() const = 0;

    // Group commit: many operations, one durable transaction. Between beginGroup() and
    // commitGroup() (or rollbackGroup()) each operation is bracketed by beginGroupItem() and
    // endGroupItem(keep): a savepoint, released or rolled back (with anything the item left
    // open), so one failing operation does not undo the others. Inside an item, begin()/commit()/
    // rollback() nest as savepoints and commit() is no longer durable by itself: commitGroup() is.
    virtual void beginGroup() = 0;
    virtual void beginGroupItem() = 0;
    virtual void endGroupItem(bool keep) = 0;
    virtual void commitGroup() = 0;
    virtual void rollbackGroup() = 0; // does not throw

    // A number that moves whenever another connection (or process) has committed to the database
    // since the last call: pollers skip their queries while it stands still. A database that
    // cannot tell returns a new number each time.
    virtual qint64 externalCommitMarker() = 0;
};

} // namespace confab::server
