// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/1.1 + WebSocket transport (app/server/http), in-process on 127.0.0.1, over real
// sockets. Client and server share this thread: every wait runs the event loop.

#include "server/http/httpserver.h"

#include "core/jsondocument.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

using namespace confab::server;
using confab::ErrorCode;
using nlohmann::json;

namespace {

struct RawResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return true;
        }
        return false;
    }
    json body_json() const { return json::parse(body.constData(), body.constData() + body.size(), nullptr, false); }
    QString errorCode() const { return QString::fromStdString(body_json()["error"].value("code", std::string())); }
    QString errorMessage() const
    {
        return QString::fromStdString(body_json()["error"].value("message", std::string()));
    }
};

// Takes one complete response (Content-Length framed) off the front of buffer.
bool takeResponse(QByteArray &buffer, RawResponse *out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    RawResponse r;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1."))
        return false;
    r.status = statusLine[1].toInt();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        r.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        if (r.headers.last().first == "content-length")
            length = r.headers.last().second.toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return false;
    r.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    *out = r;
    return true;
}

// A raw client that sends bytes and collects responses, never blocking.
class RawClient {
public:
    explicit RawClient(quint16 port, QSslSocket *tls = nullptr) : m_socket(tls ? tls : new QTcpSocket)
    {
        QObject::connect(m_socket.get(), &QIODevice::readyRead, m_socket.get(),
                         [this] { m_buffer += m_socket->readAll(); });
        if (tls)
            tls->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        else
            m_socket->connectToHost(QHostAddress::LocalHost, port);
    }
    bool waitConnected()
    {
        if (auto *tls = qobject_cast<QSslSocket *>(m_socket.get()))
            return QTest::qWaitFor([tls] { return tls->isEncrypted(); }, 10000);
        return QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &bytes) { m_socket->write(bytes); }
    // Waits for the next response.
    bool next(RawResponse *out, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return takeResponse(m_buffer, out); }, timeoutMs);
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    bool isOpen() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    QByteArray &buffer() { return m_buffer; }
    QTcpSocket *socket() { return m_socket.get(); }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body, const QByteArray &extra = {})
{
    return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body;
}

QByteArray handshake(const QByteArray &target)
{
    return "GET " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

} // namespace

class TestHttp : public QObject {
    Q_OBJECT

private:
    HttpLimits m_limits;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<QSignalSpy> m_completed;
    std::vector<HttpResponder> m_parked;
    int m_handled = 0;
    QUrl m_wsUrl;
    QStringList m_wsReceived;
    QList<QPointer<QWebSocket>> m_serverSockets;

