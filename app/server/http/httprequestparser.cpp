// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprequestparser.h"

#include <QUrl>

#include <cstring>
#include <limits>

namespace confab::server {

namespace {
HttpRequestParser *self(http_parser *p) { return static_cast<HttpRequestParser *>(p->data); }

// http_parser_parse_url reports offsets as uint16_t.
constexpr qsizetype kParseUrlMax = std::numeric_limits<uint16_t>::max();
} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits) : m_limits(limits)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

const http_parser_settings &HttpRequestParser::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings v;
        http_parser_settings_init(&v);
        v.on_message_begin = &HttpRequestParser::onMessageBegin;
        v.on_url = &HttpRequestParser::onUrl;
        v.on_header_field = &HttpRequestParser::onHeaderField;
        v.on_header_value = &HttpRequestParser::onHeaderValue;
        v.on_headers_complete = &HttpRequestParser::onHeadersComplete;
        v.on_body = &HttpRequestParser::onBody;
        v.on_message_complete = &HttpRequestParser::onMessageComplete;
        return v;
    }();
    return s;
}

HttpRequestParser::Event HttpRequestParser::feed(const char *data, qsizetype size, qsizetype *consumed)
{
    *consumed = 0;
    if (m_failed)
        return Event::Error;
    if (size <= 0)
        return Event::NeedMore; // a zero-length execute would mean end of stream to http_parser

    m_event = Event::NeedMore;
    // Between messages or inside a head, every byte up to the pause at HeadersComplete is head.
    const bool inHead = !m_inMessage || !m_headersDone;
    const size_t n = http_parser_execute(&m_parser, &settings(), data, size_t(size));
    *consumed = qsizetype(n);
    if (inHead && !m_failed && foldedHeaderIn(data, qsizetype(n))) {
        // http_parser joins obs-fold lines silently; RFC 9112 lets us reject them, and a proxy in
        // front that reads the lines differently would make that a request-smuggling vector.
        fail(ErrorCode::BadRequest,
             QStringLiteral("folded header line (obs-fold): send each header name and value on one line"));
        return Event::Error;
    }

    const auto err = HTTP_PARSER_ERRNO(&m_parser);
    if (err == HPE_PAUSED) {
        // Our callbacks pause at each event so the caller acts before the next bytes are parsed.
        http_parser_pause(&m_parser, 0);
        return m_event;
    }
    if (err != HPE_OK) {
        if (!m_failed) { // an http_parser syntax error rather than one of our limits
            if (err == HPE_HEADER_OVERFLOW) {
                fail(ErrorCode::HeadersTooLarge, QStringLiteral("request headers are too large"));
            } else {
                fail(
                    ErrorCode::BadRequest,
                    QStringLiteral("malformed HTTP request: %1").arg(QString::fromLatin1(http_errno_description(err))));
            }
        }
        return Event::Error;
    }
    return m_event;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_request);
    m_request = HttpRequest{};
    return r;
}

bool HttpRequestParser::foldedHeaderIn(const char *data, qsizetype size)
{
    // A line of the head that starts with a space or tab continues the previous one.
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (m_afterLineFeed && (c == ' ' || c == '\t'))
            return true;
        m_afterLineFeed = c == '\n';
    }
    return false;
}

int HttpRequestParser::fail(ErrorCode code, QString message)
{
    ApiError error;
    error.code = code;
    error.message = std::move(message);
    return fail(std::move(error));
}

int HttpRequestParser::fail(ApiError error)
{
    m_failed = true;
    m_inMessage = false;
    m_error = std::move(error);
    return -1; // any value other than 0 (and 1/2 from on_headers_complete) stops http_parser
}

bool HttpRequestParser::countHeaderBytes(qsizetype n)
{
    m_headerBytes += n;
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        fail(ErrorCode::HeadersTooLarge,
             QStringLiteral("request line and headers exceed the %1-byte limit").arg(m_limits.maxHeaderBytes));
        return false;
    }
    return true;
}

