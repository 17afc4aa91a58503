// SPDX-License-Identifier: GPL-3.0-or-later
#include "net.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace bench {

int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void die(const std::string &what)
{
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, what.c_str()); // confab-loadgen, confab-soak
    std::exit(2);
}

namespace {
sockaddr_in loopback(int port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // traffic goes to 127.0.0.1 only
    return a;
}

void setNoDelay(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}
} // namespace

// ---- HTTP ----------------------------------------------------------------------------------

HttpClient::~HttpClient() { close(); }

void HttpClient::open()
{
    close();
    m_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        die(std::string("socket: ") + std::strerror(errno));
    timeval tv{30, 0}; // no call waits forever
    setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    const sockaddr_in a = loopback(m_port);
    if (connect(m_fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0)
        die("cannot connect to 127.0.0.1:" + std::to_string(m_port) + ": " + std::strerror(errno));
    setNoDelay(m_fd);
    m_buf.clear();
}

void HttpClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

std::string HttpClient::request(std::string_view method, std::string_view path, std::string_view token,
                                std::string_view body)
{
    std::string r;
    r.reserve(256 + body.size());
    r.append(method).append(" ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (!token.empty())
        r.append("Authorization: Bearer ").append(token).append("\r\n");
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        r.append("Content-Type: application/json\r\nContent-Length: ")
            .append(std::to_string(body.size()))
            .append("\r\n");
    }
    r.append("\r\n").append(body);
    return r;
}

bool HttpClient::writeAll(const std::string &data)
{
    size_t off = 0;
    while (off < data.size()) {
        const ssize_t n = ::send(m_fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return false;
        }
        off += size_t(n);
    }
    return true;
}

bool HttpClient::readResponse(HttpResponse *out)
{
    char tmp[65536];
    auto fill = [&]() -> bool {
        for (;;) {
            const ssize_t n = ::recv(m_fd, tmp, sizeof tmp, 0);
            if (n > 0) {
                m_buf.append(tmp, size_t(n));
                return true;
            }
            if (n < 0 && errno == EINTR)
                continue;
            return false;
        }
    };
    size_t headerEnd;
    while ((headerEnd = m_buf.find("\r\n\r\n")) == std::string::npos) {
        if (!fill())
            return false;
    }
    const std::string head = m_buf.substr(0, headerEnd);
    if (head.size() < 12 || head.compare(0, 5, "HTTP/") != 0)
        die("bad HTTP response: " + head.substr(0, 80));
    out->status = std::atoi(head.c_str() + 9);
    size_t length = 0;
    for (size_t pos = 0; pos < head.size();) {
        size_t eol = head.find("\r\n", pos);
        if (eol == std::string::npos)
            eol = head.size();
        const std::string line = head.substr(pos, eol - pos);
        if (line.size() > 15 && strncasecmp(line.c_str(), "content-length:", 15) == 0)
            length = size_t(std::strtoull(line.c_str() + 15, nullptr, 10));
        pos = eol + 2;
    }
    const size_t bodyStart = headerEnd + 4;
    while (m_buf.size() < bodyStart + length) {
        if (!fill())
            return false;
    }
    out->body = m_buf.substr(bodyStart, length);
    m_buf.erase(0, bodyStart + length);
    return true;
}

std::vector<HttpResponse> HttpClient::pipeline(const std::vector<std::string> &requests)
{
    std::vector<HttpResponse> responses;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_fd < 0)
            open();
        std::string all;
        for (const std::string &r : requests)
            all += r;
        responses.assign(requests.size(), {});
        bool ok = writeAll(all);
        for (size_t i = 0; ok && i < requests.size(); ++i)
            ok = readResponse(&responses[i]);
        if (ok)
            return responses;
        close(); // the server closed a keep-alive connection: retry once on a new one
    }
    die("HTTP request failed twice on 127.0.0.1:" + std::to_string(m_port));
}

HttpResponse HttpClient::call(std::string_view method, std::string_view path, std::string_view token,
                              std::string_view body)
{
    return pipeline({request(method, path, token, body)}).front();
}

// ---- WebSocket pool --------------------------------------------------------------------------

WsPool::WsPool(int port) : m_port(port), m_readBuf(1 << 18)
{
    m_ep = epoll_create1(EPOLL_CLOEXEC);
    if (m_ep < 0)
        die(std::string("epoll_create1: ") + std::strerror(errno));
}

WsPool::~WsPool()
{
    closeAll();
    if (m_ep >= 0)
        ::close(m_ep);
}

int WsPool::openCount() const
{
    int n = 0;
    for (const WsConn &c : m_conns)
        n += c.state == WsConn::Open ? 1 : 0;
    return n;
}

void WsPool::startConnect(WsConn &c)
{
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0)
        die(std::string("socket: ") + std::strerror(errno) + " (raise ulimit -n)");
    setNoDelay(c.fd);
    const sockaddr_in a = loopback(m_port);
    const int rc = connect(c.fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
    if (rc != 0 && errno != EINPROGRESS)
        die(std::string("connect: ") + std::strerror(errno));
    c.state = WsConn::Connecting;
    c.out = "GET " + m_paths[size_t(c.index)] +
            " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    c.outOff = 0;
    c.wantWrite = true;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = uint32_t(c.index);
    if (epoll_ctl(m_ep, EPOLL_CTL_ADD, c.fd, &ev) != 0)
        die(std::string("epoll_ctl: ") + std::strerror(errno));
}