    void startServer(HttpServer *server)
    {
        server->setHandler(
            [this](HttpRequest &&r, HttpResponder responder) { handle(std::move(r), std::move(responder)); });
        server->setWebSocketHandler(QStringLiteral("/chat"), [this](QWebSocket *ws) {
            QVERIFY(ws->parent() == nullptr);
            m_wsUrl = ws->requestUrl();
            m_serverSockets.append(ws);
            connect(ws, &QWebSocket::textMessageReceived, ws, [this, ws](const QString &message) {
                m_wsReceived.append(message);
                ws->sendTextMessage(QStringLiteral("echo:") + message);
            });
            connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        });
        QString error;
        QVERIFY2(server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(server->port() != 0);
    }

    void handle(HttpRequest &&r, HttpResponder responder)
    {
        ++m_handled;
        if (r.path == QLatin1String("/echo") || r.path.startsWith(QLatin1String("/v1/files"))) {
            json query = json::object();
            for (const auto &item : r.query.queryItems(QUrl::FullyDecoded))
                query[item.first.toStdString()] = item.second.toStdString();
            const json echo = {
                {"method", r.method.toStdString()},       {"path", r.path.toStdString()},
                {"target", r.target.toStdString()},       {"query", query},
                {"body", r.body.toStdString()},           {"bodySize", r.body.size()},
                {"connectionId", r.connectionId},         {"peer", r.peerAddress.toString().toStdString()},
                {"host", r.header("host").toStdString()}, {"hasReceivedAt", r.receivedAtUs > 0}};
            responder.send(HttpResponse::json(200, confab::toJsonBytes(echo)));
        } else if (r.path == QLatin1String("/deferred")) {
            // Answered later from a timer; the tag says which request this was.
            const int ms = r.query.queryItemValue(QStringLiteral("ms")).toInt();
            const std::string tag = r.query.queryItemValue(QStringLiteral("tag")).toStdString();
            QTimer::singleShot(ms, this, [responder = std::move(responder), tag]() mutable {
                responder.send(HttpResponse::json(200, confab::toJsonBytes(json{{"tag", tag}})));
            });
        } else if (r.path == QLatin1String("/park")) {
            m_parked.push_back(std::move(responder)); // answered (or not) by the test itself
        } else if (r.path == QLatin1String("/drop")) {
            // The responder dies unanswered.
        } else if (r.path == QLatin1String("/limited")) {
            HttpResponse response = HttpResponse::error(ErrorCode::RateLimited, QStringLiteral("slow down"));
            response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("7")});
            response.headers.append({QByteArrayLiteral("X-Evil"), QByteArrayLiteral("a\r\nInjected: yes")});
            responder.send(response);
        } else {
            responder.send(HttpResponse::error(ErrorCode::NotFound, QStringLiteral("nothing at %1").arg(r.path)));
        }
    }

    quint16 port() const { return m_server->port(); }

    // The statuses reported through requestCompleted so far.
    QList<int> completedStatuses() const
    {
        QList<int> statuses;
        for (const QList<QVariant> &args : *m_completed)
            statuses.append(args.at(2).toInt());
        return statuses;
    }

    static void expectError(const RawResponse &r, int status, const QString &code, const QString &messagePart)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const json j = r.body_json();
        QVERIFY2(j.is_object(), r.body.constData());
        QCOMPARE(j.value("success", true), false);
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(r.errorMessage().contains(messagePart, Qt::CaseInsensitive), qPrintable(r.errorMessage()));
        QCOMPARE(r.header("connection"), QByteArray("close"));
    }

