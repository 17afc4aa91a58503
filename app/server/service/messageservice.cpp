// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageservice.h"

#include "anonymousaudit.h"
#include "fileservice.h"
#include "pollservice.h"
#include "receiptservice.h"
#include "systemmessages.h"
#include "wordfilter.h"

#include "assistant/assistanttrigger.h"

#include "core/permissions.h"
#include "core/searchsyntax.h"
#include "core/timeutil.h"
#include "core/validation.h"

#include <QHash>

namespace confab::server {

namespace {
ApiError messageNotFound(const QString &id)
{
    return apiError(ErrorCode::MessageNotFound, QStringLiteral("message %1 does not exist").arg(id),
                    QStringLiteral("messageId"));
}

bool isMuted(const MemberRecord &m, qint64 now) { return m.isMuted && (m.mutedUntil == 0 || m.mutedUntil > now); }

ApiError serverLine(const char *what)
{
    return apiError(ErrorCode::Forbidden, QStringLiteral("system messages cannot be %1").arg(QLatin1String(what)));
}
} // namespace

Result<Message> MessageService::messageInRoom(const QString &roomId, const QString &messageId)
{
    auto m = m_ctx.storage.message(messageId);
    if (!m || m->roomId != roomId)
        return messageNotFound(messageId);
    return std::move(*m);
}

Result<QString> MessageService::filterWords(const QString &content, const RoomSettings &room) const
{
    QString text = content;
    const std::pair<const QStringList &, WordFilterAction> lists[] = {
        {m_ctx.settings.serverWordFilter, m_ctx.settings.serverWordFilterAction},
        {room.wordFilter, room.wordFilterAction}};
    for (const auto &[words, action] : lists) {
        if (words.isEmpty())
            continue;
        const WordFilter filter(words);
        if (!filter.matches(text))
            continue;
        if (action == WordFilterAction::Reject)
            return apiError(ErrorCode::ValidationFailed, QStringLiteral("contains a word this room does not allow"),
                            QStringLiteral("content"));
        text = filter.masked(text);
    }
    return text;
}

Result<SendResult> MessageService::send(const Caller &caller, const SendRequest &req, Effects &fx)
{
    auto access = m_guard.joined(caller, req.roomId);
    if (!access)
        return *access.error;
    RoomAccess &a = access.value;

    // A repeat of a send we already stored answers with the first message: at-least-once
    // delivery from the client becomes exactly-once storage.
    if (!req.clientMsgId.isEmpty()) {
        if (auto bad = validateId(req.clientMsgId, QStringLiteral("clientMsgId")))
            return *bad;
        if (auto first = m_ctx.storage.messageByClientMsgId(caller.userId, req.clientMsgId))
            return SendResult{presentMessage(std::move(*first)), true};
    }
    if (auto denied = m_guard.require(a, Action::SendMessage))
        return *denied;
    if (a.record.room.type == RoomType::Announcement) {
        if (auto denied = m_guard.require(a, Action::PostInAnnouncement))
            return apiError(ErrorCode::Forbidden, QStringLiteral("only moderators may post in an announcement room"));
    }
    const qint64 now = m_ctx.now();
    if (a.membership && isMuted(*a.membership, now)) {
        const QString until =
            a.membership->mutedUntil ? formatTimestamp(a.membership->mutedUntil) : QStringLiteral("it is lifted");
        return apiError(ErrorCode::Forbidden, QStringLiteral("you are muted in this room until %1").arg(until));
    }
    if (req.type == MessageType::System || req.type == MessageType::AiResponse)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("clients may not send %1 messages").arg(toString(req.type)),
                        QStringLiteral("type"));
    auto poll = PollService(m_ctx).pollForNewMessage(req.type, req.poll, !req.attachments.empty());
    if (!poll)
        return *poll.error;
    // A poll's text is its question unless the sender wrote one (search and older clients see it).
    const QString content = poll.value && req.content.trimmed().isEmpty() ? poll.value->question : req.content;
    if (req.attachments.empty() || !content.trimmed().isEmpty()) {
        if (auto bad = validateContent(content, m_ctx.settings.contentMaxChars))
            return *bad;
    }
    std::vector<Attachment> attachments;
    if (!req.attachments.empty()) {
        auto resolved = FileService(m_ctx).attachmentsFor(caller, a.record.room.settings, req.attachments);
        if (!resolved)
            return *resolved.error;
        attachments = std::move(resolved.value);
    }
    auto filtered = filterWords(content, a.record.room.settings);
    if (!filtered)
        return *filtered.error;
    if (req.isAnonymous && !a.record.room.settings.allowAnonymous)
        return apiError(ErrorCode::Forbidden, QStringLiteral("this room does not allow anonymous posts"),
                        QStringLiteral("isAnonymous"));
    if (!req.replyTo.isEmpty()) {
        auto parent = messageInRoom(req.roomId, req.replyTo);
        if (!parent)
            return apiError(ErrorCode::ValidationFailed, QStringLiteral("replyTo names no message in this room"),
                            QStringLiteral("replyTo"));
    }
    const int slow = a.record.room.settings.slowModeSeconds;
    const bool exemptFromSlowMode = caller.serverAdmin || (a.membership && a.membership->role >= Role::Moderator);
    if (slow > 0 && !exemptFromSlowMode && a.membership && a.membership->lastPostAt > 0) {
        const qint64 wait = a.membership->lastPostAt + qint64(slow) * 1000 - now;
        if (wait > 0) {
            ApiError e =
                apiError(ErrorCode::RateLimited,
                         QStringLiteral("slow mode: wait %1 s before your next message").arg((wait + 999) / 1000));
            e.retryAfterSeconds = int((wait + 999) / 1000);
            return e;
        }
    }

