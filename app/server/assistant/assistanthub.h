// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistantconfig.h"
#include "assistantlimits.h"
#include "modelprovider.h"

#include "http/httpmessage.h"
#include "service/caller.h"
#include "service/effects.h"
#include "service/result.h"

#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <memory>

namespace confab {
class Clock;
}

namespace confab::server {

class MembershipIndex;
class RestApi;
class StorageWorker;

// Usage for /metrics (read from the network thread only, like the rest of /metrics).
struct AssistantUsage {
    qint64 answers = 0; // ended, any state
    qint64 errors = 0;
    qint64 cancelled = 0;
    qint64 refused = 0; // limits, rooms without the assistant
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double latencySeconds = 0; // summed over ended answers
};

// The assistant on the network thread: it sees questions as they are stored, applies the
// limits, creates answers through the storage thread, streams each model's text to the room as
// ai_delta frames (batched), checkpoints it about once a second and ends it with
// message_updated. Cancel, retry, the single-message GET and /v1/chat/ai/ask are its routes.
class AssistantHub : public QObject {
    Q_OBJECT
public:
    using Publish = std::function<void(Effects &&)>;
    static constexpr int kDeltaIntervalMs = 75;
    static constexpr int kCheckpointIntervalMs = 1000;
    static constexpr int kHistoryCount = 200; // room messages read for a prompt (the budget trims them)

    AssistantHub(StorageWorker &worker, MembershipIndex &members, const Clock &clock, AssistantConfig config,
                 Publish publish, QObject *parent = nullptr);
    ~AssistantHub() override;

    // After the storage opened: the account, and answers a killed server left streaming.
    void start();
    // Ends every live answer as error (the server is stopping; the next start would anyway).
    void stop();
    void registerRoutes(RestApi &rest);
    // The questions among the messages a storage call stored.
    void onQuestions(const std::vector<AiQuestion> &questions);
    // Answers deleted while streaming (before their message_deleted goes out): their model
    // requests stop at once and no delta of theirs follows.
    void onAnswersDeleted(const std::vector<QString> &messageIds);

    const AssistantUsage &usage() const { return m_usage; }
    int liveAnswers() const { return int(m_live.size()); }

private:
    struct Live {
        QString roomId;
        QString messageId;
        AiAnswer ai;
        QString text;
        qsizetype sentUpTo = 0;    // UTF-16 index of text already sent as deltas
        qint64 sentCodePoints = 0; // the same in code points: the next delta's offset
        qsizetype checkpointedUpTo = 0;
        qint64 estimatedTokensIn = 0;
        qint64 startedAt = 0;
        QPointer<ModelStream> stream;
        bool ending = false;
        std::vector<std::function<void(Result<Message>)>> onEnded;
    };
    using Started = std::function<void(Result<Message>)>;

    // Limits, then the answer's message, then the model. `done` gets the new message or the refusal.
    // readUpToSeq: the asker's read marker before the question (-1: unknown), for "summarize".
    void ask(const QString &roomId, const QString &questionId, const QString &askedBy, const QString &limitUser,
             qint64 readUpToSeq, Started done);
    // Counts tokens against the daily quotas, in memory and in storage (a restart keeps them).
    void countTokens(const QString &userId, const QString &roomId, qint64 tokens);
    void startStream(const Message &answer, const ModelPrompt &prompt);
    void onText(const QString &messageId, const QString &text);
    void endAnswer(const QString &messageId, AiState state, const std::optional<AiError> &error,
                   const ModelOutcome &outcome);
    void flushDeltas();
    void checkpoint();
    static ApiError disabledError(); // 503 naming --assistant-url
    void tellUser(const QString &userId, const ApiError &error);
    void postDisabledAnswer(const AiQuestion &q);
    QString accountName() const; // "Assistant", or the offline demo's name

    void getMessage(const Caller &caller, const QString &roomId, const QString &messageId,
                    std::shared_ptr<HttpResponder> responder);
    void cancel(const Caller &caller, const QString &roomId, const QString &messageId,
                std::shared_ptr<HttpResponder> responder);
    void retry(const Caller &caller, const QString &roomId, const QString &messageId,
               std::shared_ptr<HttpResponder> responder);
    void askRest(const Caller &caller, const nlohmann::json &body, std::shared_ptr<HttpResponder> responder);

    StorageWorker &m_worker;
    MembershipIndex &m_members;
    const Clock &m_clock;
    AssistantConfig m_config;
    Publish m_publish;
    std::unique_ptr<ModelProvider> m_provider; // null: no model configured
    AssistantLimits m_limits;
    QHash<QString, Live> m_live;    // by answer message id
    QSet<QString> m_toldNotEnabled; // "user|room": told once per server run
    QTimer m_deltaTimer;
    QTimer m_checkpointTimer;
    AssistantUsage m_usage;
};

} // namespace confab::server
