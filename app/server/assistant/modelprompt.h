// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace confab::server {

// One message of an OpenAI-style chat: role "system", "user" or "assistant".
struct ChatTurn {
    QString role;
    QString content;
};

// What a model is asked: the turns, and the ids of the room messages given as context.
struct ModelPrompt {
    std::vector<ChatTurn> turns;
    QStringList sources; // message ids, oldest first
    qint64 estimatedTokens = 0;
    // For the offline demo, which reads the room itself instead of a model reading the prompt.
    struct Line {
        QString messageId;
        QString author;
        QString text;
        int reactions = 0;
    };
    std::vector<Line> lines;
    bool summarize = false;
    // The answer's first line, written by the server before the model's text: what a summary
    // covers ("Summary of your 12 unread messages."). Empty: none.
    QString preface;
};

// How a model's answer ended.
struct ModelOutcome {
    bool ok = true;
    QString errorCode; // MODEL_ERROR, MODEL_UNREACHABLE, MODEL_STALLED, MODEL_EMPTY
    QString errorMessage;
    QString finishReason; // stop, length, ... (empty when the model sent none)
    std::optional<qint64> tokensIn;
    std::optional<qint64> tokensOut;

    static ModelOutcome failure(QString code, QString message)
    {
        ModelOutcome o;
        o.ok = false;
        o.errorCode = std::move(code);
        o.errorMessage = std::move(message);
        return o;
    }
};

} // namespace confab::server