    Message m;
    m.messageId = m_ctx.ids.newId(u"m");
    m.roomId = req.roomId;
    m.authorId = caller.userId;
    // The author as history shows them (a WebSocket's caller was read when it signed in): the
    // frames and the answer need no read-back of the stored message.
    if (const auto author = m_ctx.storage.userById(caller.userId)) {
        m.authorName = author->user.displayName;
        m.authorAvatar = author->user.avatar;
    } else {
        m.authorName = caller.displayName;
    }
    m.content = filtered.value;
    // A message with files is of the first file's kind, whatever the sender said.
    m.type = attachments.empty() ? req.type : FileService::messageTypeFor(attachments.front().mimeType);
    m.attachments = attachments;
    m.timestamp = now;
    m.replyTo = req.replyTo;
    m.isAnonymous = req.isAnonymous;
    if (m.isAnonymous)
        m.anonymousName = QStringLiteral("Anonymous");
    m.clientMsgId = req.clientMsgId;
    m.poll = poll.value;

    try {
        inTransaction(m_ctx.storage, [&] {
            const QByteArray bytes = m_guard.logEvent(
                m.roomId,
                [&](qint64 seq) {
                    m.seq = seq;
                    m_ctx.storage.insertMessage(m);
                    if (m.poll)
                        m_ctx.storage.insertPoll(m.messageId, *m.poll);
                    if (!m.attachments.empty()) {
                        std::vector<QString> fileIds;
                        for (const Attachment &att : m.attachments)
                            fileIds.push_back(att.fileId);
                        m_ctx.storage.attachFiles(m.messageId, m.roomId, fileIds);
                    }
                    return NewMessageFrame{seq, presentMessage(m)};
                },
                m.messageId);
            m_ctx.storage.touchRoom(m.roomId, now);
            const qint64 readBefore = a.membership ? a.membership->lastReadSeq : -1;
            if (a.membership) {
                MemberRecord me = *a.membership;
                me.lastPostAt = now;
                me.lastReadSeq = m.seq; // your own message is read
                me.lastReadMessageId = m.messageId;
                m_ctx.storage.updateMember(me);
            }
            fx.deliver(bytes, m_ctx.members.membersOf(m.roomId), m.roomId);
            if (m.type == MessageType::Text && parseAssistantRequest(m.content))
                fx.aiQuestions.push_back(
                    {m.roomId, m.messageId, caller.userId, a.record.room.settings.enableAI, readBefore});
        });
    } catch (const StorageError &) {
        // Another server on the same database stored this clientMsgId in the meantime: the unique
        // (author, clientMsgId) index refused our copy (and its seq went with the rollback).
        if (!m.clientMsgId.isEmpty()) {
            if (auto first = m_ctx.storage.messageByClientMsgId(caller.userId, m.clientMsgId))
                return SendResult{presentMessage(std::move(*first)), true};
        }
        throw;
    }
    if (m_ctx.counters)
        ++m_ctx.counters->messagesStored;
    return SendResult{presentMessage(std::move(m)), false};
}

