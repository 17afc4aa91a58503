// SPDX-License-Identifier: GPL-3.0-or-later
// confab-bench-floor: the least a WebSocket fan-out server can do per delivery, as a yardstick.
//
// One thread, epoll, non-blocking sockets, no storage, no auth, no rooms, no framework: each
// `send_message` is parsed, answered with one `new_message` frame of the peer's shape (built and
// framed once) written with one send() to every open connection, and an `ack` to the sender —
// what bench/peer/server.js does, without Node. Driven by `confab-loadgen fanout --peer`.
// Whatever it measures in deliveries per CPU-second bounds every server that sends each event to
// each connection with its own system call on this machine (docs/performance.md, "What limits").
//
// Usage: confab-bench-floor [port]   (0 or nothing: any free port; prints "listening on ...")

#include <QByteArray>
#include <QCryptographicHash>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using nlohmann::json;

struct Conn {
    int fd = -1;
    bool open = false; // handshake done
    std::string in;
    std::string out; // what the kernel did not take yet
};

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "confab-bench-floor: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

std::string textFrame(const std::string &payload)
{
    std::string f;
    f.reserve(payload.size() + 10);
    f.push_back(char(0x81));
    const size_t n = payload.size();
    if (n < 126) {
        f.push_back(char(n));
    } else if (n <= 0xFFFF) {
        f.push_back(char(126));
        f.push_back(char(n >> 8));
        f.push_back(char(n & 0xFF));
    } else {
        f.push_back(char(127));
        for (int i = 7; i >= 0; --i)
            f.push_back(char((uint64_t(n) >> (8 * i)) & 0xFF));
    }
    f += payload;
    return f;
}

class FloorServer {
public:
    explicit FloorServer(int port)
    {
        m_listen = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_listen < 0)
            die("socket");
        const int one = 1;
        setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(uint16_t(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            die("bind");
        if (listen(m_listen, 4096) != 0)
            die("listen");
        socklen_t len = sizeof addr;
        getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
        m_ep = epoll_create1(EPOLL_CLOEXEC);
        watch(m_listen, EPOLLIN);
        std::printf("listening on 127.0.0.1:%d\n", ntohs(addr.sin_port));
        std::fflush(stdout);
    }

    void run()
    {
        epoll_event events[256];
        while (true) {
            const int n = epoll_wait(m_ep, events, 256, -1);
            if (n < 0 && errno != EINTR)
                die("epoll_wait");
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_listen) {
                    acceptAll();
                    continue;
                }
                auto it = m_conns.find(fd);
                if (it == m_conns.end())
                    continue;
                if (events[i].events & EPOLLOUT)
                    flush(it->second);
                if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    readFrom(it->second);
            }
            for (int fd : m_dead)
                drop(fd);
            m_dead.clear();
        }
    }