int WsPool::connectAll(const std::vector<std::string> &paths, int parallel, int timeoutMs)
{
    closeAll();
    m_paths = paths;
    m_conns.assign(paths.size(), WsConn{});
    for (size_t i = 0; i < m_conns.size(); ++i)
        m_conns[i].index = int(i);
    const int64_t deadline = nowNs() + int64_t(timeoutMs) * 1000000;
    size_t next = 0;
    for (;;) {
        int pending = 0, done = 0;
        for (size_t i = 0; i < next; ++i) {
            const WsConn &c = m_conns[i];
            if (c.state == WsConn::Closed || (c.state == WsConn::Open && c.gotHello))
                ++done;
            else
                ++pending;
        }
        while (pending < parallel && next < m_conns.size()) {
            startConnect(m_conns[next++]);
            ++pending;
        }
        if (done == int(m_conns.size()) || nowNs() > deadline)
            break;
        poll(5);
    }
    int ok = 0;
    for (const WsConn &c : m_conns)
        ok += (c.state == WsConn::Open && c.gotHello) ? 1 : 0;
    return ok;
}

void WsPool::closeAll()
{
    for (WsConn &c : m_conns) {
        if (c.fd >= 0) {
            if (c.state == WsConn::Open) {
                // A polite close frame (code 1000); we do not wait for the answer.
                const char code[2] = {char(0x03), char(0xE8)};
                sendFrame(c, 8, code, 2);
            }
            ::close(c.fd);
        }
        c.fd = -1;
        c.state = WsConn::Closed;
    }
    m_conns.clear();
}

void WsPool::dropAll()
{
    for (WsConn &c : m_conns) {
        if (c.fd >= 0)
            ::close(c.fd);
        c.fd = -1;
        c.state = WsConn::Closed;
    }
    m_conns.clear();
}

void WsPool::poll(int timeoutMs)
{
    epoll_event events[512];
    const int n = epoll_wait(m_ep, events, 512, timeoutMs);
    for (int i = 0; i < n; ++i) {
        const uint32_t idx = events[i].data.u32;
        if (idx < m_conns.size())
            handleEvent(m_conns[idx], events[i].events);
    }
}

void WsPool::handleEvent(WsConn &c, uint32_t events)
{
    if (c.fd < 0)
        return;
    if (c.state == WsConn::Connecting && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            std::fprintf(stderr, "confab-loadgen: connection %d failed: %s\n", c.index, std::strerror(err));
            closeConn(c, false);
            return;
        }
        c.state = WsConn::Handshake;
    }
    if (events & EPOLLOUT)
        flush(c);
    if (c.fd >= 0 && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
        readFrom(c);
}

void WsPool::readFrom(WsConn &c)
{
    for (int rounds = 0; rounds < 16 && c.fd >= 0; ++rounds) {
        const ssize_t n = ::recv(c.fd, m_readBuf.data(), m_readBuf.size(), 0);
        if (n > 0) {
            c.in.append(m_readBuf.data(), size_t(n));
            parseFrames(c);
            if (size_t(n) < m_readBuf.size())
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0 && errno == EINTR)
            continue;
        closeConn(c, true); // EOF or reset
        return;
    }
}

void WsPool::parseFrames(WsConn &c)
{
    if (c.state == WsConn::Handshake || c.state == WsConn::Connecting) {
        const size_t end = c.in.find("\r\n\r\n");
        if (end == std::string::npos)
            return;
        if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
            std::fprintf(stderr, "confab-loadgen: WebSocket upgrade refused: %s\n",
                         c.in.substr(0, c.in.find("\r\n")).c_str());
            closeConn(c, false);
            return;
        }
        c.state = WsConn::Open;
        c.inOff = end + 4;
    }
    while (c.fd >= 0) {
        const size_t avail = c.in.size() - c.inOff;
        if (avail < 2)
            break;
        const auto *p = reinterpret_cast<const unsigned char *>(c.in.data() + c.inOff);
        uint64_t len = p[1] & 0x7f;
        size_t hdr = 2;
        if (len == 126) {
            if (avail < 4)
                break;
            len = (uint64_t(p[2]) << 8) | p[3];
            hdr = 4;
        } else if (len == 127) {
            if (avail < 10)
                break;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | p[2 + i];
            hdr = 10;
        }
        const bool masked = (p[1] & 0x80) != 0;
        const size_t maskAt = hdr;
        if (masked)
            hdr += 4;
        if (avail < hdr + len)
            break;
        char *payload = c.in.data() + c.inOff + hdr;
        if (masked) {
            for (uint64_t i = 0; i < len; ++i)
                payload[i] = char(payload[i] ^ p[maskAt + (i & 3)]);
        }
        const int opcode = p[0] & 0x0f;
        const bool fin = (p[0] & 0x80) != 0;
        c.inOff += hdr + size_t(len);
        ++m_frames;
        switch (opcode) {
        case 0x0: // continuation
            c.fragment.append(payload, size_t(len));
            if (fin) {
                deliverText(c, c.fragment.data(), c.fragment.size());
                c.fragment.clear();
            }
            break;
        case 0x1:
            if (fin) {
                deliverText(c, payload, size_t(len));
            } else {
                c.fragment.assign(payload, size_t(len));
            }
            break;
        case 0x8:
            c.closeCode = len >= 2 ? ((uint8_t(payload[0]) << 8) | uint8_t(payload[1])) : 1005;
            closeConn(c, true);
            return;
        case 0x9:
            sendFrame(c, 0xA, payload, size_t(len)); // pong, same payload
            break;
        default: break; // pong, binary: ignored
        }
    }
    if (c.inOff > 0 && (c.inOff == c.in.size() || c.inOff > (1u << 16))) {
        c.in.erase(0, c.inOff);
        c.inOff = 0;
    }
}

