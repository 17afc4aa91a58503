// SPDX-License-Identifier: GPL-3.0-or-later
// Faults on purpose against the real server process (docs/testing.md, "Faults").

#include "apitestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace confab::test;

namespace {

// What a process's open descriptors point at, from /proc. Not the eventfds: worker threads'
// event loops come and go with their thread pools' threads (bounded by the pools' sizes).
QStringList openDescriptors(qint64 pid)
{
    const QDir dir(QStringLiteral("/proc/%1/fd").arg(pid));
    QStringList targets;
    for (const QFileInfo &fd : dir.entryInfoList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = fd.symLinkTarget().section(QLatin1Char('/'), -1);
        if (target != QLatin1String("anon_inode:[eventfd]"))
            targets << target;
    }
    targets.sort();
    return targets;
}

// An upload (POST /v1/files) sent in two halves over its own connection.
class SlowUpload {
public:
    SlowUpload(quint16 port, const QString &token, int index) : m_half(32 * 1024, char('a' + index % 26))
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.write("POST /v1/files HTTP/1.1\r\nHost: t\r\nConnection: close\r\nAuthorization: Bearer " +
                       token.toLatin1() + "\r\nX-Filename: part-" + QByteArray::number(index) +
                       ".bin\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                       QByteArray::number(m_half.size() * 2) + "\r\n\r\n" + m_half);
    }
    void sendRest() { m_socket.write(m_half); }
    // A whole answer has arrived (its head and Content-Length bytes), or the server hung up.
    bool answered()
    {
        m_received += m_socket.readAll();
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        const QByteArray head = m_received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qint64 length = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        return m_received.size() - end - 4 >= length;
    }
    int status() const { return m_received.mid(9, 3).toInt(); }
    QByteArray received() const { return m_received; }

private:
    QTcpSocket m_socket;
    QByteArray m_half;
    QByteArray m_received;
};

// Many raw WebSocket handshakes (GET /chat, no token) at once, on non-blocking sockets driven by
// poll(): far cheaper for the test than as many QWebSocket objects.
class HandshakeCrowd {
public:
    explicit HandshakeCrowd(int count) : m_fds(std::size_t(count), -1), m_replies(std::size_t(count)) {}
    ~HandshakeCrowd() { dropAll(); }
    HandshakeCrowd(const HandshakeCrowd &) = delete;
    HandshakeCrowd &operator=(const HandshakeCrowd &) = delete;