private Q_SLOTS:
    void init()
    {
        m_limits = HttpLimits{};
        m_limits.maxHeaderBytes = 2048;
        m_limits.maxUrlBytes = 1024;
        m_limits.maxBodyBytes = 1024;
        m_limits.maxUploadBytes = 8192;
        m_limits.headerTimeoutMs = 400;
        m_limits.bodyTimeoutMs = 400;
        m_limits.idleTimeoutMs = 600;
        m_limits.maxPipelined = 4;
        m_limits.maxWebSocketFrameBytes = 1024;
        m_limits.lingerMs = 100;
        m_handled = 0;
        m_wsUrl.clear();
        m_wsReceived.clear();
        m_server = std::make_unique<HttpServer>(m_limits);
        m_completed = std::make_unique<QSignalSpy>(m_server.get(), &HttpServer::requestCompleted);
        startServer(m_server.get());
    }

    void cleanup()
    {
        m_completed.reset();
        m_server.reset();
        m_parked.clear(); // after the server: late responders must be harmless
        for (const QPointer<QWebSocket> &ws : std::as_const(m_serverSockets))
            delete ws.data();
        m_serverSockets.clear();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void simpleGet()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/echo?x=1&name=hello%20world&e=%C3%A9"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("content-length").toInt(), r.body.size());
        QCOMPARE(r.header("server"), QByteArray("confab"));
        QVERIFY(!r.hasHeader("connection"));
        const json j = r.body_json();
        QCOMPARE(j["method"], "GET");
        QCOMPARE(j["path"], "/echo");
        QCOMPARE(j["target"], "/echo?x=1&name=hello%20world&e=%C3%A9");
        QCOMPARE(j["query"]["x"], "1");
        QCOMPARE(j["query"]["name"], "hello world");
        QCOMPARE(QString::fromStdString(j["query"]["e"]), QString(QChar(0xe9)));
        QCOMPARE(j["host"], "test");
        QCOMPARE(j["peer"], "127.0.0.1");
        QCOMPARE(j["hasReceivedAt"], true);
        QVERIFY(j["connectionId"].get<quint64>() > 0);

        QTRY_COMPARE(m_completed->size(), 1);
        const QList<QVariant> args = m_completed->first();
        QCOMPARE(args.at(0).toByteArray(), QByteArray("GET"));
        QCOMPARE(args.at(1).toString(), QStringLiteral("/echo"));
        QCOMPARE(args.at(2).toInt(), 200);
        QVERIFY(args.at(3).toLongLong() >= 0);
        QVERIFY(c.isOpen());
    }

    void percentDecodedPath()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/v1/files/a%20b"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["path"], "/v1/files/a b");
    }

    void keepAlive()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/echo?n=1"));
        RawResponse first;
        QVERIFY(c.next(&first));
        c.send(post("/echo", "second body"));
        RawResponse second;
        QVERIFY(c.next(&second));
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body_json()["body"], "second body");
        QCOMPARE(second.body_json()["method"], "POST");
        // Same connection served both.
        QCOMPARE(first.body_json()["connectionId"], second.body_json()["connectionId"]);
        QVERIFY(c.isOpen());
        QCOMPARE(m_server->openConnections(), 1);
    }

    void headHasNoBody()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("HEAD /echo HTTP/1.1\r\nHost: test\r\n\r\n" + get("/echo?after=head"));
        QVERIFY(
            QTest::qWaitFor([&] { return c.buffer().count("HTTP/1.1 200") == 2 && c.buffer().endsWith("}"); }, 5000));
        const qsizetype headEnd = c.buffer().indexOf("\r\n\r\n") + 4;
        QVERIFY(c.buffer().left(headEnd).contains("Content-Length: "));
        QVERIFY(c.buffer().mid(headEnd).startsWith("HTTP/1.1 200")); // no body after the HEAD answer
        c.buffer().remove(0, headEnd);
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.body_json()["query"]["after"], "head");
    }

    void fragmentedRequest()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        const QByteArray request = post("/echo", "{\"a\":1}");
        for (char byte : request) {
            c.send(QByteArray(1, byte));
            c.socket()->flush();
            QTest::qWait(1);
        }
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["body"], "{\"a\":1}");
    }

    void pipelinedInOrder()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        // The first takes longest: the handlers finish c, b, a; the client must still see a, b, c.
        c.send(get("/deferred?ms=300&tag=a") + get("/deferred?ms=100&tag=b") + get("/deferred?ms=0&tag=c"));
        QTRY_COMPARE_WITH_TIMEOUT(m_handled, 3, 2000); // all three dispatched before any answer
        QCOMPARE(m_completed->size(), 0);
        QStringList tags;
        for (int i = 0; i < 3; ++i) {
            RawResponse r;
            QVERIFY(c.next(&r));
            QCOMPARE(r.status, 200);
            tags.append(QString::fromStdString(r.body_json()["tag"]));
        }
        QCOMPARE(tags, QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(c.isOpen());
    }

    void pipelineBackPressure()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        QByteArray many;
        for (int i = 0; i < 10; ++i)
            many += get("/park?i=" + QByteArray::number(i));
        c.send(many);
        // Only maxPipelined requests are taken while none is answered.
        QTRY_COMPARE(int(m_parked.size()), m_limits.maxPipelined);
        QTest::qWait(100);
        QCOMPARE(int(m_parked.size()), m_limits.maxPipelined);
        QVERIFY(c.buffer().isEmpty());

        // Answering frees room; reading resumes until all ten are in, answered in order.
        int answered = 0;
        QList<int> order;
        while (answered < 10) {
            QTRY_VERIFY(int(m_parked.size()) > answered);
            m_parked[size_t(answered)].send(HttpResponse::json(200, QByteArray::number(answered)));
            ++answered;
            RawResponse r;
            QVERIFY(c.next(&r));
            order.append(r.body.toInt());
        }
        QCOMPARE(order, QList<int>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    void chunkedBody()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
               "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["body"], "hello world");
        QVERIFY(c.isOpen());
    }

    void invalidChunk()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), QStringLiteral("chunk"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void bodyTooLarge()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        // Only the head: the limit is decided from Content-Length before any body byte.
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 413, QStringLiteral("PAYLOAD_TOO_LARGE"), QStringLiteral("5000"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
        QTRY_COMPARE(completedStatuses(), QList<int>({413}));
    }

    void bodyTooLargeWhileSending()
    {
        // The client sends its whole body anyway; the answer must still reach it (lingering close).
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(post("/echo", QByteArray(200000, 'x')));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 413, QStringLiteral("PAYLOAD_TOO_LARGE"), QStringLiteral("1024"));
        QVERIFY(c.waitClosed());
    }

    void chunkedTooLarge()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        const QByteArray chunk(800, 'y');
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" + chunk +
               "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 413, QStringLiteral("PAYLOAD_TOO_LARGE"), QStringLiteral("1024"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void uploadLimitForFiles()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(post("/v1/files", QByteArray(4000, 'f'), "X-Filename: a.bin\r\n"));
        RawResponse ok;
        QVERIFY(c.next(&ok));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body_json()["bodySize"], 4000);

        c.send(post("/v1/files", QByteArray(9000, 'f')));
        RawResponse tooBig;
        QVERIFY(c.next(&tooBig));
        expectError(tooBig, 413, QStringLiteral("PAYLOAD_TOO_LARGE"), QStringLiteral("8192"));
        QVERIFY(c.waitClosed());
    }

    void expectContinue()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return c.buffer().contains("\r\n\r\n"); }, 5000));
        QCOMPARE(c.buffer(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        c.buffer().clear();
        QCOMPARE(m_handled, 0);
        c.send("hello");
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["body"], "hello");
    }

    void unknownExpectation()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 200-ok\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        QVERIFY(!c.buffer().contains("100 Continue"));
        expectError(r, 417, QStringLiteral("EXPECTATION_FAILED"), QStringLiteral("200-ok"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void missingOrDuplicateHost_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no Host") << QByteArray("GET /echo HTTP/1.1\r\n\r\n") << QStringLiteral("needs a Host header");
        QTest::newRow("no Host, with body") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
                                            << QStringLiteral("needs a Host header");
        QTest::newRow("two Hosts") << QByteArray("GET /echo HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
                                   << QStringLiteral("more than one Host");
    }

    void missingOrDuplicateHost()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, messagePart);
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request);
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), messagePart);
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void http10NeedsNoHost()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("GET /echo HTTP/1.0\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
    }

    void foldedHeaderLine_data()
    {
        QTest::addColumn<QList<QByteArray>>("pieces");
        QTest::newRow("space") << QList<QByteArray>{"GET /echo HTTP/1.1\r\nHost: test\r\nX-A: one\r\n two\r\n\r\n"};
        QTest::newRow("tab") << QList<QByteArray>{"GET /echo HTTP/1.1\r\nHost: test\r\nX-A: one\r\n\ttwo\r\n\r\n"};
        QTest::newRow("bare LF") << QList<QByteArray>{"GET /echo HTTP/1.1\nHost: test\nX-A: one\n two\n\n"};
        QTest::newRow("fold in its own packet")
            << QList<QByteArray>{"GET /echo HTTP/1.1\r\nHost: test\r\nX-A: one\r\n", " two\r\n\r\n"};
        QTest::newRow("folded Host") << QList<QByteArray>{
            "POST /echo HTTP/1.1\r\nHost:\r\n test\r\nContent-Length: 2\r\n\r\n{}"};
    }

    void foldedHeaderLine()
    {
        QFETCH(QList<QByteArray>, pieces);
        RawClient c(port());
        QVERIFY(c.waitConnected());
        for (const QByteArray &piece : pieces) {
            c.send(piece);
            QTRY_COMPARE(c.socket()->bytesToWrite(), qint64(0));
            QTest::qWait(50); // separate TCP segments, so the parser sees the fold in a later read
        }
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), QStringLiteral("obs-fold"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void screenRefusesBeforeTheBody_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        // Under the 8192-byte upload limit, so only the screen can refuse them before the body.
        QTest::newRow("no route")
            << QByteArray("POST /v1/files/nowhere HTTP/1.1\r\nHost: test\r\nContent-Length: 8000\r\n\r\n") << 404
            << QStringLiteral("NOT_FOUND");
        QTest::newRow("no token")
            << QByteArray("POST /v1/files/private HTTP/1.1\r\nHost: test\r\nContent-Length: 8000\r\n\r\n") << 401
            << QStringLiteral("UNAUTHORIZED");
        QTest::newRow("no token, chunked, expecting 100-continue")
            << QByteArray("POST /v1/files/private HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n"
                          "Expect: 100-continue\r\n\r\n")
            << 401 << QStringLiteral("UNAUTHORIZED");
    }

    void screenRefusesBeforeTheBody()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QFETCH(QString, code);
        m_server->setScreen([](const HttpRequest &h) -> std::optional<HttpResponse> {
            if (h.path == QLatin1String("/v1/files/nowhere"))
                return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("no endpoint at %1").arg(h.path));
            if (h.path == QLatin1String("/v1/files/private") && h.header("authorization").isEmpty())
                return HttpResponse::error(ErrorCode::Unauthorized, QStringLiteral("send a token"));
            return std::nullopt;
        });
        RawClient c(port());
        QVERIFY(c.waitConnected());
        // A few bytes of the announced body, never the rest: the answer must not wait for it (the
        // server would otherwise answer 408 after its 400 ms body timeout, or read 8000 bytes).
        c.send(head + "abc");
        RawResponse r;
        QVERIFY(c.next(&r));
        QVERIFY(!c.buffer().contains("100 Continue"));
        expectError(r, status, code, QString());
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
        QTRY_COMPARE(completedStatuses(), QList<int>({status}));
    }

    void screenRefusalWithoutBodyKeepsTheConnection()
    {
        m_server->setScreen([](const HttpRequest &h) -> std::optional<HttpResponse> {
            if (h.path == QLatin1String("/refused"))
                return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("nothing here"));
            return std::nullopt;
        });
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/refused") + get("/echo?n=2"));
        RawResponse refused, echoed;
        QVERIFY(c.next(&refused));
        QCOMPARE(refused.status, 404);
        QVERIFY(!refused.hasHeader("connection"));
        QVERIFY(c.next(&echoed));
        QCOMPARE(echoed.status, 200);
        QCOMPARE(echoed.body_json()["query"]["n"], "2");
        QCOMPARE(m_handled, 1);
        QVERIFY(c.isOpen());
    }

    void expectContinueTooLarge()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 99999\r\nExpect: 100-continue\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        QVERIFY(!c.buffer().contains("100 Continue"));
        expectError(r, 413, QStringLiteral("PAYLOAD_TOO_LARGE"), QStringLiteral("99999"));
        QVERIFY(c.waitClosed());
    }

    void headersTooLarge()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/echo", "X-Big: " + QByteArray(4000, 'h') + "\r\n"));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 431, QStringLiteral("HEADERS_TOO_LARGE"), QStringLiteral("2048"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void headersTooLargeWithoutEnd()
    {
        // A header block that never ends must not be buffered forever while we sniff for upgrades.
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("GET /echo HTTP/1.1\r\nHost: test\r\nX-Big: " + QByteArray(3000, 'h'));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 431, QStringLiteral("HEADERS_TOO_LARGE"), QStringLiteral("2048"));
        QVERIFY(c.waitClosed());
    }

    void urlTooLong()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/echo?q=" + QByteArray(1500, 'u')));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), QStringLiteral("request target"));
        QVERIFY(c.waitClosed());
    }

    void malformedRequestLine_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("bad version") << QByteArray("GET /echo HTTP/1.x\r\nHost: test\r\n\r\n")
                                     << QStringLiteral("version");
        QTest::newRow("HTTP/3.0") << QByteArray("GET /echo HTTP/3.0\r\nHost: test\r\n\r\n")
                                  << QStringLiteral("version");
        QTest::newRow("space in target") << QByteArray("GET /ec ho HTTP/1.1\r\nHost: test\r\n\r\n")
                                         << QStringLiteral("malformed");
        QTest::newRow("control char in header") << QByteArray("GET /echo HTTP/1.1\r\nX: a\x01"
                                                              "b\r\n\r\n")
                                                << QStringLiteral("header");
        QTest::newRow("space before colon")
            << QByteArray("POST /echo HTTP/1.1\r\nContent-Length : 3\r\n\r\nabc") << QStringLiteral("header name");
        QTest::newRow("leading space header")
            << QByteArray("GET /echo HTTP/1.1\r\n X: folded\r\n\r\n") << QStringLiteral("header name");
        QTest::newRow("gzip transfer coding")
            << QByteArray("POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
            << QStringLiteral("Transfer-Encoding");
        QTest::newRow("bad method") << QByteArray("FROB /echo HTTP/1.1\r\nHost: test\r\n\r\n")
                                    << QStringLiteral("method");
        QTest::newRow("no target") << QByteArray("GET\r\n\r\n") << QStringLiteral("malformed");
        QTest::newRow("space in header name")
            << QByteArray("GET /echo HTTP/1.1\r\nBad Header: x\r\n\r\n") << QStringLiteral("header name");
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                                        << QStringLiteral("malformed");
        QTest::newRow("both lengths") << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n"
                                                    "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
                                      << QStringLiteral("content-length");
        QTest::newRow("CONNECT") << QByteArray("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n")
                                 << QStringLiteral("CONNECT");
    }

    void malformedRequestLine()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, messagePart);
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request);
        RawResponse r;
        QVERIFY(c.next(&r));
        QVERIFY2(r.status == 400 || r.status == 405, r.body.constData());
        expectError(r, r.status, r.status == 400 ? QStringLiteral("BAD_REQUEST") : QStringLiteral("METHOD_NOT_ALLOWED"),
                    messagePart);
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void garbageBytes()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        // A TLS ClientHello on the plain port, then random binary.
        c.send(QByteArray::fromHex("160301020001000200fc0303") + QByteArray(64, '\xff') + QByteArray(8, '\0'));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), QStringLiteral("malformed"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void http10Closes()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("GET /echo HTTP/1.0\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
    }

    void http10KeepAlive()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
        QTest::qWait(100);
        QVERIFY(c.isOpen());
    }

    void connectionCloseHeader()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        // The request after "Connection: close" must not be answered.
        c.send(get("/echo?n=1", "Connection: close\r\n") + get("/echo?n=2"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 1);
        QVERIFY(!takeResponse(c.buffer(), &r));
    }

    void slowHeaders()
    {
        // Slowloris: a byte every 100 ms must not push the deadline back.
        RawClient c(port());
        QVERIFY(c.waitConnected());
        QElapsedTimer clock;
        clock.start();
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, c.socket(), [&] {
            if (c.isOpen())
                c.send("X-Slow: a\r\n");
        });
        c.send("GET /echo HTTP/1.1\r\n");
        trickle.start(100);
        RawResponse r;
        QVERIFY(c.next(&r, 5000));
        const qint64 elapsed = clock.elapsed();
        trickle.stop();
        expectError(r, 408, QStringLiteral("REQUEST_TIMEOUT"), QStringLiteral("headers"));
        QVERIFY2(elapsed >= m_limits.headerTimeoutMs - 50, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < m_limits.headerTimeoutMs + 1000, qPrintable(QString::number(elapsed)));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void silentConnection()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        RawResponse r;
        QVERIFY(c.next(&r, 5000));
        expectError(r, 408, QStringLiteral("REQUEST_TIMEOUT"), QStringLiteral("headers"));
        QVERIFY(c.waitClosed());
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void slowBody()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n0123456789");
        RawResponse r;
        QVERIFY(c.next(&r, 5000));
        expectError(r, 408, QStringLiteral("REQUEST_TIMEOUT"), QStringLiteral("body"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_handled, 0);
    }

    void idleKeepAliveClosed()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/echo"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(c.waitClosed(m_limits.idleTimeoutMs + 2000));
        QVERIFY2(clock.elapsed() >= m_limits.idleTimeoutMs - 100, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(c.buffer().isEmpty()); // closed silently, no error response
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void waitingForHandlerIsNotIdle()
    {
        // A slow handler (long poll) is our business: neither idle nor header timeouts apply.
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/deferred?ms=1000&tag=late"));
        RawResponse r;
        QVERIFY(c.next(&r, 5000));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["tag"], "late");
    }

    void clientGoneBeforeDeferredAnswer()
    {
        {
            RawClient c(port());
            QVERIFY(c.waitConnected());
            c.send(get("/park"));
            QTRY_COMPARE(int(m_parked.size()), 1);
            QVERIFY(m_parked.front().isConnected());
            c.socket()->abort();
        }
        QTRY_COMPARE(m_server->openConnections(), 0);
        QCOMPARE(m_parked.front().isConnected(), false);
        m_parked.front().send(HttpResponse::json(200, "{}")); // must be a harmless no-op
        QCOMPARE(m_parked.front().isPending(), false);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qWait(50);
        QCOMPARE(m_completed->size(), 0);

        // The server still serves others.
        RawClient d(port());
        QVERIFY(d.waitConnected());
        d.send(get("/echo"));
        RawResponse r;
        QVERIFY(d.next(&r));
        QCOMPARE(r.status, 200);
    }

    void responderFromOtherThread()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/park"));
        QTRY_COMPARE(int(m_parked.size()), 1);
        HttpResponder responder = std::move(m_parked.front());
        QThread *worker =
            QThread::create([&responder] { responder.send(HttpResponse::json(200, "{\"from\":\"worker\"}")); });
        worker->start();
        QTRY_VERIFY(worker->isFinished());
        delete worker;
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["from"], "worker");
    }

    void unansweredResponderAnswers500()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/drop") + get("/echo"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), QStringLiteral("INTERNAL"));
        RawResponse next;
        QVERIFY(c.next(&next));
        QCOMPARE(next.status, 200); // the connection carries on
    }

    void extraHeadersAndInjection()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/limited"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(r.header("retry-after"), QByteArray("7"));
        QVERIFY(!r.hasHeader("injected"));
        QVERIFY(!r.hasHeader("x-evil"));
    }

    void realClientInterop()
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/echo?via=qnam").arg(port())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(nam.post(request, QByteArrayLiteral("{\"x\":1}")));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray body = reply->readAll();
        const json j = json::parse(body.constData(), body.constData() + body.size());
        QCOMPARE(j["body"], "{\"x\":1}");
        QCOMPARE(j["query"]["via"], "qnam");
    }

    void webSocketUpgrade()
    {
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat?token=abc%20def").arg(port())));
        QVERIFY(connected.wait(5000));
        QCOMPARE(m_wsUrl.path(), QStringLiteral("/chat"));
        QCOMPARE(QUrlQuery(m_wsUrl).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded),
                 QStringLiteral("abc def"));
        client.sendTextMessage(QStringLiteral("hello"));
        QVERIFY(received.wait(5000));
        QCOMPARE(received.first().first().toString(), QStringLiteral("echo:hello"));
        QCOMPARE(m_wsReceived, QStringList{QStringLiteral("hello")});
        QTRY_VERIFY(completedStatuses().contains(101));
        QCOMPARE(m_handled, 0); // never seen by the HTTP handler
        QCOMPARE(m_server->openConnections(), 1);

        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.close();
        QTRY_COMPARE(disconnected.size(), 1);         // Qt may report it from inside close()
        QTRY_COMPARE(m_server->openConnections(), 0); // the server side socket was deleted
    }

    void webSocketHandshakeInPieces()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        const QByteArray hs = handshake("/chat?token=x");
        c.send(hs.left(20));
        QTest::qWait(50);
        c.send(hs.mid(20, 40));
        QTest::qWait(50);
        c.send(hs.mid(60));
        QVERIFY(QTest::qWaitFor([&] { return c.buffer().contains("\r\n\r\n"); }, 5000));
        QVERIFY2(c.buffer().startsWith("HTTP/1.1 101"), c.buffer().constData());
        // RFC 6455's example key has this accept value.
        QVERIFY(c.buffer().contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        QTRY_COMPARE(m_serverSockets.size(), 1);
        QCOMPARE(QUrlQuery(m_wsUrl).queryItemValue(QStringLiteral("token")), QStringLiteral("x"));
    }

    void webSocketUnregisteredPath()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(handshake("/nope?token=abc"));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 404, QStringLiteral("NOT_FOUND"), QStringLiteral("/nope"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_serverSockets.size(), 0);
    }

    void webSocketUpgradeNotFirst()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/echo"));
        RawResponse first;
        QVERIFY(c.next(&first));
        QCOMPARE(first.status, 200);
        c.send(handshake("/chat"));
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), QStringLiteral("first request"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_serverSockets.size(), 0);
    }

    void webSocketBadHandshake()
    {
        // A handshake Qt WebSockets would drop silently gets an HTTP answer naming the problem.
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n");
        RawResponse r;
        QVERIFY(c.next(&r));
        expectError(r, 400, QStringLiteral("BAD_REQUEST"), QStringLiteral("Sec-WebSocket-Key"));
        QVERIFY(c.waitClosed());
    }

    void webSocketFrameTooLarge()
    {
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(port())));
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE(m_serverSockets.size(), 1);
        QCOMPARE(m_serverSockets.first()->maxAllowedIncomingFrameSize(), quint64(1024));
        QCOMPARE(m_serverSockets.first()->maxAllowedIncomingMessageSize(), quint64(1024));

        client.sendTextMessage(QString(4096, QLatin1Char('a')));
        QTRY_COMPARE(disconnected.size(), 1);
        // Qt WebSockets closes with 1009 "message too big".
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QVERIFY(m_wsReceived.isEmpty());
    }

    void closeStopsEverything()
    {
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(get("/park"));
        QTRY_COMPARE(int(m_parked.size()), 1);
        QWebSocket ws;
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy wsDisconnected(&ws, &QWebSocket::disconnected);
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(port())));
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE(m_server->openConnections(), 2);

        const quint16 oldPort = port();
        m_server->close();
        QVERIFY(c.waitClosed());
        QTRY_COMPARE(wsDisconnected.size(), 1);
        QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_COMPARE(m_server->openConnections(), 0);
        QVERIFY(!m_parked.front().isConnected());

        RawClient late(oldPort);
        QVERIFY(late.waitClosed()); // refused
    }

    void tls()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        QSignalSpy done(&openssl, &QProcess::finished);
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"), QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(done.wait(60000));
        QCOMPARE(openssl.exitCode(), 0);

        HttpServer server(m_limits);
        QString error;
        QVERIFY(!server.setTls(dir.filePath(QStringLiteral("missing.pem")), key, &error));
        QVERIFY(error.contains(QStringLiteral("missing.pem")));
        QVERIFY2(server.setTls(cert, key, &error), qPrintable(error));
        startServer(&server);

        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(cert));

        // https, verified against the generated certificate.
        auto *socket = new QSslSocket;
        socket->setSslConfiguration(trust);
        RawClient c(server.port(), socket);
        QVERIFY(c.waitConnected());
        c.send(get("/echo?secure=1") + get("/deferred?ms=50&tag=tls"));
        RawResponse r;
        QVERIFY(c.next(&r));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body_json()["query"]["secure"], "1");
        RawResponse second;
        QVERIFY(c.next(&second));
        QCOMPARE(second.body_json()["tag"], "tls");

        // Plain HTTP on the TLS port is refused, not served in clear.
        RawClient plain(server.port());
        QVERIFY(plain.waitConnected());
        plain.send(get("/echo"));
        QVERIFY(plain.waitClosed());
        QVERIFY(!plain.buffer().startsWith("HTTP/1.1 200"));

        // wss on the same port.
        QWebSocket ws;
        ws.setSslConfiguration(trust);
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy received(&ws, &QWebSocket::textMessageReceived);
        ws.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/chat?token=tls").arg(server.port())));
        QVERIFY(connected.wait(10000));
        QCOMPARE(QUrlQuery(m_wsUrl).queryItemValue(QStringLiteral("token")), QStringLiteral("tls"));
        ws.sendTextMessage(QStringLiteral("secret"));
        QVERIFY(received.wait(5000));
        QCOMPARE(received.first().first().toString(), QStringLiteral("echo:secret"));
        ws.close();
        QTRY_COMPARE(server.openConnections(), 1); // the https client is still connected
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