Result<Message> MessageService::edit(const Caller &caller, const QString &roomId, const QString &messageId,
                                     const QString &content, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto found = messageInRoom(roomId, messageId);
    if (!found)
        return *found.error;
    Message m = std::move(found.value);
    if (m.type == MessageType::System)
        return serverLine("edited");
    if (m.authorId != caller.userId)
        return apiError(ErrorCode::Forbidden, QStringLiteral("only the author may edit a message"));
    if (auto denied = m_guard.require(access.value, Action::EditOwnMessage))
        return *denied;
    if (m.isDeleted)
        return apiError(ErrorCode::Conflict, QStringLiteral("a deleted message cannot be edited"));
    if (auto bad = validateContent(content, m_ctx.settings.contentMaxChars))
        return *bad;
    auto filtered = filterWords(content, access.value.record.room.settings);
    if (!filtered)
        return *filtered.error;
    m.content = filtered.value;
    m.isEdited = true;
    m.editedAt = m_ctx.now();
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.updateMessage(m);
        const QByteArray bytes = m_guard.logEvent(
            roomId,
            [&](qint64 seq) {
                return MessageUpdatedFrame{seq, presentMessage(m)};
            },
            messageId);
        fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
    });
    return presentMessage(std::move(m));
}

Result<Message> MessageService::remove(const Caller &caller, const QString &roomId, const QString &messageId,
                                       Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto found = messageInRoom(roomId, messageId);
    if (!found)
        return *found.error;
    Message m = std::move(found.value);
    if (m.type == MessageType::System)
        return serverLine("deleted");
    // An assistant's answer is its asker's to delete, as their own message.
    const bool own = m.authorId == caller.userId || (m.ai && m.ai->askedBy == caller.userId);
    if (auto denied = m_guard.require(access.value, own ? Action::DeleteOwnMessage : Action::DeleteAnyMessage))
        return *denied;
    if (m.isDeleted)
        return presentMessage(std::move(m)); // deleting twice changes nothing
    if (m.ai && !m.ai->isFinal())
        fx.deletedAnswers.push_back(messageId); // the assistant stops writing it
    m.isDeleted = true;
    m.content.clear();
    m.attachments.clear();
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.updateMessage(m);
        m_ctx.storage.detachFiles(messageId); // the sweep removes files nothing carries any more
        if (!own)
            audit(m_ctx, caller, actionName(Action::DeleteAnyMessage), roomId, m.authorId, messageId,
                  m.isAnonymous ? anonymousaudit::reason() : QString());
        // A deleted message does not stay pinned as an empty placeholder.
        if (m_ctx.storage.removePin(roomId, messageId)) {
            const QByteArray unpinned = m_guard.logEvent(roomId, [&](qint64 seq) {
                return PinUpdatedFrame{seq, roomId, messageId, false, caller.userId};
            });
            fx.deliver(unpinned, m_ctx.members.membersOf(roomId), roomId);
        }
        const QByteArray bytes = m_guard.logEvent(
            roomId,
            [&](qint64 seq) {
                return MessageDeletedFrame{seq, roomId, messageId};
            },
            messageId);
        fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
    });
    return presentMessage(std::move(m));
}

