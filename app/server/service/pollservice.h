// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Polls (issue 15): the checks for a new poll, votes and closing, and each reader's own choice.

#include "servicecontext.h"

#include "core/poll.h"

namespace confab::server {

// Who may vote: whoever may post in the room (not muted, not banned, a moderator in an
// announcement room); the messages rate limit applies (set where the frame or route arrives).
// Who may close: the poll's author or a moderator. Anonymous polls never show voters.
class PollService {
public:
    explicit PollService(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    // The poll a new message of this type carries, or VALIDATION_FAILED naming the field.
    Result<std::optional<Poll>> pollForNewMessage(MessageType type, const std::optional<NewPoll> &poll,
                                                  bool hasAttachments) const;
    // Sets the caller's whole choice (empty retracts it); answers the message with myVotes.
    Result<Message> vote(const Caller &caller, const QString &roomId, const QString &messageId, const PollVote &vote,
                         Effects &fx);
    Result<Message> close(const Caller &caller, const QString &roomId, const QString &messageId, Effects &fx);
    // Fills poll.myVotes on the polls among these messages with the user's choice.
    void addMyVotes(const QString &userId, std::vector<Message> &messages);

private:
    Result<Message> pollMessage(const QString &roomId, const QString &messageId);
    // Logs a poll_updated event and delivers it: myVotes to the caller's connections only.
    void announce(const Caller &caller, const Message &m, Effects &fx);

    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
