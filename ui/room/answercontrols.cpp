// SPDX-License-Identifier: GPL-3.0-or-later
#include "answercontrols.h"

#include "client/models/messagemodel.h"

namespace confab::ui {

using client::MessageModel;

namespace {
std::optional<AiAnswer> answerOf(const QModelIndex &index)
{
    const QVariant v = index.isValid() ? index.data(MessageModel::AiAnswerRole) : QVariant();
    if (!v.isValid())
        return std::nullopt;
    return v.value<AiAnswer>();
}
} // namespace

bool AnswerControls::isAnswer(const QModelIndex &index) { return answerOf(index).has_value(); }

bool AnswerControls::isStreaming(const QModelIndex &index)
{
    const auto a = answerOf(index);
    return a && a->state == AiState::Streaming;
}

bool AnswerControls::isError(const QModelIndex &index)
{
    const auto a = answerOf(index);
    return a && a->state == AiState::Error;
}

AnswerControls::Action AnswerControls::actionFor(const QModelIndex &index, bool canModerate)
{
    const auto a = answerOf(index);
    if (!a || !(canModerate || index.data(MessageModel::AskedByMeRole).toBool()))
        return Action::None;
    switch (a->state) {
    case AiState::Streaming: return Action::Stop;
    case AiState::Error:
    case AiState::Cancelled: return Action::Retry;
    case AiState::Done: break;
    }
    return Action::None;
}

QString AnswerControls::stateText(const QModelIndex &index)
{
    const auto a = answerOf(index);
    if (!a)
        return {};
    switch (a->state) {
    case AiState::Streaming: return tr("generating…");
    case AiState::Cancelled: return tr("Stopped before the end.");
    case AiState::Error: {
        const QString why = a->error ? a->error->message : QString();
        return why.isEmpty() ? tr("The assistant could not answer.")
                             : tr("The assistant could not answer: %1").arg(why);
    }
    case AiState::Done: break;
    }
    return {};
}

QString AnswerControls::buttonText(Action action)
{
    switch (action) {
    case Action::Stop: return tr("Stop");
    case Action::Retry: return tr("Retry");
    case Action::None: break;
    }
    return {};
}

QString AnswerControls::buttonAccessibleName(Action action)
{
    switch (action) {
    case Action::Stop: return tr("Stop the answer");
    case Action::Retry: return tr("Ask the assistant again");
    case Action::None: break;
    }
    return {};
}

} // namespace confab::ui