Result<Message> MessageService::react(const Caller &caller, const QString &roomId, const QString &messageId,
                                      const QString &emoji, ReactionAction action, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (auto denied = m_guard.require(access.value, Action::React))
        return *denied;
    if (auto bad = validateEmoji(emoji))
        return *bad;
    auto found = messageInRoom(roomId, messageId);
    if (!found)
        return *found.error;
    Message m = std::move(found.value);
    if (m.type == MessageType::System)
        return serverLine("reacted to");
    if (m.isDeleted)
        return apiError(ErrorCode::Conflict, QStringLiteral("a deleted message cannot get reactions"));
    if (action == ReactionAction::Add && !m.reactions.count(emoji) &&
        int(m.reactions.size()) >= m_ctx.settings.reactionsPerMessageMax)
        return apiError(
            ErrorCode::Conflict,
            QStringLiteral("a message has at most %1 different reactions").arg(m_ctx.settings.reactionsPerMessageMax));
    bool changed = false;
    inTransaction(m_ctx.storage, [&] {
        changed = action == ReactionAction::Add
                      ? m_ctx.storage.addReaction(messageId, emoji, caller.userId, m_ctx.now())
                      : m_ctx.storage.removeReaction(messageId, emoji, caller.userId);
        if (!changed)
            return; // already so: no event
        m = *m_ctx.storage.message(messageId);
        const QByteArray bytes = m_guard.logEvent(
            roomId,
            [&](qint64 seq) {
                return MessageUpdatedFrame{seq, presentMessage(m)};
            },
            messageId);
        fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
    });
    return presentMessage(std::move(m));
}

Result<ReadReceipt> MessageService::markRead(const Caller &caller, const QString &roomId, const QString &messageId,
                                             Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (!access.value.membership)
        return apiError(ErrorCode::Forbidden, QStringLiteral("join the room first"));
    auto found = messageInRoom(roomId, messageId);
    if (!found)
        return *found.error;
    ReadReceipt receipt{roomId, caller.userId, messageId, m_ctx.now(), found.value.seq};
    MemberRecord me = *access.value.membership;
    if (found.value.seq <= me.lastReadSeq)
        return receipt; // markers only move forward
    me.lastReadSeq = found.value.seq;
    me.lastReadMessageId = messageId;
    m_ctx.storage.updateMember(me);
    // Receipts are not room events (no seq): they are current state, not history.
    ReceiptService(m_ctx).announce(receipt, fx);
    return receipt;
}

Result<MessagePage> MessageService::history(const Caller &caller, const QString &roomId, const QString &before,
                                            const QString &after, int limit)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (!before.isEmpty() && !after.isEmpty())
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("give before or after, not both"),
                        QStringLiteral("after"));
    if (limit < 1 || limit > m_ctx.settings.historyPageMax)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("must be between 1 and %1").arg(m_ctx.settings.historyPageMax),
                        QStringLiteral("limit"));
    MessagePage page;
    page.pagination.limit = limit;
    bool hasMore = false;
    if (!after.isEmpty()) {
        auto anchor = messageInRoom(roomId, after);
        if (!anchor)
            return apiError(ErrorCode::MessageNotFound, QStringLiteral("after names no message in this room"),
                            QStringLiteral("after"));
        page.messages = m_ctx.storage.messagesAfter(roomId, anchor.value.seq, limit, &hasMore);
    } else {
        qint64 beforeSeq = std::numeric_limits<qint64>::max();
        if (!before.isEmpty()) {
            auto anchor = messageInRoom(roomId, before);
            if (!anchor)
                return apiError(ErrorCode::MessageNotFound, QStringLiteral("before names no message in this room"),
                                QStringLiteral("before"));
            beforeSeq = anchor.value.seq;
        }
        page.messages = m_ctx.storage.messagesBefore(roomId, beforeSeq, limit, &hasMore);
    }
    PollService(m_ctx).addMyVotes(caller.userId, page.messages);
    for (auto &m : page.messages)
        m = presentMessage(std::move(m));
    page.pagination.hasMore = hasMore;
    if (!page.messages.empty()) {
        page.pagination.before = page.messages.front().messageId;
        page.pagination.after = page.messages.back().messageId;
    }
    return page;
}