    // Connects all and sends each its handshake; true once every one has been answered 101 (false
    // on a refusal or when `timeoutMs` passes). `failure` says which one and how.
    bool openAll(quint16 port, int timeoutMs, QString *failure)
    {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        for (int &fd : m_fds) {
            fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0 ||
                (::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0 && errno != EINPROGRESS)) {
                *failure = QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
        }
        const QByteArray request = "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: "
                                   "Upgrade\r\nSec-WebSocket-Key: " +
                                   QByteArray("confab-crowd-key").toBase64() + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        std::vector<bool> sent(m_fds.size(), false);
        std::size_t answered = 0;
        QElapsedTimer clock;
        clock.start();
        std::vector<pollfd> polls;
        std::vector<std::size_t> which;
        while (answered < m_fds.size()) {
            if (clock.elapsed() > timeoutMs) {
                *failure = QStringLiteral("%1 of %2 handshakes answered in %3 ms")
                               .arg(answered)
                               .arg(m_fds.size())
                               .arg(timeoutMs);
                return false;
            }
            // The server's log goes to a pipe this process reads in its event loop: a loop that
            // never turns lets the pipe fill, and a server writing a log line then waits (no
            // handshake answered at all once the lines got longer with request ids).
            QCoreApplication::processEvents();
            polls.clear();
            which.clear();
            for (std::size_t i = 0; i < m_fds.size(); ++i) {
                if (m_replies[i].contains("\r\n\r\n"))
                    continue;
                polls.push_back({m_fds[i], short(sent[i] ? POLLIN : POLLOUT), 0});
                which.push_back(i);
            }
            if (::poll(polls.data(), nfds_t(polls.size()), 100) < 0 && errno != EINTR) {
                *failure = QStringLiteral("poll: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
            for (std::size_t k = 0; k < polls.size(); ++k) {
                const std::size_t i = which[k];
                if (polls[k].revents & (POLLERR | POLLHUP)) {
                    *failure =
                        QStringLiteral("connection %1 failed after %2").arg(i).arg(QString::fromLatin1(m_replies[i]));
                    return false;
                }
                if (!sent[i] && (polls[k].revents & POLLOUT)) {
                    sent[i] = ::send(m_fds[i], request.constData(), std::size_t(request.size()), MSG_NOSIGNAL) ==
                              request.size();
                } else if (polls[k].revents & POLLIN) {
                    char buffer[512];
                    const ssize_t got = ::recv(m_fds[i], buffer, sizeof buffer, 0);
                    if (got > 0)
                        m_replies[i].append(buffer, got);
                    if (m_replies[i].contains("\r\n\r\n")) {
                        if (!m_replies[i].startsWith("HTTP/1.1 101")) {
                            *failure =
                                QStringLiteral("connection %1: %2").arg(i).arg(QString::fromLatin1(m_replies[i]));
                            return false;
                        }
                        ++answered;
                    }
                }
            }
        }
        return true;
    }
    void dropAll()
    {
        for (int &fd : m_fds)
            if (fd >= 0)
                ::close(std::exchange(fd, -1));
    }

private:
    std::vector<int> m_fds;
    std::vector<QByteArray> m_replies;
};

// The read end of the pipe a server's standard error goes to: read only when the test says so.
class LogPipe {
public:
    LogPipe()
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) == 0) {
            m_read = fds[0];
            m_write = fds[1];
            ::fcntl(m_read, F_SETFL, O_NONBLOCK);
            ::fcntl(m_read, F_SETPIPE_SZ, 4096); // the smallest: a few dozen lines fill it
        }
    }
    ~LogPipe()
    {
        closeWriteEnd();
        if (m_read >= 0)
            ::close(m_read);
    }
    LogPipe(const LogPipe &) = delete;
    LogPipe &operator=(const LogPipe &) = delete;
    int writeEnd() const { return m_write; }
    // Once the server has its copy: the pipe ends when the server does.
    void closeWriteEnd()
    {
        if (m_write >= 0)
            ::close(std::exchange(m_write, -1));
    }
    // Reads what is there now; false at the end of the pipe.
    bool drain()
    {
        char buffer[65536];
        for (;;) {
            const ssize_t got = ::read(m_read, buffer, sizeof buffer);
            if (got > 0)
                m_text.append(buffer, got);
            else
                return got < 0 && (errno == EAGAIN || errno == EINTR);
        }
    }
    const QByteArray &text() const { return m_text; }

private:
    int m_read = -1;
    int m_write = -1;
    QByteArray m_text;
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectionsHoldingMoreThanTheirSocket();
    void stalledStorageRefusesSendsPastTheBound();
    void manyWebSocketsOpenedAndDroppedAtOnce();
    void logOutputNobodyReads();
};

