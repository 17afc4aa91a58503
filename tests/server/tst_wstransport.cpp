// SPDX-License-Identifier: GPL-3.0-or-later
// The WebSocket transport against a real confab-server process, below what a WebSocket library
// lets a client do: raw sockets that send frames with the handshake, unmasked frames, floods of
// pings and bad frames, and read the close handshake byte by byte. Also what no input may do to
// the JSON parser, over both transports.

#include "apitestutil.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace confab::test;

namespace {

std::string typeOf(const json &f) { return f.value("type", std::string()); }

enum Opcode { kText = 0x1, kClose = 0x8, kPing = 0x9, kPong = 0xA };

// A client frame: masked unless told otherwise (RFC 6455 requires clients to mask).
QByteArray clientFrame(int opcode, const QByteArray &payload, bool masked = true)
{
    QByteArray f;
    f.append(char(0x80 | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        f.append(char(maskBit | char(payload.size())));
    } else {
        f.append(char(maskBit | 126));
        f.append(char((payload.size() >> 8) & 0xFF));
        f.append(char(payload.size() & 0xFF));
    }
    if (!masked)
        return f + payload;
    const quint32 key = QRandomGenerator::global()->generate();
    const char k[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    f.append(k, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f.append(char(payload[i] ^ k[i % 4]));
    return f;
}

QByteArray textFrame(const json &j, bool masked = true)
{
    return clientFrame(kText, QByteArray::fromStdString(j.dump()), masked);
}

QByteArray closeFrame(quint16 code)
{
    const char payload[2] = {char(code >> 8), char(code & 0xFF)};
    return clientFrame(kClose, QByteArray(payload, 2));
}

QByteArray handshakeRequest(quint16 port, const QString &token = {})
{
    const QByteArray path = token.isEmpty() ? QByteArray("/chat") : "/chat?token=" + token.toUtf8();
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " +
           QByteArray("confab-raw-test!").toBase64() + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

// A blocking client socket (the server is another process, so blocking calls are fine here).
// Every read and write gives up after a few seconds instead of hanging the test.
class RawSocket {
public:
    ~RawSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool connectTo(quint16 port, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        if (receiveBuffer > 0)
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        timeval timeout{10, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) == 0;
    }

    // False once the peer is gone (reset or closed) or on time-out; errno says which.
    bool write(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.data() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }

    // Reads the server's handshake answer (up to the blank line) and nothing more.
    QByteArray readHandshakeAnswer()
    {
        QByteArray answer;
        while (!answer.endsWith("\r\n\r\n")) {
            char c;
            if (::recv(m_fd, &c, 1, 0) != 1)
                break;
            answer.append(c);
        }
        return answer;
    }

    struct Frame {
        int opcode = -1; // -1: none (end of stream, reset or time-out; see error)
        QByteArray payload;
        int error = 0; // errno of a failed read, 0 for a clean end of stream
    };

    // The next server frame.
    Frame readFrame()
    {
        Frame f;
        QByteArray header;
        if (!readExactly(2, &header, &f.error))
            return f;
        quint64 length = quint8(header[1]) & 0x7F;
        QByteArray extended;
        if (length >= 126) {
            const int n = length == 126 ? 2 : 8;
            if (!readExactly(n, &extended, &f.error))
                return f;
            length = 0;
            for (char c : extended)
                length = (length << 8) | quint8(c);
        }
        if (!readExactly(qsizetype(length), &f.payload, &f.error))
            return f;
        f.opcode = quint8(header[0]) & 0x0F;
        return f;
    }

    int fd() const { return m_fd; }

private:
    bool readExactly(qsizetype n, QByteArray *out, int *error)
    {
        out->resize(n);
        qsizetype done = 0;
        while (done < n) {
            const ssize_t r = ::recv(m_fd, out->data() + done, size_t(n - done), 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                *error = r < 0 ? errno : 0;
                return false;
            }
            done += r;
        }
        return true;
    }

    int m_fd = -1;
};

json parsePayload(const QByteArray &payload) { return json::parse(payload.toStdString(), nullptr, false); }

quint16 closeCodeOf(const RawSocket::Frame &f)
{
    return f.payload.size() >= 2 ? quint16((quint8(f.payload[0]) << 8) | quint8(f.payload[1])) : 0;
}

} // namespace

class TestWsTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numberOutOfRangeIsInvalidJson();
    void duplicateKeysAreInvalidJson();
    void framesSentBeforeHelloWait();
    void frameInTheHandshakeWrite();
    void closeSurvivesAFloodOfBadFrames();
    void unmaskedFrameIsAProtocolError();
    void pingFloodIsBounded();

private:
    void openRaw(RawSocket &s, const QString &token = {}, int receiveBuffer = 0);

    TestServer m_server;
    Account m_alice;
    QString m_room;
};

void TestWsTransport::initTestCase()
{
    QVERIFY(m_server.start(TestServer::relaxedArgs() +
                           QStringList{QStringLiteral("--max-queued-bytes"), QStringLiteral("65536")}));
    m_alice = makeAccount(m_server, QStringLiteral("alice"), QStringLiteral("Alice"));
    QVERIFY(!m_alice.id.isEmpty());
    m_room = qs(createRoom(m_alice, QStringLiteral("Lobby"), QStringLiteral("public"))["roomId"]);
    QVERIFY(!m_room.isEmpty());
}

void TestWsTransport::openRaw(RawSocket &s, const QString &token, int receiveBuffer)
{
    QVERIFY(s.connectTo(m_server.port(), receiveBuffer));
    QVERIFY(s.write(handshakeRequest(m_server.port(), token)));
    const QByteArray answer = s.readHandshakeAnswer();
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
}

void TestWsTransport::numberOutOfRangeIsInvalidJson()
{
    // Once a frame like this, before any authentication, made the parser throw an exception
    // nobody caught, and the server aborted.
    WsClient ws;
    QVERIFY(ws.openRaw(m_server.wsUrl()));
    ws.sendText(QStringLiteral(R"({"n":1e400})"));
    const json err = ws.waitForType("error");
    QVERIFY2(!err.is_null(), "no error for a number out of range");
    QCOMPARE(qs(err["code"]), QStringLiteral("INVALID_JSON"));
    QVERIFY2(qs(err["message"]).contains(QStringLiteral("at byte 10")), err.dump().c_str());
    QVERIFY(ws.isConnected());
    QVERIFY(m_server.isRunning());

    // REST: the same body is a 400 naming the place, not a 500.
    RestClient rest(m_server.httpUrl());
    const RestReply r = rest.send("POST", QStringLiteral("/v1/auth/login"), R"({"username":"alice","password":1e400})");
    CHECK_ERROR(r, 400, "INVALID_JSON", "");
    QVERIFY2(qs(r.body["error"]["message"]).contains(QStringLiteral("at byte")), r.raw.constData());

    // A long token is quoted, if at all, only in part: in the answer and in the log.
    const QByteArray digits(20000, '7');
    const RestReply longOne =
        rest.send("POST", QStringLiteral("/v1/auth/login"), "{\"username\":" + digits + "e99999}");
    CHECK_ERROR(longOne, 400, "INVALID_JSON", "");
    QVERIFY(longOne.raw.size() < 1000);
    ws.sendText(QStringLiteral("[%1e99999]").arg(QString::fromLatin1(digits)));
    QCOMPARE(qs(ws.waitForType("error")["code"]), QStringLiteral("INVALID_JSON"));
    CHECK_STATUS(rest.get(QStringLiteral("/healthz")), 200);
    QVERIFY(!m_server.output().contains(digits.left(200)));
}

void TestWsTransport::duplicateKeysAreInvalidJson()
{
    auto ws = connectWs(m_server, m_alice);
    QVERIFY(ws);
    ws->sendText(QStringLiteral(R"({"type":"ping","id":"a","id":"b"})"));
    const json err = ws->waitForType("error");
    QVERIFY2(!err.is_null(), "no error for a duplicate key");
    QCOMPARE(qs(err["code"]), QStringLiteral("INVALID_JSON"));
    QVERIFY2(qs(err["message"]).contains(QStringLiteral("duplicate key \"id\"")), err.dump().c_str());
    QVERIFY(ws->noneOfType("pong", 200));

    RestClient rest(m_server.httpUrl());
    const RestReply r = rest.send("POST", QStringLiteral("/v1/auth/login"),
                                  R"({"username":"alice","password":"correct horse","username":"bob"})");
    CHECK_ERROR(r, 400, "INVALID_JSON", "");
    QVERIFY2(qs(r.body["error"]["message"]).contains(QStringLiteral("\"username\"")), r.raw.constData());
}

void TestWsTransport::framesSentBeforeHelloWait()
{
    // Clients that send join_room right after connecting with a token, without waiting for
    // hello: their frames wait for the token check instead of being refused.
    constexpr int kClients = 40;
    std::vector<std::unique_ptr<WsClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        auto ws = std::make_unique<WsClient>();
        QVERIFY(ws->openRaw(m_server.wsUrl(m_alice.token())));
        ws->send({{"type", "join_room"}, {"roomId", ss(m_room)}, {"ref", "j" + std::to_string(i)}});
        ws->send({{"type", "ping"}, {"id", "after-join"}}); // handled too, after join_room
        clients.push_back(std::move(ws));
    }
    for (int i = 0; i < kClients; ++i) {
        WsClient &ws = *clients[size_t(i)];
        QVERIFY(!ws.waitForType("hello").is_null());
        // history (which carries no ref), or an error for this ref
        const json answer = ws.waitFor(
            [&](const json &f) { return typeOf(f) == "history" || f.value("ref", json()) == "j" + std::to_string(i); });
        QVERIFY2(typeOf(answer) == "history", answer.dump().c_str());
        const json pong = ws.waitForType("pong");
        QCOMPARE(qs(pong["id"]), QStringLiteral("after-join"));
        for (const json &f : ws.frames())
            QVERIFY2(typeOf(f) != "error", f.dump().c_str());
    }
}

void TestWsTransport::frameInTheHandshakeWrite()
{
    // The handshake and the first frame in one write: the frame used to be read with the
    // handshake and dropped before anyone listened.
    {
        RawSocket s;
        QVERIFY(s.connectTo(m_server.port()));
        QVERIFY(
            s.write(handshakeRequest(m_server.port()) + textFrame({{"type", "auth"}, {"token", ss(m_alice.token())}})));
        QVERIFY(s.readHandshakeAnswer().startsWith("HTTP/1.1 101"));
        const RawSocket::Frame f = s.readFrame();
        QCOMPARE(f.opcode, int(kText));
        QCOMPARE(typeOf(parsePayload(f.payload)), std::string("hello"));
    }
    {
        // With the token in the URL, a frame in the same write waits for the token check.
        RawSocket s;
        QVERIFY(s.connectTo(m_server.port()));
        QVERIFY(s.write(handshakeRequest(m_server.port(), m_alice.token()) +
                        textFrame({{"type", "join_room"}, {"roomId", ss(m_room)}, {"ref", "in-handshake"}})));
        QVERIFY(s.readHandshakeAnswer().startsWith("HTTP/1.1 101"));
        std::vector<std::string> types;
        for (int i = 0; i < 10 && (types.empty() || types.back() != "history"); ++i) {
            const RawSocket::Frame f = s.readFrame();
            QCOMPARE(f.opcode, int(kText));
            const json j = parsePayload(f.payload);
            QVERIFY2(typeOf(j) != "error", j.dump().c_str());
            types.push_back(typeOf(j));
        }
        QCOMPARE(types.front(), std::string("hello"));
        QCOMPARE(types.back(), std::string("history"));
    }
}

void TestWsTransport::closeSurvivesAFloodOfBadFrames()
{
    // 300 bad frames at once: the server answers the first ten, closes with 1008, and that close
    // frame reaches the client (the connection is not reset under it).
    RawSocket s;
    openRaw(s, m_alice.token());
    QCOMPARE(typeOf(parsePayload(s.readFrame().payload)), std::string("hello"));
    // One write per frame, as fast as possible: the server closes while more keeps coming.
    for (int i = 0; i < 300; ++i) {
        if (!s.write(clientFrame(kText, QByteArray("garbage ") + QByteArray::number(i) + QByteArray(4000, '!'))))
            break; // reset by the server: what follows shows what the client lost
    }
    int errors = 0;
    RawSocket::Frame f;
    for (f = s.readFrame(); f.opcode == kText; f = s.readFrame()) {
        const json j = parsePayload(f.payload);
        if (typeOf(j) != "error")
            continue; // presence
        QCOMPARE(qs(j["code"]), QStringLiteral("INVALID_JSON"));
        ++errors;
    }
    QVERIFY2(f.opcode == kClose,
             qPrintable(QStringLiteral("no close frame; read error: %1").arg(qt_error_string(f.error))));
    QCOMPARE(closeCodeOf(f), quint16(1008));
    QCOMPARE(errors, 10);
    // The client completes the handshake; the server then ends the connection cleanly.
    QVERIFY(s.write(closeFrame(1000)));
    const RawSocket::Frame end = s.readFrame();
    QCOMPARE(end.opcode, -1);
    QCOMPARE(end.error, 0); // an orderly end of stream, not a reset
}

void TestWsTransport::unmaskedFrameIsAProtocolError()
{
    RawSocket s;
    openRaw(s, m_alice.token());
    QCOMPARE(typeOf(parsePayload(s.readFrame().payload)), std::string("hello"));
    // RFC 6455 5.1: a server must close the connection on an unmasked client frame.
    QVERIFY(s.write(textFrame({{"type", "ping"}, {"id", "bare"}}, false)));
    RawSocket::Frame f;
    for (f = s.readFrame(); f.opcode == kText; f = s.readFrame())
        QVERIFY2(typeOf(parsePayload(f.payload)) != "pong", "the unmasked frame was handled");
    QVERIFY2(f.opcode == kClose,
             qPrintable(QStringLiteral("got opcode %1: %2").arg(f.opcode).arg(QString::fromUtf8(f.payload))));
    QCOMPARE(closeCodeOf(f), quint16(1002));
    QVERIFY(f.payload.contains("masked"));
    QVERIFY(s.write(closeFrame(1000)));
    QCOMPARE(s.readFrame().opcode, -1);
}

void TestWsTransport::pingFloodIsBounded()
{
    // Pings without reading a single pong: the pongs Qt writes count against --max-queued-bytes
    // (64 KiB here), so the server drops the connection instead of queueing pongs without end.
    RawSocket s;
    openRaw(s, m_alice.token(), 4096);
    QTRY_COMPARE_WITH_TIMEOUT(metricValue(m_server, "confab_websocket_connections"), 1.0, 5000);
    const QByteArray ping = clientFrame(kPing, QByteArray(125, 'p'));
    QByteArray burst;
    for (int i = 0; i < 100; ++i)
        burst += ping;
    // Enough pongs to fill the kernel's buffers (a few MiB on loopback) many times over the bound.
    constexpr int kMaxBursts = 2000; // 25 MiB of pings
    const QByteArray dropped = "dropped: it does not read";
    int bursts = 0;
    while (bursts < kMaxBursts && !m_server.output().contains(dropped) && s.write(burst)) {
        ++bursts;
        QCoreApplication::processEvents(); // collects the server's log
    }
    QVERIFY2(bursts < kMaxBursts, "the server kept taking pings without their pongs being read");
    QTRY_VERIFY_WITH_TIMEOUT(m_server.output().contains(dropped), 5000);
    // Dropped before the pongs took the queue past the bound, not one read's worth after.
    static const QRegularExpression queued(
        QStringLiteral("dropped: it does not read what is sent; (\\d+) bytes queued"));
    const auto match = queued.match(QString::fromUtf8(m_server.output()));
    QVERIFY2(match.hasMatch(), m_server.output().right(500).constData());
    QVERIFY2(match.captured(1).toLongLong() <= 65536, qPrintable(match.captured(0)));
    QTRY_COMPARE_WITH_TIMEOUT(metricValue(m_server, "confab_websocket_connections"), 0.0, 5000);
    RestClient rest(m_server.httpUrl());
    CHECK_STATUS(rest.get(QStringLiteral("/healthz")), 200);
    QVERIFY(m_server.isRunning());
}

QTEST_GUILESS_MAIN(TestWsTransport)
#include "tst_wstransport.moc"
