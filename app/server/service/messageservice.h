// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

namespace confab::server {

struct SendRequest {
    QString roomId;
    QString content;
    MessageType type = MessageType::Text;
    QString replyTo;
    QString clientMsgId;
    bool isAnonymous = false;
    std::vector<Attachment> attachments;
    std::optional<NewPoll> poll; // with type poll
};

struct SendResult {
    Message message;
    bool duplicate = false; // a repeat of an earlier clientMsgId: nothing new was stored
};

// The frames a `sync` replays: per room, the missed events in seq order, or a gap.
struct SyncReplay {
    std::vector<QByteArray> frames;
};

// Messages and everything on them, on the storage thread.
class MessageService {
public:
    explicit MessageService(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    Result<SendResult> send(const Caller &caller, const SendRequest &req, Effects &fx);
    Result<Message> edit(const Caller &caller, const QString &roomId, const QString &messageId, const QString &content,
                         Effects &fx);
    Result<Message> remove(const Caller &caller, const QString &roomId, const QString &messageId, Effects &fx);
    Result<Message> react(const Caller &caller, const QString &roomId, const QString &messageId, const QString &emoji,
                          ReactionAction action, Effects &fx);
    Result<ReadReceipt> markRead(const Caller &caller, const QString &roomId, const QString &messageId, Effects &fx);
    // `before`/`after` are message ids (at most one); neither: the newest page.
    Result<MessagePage> history(const Caller &caller, const QString &roomId, const QString &before,
                                const QString &after, int limit);
    // The page of `limit` messages centred on `around` (it included; the older half rounded down),
    // with hasMoreBefore/hasMoreAfter: where a search result opens the timeline.
    Result<MessagePage> historyAround(const Caller &caller, const QString &roomId, const QString &around, int limit);
    Result<std::vector<Message>> pins(const Caller &caller, const QString &roomId);
    Result<bool> pin(const Caller &caller, const QString &roomId, const QString &messageId, bool pinned, Effects &fx);
    Result<SyncReplay> sync(const Caller &caller, const std::map<QString, qint64> &rooms);
    Result<std::vector<SearchHit>> search(const Caller &caller, const SearchQuery &query);

private:
    Result<Message> messageInRoom(const QString &roomId, const QString &messageId);
    // The server's and the room's word filters: the content to store, or VALIDATION_FAILED.
    Result<QString> filterWords(const QString &content, const RoomSettings &room) const;
    // The frames replaying these events, the messages they name read in batches.
    // Polls carry `userId`'s own choice.
    void appendReplay(const std::vector<EventRecord> &events, const QString &userId, std::vector<QByteArray> &frames);
    QByteArray replayFrame(const EventRecord &e, const Message *current);
    // What sync answers for a room the caller is no longer a member of.
    QByteArray lostRoomFrame(const Caller &caller, const QString &roomId, qint64 lastSeq);

    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