Result<MessagePage> MessageService::historyAround(const Caller &caller, const QString &roomId, const QString &around,
                                                  int limit)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (limit < 1 || limit > m_ctx.settings.historyPageMax)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("must be between 1 and %1").arg(m_ctx.settings.historyPageMax),
                        QStringLiteral("limit"));
    auto anchor = messageInRoom(roomId, around);
    if (!anchor)
        return apiError(ErrorCode::MessageNotFound, QStringLiteral("around names no message in this room"),
                        QStringLiteral("around"));
    const int older = (limit - 1) / 2;
    const int newer = limit - 1 - older;
    bool moreBefore = false, moreAfter = false;
    MessagePage page;
    page.pagination.limit = limit;
    if (older > 0)
        page.messages = m_ctx.storage.messagesBefore(roomId, anchor.value.seq, older, &moreBefore);
    else
        moreBefore = !m_ctx.storage.messagesBefore(roomId, anchor.value.seq, 1, &moreBefore).empty();
    page.messages.push_back(anchor.value);
    if (newer > 0) {
        for (Message &m : m_ctx.storage.messagesAfter(roomId, anchor.value.seq, newer, &moreAfter))
            page.messages.push_back(std::move(m));
    } else {
        moreAfter = !m_ctx.storage.messagesAfter(roomId, anchor.value.seq, 1, &moreAfter).empty();
    }
    for (auto &m : page.messages)
        m = presentMessage(std::move(m));
    page.pagination.hasMore = moreBefore || moreAfter;
    page.hasMoreBefore = moreBefore;
    page.hasMoreAfter = moreAfter;
    page.pagination.before = page.messages.front().messageId;
    page.pagination.after = page.messages.back().messageId;
    return page;
}

Result<std::vector<Message>> MessageService::pins(const Caller &caller, const QString &roomId)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto list = m_ctx.storage.pins(roomId);
    for (auto &m : list)
        m = presentMessage(std::move(m));
    return list;
}

Result<bool> MessageService::pin(const Caller &caller, const QString &roomId, const QString &messageId, bool pinned,
                                 Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (auto denied = m_guard.require(access.value, Action::PinMessage))
        return *denied;
    auto found = messageInRoom(roomId, messageId);
    if (!found)
        return *found.error;
    if (found.value.type == MessageType::System)
        return serverLine("pinned");
    if (pinned && found.value.isDeleted)
        return apiError(ErrorCode::Conflict, QStringLiteral("a deleted message cannot be pinned"));
    if (pinned && int(m_ctx.storage.pins(roomId).size()) >= m_ctx.settings.pinsPerRoomMax)
        return apiError(ErrorCode::Conflict,
                        QStringLiteral("a room has at most %1 pins").arg(m_ctx.settings.pinsPerRoomMax));
    inTransaction(m_ctx.storage, [&] {
        const bool changed = pinned ? m_ctx.storage.addPin(roomId, messageId, caller.userId, m_ctx.now())
                                    : m_ctx.storage.removePin(roomId, messageId);
        if (!changed)
            return;
        audit(m_ctx, caller, pinned ? QStringLiteral("message.pin") : QStringLiteral("message.unpin"), roomId,
              found.value.authorId, messageId, found.value.isAnonymous ? anonymousaudit::reason() : QString());
        const QByteArray bytes = m_guard.logEvent(roomId, [&](qint64 seq) {
            return PinUpdatedFrame{seq, roomId, messageId, pinned, caller.userId};
        });
        fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
        if (pinned) {
            const Message shown = presentMessage(found.value);
            SystemEvent line = systemEvent(SystemEventKind::Pinned, caller.userId, messageId);
            line.targetName = shown.isAnonymous ? shown.anonymousName : shown.authorName;
            line.value = shown.content.left(80);
            SystemMessages(m_ctx).post(roomId, line, fx);
        }
    });
    return pinned;
}