void TestFaults::connectionsHoldingMoreThanTheirSocket()
{
    // Each upload in progress holds its socket and its file in files/tmp: two descriptors per
    // connection, where the connection cap counts one. Without a check of the descriptor table
    // itself the server ran into EMFILE (uploads failed, and a sanitized build stopped on UBSan's
    // false "invalid vptr", which needs a free descriptor to check a type). It must stop
    // accepting while it still has a reserve, say so once, and serve everyone in turn.
    constexpr int kDescriptors = 64; // a connection cap of 32
    constexpr int kUploads = 40;
    TestServer server;
    server.setDescriptorLimit(kDescriptors);
    QVERIFY(server.start(TestServer::relaxedArgs()));
    const Account uploader = makeAccount(server, QStringLiteral("uploader"));
    QVERIFY(!uploader.id.isEmpty());
    // One upload first, for what the server opens once and keeps (the MIME database).
    CHECK_STATUS(uploader->send("POST", QStringLiteral("/v1/files"), QByteArray(1000, 'w'), "application/octet-stream",
                                {{"X-Filename", "first.bin"}}),
                 201);
    const QStringList idle = openDescriptors(server.pid());
    QVERIFY(!idle.isEmpty());

    std::vector<std::unique_ptr<SlowUpload>> uploads;
    for (int i = 0; i < kUploads; ++i)
        uploads.push_back(std::make_unique<SlowUpload>(server.port(), uploader.token(), i));
    const QDir spool(server.dataDir() + QStringLiteral("/files/tmp"));
    const auto anyAnswered = [&] {
        return std::any_of(uploads.begin(), uploads.end(), [](auto &u) { return u->answered(); });
    };
    // The server has taken what it will: every upload has its file, or it stopped accepting (or
    // it failed: an answer before the bodies are complete, or its exit).
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !server.isRunning() || anyAnswered() || spool.entryList(QDir::Files).size() == kUploads ||
                   server.output().contains("file descriptors running low");
        },
        30000));
    for (auto &u : uploads)
        u->sendRest();

    // Everyone is served: those left waiting in the kernel's queue once others are done.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !server.isRunning() ||
                   std::all_of(uploads.begin(), uploads.end(), [](auto &u) { return u->answered(); });
        },
        60000));
    QVERIFY2(server.isRunning(), server.output().right(3000).constData());
    for (const auto &u : uploads)
        QVERIFY2(u->status() == 201, u->received().left(400).constData());
    QVERIFY2(server.output().contains("file descriptors running low"), server.output().right(2000).constData());
    QVERIFY2(!server.output().contains("Too many open files"), server.output().right(2000).constData());

    // Nothing leaked: the server is back to its idle count, and answers.
    uploads.clear();
    QVERIFY2(QTest::qWaitFor([&] { return openDescriptors(server.pid()).size() <= idle.size(); }, 20000),
             qPrintable(QStringLiteral("open now: %1\nwhen idle: %2")
                            .arg(openDescriptors(server.pid()).join(QLatin1Char(' ')), idle.join(QLatin1Char(' ')))));
    RestClient anonymous(server.httpUrl());
    CHECK_STATUS(anonymous.get(QStringLiteral("/healthz")), 200);
    QVERIFY(server.stop());
}

