// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssestreamparser.h"

#include <nlohmann/json.hpp>

namespace confab::server {

using nlohmann::json;

namespace {

QString textOf(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

std::optional<qint64> countOf(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

QString errorText(const json &error)
{
    if (error.is_string())
        return QString::fromStdString(error.get<std::string>());
    if (error.is_object()) {
        QString message = textOf(error, "message");
        if (message.isEmpty())
            message = QString::fromStdString(error.dump());
        return message;
    }
    return QString::fromStdString(error.dump());
}

} // namespace

std::optional<ChatChunk> SseStreamParser::parseChunk(const QByteArray &payload)
{
    const json j = json::parse(payload.constData(), payload.constData() + payload.size(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    ChatChunk c;
    if (const auto e = j.find("error"); e != j.end() && !e->is_null())
        c.error = errorText(*e);
    if (const auto choices = j.find("choices"); choices != j.end() && choices->is_array() && !choices->empty()) {
        const json &choice = choices->front();
        if (choice.is_object()) {
            if (const auto d = choice.find("delta"); d != choice.end() && d->is_object()) {
                c.content = textOf(*d, "content");
                c.reasoning = textOf(*d, "reasoning_content");
                if (c.reasoning.isEmpty())
                    c.reasoning = textOf(*d, "reasoning");
            } else if (const auto m = choice.find("message"); m != choice.end() && m->is_object()) {
                c.content = textOf(*m, "content"); // a whole answer (stream: false servers)
            } else {
                c.content = textOf(choice, "text"); // legacy completions
            }
            c.finishReason = textOf(choice, "finish_reason");
        }
    }
    if (const auto u = j.find("usage"); u != j.end() && u->is_object()) {
        c.promptTokens = countOf(*u, "prompt_tokens");
        c.completionTokens = countOf(*u, "completion_tokens");
    }
    return c;
}

void SseStreamParser::dispatch(std::vector<ChatChunk> &out)
{
    if (!m_hasData)
        return;
    ++m_events;
    const QByteArray payload = m_data.trimmed();
    m_data.clear();
    m_hasData = false;
    if (payload == "[DONE]") {
        m_done = true;
        return;
    }
    if (auto c = parseChunk(payload))
        out.push_back(std::move(*c));
}

std::vector<ChatChunk> SseStreamParser::feed(const QByteArray &bytes)
{
    std::vector<ChatChunk> out;
    m_buffer += bytes;
    qsizetype start = 0;
    while (!m_done) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            dispatch(out);
            continue;
        }
        if (line.startsWith(':'))
            continue; // a comment (keep-alive)
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            if (m_hasData)
                m_data += '\n';
            m_data += value;
            m_hasData = true;
        }
    }
    m_buffer.remove(0, start);
    return out;
}

std::vector<ChatChunk> SseStreamParser::finish()
{
    std::vector<ChatChunk> out;
    if (!m_done && !m_buffer.isEmpty())
        out = feed(QByteArrayLiteral("\n"));
    if (!m_done)
        dispatch(out);
    return out;
}

QString modelErrorMessage(const QByteArray &body)
{
    const json j = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        for (const char *key : {"error", "message", "detail"}) {
            if (const auto it = j.find(key); it != j.end() && !it->is_null())
                return errorText(*it).left(500);
        }
    }
    return QString::fromUtf8(body.left(300)).simplified();
}

} // namespace confab::server
