// SPDX-License-Identifier: GPL-3.0-or-later
// HttpRequestParser (http_parser plus our limits, obs-fold and URL checks) over a stream of
// pipelined requests, delivered in fuzzer-chosen chunks. The oracle: the same stream read in one
// piece yields the same requests, and every byte is either consumed or refused.

#include "fuzzinput.h"

#include "http/httprequestparser.h"

#include <QList>

#include <cstdlib>

using namespace confab::server;

namespace {

struct Outcome {
    QList<QByteArray> requests; // method, target, headers and body of each complete request
    bool failed = false;
};

QByteArray describe(const HttpRequest &r)
{
    QByteArray s = r.method + ' ' + r.target + '\n' + r.path.toUtf8() + '\n';
    for (const auto &[name, value] : r.headers)
        s += name + ": " + value + '\n';
    return s + '\n' + r.body;
}

Outcome parse(const QByteArray &stream, const std::vector<qsizetype> &chunks)
{
    HttpLimits limits;
    limits.maxHeaderBytes = 2048; // small limits so the fuzzer reaches them
    limits.maxUrlBytes = 512;
    limits.maxBodyBytes = 1024;
    HttpRequestParser parser(limits);
    Outcome out;
    qsizetype base = 0;
    for (const qsizetype chunk : chunks) {
        qsizetype pos = 0;
        while (pos < chunk) {
            qsizetype used = 0;
            const auto event = parser.feed(stream.constData() + base + pos, chunk - pos, &used);
            if (used < 0 || used > chunk - pos)
                std::abort(); // consumed more than it was given
            pos += used;
            if (event == HttpRequestParser::Event::Error) {
                if (parser.error().message.isEmpty())
                    std::abort(); // every refusal names what was wrong
                out.failed = true;
                return out;
            }
            if (event == HttpRequestParser::Event::MessageComplete)
                out.requests.push_back(describe(parser.takeRequest()));
            else if (event == HttpRequestParser::Event::NeedMore && pos < chunk)
                std::abort(); // NeedMore promises every byte was consumed
        }
        base += chunk;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = confab::fuzz::ChunkedStream::split(data, size);
    const Outcome chunked = parse(input.stream, input.chunks);
    const Outcome whole = parse(input.stream, {input.stream.size()});
    // Chunk boundaries must not change what was parsed, nor whether it was refused.
    if (chunked.failed != whole.failed || chunked.requests != whole.requests)
        std::abort();
    return 0;
}