void TestFaults::stalledStorageRefusesSendsPastTheBound()
{
    // The storage thread held (a stuck disk) while a client keeps sending: the network thread
    // still answers, at most --max-storage-queue items wait (bounded memory), sends past that
    // are refused at once as busy, and once storage moves every queued send is acknowledged.
    constexpr int kBound = 20;
    constexpr int kSends = 50;
    QTemporaryDir dir;
    const QString stallFile = dir.filePath(QStringLiteral("stall"));
    // Read by the server at its first stall check: inert while the file does not exist.
    qputenv("CONFAB_FAULT_STALL_STORAGE_FILE", QFile::encodeName(stallFile));
    TestServer server;
    const bool started =
        server.start(TestServer::relaxedArgs() << QStringLiteral("--max-storage-queue") << QString::number(kBound));
    qunsetenv("CONFAB_FAULT_STALL_STORAGE_FILE");
    QVERIFY(started);
    const Account sender = makeAccount(server, QStringLiteral("sender"));
    const json room = createRoom(sender, QStringLiteral("Stalled"), QStringLiteral("public"));
    QVERIFY(room.is_object());
    const QString roomId = qs(room["roomId"]);
    auto ws = connectWs(server, sender);
    QVERIFY(ws);

    QFile stall(stallFile);
    QVERIFY(stall.open(QIODevice::WriteOnly));
    stall.close();
    for (int i = 0; i < kSends; ++i)
        ws->send({{"type", "send_message"},
                  {"roomId", ss(roomId)},
                  {"content", "queued " + std::to_string(i)},
                  {"ref", "s" + std::to_string(i)}});
    // Refused at once, with the storage thread still held.
    QSet<QString> refused;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const json &f : ws->frames())
                if (f.value("type", "") == "error" && f.value("code", "") == "UNAVAILABLE")
                    refused.insert(qs(f["ref"]));
            return refused.size() >= kSends - kBound;
        },
        10000));
    for (const json &f : ws->frames()) {
        if (f.value("type", "") == "error") {
            QVERIFY2(qs(f["message"]).contains(QStringLiteral("busy")), dumpJson(f).constData());
            QVERIFY2(f.value("code", "") == "UNAVAILABLE", dumpJson(f).constData());
        }
        QVERIFY2(f.value("type", "") != "ack", "a send was acknowledged while storage was held");
    }
    QVERIFY(QFile::exists(stallFile));
    // The network thread answers meanwhile: a WebSocket ping, and the queue depth in /metrics.
    ws->send({{"type", "ping"}, {"id", "stalled"}});
    QVERIFY(!ws->waitFor([](const json &f) { return f.value("type", "") == "pong"; }, 5000).is_null());
    const double queued = metricValue(server, "confab_storage_queue");
    QVERIFY2(queued >= 1 && queued <= kBound, qPrintable(QString::number(queued)));
    QCOMPARE(server.output().count("storage is behind"), 1);

    // Storage moves again: each send not refused is acknowledged, and is in the history.
    QVERIFY(QFile::remove(stallFile));
    QSet<QString> acked;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const json &f : ws->frames())
                if (f.value("type", "") == "ack")
                    acked.insert(qs(f["ref"]));
            return acked.size() + refused.size() >= kSends;
        },
        20000));
    QCOMPARE(acked.size() + refused.size(), qsizetype(kSends));
    QVERIFY(!acked.intersects(refused));
    QVERIFY(fullHistory(sender, roomId).size() >= std::size_t(acked.size()));
    QVERIFY(server.stop());
}

void TestFaults::manyWebSocketsOpenedAndDroppedAtOnce()
{
    // Many WebSocket connections opened at once and dropped at once: every handshake is answered,
    // and afterwards the server holds exactly the descriptors it held before (no leak), and lives.
    // 10,000 as the issue asks: about 11 s under ASan+UBSan on 2 busy cores. This process needs
    // a descriptor per connection too: it raises its soft limit to the hard one, and runs as many
    // as that allows. CONFAB_FAULTS_CONNECTIONS sets another count for a local run.
    rlimit limit{};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    const int fits = int(std::min<rlim_t>(limit.rlim_cur, 1 << 20)) - 256;
    const int wanted = qEnvironmentVariableIsSet("CONFAB_FAULTS_CONNECTIONS")
                           ? qEnvironmentVariableIntValue("CONFAB_FAULTS_CONNECTIONS")
                           : 10000;
    const int count = std::min(wanted, fits);
    if (count < 1000)
        QSKIP(qPrintable(QStringLiteral("RLIMIT_NOFILE allows this test only %1 descriptors").arg(limit.rlim_cur)));
    if (count < wanted)
        qWarning("only %d connections: RLIMIT_NOFILE is %d", count, int(limit.rlim_cur));
    TestServer server;
    QVERIFY(server.start(TestServer::relaxedArgs()));
    {
        // What the first upgrade opens once and keeps, before counting.
        HandshakeCrowd first(1);
        QString failure;
        QVERIFY2(first.openAll(server.port(), 10000, &failure), qPrintable(failure));
    }
    QTRY_COMPARE_WITH_TIMEOUT(metricValue(server, "confab_websocket_connections"), 0.0, 10000);
    const QStringList idle = openDescriptors(server.pid());

    QElapsedTimer took;
    took.start();
    HandshakeCrowd crowd(count);
    QString failure;
    const bool opened = crowd.openAll(server.port(), 60000, &failure);
    QVERIFY2(opened, qPrintable(failure + QLatin1Char('\n') + QString::fromUtf8(server.output().right(1500))));
    const qint64 openedMs = took.elapsed();
    QVERIFY2(openDescriptors(server.pid()).size() >= count,
             qPrintable(QStringLiteral("%1 descriptors open").arg(openDescriptors(server.pid()).size())));
    crowd.dropAll();
    QVERIFY2(QTest::qWaitFor([&] { return openDescriptors(server.pid()).size() <= idle.size(); }, 60000),
             qPrintable(QStringLiteral("open now: %1 descriptors, %2 when idle")
                            .arg(openDescriptors(server.pid()).size())
                            .arg(idle.size())));
    qInfo("%d WebSocket connections opened in %lld ms, all closed after %lld ms", count, openedMs, took.elapsed());
    QVERIFY(server.isRunning());
    QCOMPARE(metricValue(server, "confab_websocket_connections"), 0.0);
    QVERIFY2(!server.output().contains("runtime error"), server.output().right(2000).constData());
    QVERIFY(server.stop());
}

