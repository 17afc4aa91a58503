// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The assistant (issue 16): what an `ai_response` message carries about its answer, and the body
// and answer of POST /v1/chat/ai/ask. Plain structs with the same strict codecs as types.h.

#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace confab {

namespace limits {
constexpr int kAiModelMax = 200;
constexpr int kAiErrorCodeMax = 64;
constexpr int kAiErrorMessageMax = 2000;
constexpr int kAiQuestionMax = 5000;
constexpr int kAiContextMax = 20000;
constexpr int kAiSourcesMax = 1000;
} // namespace limits

// Streaming until the model ends; then exactly one of the final states, which never change again.
enum class AiState { Streaming, Done, Error, Cancelled };
QString toString(AiState v);
std::optional<AiState> aiStateFromString(const QString &s);

// Why an answer ended in `error`: a machine code (ASSISTANT_DISABLED, INTERRUPTED, MODEL_ERROR,
// MODEL_STALLED, ...) and a sentence for people.
struct AiError {
    QString code;
    QString message;
    bool operator==(const AiError &) const = default;
};

// Message.ai (extension): present on messages of type ai_response only.
struct AiAnswer {
    AiState state = AiState::Streaming;
    QString askedBy; // the user id of whoever asked
    QString model;
    std::optional<AiError> error; // with state error only
    std::optional<qint64> tokensIn;
    std::optional<qint64> tokensOut;
    bool isFinal() const { return state != AiState::Streaming; }
    bool operator==(const AiAnswer &) const = default;
};

// POST /v1/chat/ai/ask.
struct AiAskRequest {
    QString question;
    QString context; // optional extra text the caller adds
    QString roomId;  // optional: answer with this room's recent messages as context
    bool operator==(const AiAskRequest &) const = default;
};

// Its answer. confidence: the model's finish_reason as a number (stop 0.9, length 0.5, other 0.3).
struct AiAskAnswer {
    QString response;
    QStringList sources; // ids of the messages given to the model as context, oldest first
    double confidence = 0;
    qint64 responseTime = 0; // milliseconds
    bool operator==(const AiAskAnswer &) const = default;
};

void to_json(nlohmann::json &j, const AiError &v);
void from_json(const nlohmann::json &j, AiError &v);
void to_json(nlohmann::json &j, const AiAnswer &v);
void from_json(const nlohmann::json &j, AiAnswer &v);
void to_json(nlohmann::json &j, const AiAskRequest &v);
void from_json(const nlohmann::json &j, AiAskRequest &v);
void to_json(nlohmann::json &j, const AiAskAnswer &v);
void from_json(const nlohmann::json &j, AiAskAnswer &v);

} // namespace confab