QByteArray MessageService::replayFrame(const EventRecord &e, const Message *current)
{
    if (e.messageId.isEmpty())
        return e.payload;
    if (!current) // purged by retention: the client learns it is gone
        return frameBytes(MessageDeletedFrame{e.seq, e.roomId, e.messageId});
    Message shown = presentMessage(*current);
    if (e.type == QLatin1String(NewMessageFrame::kType))
        return frameBytes(NewMessageFrame{e.seq, std::move(shown)});
    if (e.type == QLatin1String(MessageDeletedFrame::kType))
        return frameBytes(MessageDeletedFrame{e.seq, e.roomId, e.messageId});
    if (e.type == QLatin1String(AiResponseFrame::kType)) // an answer as it is now (its end follows)
        return frameBytes(AiResponseFrame{std::move(shown)});
    if (e.type == QLatin1String(PollUpdatedFrame::kType) && shown.poll) // the final counts
        return frameBytes(PollUpdatedFrame{e.seq, e.roomId, e.messageId, *shown.poll});
    return frameBytes(MessageUpdatedFrame{e.seq, std::move(shown)});
}

void MessageService::appendReplay(const std::vector<EventRecord> &events, const QString &userId,
                                  std::vector<QByteArray> &frames)
{
    // Two queries per batch (the messages, their reactions) instead of two per event.
    constexpr size_t kBatch = 500;
    frames.reserve(frames.size() + events.size());
    for (size_t first = 0; first < events.size(); first += kBatch) {
        const size_t last = std::min(events.size(), first + kBatch);
        std::vector<QString> ids;
        for (size_t i = first; i < last; ++i) {
            if (!events[i].messageId.isEmpty())
                ids.push_back(events[i].messageId);
        }
        std::vector<Message> messages = m_ctx.storage.messagesByIds(ids);
        PollService(m_ctx).addMyVotes(userId, messages);
        QHash<QString, const Message *> byId;
        byId.reserve(qsizetype(messages.size()));
        for (const Message &m : messages)
            byId.insert(m.messageId, &m);
        for (size_t i = first; i < last; ++i)
            frames.push_back(replayFrame(events[i], byId.value(events[i].messageId)));
    }
}

QByteArray MessageService::lostRoomFrame(const Caller &caller, const QString &roomId, qint64 lastSeq)
{
    // A room the caller no longer has, told as they would have heard it live: banned (while the
    // ban holds), kicked (a kick of them in the audit log since the last event they saw), else
    // gone. Only bans and kicks of the caller themselves say that a room exists, and those name
    // rooms they were in; any other room is "deleted", whether it exists or not.
    if (m_ctx.storage.roomById(roomId)) {
        if (const auto ban = m_ctx.storage.ban(roomId, caller.userId);
            ban && (ban->until == 0 || ban->until > m_ctx.now()))
            return frameBytes(BannedFrame{roomId, ban->reason, ban->until});
        AuditQuery q;
        q.roomIds = std::vector<QString>{roomId};
        q.targetUserId = caller.userId;
        q.action = actionName(Action::KickMember);
        q.limit = 1;
        const std::vector<AuditEntry> kicks = m_ctx.storage.listAudit(q);
        if (!kicks.empty()) {
            const std::vector<EventRecord> seen =
                lastSeq > 0 ? m_ctx.storage.eventsAfter(roomId, lastSeq - 1, 1) : std::vector<EventRecord>{};
            if (seen.empty() || kicks.front().createdAt >= seen.front().createdAt)
                return frameBytes(KickedFrame{roomId, kicks.front().reason});
        }
    }
    return frameBytes(RoomDeletedFrame{roomId});
}

