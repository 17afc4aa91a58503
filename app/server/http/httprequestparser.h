// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httplimits.h"
#include "httpmessage.h"

#include <http_parser.h>

namespace confab::server {

// Incremental HTTP/1.1 request parser over http_parser, enforcing HttpLimits. Knows nothing of
// sockets: feed() it bytes, it stops at each event so the caller can act between messages
// (100-continue, pipeline back-pressure) without the parser running ahead.
class HttpRequestParser {
public:
    enum class Event {
        NeedMore,        // every byte given was consumed; feed more
        HeadersComplete, // head() is valid; the body (if any) follows
        MessageComplete, // takeRequest() returns the whole request
        Error,           // error(); the connection must be closed
    };

    explicit HttpRequestParser(const HttpLimits &limits);
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Parses from data until the next event; *consumed says how many bytes were used.
    Event feed(const char *data, qsizetype size, qsizetype *consumed);

    // The request being parsed: method, target, path, query and headers once headers are complete.
    const HttpRequest &head() const { return m_request; }
    HttpRequest takeRequest();

    bool inMessage() const { return m_inMessage; }         // some bytes of a request seen
    bool headersComplete() const { return m_headersDone; } // ... and its header block is complete
    bool keepAlive() const { return m_keepAlive; }
    bool expectsContinue() const { return m_expectContinue; }
    bool bodyFollows() const { return m_bodyFollows; } // the head announced a body (length > 0 or chunked)
    bool isHead() const { return m_isHead; }
    int httpMinor() const { return m_parser.http_minor; }

    // From now until the message completes, body bytes go to `sink` instead of into the request
    // (the limits still apply). The parser does not own it.
    void setBodySink(BodySink *sink) { m_sink = sink; }

    const ApiError &error() const { return m_error; }

private:
    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t length);
    static int onHeaderField(http_parser *p, const char *at, size_t length);
    static int onHeaderValue(http_parser *p, const char *at, size_t length);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t length);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings &settings();

    int finishHead();
    bool countHeaderBytes(qsizetype n);
    int fail(ErrorCode code, QString message);
    int fail(ApiError error);
    bool foldedHeaderIn(const char *data, qsizetype size);

    HttpLimits m_limits;
    http_parser m_parser;
    HttpRequest m_request;
    Event m_event = Event::NeedMore;
    qsizetype m_headerBytes = 0;
    qint64 m_bodyLimit = 0;
    qint64 m_bodyBytes = 0;
    BodySink *m_sink = nullptr;
    bool m_inMessage = false;
    bool m_headersDone = false;
    bool m_lastWasValue = false;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    bool m_bodyFollows = false;
    bool m_afterLineFeed = false; // the last head byte scanned was LF (obs-fold detection)
    bool m_isHead = false;
    bool m_failed = false;
    ApiError m_error;
};

} // namespace confab::server
