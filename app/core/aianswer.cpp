// SPDX-License-Identifier: GPL-3.0-or-later
#include "aianswer.h"

#include "jsonreader.h"
#include "limits.h"

#include <array>
#include <limits>
#include <utility>

namespace confab {

using detail::JsonReader;
using detail::optStr;
using detail::str;
using nlohmann::json;

namespace {
constexpr std::array<std::pair<AiState, const char *>, 4> kAiStates{{{AiState::Streaming, "streaming"},
                                                                     {AiState::Done, "done"},
                                                                     {AiState::Error, "error"},
                                                                     {AiState::Cancelled, "cancelled"}}};
constexpr qint64 kTokensMax = std::numeric_limits<qint32>::max();
} // namespace

QString toString(AiState v)
{
    for (const auto &[value, name] : kAiStates) {
        if (value == v)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<AiState> aiStateFromString(const QString &s)
{
    for (const auto &[value, name] : kAiStates) {
        if (s == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

void to_json(json &j, const AiError &v) { j = json{{"code", str(v.code)}, {"message", str(v.message)}}; }

void decode(const json &j, AiError &v, const QString &path)
{
    JsonReader r(j, path);
    v.code = r.string("code", limits::kAiErrorCodeMax);
    v.message = r.string("message", limits::kAiErrorMessageMax);
    r.finish();
}
void from_json(const json &j, AiError &v) { decode(j, v, {}); }

void to_json(json &j, const AiAnswer &v)
{
    j = json{{"state", str(toString(v.state))}, {"askedBy", str(v.askedBy)}, {"model", str(v.model)}};
    if (v.error)
        j["error"] = *v.error;
    if (v.tokensIn)
        j["tokensIn"] = *v.tokensIn;
    if (v.tokensOut)
        j["tokensOut"] = *v.tokensOut;
}

void decode(const json &j, AiAnswer &v, const QString &path)
{
    JsonReader r(j, path);
    const QString state = r.string("state", 32);
    const auto parsed = aiStateFromString(state);
    if (!parsed)
        r.fail("state",
               QStringLiteral("unknown value \"%1\"; expected one of: streaming, done, error, cancelled").arg(state));
    v.state = *parsed;
    v.askedBy = r.optString("askedBy", {}, limits::kIdMax);
    v.model = r.optString("model", {}, limits::kAiModelMax);
    v.error.reset();
    if (const json *error = r.optObject("error")) {
        AiError e;
        decode(*error, e, r.pathOf("error"));
        v.error = std::move(e);
    }
    v.tokensIn.reset();
    v.tokensOut.reset();
    if (r.has("tokensIn"))
        v.tokensIn = r.optInteger("tokensIn", 0, 0, kTokensMax);
    if (r.has("tokensOut"))
        v.tokensOut = r.optInteger("tokensOut", 0, 0, kTokensMax);
    r.finish();
}
void from_json(const json &j, AiAnswer &v) { decode(j, v, {}); }

void to_json(json &j, const AiAskRequest &v)
{
    j = json{{"question", str(v.question)}};
    if (!v.context.isEmpty())
        j["context"] = str(v.context);
    if (!v.roomId.isEmpty())
        j["roomId"] = str(v.roomId);
}

void from_json(const json &j, AiAskRequest &v)
{
    JsonReader r(j);
    v.question = r.string("question", limits::kAiQuestionMax);
    if (v.question.trimmed().isEmpty())
        r.fail("question", QStringLiteral("must not be empty"));
    v.context = r.optString("context", {}, limits::kAiContextMax);
    v.roomId = r.optString("roomId", {}, limits::kIdMax);
    r.finish();
}

void to_json(json &j, const AiAskAnswer &v)
{
    json sources = json::array();
    for (const QString &id : v.sources)
        sources.push_back(str(id));
    j = json{{"response", str(v.response)},
             {"sources", std::move(sources)},
             {"confidence", v.confidence},
             {"responseTime", v.responseTime}};
}

void from_json(const json &j, AiAskAnswer &v)
{
    JsonReader r(j);
    v.response = r.string("response", limits::kContentHardMax);
    v.sources = r.optStringList("sources", limits::kAiSourcesMax, limits::kIdMax);
    v.confidence = r.number("confidence", 0.0, 1.0);
    v.responseTime = r.integer("responseTime", 0, std::numeric_limits<qint64>::max());
    r.finish();
}

} // namespace confab
