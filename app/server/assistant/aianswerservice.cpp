// SPDX-License-Identifier: GPL-3.0-or-later
#include "aianswerservice.h"

namespace confab::server {

namespace {
ApiError noMessage(const QString &id)
{
    return apiError(ErrorCode::MessageNotFound, QStringLiteral("message %1 does not exist").arg(id),
                    QStringLiteral("messageId"));
}
} // namespace

void AiAnswerService::ensureAccount(const QString &displayName)
{
    inTransaction(m_ctx.storage, [&] {
        if (const auto existing = m_ctx.storage.userById(accountId())) {
            if (existing->user.displayName != displayName)
                m_ctx.storage.updateUserProfile(accountId(), displayName, existing->user.avatar);
            return;
        }
        StoredUser u;
        u.user.userId = accountId();
        // The username is only for mentions and profiles; a person who took "assistant" first keeps it.
        u.user.username = m_ctx.storage.userByUsername(QStringLiteral("assistant")) ? QStringLiteral("assistant_bot")
                                                                                    : QStringLiteral("assistant");
        u.user.displayName = displayName;
        u.usernameKey = u.user.username;
        u.passwordHash = QByteArrayLiteral("!"); // matches no password
        u.disabled = true;                       // and a disabled account cannot sign in at all
        u.createdAt = m_ctx.now();
        m_ctx.storage.insertUser(u);
    });
}

Result<AnswerStart> AiAnswerService::start(const QString &accountName, const QString &roomId, const QString &questionId,
                                           const QString &askedBy, const QString &model, int historyCount, Effects &fx,
                                           const std::optional<std::pair<QString, AiAnswer>> &final)
{
    auto question = m_ctx.storage.message(questionId);
    if (!question || question->roomId != roomId || question->isDeleted)
        return noMessage(questionId);
    ensureAccount(accountName);
    AnswerStart s;
    if (const auto asker = m_ctx.storage.userById(askedBy))
        s.askerName = asker->user.displayName;
    if (historyCount > 0) {
        bool more = false;
        s.recent = m_ctx.storage.messagesBefore(roomId, question->seq, historyCount, &more);
    }
    if (!question->replyTo.isEmpty()) {
        if (auto replied = m_ctx.storage.message(question->replyTo); replied && replied->roomId == roomId)
            s.replied = std::move(*replied);
    }
    Message &m = s.answer;
    m.messageId = m_ctx.ids.newId(u"m");
    m.roomId = roomId;
    m.authorId = accountId();
    if (const auto account = m_ctx.storage.userById(accountId()))
        m.authorName = account->user.displayName;
    m.type = MessageType::AiResponse;
    m.timestamp = m_ctx.now();
    m.replyTo = questionId;
    m.ai = AiAnswer{AiState::Streaming, askedBy, model, std::nullopt, std::nullopt, std::nullopt};
    if (final) {
        m.content = final->first;
        m.ai = final->second;
    }
    inTransaction(m_ctx.storage, [&] {
        const QByteArray bytes = m_guard.logEvent(
            roomId,
            [&](qint64 seq) {
                m.seq = seq;
                m_ctx.storage.insertMessage(m);
                return AiResponseFrame{m};
            },
            m.messageId);
        m_ctx.storage.touchRoom(roomId, m.timestamp);
        fx.deliver(bytes, m_ctx.members.membersOf(roomId), roomId);
    });
    if (m_ctx.counters)
        ++m_ctx.counters->messagesStored;
    s.question = std::move(*question);
    return s;
}

void AiAnswerService::checkpoint(const QString &messageId, const QString &content)
{
    const auto m = m_ctx.storage.message(messageId);
    if (!m || m->isDeleted || !m->ai || m->ai->isFinal())
        return;
    inTransaction(m_ctx.storage, [&] { m_ctx.storage.updateAiAnswer(messageId, content, *m->ai); });
}

std::optional<Message> AiAnswerService::finish(const QString &messageId, const QString &content, const AiAnswer &ai,
                                               Effects &fx)
{
    auto m = m_ctx.storage.message(messageId);
    if (!m || m->isDeleted || !m->ai || m->ai->isFinal())
        return std::nullopt;
    m->content = content;
    m->ai = ai;
    inTransaction(m_ctx.storage, [&] {
        m_ctx.storage.updateAiAnswer(messageId, content, ai);
        const QByteArray bytes = m_guard.logEvent(
            m->roomId,
            [&](qint64 seq) {
                return MessageUpdatedFrame{seq, *m};
            },
            messageId);
        fx.deliver(bytes, m_ctx.members.membersOf(m->roomId), m->roomId);
        Caller asker;
        asker.userId = ai.askedBy;
        if (const auto u = m_ctx.storage.userById(ai.askedBy))
            asker.displayName = u->user.displayName;
        QString usage = QStringLiteral("model %1, %2, tokens in %3 out %4, %5 ms")
                            .arg(ai.model, toString(ai.state))
                            .arg(ai.tokensIn.value_or(0))
                            .arg(ai.tokensOut.value_or(0))
                            .arg(m_ctx.now() - m->timestamp);
        if (ai.error)
            usage += QStringLiteral(", ") + ai.error->code;
        audit(m_ctx, asker, QStringLiteral("assistant.answer"), m->roomId, {}, messageId, usage);
    });
    return m;
}

int AiAnswerService::finishInterrupted(Effects &fx)
{
    int n = 0;
    for (const Message &m : m_ctx.storage.streamingAiAnswers()) {
        AiAnswer ai = *m.ai;
        ai.state = AiState::Error;
        ai.error = AiError{QStringLiteral("INTERRUPTED"),
                           QStringLiteral("The server stopped while this answer was being written.")};
        if (finish(m.messageId, m.content, ai, fx))
            ++n;
    }
    return n;
}

void AiAnswerService::addTokens(qint64 day, const QString &userId, const QString &roomId, qint64 tokens)
{
    inTransaction(m_ctx.storage, [&] { m_ctx.storage.addAssistantTokens(day, userId, roomId, tokens); });
}

std::vector<AssistantTokenUse> AiAnswerService::tokensOn(qint64 day) { return m_ctx.storage.assistantTokensOn(day); }

Result<Message> AiAnswerService::readable(const Caller &caller, const QString &roomId, const QString &messageId)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto m = m_ctx.storage.message(messageId);
    if (!m || m->roomId != roomId)
        return noMessage(messageId);
    return presentMessage(std::move(*m));
}

Result<Message> AiAnswerService::controllable(const Caller &caller, const QString &roomId, const QString &messageId)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    auto m = m_ctx.storage.message(messageId);
    if (!m || m->roomId != roomId || m->isDeleted)
        return noMessage(messageId);
    if (m->type != MessageType::AiResponse || !m->ai)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("message %1 is not an assistant answer").arg(messageId),
                        QStringLiteral("messageId"));
    if (m->ai->askedBy != caller.userId && m_guard.require(access.value, Action::DeleteAnyMessage))
        return apiError(ErrorCode::Forbidden, QStringLiteral("only whoever asked, or a moderator, may do this"));
    return std::move(*m);
}

Result<std::vector<Message>> AiAnswerService::askContext(const Caller &caller, const QString &roomId, int historyCount)
{
    auto access = m_guard.joined(caller, roomId);
    if (!access)
        return *access.error;
    if (!access.value.record.room.settings.enableAI)
        return apiError(ErrorCode::Forbidden,
                        QStringLiteral("the assistant is not enabled in this room (settings.enableAI)"),
                        QStringLiteral("roomId"));
    bool more = false;
    return m_ctx.storage.messagesBefore(roomId, 0, historyCount, &more);
}

} // namespace confab::server