int HttpRequestParser::onMessageBegin(http_parser *p)
{
    HttpRequestParser *d = self(p);
    d->m_request = HttpRequest{};
    d->m_headerBytes = 0;
    d->m_bodyLimit = 0;
    d->m_bodyBytes = 0;
    d->m_sink = nullptr;
    d->m_inMessage = true;
    d->m_headersDone = false;
    d->m_lastWasValue = false;
    d->m_keepAlive = true;
    d->m_expectContinue = false;
    d->m_bodyFollows = false;
    d->m_isHead = false;
    return 0;
}

int HttpRequestParser::onUrl(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = self(p);
    d->m_request.target.append(at, qsizetype(length));
    const qsizetype maxUrl = qMin<qsizetype>(d->m_limits.maxUrlBytes, kParseUrlMax);
    if (d->m_request.target.size() > maxUrl) {
        return d->fail(ErrorCode::BadRequest,
                       QStringLiteral("request target is longer than the %1-byte limit").arg(maxUrl));
    }
    return d->countHeaderBytes(qsizetype(length)) ? 0 : -1;
}

int HttpRequestParser::onHeaderField(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = self(p);
    // Each header costs its name, value and about 4 bytes of ": " and CRLF.
    const bool newHeader = d->m_lastWasValue || d->m_request.headers.isEmpty() || d->m_headersDone;
    if (!d->countHeaderBytes(qsizetype(length) + (newHeader ? 4 : 0)))
        return -1;
    if (d->m_headersDone)
        return 0; // chunked trailer: counted against the limit, otherwise ignored
    if (newHeader)
        d->m_request.headers.append(QPair<QByteArray, QByteArray>());
    d->m_request.headers.last().first.append(QByteArray(at, qsizetype(length)).toLower());
    d->m_lastWasValue = false;
    return 0;
}

int HttpRequestParser::onHeaderValue(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = self(p);
    if (!d->countHeaderBytes(qsizetype(length)))
        return -1;
    if (d->m_headersDone)
        return 0;
    if (d->m_request.headers.isEmpty()) // cannot happen with http_parser; keeps last() safe
        return d->fail(ErrorCode::BadRequest, QStringLiteral("malformed HTTP request: header value without a name"));
    d->m_request.headers.last().second.append(at, qsizetype(length));
    d->m_lastWasValue = true;
    return 0;
}

int HttpRequestParser::onHeadersComplete(http_parser *p)
{
    HttpRequestParser *d = self(p);
    const int rc = d->finishHead();
    if (rc != 0)
        return rc;
    d->m_event = Event::HeadersComplete;
    http_parser_pause(p, 1);
    return 0;
}

namespace {
// RFC 9110 token characters. http_parser (as Debian builds it, non-strict) lets spaces into
// header names, so "Content-Length : 5" would reach us; the RFC says to reject it.
bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
        if (!ok || c == '\0')
            return false;
    }
    return true;
}
} // namespace

