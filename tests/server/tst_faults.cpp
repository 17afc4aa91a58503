// SPDX-License-Identifier: GPL-3.0-or-later
// Faults on purpose against the real server process (docs/testing.md, "Faults").

#include "apitestutil.h"

#include <QDir>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

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

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectionsHoldingMoreThanTheirSocket();
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

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
