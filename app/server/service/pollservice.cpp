// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollservice.h"

#include "core/timeutil.h"

namespace confab::server {

Result<std::optional<Poll>> PollService::pollForNewMessage(MessageType type, const std::optional<NewPoll> &poll,
                                                           bool hasAttachments) const
{
    if (type != MessageType::Poll) {
        if (poll)
            return apiError(ErrorCode::ValidationFailed, QStringLiteral("only a message of type poll carries a poll"),
                            QStringLiteral("poll"));
        return std::optional<Poll>{};
    }
    if (!poll)
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("a message of type poll needs a poll"),
                        QStringLiteral("poll"));
    if (hasAttachments)
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("a poll cannot carry attachments"),
                        QStringLiteral("attachments"));
    if (auto bad = validateNewPoll(*poll, m_ctx.now()))
        return *bad;
    return std::optional<Poll>{pollFrom(*poll)};
}

Result<Message> PollService::pollMessage(const QString &roomId, const QString &messageId)
{
    auto m = m_ctx.storage.message(messageId);
    if (!m || m->roomId != roomId)
        return apiError(ErrorCode::MessageNotFound, QStringLiteral("message %1 does not exist").arg(messageId),
                        QStringLiteral("messageId"));
    if (m->isDeleted)
        return apiError(ErrorCode::Conflict, QStringLiteral("this poll was deleted"));
    if (!m->poll)
        return apiError(ErrorCode::Conflict, QStringLiteral("message %1 is not a poll").arg(messageId),
                        QStringLiteral("messageId"));
    return std::move(*m);
}

Result<Message> PollService::vote(const Caller &caller, const QString &roomId, const QString &messageId,
                                  const PollVote &vote, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    RoomAccess &a = access.value;
    // The rules of posting (MessageService::send), so a vote cannot say what a message may not.
    if (auto denied = m_guard.require(a, Action::SendMessage))
        return *denied;
    if (a.record.room.type == RoomType::Announcement && m_guard.require(a, Action::PostInAnnouncement))
        return apiError(ErrorCode::Forbidden, QStringLiteral("only moderators may vote in an announcement room"));
    const qint64 now = m_ctx.now();
    if (a.membership && a.membership->isMuted && (a.membership->mutedUntil == 0 || a.membership->mutedUntil > now))
        return apiError(ErrorCode::Forbidden, QStringLiteral("you are muted in this room and cannot vote"));
    auto found = pollMessage(roomId, messageId);
    if (!found)
        return *found.error;
    Message m = std::move(found.value);
    if (m.poll->isClosedAt(now))
        return apiError(ErrorCode::Conflict, QStringLiteral("this poll is closed"));
    if (auto bad = validatePollVote(*m.poll, vote))
        return *bad;
    inTransaction(m_ctx.storage, [&] {
        if (!m_ctx.storage.setPollVotes(messageId, caller.userId, vote.optionIds, now))
            return; // the same choice again: no event
        m = *m_ctx.storage.message(messageId);
        announce(caller, m, fx);
    });
    m.poll->myVotes = vote.optionIds;
    return presentMessage(std::move(m));
}

Result<Message> PollService::close(const Caller &caller, const QString &roomId, const QString &messageId, Effects &fx)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto found = pollMessage(roomId, messageId);
    if (!found)
        return *found.error;
    Message m = std::move(found.value);
    const bool own = m.authorId == caller.userId;
    if (!own && m_guard.require(access.value, Action::DeleteAnyMessage))
        return apiError(ErrorCode::Forbidden, QStringLiteral("only the poll's author or a moderator may close it"));
    if (m.poll->closedAt == 0) { // closing twice changes nothing
        inTransaction(m_ctx.storage, [&] {
            m_ctx.storage.closePoll(messageId, caller.userId, m_ctx.now());
            if (!own)
                audit(m_ctx, caller, QStringLiteral("poll.close"), roomId, m.authorId, messageId);
            m = *m_ctx.storage.message(messageId);
            announce(caller, m, fx);
        });
    }
    std::vector<Message> one{std::move(m)};
    addMyVotes(caller.userId, one);
    return presentMessage(std::move(one.front()));
}

void PollService::announce(const Caller &caller, const Message &m, Effects &fx)
{
    PollUpdatedFrame personal{0, m.roomId, m.messageId, *m.poll};
    const QByteArray everyone = m_guard.logEvent(
        m.roomId,
        [&](qint64 seq) {
            personal.seq = seq;
            return PollUpdatedFrame{seq, m.roomId, m.messageId, *m.poll};
        },
        m.messageId);
    std::vector<Message> one{m};
    addMyVotes(caller.userId, one);
    personal.poll.myVotes = one.front().poll->myVotes;
    fx.deliver(everyone, m_ctx.members.membersOf(m.roomId), m.roomId, caller.userId);
    fx.deliver(frameBytes(personal), singleUser(caller.userId), m.roomId);
}

void PollService::addMyVotes(const QString &userId, std::vector<Message> &messages)
{
    std::vector<QString> ids;
    for (const Message &m : messages) {
        if (m.poll)
            ids.push_back(m.messageId);
    }
    if (ids.empty())
        return;
    const std::map<QString, QStringList> mine = m_ctx.storage.pollVotesOf(userId, ids);
    for (Message &m : messages) {
        if (!m.poll)
            continue;
        const auto it = mine.find(m.messageId);
        m.poll->myVotes = it == mine.end() ? QStringList{} : it->second;
    }
}

} // namespace confab::server