int HttpRequestParser::finishHead()
{
    m_headersDone = true;
    for (auto &h : m_request.headers) {
        if (!isToken(h.first)) {
            return fail(ErrorCode::BadRequest, QStringLiteral("malformed HTTP request: invalid header name \"%1\"")
                                                   .arg(QString::fromLatin1(h.first.left(64))));
        }
        h.second = h.second.trimmed(); // obsolete line folding was refused in feed()
        // We de-chunk but never decode: a body in gzip (or anything else) would reach handlers raw.
        if (h.first == "transfer-encoding" &&
            h.second.compare(QByteArrayLiteral("chunked"), Qt::CaseInsensitive) != 0) {
            return fail(ErrorCode::BadRequest, QStringLiteral("Transfer-Encoding \"%1\" is not supported; only chunked")
                                                   .arg(QString::fromLatin1(h.second.left(64))));
        }
    }

    if (m_parser.http_major != 1) {
        return fail(ErrorCode::BadRequest, QStringLiteral("unsupported HTTP version %1.%2; this server speaks HTTP/1.1")
                                               .arg(m_parser.http_major)
                                               .arg(m_parser.http_minor));
    }
    // RFC 9112 3.2: an HTTP/1.1 request without exactly one Host header is answered with 400.
    if (m_parser.http_minor >= 1) {
        int hosts = 0;
        for (const auto &h : m_request.headers)
            hosts += h.first == "host" ? 1 : 0;
        if (hosts != 1) {
            return fail(ErrorCode::BadRequest, hosts == 0 ? QStringLiteral("an HTTP/1.1 request needs a Host header")
                                                          : QStringLiteral("more than one Host header"));
        }
    }
    const auto method = static_cast<http_method>(m_parser.method);
    if (method == HTTP_CONNECT)
        return fail(ErrorCode::MethodNotAllowed, QStringLiteral("the CONNECT method is not supported"));
    m_request.method = QByteArray(http_method_str(method));
    m_isHead = method == HTTP_HEAD;

    http_parser_url url;
    http_parser_url_init(&url);
    const QByteArray &target = m_request.target;
    if (http_parser_parse_url(target.constData(), size_t(target.size()), 0, &url) != 0)
        return fail(ErrorCode::BadRequest, QStringLiteral("invalid request target"));
    auto field = [&](http_parser_url_fields f) {
        return (url.field_set & (1u << f)) ? target.mid(url.field_data[f].off, url.field_data[f].len) : QByteArray();
    };
    QByteArray rawPath = field(UF_PATH);
    if (rawPath.isEmpty())
        rawPath = QByteArrayLiteral("/"); // absolute-form without a path: "http://host"
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (url.field_set & (1u << UF_QUERY))
        m_request.query = QUrlQuery(QString::fromUtf8(field(UF_QUERY)));

    m_keepAlive = http_should_keep_alive(&m_parser) != 0;
    m_bodyFollows = (m_parser.flags & F_CHUNKED) || ((m_parser.flags & F_CONTENTLENGTH) && m_parser.content_length > 0);
    const QByteArray expect = m_request.header("expect");
    const bool expectsContinue = expect.compare(QByteArrayLiteral("100-continue"), Qt::CaseInsensitive) == 0;
    // RFC 9110 10.1.1: an expectation we cannot meet gets 417 (ignored from HTTP/1.0, which predates it).
    if (!expect.isEmpty() && !expectsContinue && m_parser.http_minor >= 1) {
        return fail(ErrorCode::ExpectationFailed, QStringLiteral("Expect \"%1\" is not supported; only 100-continue")
                                                      .arg(QString::fromLatin1(expect.left(64))));
    }
    m_expectContinue = m_bodyFollows && m_parser.http_minor >= 1 && expectsContinue;

    // File bodies stream to disk (see BodySink), so they may be far larger than JSON.
    const bool upload = m_request.path.startsWith(QLatin1String("/v1/files")) ||
                        (method == HTTP_PATCH && m_request.path.startsWith(QLatin1String("/v1/uploads/")));
    m_bodyLimit = upload ? m_limits.maxUploadBytes : m_limits.maxBodyBytes;
    if (m_parser.flags & F_CONTENTLENGTH) {
        const quint64 length = m_parser.content_length;
        if (length > quint64(m_bodyLimit)) {
            ApiError tooLarge;
            tooLarge.code = ErrorCode::PayloadTooLarge;
            tooLarge.message =
                QStringLiteral("request body of %1 bytes exceeds the %2-byte limit").arg(length).arg(m_bodyLimit);
            tooLarge.details.limit = m_bodyLimit;
            return fail(std::move(tooLarge));
        }
        // Capped: a head alone must not make us allocate a whole upload's worth of memory.
        m_request.body.reserve(qsizetype(qMin<quint64>(length, 256 * 1024)));
    }
    return 0;
}

int HttpRequestParser::onBody(http_parser *p, const char *at, size_t length)
{
    HttpRequestParser *d = self(p);
    if (d->m_bodyBytes + qint64(length) > d->m_bodyLimit) { // chunked bodies have no length up front
        return d->fail(ErrorCode::PayloadTooLarge,
                       QStringLiteral("request body exceeds the %1-byte limit").arg(d->m_bodyLimit));
    }
    d->m_bodyBytes += qint64(length);
    if (d->m_sink) {
        if (!d->m_sink->write(at, qsizetype(length))) {
            return d->fail(d->m_sink->refusal());
        }
        return 0;
    }
    d->m_request.body.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onMessageComplete(http_parser *p)
{
    HttpRequestParser *d = self(p);
    d->m_inMessage = false;
    d->m_afterLineFeed = false;
    d->m_event = Event::MessageComplete;
    http_parser_pause(p, 1);
    return 0;
}

} // namespace confab::server
