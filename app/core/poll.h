// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Polls (issue 15): the poll a message of type `poll` carries, the poll a new message asks for,
// and a vote. Plain structs with the same strict codecs as types.h.

#include "errors.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace confab {

namespace limits {
constexpr int kPollOptionsMin = 2;
constexpr int kPollOptionsMax = 10;
constexpr int kPollQuestionMax = 300;
constexpr int kPollOptionMax = 100;
} // namespace limits

struct PollOption {
    QString optionId; // "o1".."o10", by position
    QString text;
    int votes = 0;
    QStringList voters; // user ids; always empty in an anonymous poll
    bool operator==(const PollOption &) const = default;
};

struct Poll {
    QString question;
    std::vector<PollOption> options;
    bool multipleChoice = false;
    bool anonymous = false;
    qint64 closesAt = 0; // 0: open until someone closes it
    qint64 closedAt = 0; // 0: not closed by hand
    QString closedBy;
    int voterCount = 0; // people who voted, whatever the number of options each chose
    // The reader's own choice: only in answers and frames meant for one user (absent elsewhere).
    std::optional<QStringList> myVotes;

    // Closed by hand, or its closing time has passed.
    bool isClosedAt(qint64 nowMs) const { return closedAt > 0 || (closesAt > 0 && closesAt <= nowMs); }
    const PollOption *option(const QString &optionId) const;
    bool operator==(const Poll &) const = default;
};

// The poll of a new message (POST .../messages `poll`, send_message `poll`).
struct NewPoll {
    QString question;
    QStringList options;
    bool multipleChoice = false;
    bool anonymous = false;
    qint64 closesAt = 0;
    bool operator==(const NewPoll &) const = default;
};

// PUT .../messages/{messageId}/poll/vote: the caller's whole choice; empty retracts it.
struct PollVote {
    QStringList optionIds;
    bool operator==(const PollVote &) const = default;
};

// The rules for a new poll (2-10 distinct non-empty options, lengths, a closing time after `nowMs`);
// nullopt when fine, else VALIDATION_FAILED naming the field ("poll.options[2]").
std::optional<ApiError> validateNewPoll(const NewPoll &poll, qint64 nowMs);
// The rules for a vote on this poll: known options, at most one in a single-choice poll, no repeats.
std::optional<ApiError> validatePollVote(const Poll &poll, const PollVote &vote);
// The poll a new message starts with: options numbered o1.., no votes.
Poll pollFrom(const NewPoll &poll);
// An update for everyone carries no myVotes: the reader's choice stays what it knew (clients).
Poll withMyVotesKept(Poll incoming, const std::optional<Poll> &known);

void to_json(nlohmann::json &j, const PollOption &v);
void from_json(const nlohmann::json &j, PollOption &v);
void to_json(nlohmann::json &j, const Poll &v);
void from_json(const nlohmann::json &j, Poll &v);
void to_json(nlohmann::json &j, const NewPoll &v);
void from_json(const nlohmann::json &j, NewPoll &v);
void to_json(nlohmann::json &j, const PollVote &v);
void from_json(const nlohmann::json &j, PollVote &v);

} // namespace confab
