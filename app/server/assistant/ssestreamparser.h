// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace confab::server {

// What one chunk of an OpenAI-compatible stream says (choices[0].delta and friends).
struct ChatChunk {
    QString content;      // new answer text (null and missing both empty)
    QString reasoning;    // reasoning_content / reasoning: thinking the answer leaves out
    QString finishReason; // set on the last chunk of the choice
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    QString error; // an {"error": {...}} object sent inside the stream
};

// A tolerant parser of the server-sent-events stream of /v1/chat/completions: bytes may be split
// anywhere (even inside a UTF-8 sequence or a line ending), lines end in \n or \r\n, several data
// lines make one event, comments and other fields are skipped, `data: [DONE]` ends it (but need
// not come), and a chunk that is not JSON is skipped rather than fatal.
class SseStreamParser {
public:
    // Feeds more bytes; returns the chunks of the events they completed.
    std::vector<ChatChunk> feed(const QByteArray &bytes);
    // The end of the stream: an event left without its blank line still counts.
    std::vector<ChatChunk> finish();
    bool sawDone() const { return m_done; }
    bool sawAnyEvent() const { return m_events > 0; }

    // One `data:` payload decoded; nullopt when it is not a JSON object.
    static std::optional<ChatChunk> parseChunk(const QByteArray &payload);

private:
    void dispatch(std::vector<ChatChunk> &out);

    QByteArray m_buffer;
    QByteArray m_data; // the data lines of the event being read
    bool m_hasData = false;
    bool m_done = false;
    int m_events = 0;
};

// The error message of a non-stream answer body: {"error":{"message":...}}, {"error":"..."},
// {"message":...} or {"detail":...}; else the start of the body as text.
QString modelErrorMessage(const QByteArray &body);

} // namespace confab::server
