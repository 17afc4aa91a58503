// SPDX-License-Identifier: GPL-3.0-or-later
// Our own WebSocket framing code (Qt WebSockets' parser is third-party and not targeted here):
// - WebSocketFrameScanner, which follows client frame headers below Qt (unmasked frames, close
//   frames, ping sizes), over a stream in fuzzer-chosen chunks: the chunking must not change what
//   it finds;
// - the frames FrameWriter sends (webSocketTextFrame, webSocketCloseFrame), decoded back by an
//   independent reader here: right lengths, payload intact, a close reason of at most 123 bytes
//   of valid UTF-8, and the scanner reads them as one whole frame each.

#include "fuzzinput.h"

#include "http/websocketinputguard.h"
#include "realtime/framewriter.h"

#include <QStringDecoder>

#include <cstdlib>

using namespace confab::server;

namespace {

struct ScanResult {
    WebSocketFrameScanner::Found found = WebSocketFrameScanner::Found::Nothing;
    qint64 pongBytes = 0;
    bool operator==(const ScanResult &) const = default;
};

ScanResult scan(const QByteArray &stream, const std::vector<qsizetype> &chunks, bool lookForClose)
{
    WebSocketFrameScanner scanner;
    if (lookForClose)
        scanner.lookForClose();
    ScanResult r;
    qsizetype base = 0;
    for (const qsizetype chunk : chunks) {
        r.found = scanner.feed(stream.constData() + base, chunk);
        r.pongBytes += scanner.takePongBytes();
        if (r.found != WebSocketFrameScanner::Found::Nothing)
            return r; // the guard acts on the first finding; the rest is never scanned
        base += chunk;
    }
    return r;
}

// Decodes one unmasked server frame; aborts on anything malformed.
QByteArray payloadOf(const QByteArray &frame, int opcode)
{
    if (frame.size() < 2 || static_cast<unsigned char>(frame[0]) != (0x80 | opcode))
        std::abort();
    const int code = frame[1] & 0x7F;
    if ((frame[1] & 0x80) != 0)
        std::abort(); // servers never mask
    qsizetype header = 2;
    quint64 length = quint64(code);
    if (code == 126 || code == 127) {
        const int n = code == 126 ? 2 : 8;
        if (frame.size() < 2 + n)
            std::abort();
        length = 0;
        for (int i = 0; i < n; ++i)
            length = (length << 8) | static_cast<unsigned char>(frame[2 + i]);
        header += n;
        if ((code == 126 && length < 126) || (code == 127 && length <= 0xFFFF))
            std::abort(); // RFC 6455 5.2: the minimal number of bytes must be used
    }
    if (quint64(frame.size() - header) != length)
        std::abort();
    return frame.mid(header);
}

void checkWriter(const QByteArray &input)
{
    const QByteArray text = webSocketTextFrame(input);
    if (payloadOf(text, 0x1) != input)
        std::abort();

    const quint16 code = input.size() >= 2 ? quint16((quint8(input[0]) << 8) | quint8(input[1])) : 1000;
    const QString reason = QString::fromUtf8(input.mid(2));
    const QByteArray close = webSocketCloseFrame(code, reason);
    const QByteArray closePayload = payloadOf(close, 0x8);
    if (closePayload.size() < 2 || closePayload.size() > 125)
        std::abort(); // a control frame's payload is at most 125 bytes
    if (quint16((quint8(closePayload[0]) << 8) | quint8(closePayload[1])) != code)
        std::abort();
    const QByteArray reasonBytes = closePayload.mid(2);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(reasonBytes);
    if (decoder.hasError() || (!decoded.isEmpty() && !reason.startsWith(decoded)))
        std::abort(); // cut inside a character, or not a prefix of the reason

    // The scanner sees each as one whole unmasked frame, its payload still to come.
    for (const QByteArray &frame : {text, close}) {
        WebSocketFrameScanner scanner;
        if (scanner.feed(frame.constData(), frame.size()) != WebSocketFrameScanner::Found::UnmaskedFrame)
            std::abort();
        const qsizetype headerSize = frame.size() - (frame == text ? input.size() : closePayload.size());
        if (scanner.payloadLeft() != quint64(frame.size() - headerSize))
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    ++data;
    --size;
    if (mode & 0x80) {
        checkWriter(confab::fuzz::bytes(data, size));
        return 0;
    }
    const auto input = confab::fuzz::ChunkedStream::split(data, size);
    const bool lookForClose = (mode & 1) != 0;
    const ScanResult chunked = scan(input.stream, input.chunks, lookForClose);
    const ScanResult whole = scan(input.stream, {input.stream.size()}, lookForClose);
    if (!(chunked == whole))
        std::abort();
    return 0;
}
