// SPDX-License-Identifier: GPL-3.0-or-later
#include "poll.h"

#include "jsonreader.h"
#include "limits.h"
#include "validation.h"

#include <QSet>

#include <limits>

namespace confab {

using detail::JsonReader;
using detail::optStr;
using detail::str;
using detail::timeOrNull;
using nlohmann::json;

const PollOption *Poll::option(const QString &optionId) const
{
    for (const PollOption &o : options) {
        if (o.optionId == optionId)
            return &o;
    }
    return nullptr;
}

std::optional<ApiError> validateNewPoll(const NewPoll &poll, qint64 nowMs)
{
    const QString question = poll.question.trimmed();
    if (question.isEmpty())
        return ApiError::validation(QStringLiteral("poll.question"), QStringLiteral("a poll needs a question"));
    if (codePointCount(question) > limits::kPollQuestionMax)
        return ApiError::validation(QStringLiteral("poll.question"),
                                    QStringLiteral("is longer than %1 characters").arg(limits::kPollQuestionMax));
    if (poll.options.size() < limits::kPollOptionsMin || poll.options.size() > limits::kPollOptionsMax)
        return ApiError::validation(QStringLiteral("poll.options"),
                                    QStringLiteral("a poll has %1 to %2 options, not %3")
                                        .arg(limits::kPollOptionsMin)
                                        .arg(limits::kPollOptionsMax)
                                        .arg(poll.options.size()));
    QSet<QString> seen;
    for (qsizetype i = 0; i < poll.options.size(); ++i) {
        const QString field = QStringLiteral("poll.options[%1]").arg(i);
        const QString text = poll.options[i].trimmed();
        if (text.isEmpty())
            return ApiError::validation(field, QStringLiteral("an option must not be empty"));
        if (codePointCount(text) > limits::kPollOptionMax)
            return ApiError::validation(field,
                                        QStringLiteral("is longer than %1 characters").arg(limits::kPollOptionMax));
        const QString key = text.toCaseFolded();
        if (seen.contains(key))
            return ApiError::validation(field, QStringLiteral("\"%1\" is already an option").arg(text));
        seen.insert(key);
    }
    if (poll.closesAt != 0 && poll.closesAt <= nowMs)
        return ApiError::validation(QStringLiteral("poll.closesAt"), QStringLiteral("must be in the future"));
    return std::nullopt;
}

std::optional<ApiError> validatePollVote(const Poll &poll, const PollVote &vote)
{
    if (!poll.multipleChoice && vote.optionIds.size() > 1)
        return ApiError::validation(QStringLiteral("optionIds"),
                                    QStringLiteral("this poll takes one choice, not %1").arg(vote.optionIds.size()));
    QSet<QString> seen;
    for (qsizetype i = 0; i < vote.optionIds.size(); ++i) {
        const QString &id = vote.optionIds[i];
        const QString field = QStringLiteral("optionIds[%1]").arg(i);
        if (!poll.option(id))
            return ApiError::validation(field, QStringLiteral("\"%1\" is not an option of this poll").arg(id));
        if (seen.contains(id))
            return ApiError::validation(field, QStringLiteral("\"%1\" is chosen twice").arg(id));
        seen.insert(id);
    }
    return std::nullopt;
}

Poll pollFrom(const NewPoll &poll)
{
    Poll p;
    p.question = poll.question.trimmed();
    p.multipleChoice = poll.multipleChoice;
    p.anonymous = poll.anonymous;
    p.closesAt = poll.closesAt;
    for (qsizetype i = 0; i < poll.options.size(); ++i)
        p.options.push_back(PollOption{QStringLiteral("o%1").arg(i + 1), poll.options[i].trimmed(), 0, {}});
    return p;
}

Poll withMyVotesKept(Poll incoming, const std::optional<Poll> &known)
{
    if (!incoming.myVotes && known)
        incoming.myVotes = known->myVotes;
    return incoming;
}

// ---- codecs ---------------------------------------------------------------------------------

void to_json(json &j, const PollOption &v)
{
    j = json{{"optionId", str(v.optionId)}, {"text", str(v.text)}, {"votes", v.votes}};
    if (!v.voters.isEmpty()) {
        json voters = json::array();
        for (const QString &u : v.voters)
            voters.push_back(str(u));
        j["voters"] = std::move(voters);
    }
}

void decode(const json &j, PollOption &v, const QString &path)
{
    JsonReader r(j, path);
    v.optionId = r.string("optionId", limits::kIdMax);
    v.text = r.string("text", limits::kPollOptionMax);
    v.votes = int(r.integer("votes", 0, std::numeric_limits<int>::max()));
    v.voters = r.optStringList("voters", 1000000, limits::kIdMax);
    r.finish();
}
void from_json(const json &j, PollOption &v) { decode(j, v, {}); }

void to_json(json &j, const Poll &v)
{
    json options = json::array();
    for (const PollOption &o : v.options)
        options.push_back(o);
    j = json{{"question", str(v.question)},        {"options", std::move(options)},
             {"multipleChoice", v.multipleChoice}, {"anonymous", v.anonymous},
             {"closesAt", timeOrNull(v.closesAt)}, {"closedAt", timeOrNull(v.closedAt)},
             {"closedBy", optStr(v.closedBy)},     {"voterCount", v.voterCount}};
    if (v.myVotes) {
        json mine = json::array();
        for (const QString &id : *v.myVotes)
            mine.push_back(str(id));
        j["myVotes"] = std::move(mine);
    }
}

void decode(const json &j, Poll &v, const QString &path)
{
    JsonReader r(j, path);
    v.question = r.string("question", limits::kPollQuestionMax);
    v.options = r.nestedList<PollOption>("options", limits::kPollOptionsMax);
    v.multipleChoice = r.optBool("multipleChoice", false);
    v.anonymous = r.optBool("anonymous", false);
    v.closesAt = r.optTimestamp("closesAt");
    v.closedAt = r.optTimestamp("closedAt");
    v.closedBy = r.optString("closedBy", {}, limits::kIdMax);
    v.voterCount = int(r.optInteger("voterCount", 0, 0, std::numeric_limits<int>::max()));
    v.myVotes.reset();
    if (r.has("myVotes"))
        v.myVotes = r.optStringList("myVotes", limits::kPollOptionsMax, limits::kIdMax);
    r.finish();
}
void from_json(const json &j, Poll &v) { decode(j, v, {}); }

void to_json(json &j, const NewPoll &v)
{
    json options = json::array();
    for (const QString &o : v.options)
        options.push_back(str(o));
    j = json{{"question", str(v.question)}, {"options", std::move(options)}};
    if (v.multipleChoice)
        j["multipleChoice"] = true;
    if (v.anonymous)
        j["anonymous"] = true;
    if (v.closesAt)
        j["closesAt"] = timeOrNull(v.closesAt);
}

// Counts and lengths beyond the decoder's hard caps are left to validateNewPoll, which names them.
void decode(const json &j, NewPoll &v, const QString &path)
{
    JsonReader r(j, path);
    v.question = r.string("question", limits::kPollQuestionMax * 4);
    v.options = r.optStringList("options", 100, limits::kPollOptionMax * 4);
    v.multipleChoice = r.optBool("multipleChoice", false);
    v.anonymous = r.optBool("anonymous", false);
    v.closesAt = r.optTimestamp("closesAt");
    r.finish();
}
void from_json(const json &j, NewPoll &v) { decode(j, v, {}); }

void to_json(json &j, const PollVote &v)
{
    json ids = json::array();
    for (const QString &id : v.optionIds)
        ids.push_back(str(id));
    j = json{{"optionIds", std::move(ids)}};
}

void from_json(const json &j, PollVote &v)
{
    JsonReader r(j);
    if (!r.has("optionIds"))
        r.fail("optionIds", QStringLiteral("is required (an empty list retracts the vote)"));
    v.optionIds = r.optStringList("optionIds", limits::kPollOptionsMax, limits::kIdMax);
    r.finish();
}

} // namespace confab
