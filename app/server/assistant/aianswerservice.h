// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The assistant's storage-thread side: its account, its answers' messages (created with a seq,
// checkpointed without an event, ended with message_updated), who may cancel or retry, and what
// a question's context is. Made on the spot by AssistantHub's storage calls, like PollService.

#include "service/servicecontext.h"

namespace confab::server {

// A new answer and what its prompt is made of.
struct AnswerStart {
    Message answer;
    QString askerName;
    std::vector<Message> recent; // the room's messages before the question, oldest first
    std::optional<Message> question;
    std::optional<Message> replied; // the message the question replies to
};

class AiAnswerService {
public:
    static QString accountId() { return QStringLiteral("u_assistant"); }

    explicit AiAnswerService(ServiceContext &ctx) : m_ctx(ctx), m_guard(ctx) {}

    // Creates the built-in account (it cannot sign in) or gives it this display name. Made with
    // the first answer, not at start: an empty database stays empty (the demo seeds one).
    void ensureAccount(const QString &displayName);
    // Stores a new answer to `questionId` by the account named `accountName` (state streaming,
    // or `final` when given: an answer that is over before it began) and delivers ai_response.
    Result<AnswerStart> start(const QString &accountName, const QString &roomId, const QString &questionId,
                              const QString &askedBy, const QString &model, int historyCount, Effects &fx,
                              const std::optional<std::pair<QString, AiAnswer>> &final = std::nullopt);
    // Stores the partial text, no event; nothing when the answer already ended or was deleted.
    void checkpoint(const QString &messageId, const QString &content);
    // Ends a streaming answer: stores text and state, logs message_updated, audits the usage.
    // Nullopt when it had already ended (cancelled meanwhile) or was deleted.
    std::optional<Message> finish(const QString &messageId, const QString &content, const AiAnswer &ai, Effects &fx);
    // At start-up: every answer left streaming ends as error INTERRUPTED, its text kept.
    int finishInterrupted(Effects &fx);
    // The daily quotas' counts (AssistantLimits::dayOf days): add to them, read a day's.
    void addTokens(qint64 day, const QString &userId, const QString &roomId, qint64 tokens);
    std::vector<AssistantTokenUse> tokensOn(qint64 day);

    // The message as the caller may read it (a member of its room).
    Result<Message> readable(const Caller &caller, const QString &roomId, const QString &messageId);
    // An answer the caller may cancel or retry: the asker or a moderator and up.
    Result<Message> controllable(const Caller &caller, const QString &roomId, const QString &messageId);
    // /v1/chat/ai/ask with a room: a member, enableAI on; the recent messages.
    Result<std::vector<Message>> askContext(const Caller &caller, const QString &roomId, int historyCount);

private:
    ServiceContext &m_ctx;
    RoomGuard m_guard;
};

} // namespace confab::server