Result<SyncReplay> MessageService::sync(const Caller &caller, const std::map<QString, qint64> &rooms)
{
    SyncReplay out;
    for (const auto &[roomId, lastSeq] : rooms) {
        const auto membership = m_ctx.storage.member(roomId, caller.userId);
        const auto record = membership ? m_ctx.storage.roomById(roomId) : std::nullopt;
        if (!record) {
            out.frames.push_back(lostRoomFrame(caller, roomId, lastSeq));
            continue;
        }
        if (lastSeq >= record->lastSeq)
            continue;
        const int max = m_ctx.settings.syncReplayMax;
        if (record->lastSeq - lastSeq > max) {
            out.frames.push_back(frameBytes(SyncGapFrame{roomId, record->lastSeq}));
            continue;
        }
        appendReplay(m_ctx.storage.eventsAfter(roomId, lastSeq, max), caller.userId, out.frames);
    }
    return out;
}

Result<std::vector<SearchHit>> MessageService::search(const Caller &caller, const SearchQuery &query)
{
    SearchQuery q = query;
    if (q.text.size() > 200)
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("must be at most 200 characters"),
                        QStringLiteral("q"));
    const SearchSyntax syntax = SearchSyntax::parse(q.text);
    if (!syntax.error.isEmpty())
        return apiError(ErrorCode::ValidationFailed, syntax.error, QStringLiteral("q"));
    if (syntax.words.trimmed().isEmpty() && !syntax.hasFilters() && q.roomId.isEmpty() && q.authorId.isEmpty())
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("must not be empty"), QStringLiteral("q"));
    q.text = syntax.words;
    q.memberUserId = caller.userId; // only rooms the caller may read
    q.limit = std::clamp(q.limit, 1, 100);
    q.hasFile = q.hasFile || syntax.hasFile;
    // A filter in the text and the same one as a parameter must agree, or nothing matches.
    auto narrow = [](QString &param, const QString &fromText) {
        if (param.isEmpty())
            param = fromText;
        return param == fromText;
    };
    if (!syntax.fromUsername.isEmpty()) {
        const auto author = m_ctx.storage.userByUsername(syntax.fromUsername.toLower());
        if (!author)
            return apiError(ErrorCode::ValidationFailed,
                            QStringLiteral("from: names no user \"%1\"").arg(syntax.fromUsername), QStringLiteral("q"));
        if (!narrow(q.authorId, author->user.userId))
            return std::vector<SearchHit>{};
    }
    if (!syntax.inRoom.isEmpty()) {
        QString roomId;
        for (const RoomRecord &r : m_ctx.storage.roomsOfUser(caller.userId)) {
            if (r.room.name.compare(syntax.inRoom, Qt::CaseInsensitive) == 0) {
                roomId = r.room.roomId;
                break;
            }
        }
        if (roomId.isEmpty())
            return apiError(ErrorCode::ValidationFailed,
                            QStringLiteral("in: names none of your rooms: \"%1\"").arg(syntax.inRoom),
                            QStringLiteral("q"));
        if (!narrow(q.roomId, roomId))
            return std::vector<SearchHit>{};
    }
    // Both exclusive of the named day (UTC): before:2025-09-29 ends as that day starts,
    // after:2025-09-29 begins as the next one does.
    if (syntax.before)
        q.beforeMs = syntax.before->startOfDay(Qt::UTC).toMSecsSinceEpoch();
    if (syntax.after)
        q.afterMs = syntax.after->addDays(1).startOfDay(Qt::UTC).toMSecsSinceEpoch();
    auto hits = m_ctx.storage.search(q);
    std::vector<SearchHit> out;
    out.reserve(hits.size());
    for (auto &h : hits) {
        if (h.message.isAnonymous && q.authorId == h.message.authorId && !q.authorId.isEmpty())
            continue; // searching by author must not unmask anonymous posts
        h.message = presentMessage(std::move(h.message));
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace confab::server
