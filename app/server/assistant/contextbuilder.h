// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistanttrigger.h"
#include "modelprompt.h"

#include "core/types.h"

namespace confab::server {

// Estimated tokens of a text: one per 4 bytes of UTF-8, rounded up, plus 4 for the message's
// framing. Models count differently; this errs on the large side for English and code.
qint64 estimateTokens(const QString &text);

// Builds the prompt of a question: the system prompt, the room's recent messages (oldest first,
// "Display name: text"; deleted, system and assistant messages left out) trimmed to the budget
// with the newest kept, and the question, which is always kept.
class ContextBuilder {
public:
    explicit ContextBuilder(qint64 maxTokens) : m_maxTokens(maxTokens) {}

    // Fewer unread messages than this, and "summarize" falls back to the last N.
    static constexpr int kMinUnreadToSummarize = 3;
    // How many unread messages a summary reads at most (the budget may keep fewer).
    static constexpr int kUnreadSummaryMax = 500;

    // `recent`: the room's messages before the question, oldest first. `replied`: the message
    // the question replies to, if any (what "translate" translates). `readUpToSeq`: the asker's
    // read marker before the question (-1: unknown), from which "summarize" reads the asker's
    // unread messages (those of others after it); the prompt's preface says which it read.
    ModelPrompt build(const AssistantRequest &request, const QString &askerName, const std::vector<Message> &recent,
                      const std::optional<Message> &replied, qint64 readUpToSeq = -1,
                      const QString &askerId = {}) const;
    // For /v1/chat/ai/ask: a question with optional extra context and room messages.
    ModelPrompt buildAsk(const QString &question, const QString &extraContext,
                         const std::vector<Message> &recent) const;

private:
    // The summary's messages and its preface.
    void addSummaryHistory(ModelPrompt &prompt, const AssistantRequest &request, const std::vector<Message> &recent,
                           qint64 reserved, qint64 readUpToSeq, const QString &askerId) const;
    // Appends as many of `recent` (newest first) as fit after `reserved` tokens.
    void addHistory(ModelPrompt &prompt, const std::vector<Message> &recent, qint64 reserved, int maxCount) const;

    qint64 m_maxTokens;
};

} // namespace confab::server