private:
    void watch(int fd, uint32_t ev, int op = EPOLL_CTL_ADD)
    {
        epoll_event e{};
        e.events = ev;
        e.data.fd = fd;
        epoll_ctl(m_ep, op, fd, &e);
    }

    void acceptAll()
    {
        while (true) {
            const int fd = accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return;
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            m_conns[fd].fd = fd;
            watch(fd, EPOLLIN);
        }
    }

    void drop(int fd)
    {
        auto it = m_conns.find(fd);
        if (it == m_conns.end())
            return;
        epoll_ctl(m_ep, EPOLL_CTL_DEL, fd, nullptr);
        close(fd);
        std::erase(m_open, fd);
        m_conns.erase(it);
    }

    // One send(); what the kernel refuses waits in `out` for EPOLLOUT (order kept).
    void send(Conn &c, const std::string &bytes)
    {
        if (!c.out.empty()) {
            c.out += bytes;
            return;
        }
        const ssize_t w = ::send(c.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w == ssize_t(bytes.size()))
            return;
        if (w < 0 && errno != EAGAIN) {
            m_dead.push_back(c.fd);
            return;
        }
        c.out.assign(bytes, w < 0 ? 0 : size_t(w));
        watch(c.fd, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD);
    }

    void flush(Conn &c)
    {
        if (c.out.empty())
            return;
        const ssize_t w = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w < 0 && errno != EAGAIN) {
            m_dead.push_back(c.fd);
            return;
        }
        if (w > 0)
            c.out.erase(0, size_t(w));
        if (c.out.empty())
            watch(c.fd, EPOLLIN, EPOLL_CTL_MOD);
    }

    void readFrom(Conn &c)
    {
        char buf[16384];
        while (true) {
            const ssize_t r = ::recv(c.fd, buf, sizeof buf, 0);
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
                m_dead.push_back(c.fd);
                return;
            }
            if (r < 0)
                break;
            c.in.append(buf, size_t(r));
        }
        if (!c.open && !handshake(c))
            return;
        parseFrames(c);
    }

    bool handshake(Conn &c)
    {
        const size_t end = c.in.find("\r\n\r\n");
        if (end == std::string::npos)
            return false;
        std::string key;
        size_t pos = 0;
        while (pos < end) {
            const size_t eol = c.in.find("\r\n", pos);
            const std::string line = c.in.substr(pos, eol - pos);
            pos = eol + 2;
            if (line.size() > 18 && strncasecmp(line.c_str(), "Sec-WebSocket-Key:", 18) == 0) {
                key = line.substr(18);
                key.erase(0, key.find_first_not_of(' '));
            }
        }
        c.in.erase(0, end + 4);
        const QByteArray accept =
            QCryptographicHash::hash(QByteArray::fromStdString(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                     QCryptographicHash::Sha1)
                .toBase64();
        send(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Accept: " +
                    accept.toStdString() + "\r\n\r\n");
        c.open = true;
        m_open.push_back(c.fd);
        send(c, textFrame(json{{"type", "hello"}, {"user", {{"userId", "floor"}}}, {"serverTime", nowMs()}}.dump()));
        return true;
    }

    void parseFrames(Conn &c)
    {
        size_t off = 0;
        while (c.in.size() - off >= 2) {
            const auto *p = reinterpret_cast<const unsigned char *>(c.in.data() + off);
            const int opcode = p[0] & 0x0F;
            const bool masked = p[1] & 0x80;
            uint64_t len = p[1] & 0x7F;
            size_t head = 2;
            if (len == 126) {
                if (c.in.size() - off < 4)
                    break;
                len = (uint64_t(p[2]) << 8) | p[3];
                head = 4;
            } else if (len == 127) {
                if (c.in.size() - off < 10)
                    break;
                len = 0;
                for (int i = 0; i < 8; ++i)
                    len = (len << 8) | p[2 + i];
                head = 10;
            }
            const size_t maskAt = head;
            if (masked)
                head += 4;
            if (c.in.size() - off < head + len)
                break;
            std::string payload(c.in, off + head, size_t(len));
            if (masked)
                for (size_t i = 0; i < payload.size(); ++i)
                    payload[i] = char(payload[i] ^ p[maskAt + (i & 3)]);
            off += head + size_t(len);
            if (opcode == 0x8) {
                m_dead.push_back(c.fd);
                return;
            }
            if (opcode == 0x9) { // ping -> pong with the same payload (short, so one byte of length)
                std::string pong{char(0x8A), char(payload.size())};
                send(c, pong + payload);
            } else if (opcode == 0x1) {
                onText(c, payload);
            }
        }
        c.in.erase(0, off);
    }

    void onText(Conn &c, const std::string &text)
    {
        json f = json::parse(text, nullptr, false);
        if (f.is_discarded() || !f.is_object() || f.value("type", "") != "send_message")
            return;
        ++m_seq;
        const std::string clientMsgId = f.value("clientMsgId", "");
        const json message = {{"messageId", "m" + std::to_string(m_seq)},
                              {"roomId", f.value("roomId", "")},
                              {"seq", m_seq},
                              {"authorId", "u1"},
                              {"authorName", "Floor"},
                              {"authorAvatar", nullptr},
                              {"content", f.value("content", "")},
                              {"type", "text"},
                              {"timestamp", nowMs()},
                              {"reactions", json::object()},
                              {"replyTo", nullptr},
                              {"isEdited", false},
                              {"editedAt", nullptr},
                              {"isDeleted", false},
                              {"isAnonymous", false},
                              {"anonymousName", nullptr},
                              {"attachments", json::array()},
                              {"clientMsgId", clientMsgId}};
        // Framed once, the same bytes to everyone.
        const std::string frame = textFrame(json{{"type", "new_message"}, {"seq", m_seq}, {"message", message}}.dump());
        for (const int fd : m_open)
            send(m_conns[fd], frame);
        send(c, textFrame(json{{"type", "ack"}, {"clientMsgId", clientMsgId}, {"message", message}}.dump()));
    }

    static long long nowMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    int m_listen = -1;
    int m_ep = -1;
    long long m_seq = 0;
    std::unordered_map<int, Conn> m_conns;
    std::vector<int> m_open; // in connection order
    std::vector<int> m_dead;
};

} // namespace

int main(int argc, char **argv)
{
    FloorServer server(argc > 1 ? std::atoi(argv[1]) : 0);
    server.run();
}