void WsPool::sendFrame(WsConn &c, int opcode, const char *data, size_t n)
{
    if (c.fd < 0)
        return;
    unsigned char hdr[14];
    size_t h = 0;
    hdr[h++] = uint8_t(0x80 | opcode);
    if (n < 126) {
        hdr[h++] = uint8_t(0x80 | n);
    } else if (n < 65536) {
        hdr[h++] = 0x80 | 126;
        hdr[h++] = uint8_t(n >> 8);
        hdr[h++] = uint8_t(n);
    } else {
        hdr[h++] = 0x80 | 127;
        for (int i = 7; i >= 0; --i)
            hdr[h++] = uint8_t(uint64_t(n) >> (8 * i));
    }
    // Client frames must be masked (RFC 6455 5.3); xorshift keys are unpredictable enough here.
    m_rng ^= m_rng << 13;
    m_rng ^= m_rng >> 17;
    m_rng ^= m_rng << 5;
    unsigned char mask[4];
    std::memcpy(mask, &m_rng, 4);
    for (unsigned char b : mask)
        hdr[h++] = b;
    if (c.outOff == c.out.size()) {
        c.out.clear();
        c.outOff = 0;
    }
    c.out.append(reinterpret_cast<const char *>(hdr), h);
    const size_t start = c.out.size();
    c.out.append(data, n);
    for (size_t i = 0; i < n; ++i)
        c.out[start + i] = char(c.out[start + i] ^ mask[i & 3]);
    if (c.state == WsConn::Open)
        flush(c);
}

void WsPool::deliverText(WsConn &c, const char *p, size_t n)
{
    if (socketIo) {
        // Engine.IO v4 packets in text frames: 0 open (answered by a namespace connect, 40),
        // 40 connected, 2 ping (answered 3), 42 an event: ["name", {...}].
        const std::string_view s(p, n);
        if (s == "2") {
            sendFrame(c, 1, "3", 1);
            return;
        }
        if (s.substr(0, 1) == "0") {
            sendFrame(c, 1, "40", 2);
            return;
        }
        if (s.substr(0, 2) == "40") {
            c.gotHello = true;
            return;
        }
        if (s.substr(0, 2) != "42")
            return;
    }
    c.gotHello = true;
    if (onText)
        onText(c, p, n);
}

void WsPool::sendText(WsConn &c, std::string_view text)
{
    if (c.state != WsConn::Open)
        return;
    if (!socketIo) {
        sendFrame(c, 1, text.data(), text.size());
        return;
    }
    // Every frame the generator sends is a send_message: the socket.io event of that name.
    std::string packet = "42[\"send_message\",";
    packet.append(text).append("]");
    sendFrame(c, 1, packet.data(), packet.size());
}

void WsPool::flush(WsConn &c)
{
    if (c.state == WsConn::Connecting)
        return;
    while (c.fd >= 0 && c.outOff < c.out.size()) {
        const ssize_t n = ::send(c.fd, c.out.data() + c.outOff, c.out.size() - c.outOff, MSG_NOSIGNAL);
        if (n > 0) {
            c.outOff += size_t(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0 && errno == EINTR)
            continue;
        closeConn(c, true);
        return;
    }
    if (c.fd < 0)
        return;
    if (c.outOff == c.out.size()) {
        c.out.clear();
        c.outOff = 0;
    }
    updateInterest(c);
}

void WsPool::updateInterest(WsConn &c)
{
    const bool want = c.outOff < c.out.size();
    if (want == c.wantWrite)
        return;
    c.wantWrite = want;
    epoll_event ev{};
    ev.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    ev.data.u32 = uint32_t(c.index);
    epoll_ctl(m_ep, EPOLL_CTL_MOD, c.fd, &ev);
}

void WsPool::closeConn(WsConn &c, bool byServer)
{
    if (c.fd < 0)
        return;
    if (byServer && c.state == WsConn::Open)
        ++m_closedByServer;
    epoll_ctl(m_ep, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.fd = -1;
    c.state = WsConn::Closed;
}

} // namespace bench