void TestFaults::logOutputNobodyReads()
{
    // The server's standard error is a pipe nobody reads while every request logs a long line:
    // the server still answers /healthz and WebSocket pings, drops what its log queue cannot
    // hold and counts it in /metrics. Once the pipe is read again a line says how many went
    // missing, and at a clean stop every line still queued is written. (Log writes on the
    // network thread stopped the whole server here.)
    LogPipe pipe;
    QVERIFY(pipe.writeEnd() >= 0);
    TestServer server;
    server.redirectStandardError(pipe.writeEnd());
    QVERIFY(server.start(TestServer::relaxedArgs()));
    pipe.closeWriteEnd();
    const Account a = makeAccount(server, QStringLiteral("logger"));
    auto ws = connectWs(server, a);
    QVERIFY(ws);
    RestClient anonymous(server.httpUrl());
    const QString longPath = QStringLiteral("/v1/nothing/") + QString(2000, QLatin1Char('x'));

    // Several seconds of heavy logging: each round about 100 KB of log lines.
    QElapsedTimer took;
    took.start();
    int round = 0;
    double dropped = 0;
    while (took.elapsed() < 4000 || dropped <= 0) {
        QVERIFY2(took.elapsed() < 60000, "no log line was dropped in a minute");
        for (int i = 0; i < 50; ++i)
            CHECK_STATUS(anonymous.get(longPath), 404);
        CHECK_STATUS(anonymous.get(QStringLiteral("/healthz")), 200);
        const std::string id = "r" + std::to_string(++round);
        ws->send({{"type", "ping"}, {"id", id}});
        QVERIFY2(
            !ws->waitFor([&](const json &f) { return f.value("type", "") == "pong" && f.value("id", "") == id; }, 5000)
                 .is_null(),
            "no pong while the log pipe is full");
        dropped = metricValue(server, "confab_log_lines_dropped_total");
    }
    qInfo("%d rounds in %lld ms, %.0f log lines dropped", round, took.elapsed(), dropped);

    // Read again: the next line accepted is preceded by the count of those that were not.
    QVERIFY(QTest::qWaitFor(
        [&] {
            pipe.drain();
            return anonymous.get(QStringLiteral("/healthz")).status == 200 &&
                   pipe.text().contains("log lines dropped: the log output was not being read");
        },
        20000));

    // Not read for a while again, then a clean stop while reading: every line comes out.
    constexpr int kLast = 200;
    for (int i = 0; i < kLast; ++i)
        CHECK_STATUS(anonymous.get(QStringLiteral("/v1/last-%1").arg(i)), 404);
    QVERIFY(::kill(pid_t(server.pid()), SIGTERM) == 0);
    QVERIFY(QTest::qWaitFor([&] { return !pipe.drain(); }, 30000));
    QVERIFY(QTest::qWaitFor([&] { return !server.isRunning(); }, 15000));
    for (int i = 0; i < kLast; ++i) {
        const QByteArray line = "GET /v1/last-" + QByteArray::number(i) + " 404";
        QVERIFY2(pipe.text().contains(line), line.constData());
    }
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
