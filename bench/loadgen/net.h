// SPDX-License-Identifier: GPL-3.0-or-later
// Minimal networking for the load generator: a blocking HTTP/1.1 client (keep-alive, pipelining)
// and an epoll pool of non-blocking RFC 6455 WebSocket clients (masked client frames).
// No Qt: one client connection costs a socket and two small buffers, so 5000 of them fit in a
// few megabytes and the generator's own CPU stays well below the server's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

int64_t nowNs(); // CLOCK_MONOTONIC
[[noreturn]] void die(const std::string &what);

struct HttpResponse {
    int status = 0;
    std::string body;
};

class HttpClient {
public:
    explicit HttpClient(int port) : m_port(port) {}
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    static std::string request(std::string_view method, std::string_view path, std::string_view token,
                               std::string_view body);
    // Sends every request, then reads as many responses, in order (HTTP pipelining).
    std::vector<HttpResponse> pipeline(const std::vector<std::string> &requests);
    HttpResponse call(std::string_view method, std::string_view path, std::string_view token = {},
                      std::string_view body = {});

private:
    void open();
    void close();
    bool writeAll(const std::string &data);
    bool readResponse(HttpResponse *out);

    int m_port;
    int m_fd = -1;
    std::string m_buf;
};

struct WsConn {
    int fd = -1;
    int index = 0;
    enum State { Connecting, Handshake, Open, Closed } state = Connecting;
    std::string in;
    size_t inOff = 0;
    std::string out;
    size_t outOff = 0;
    std::string fragment;
    bool wantWrite = false;
    bool gotHello = false;
    int closeCode = 0;
};

class WsPool {
public:
    explicit WsPool(int port);
    ~WsPool();
    WsPool(const WsPool &) = delete;
    WsPool &operator=(const WsPool &) = delete;

    // Opens one connection per path, at most `parallel` handshakes at a time (the server's listen
    // backlog is small), and waits until each has received its first text frame (hello).
    // Returns the number that are open. Bounded by timeoutMs.
    int connectAll(const std::vector<std::string> &paths, int parallel, int timeoutMs);
    void poll(int timeoutMs);
    void sendText(WsConn &c, std::string_view text);
    void closeAll();
    // Closes every connection without a close frame, as a client that lost its network would.
    void dropAll();

    std::vector<WsConn> &conns() { return m_conns; }
    int openCount() const;
    int closedByServer() const { return m_closedByServer; }
    uint64_t framesReceived() const { return m_frames; }

    std::function<void(WsConn &, const char *, size_t)> onText;
    // Speak socket.io (Engine.IO v4) inside the WebSocket: connect to /socket.io/?EIO=4&
    // transport=websocket, answer its open and pings, wrap what sendText() sends as the
    // send_message event; onText() sees each event packet whole (42["name",{...}]).
    bool socketIo = false;

private:
    void startConnect(WsConn &c);
    void handleEvent(WsConn &c, uint32_t events);
    void readFrom(WsConn &c);
    void parseFrames(WsConn &c);
    void deliverText(WsConn &c, const char *p, size_t n);
    void sendFrame(WsConn &c, int opcode, const char *data, size_t n);
    void flush(WsConn &c);
    void updateInterest(WsConn &c);
    void closeConn(WsConn &c, bool byServer);

    int m_port;
    int m_ep = -1;
    std::vector<WsConn> m_conns;
    std::vector<std::string> m_paths;
    std::vector<char> m_readBuf;
    uint32_t m_rng = 0x9e3779b9u;
    int m_closedByServer = 0;
    uint64_t m_frames = 0;
};

} // namespace bench
