// SPDX-License-Identifier: GPL-3.0-or-later
// A whole server connection: HttpConnection (sniffing for WebSocket upgrades, the parser, the
// pipeline, 100-continue, refusals before the body, lingering, answers in order) fed the fuzzer's
// bytes in fuzzer-chosen chunks. No network: the connection's QTcpSocket sits on one end of a
// Unix socketpair and the target writes to and reads from the other end, turning the event loop
// in between. Handlers answer at once, later (a queued answer) or never (the responder's
// destructor answers 500), chosen by the request's path. What comes back must be HTTP responses.

#include "fuzzinput.h"

#include "http/httpconnection.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

#include <cstdlib>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace confab::server;

namespace {

void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz_http_connection";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
}

HttpConnection::Hooks hooks()
{
    HttpConnection::Hooks h;
    h.dispatch = [](HttpRequest &&request, HttpResponder responder) {
        if (request.path.startsWith(QLatin1String("/later"))) {
            auto shared = std::make_shared<HttpResponder>(std::move(responder));
            QTimer::singleShot(0, [shared] { shared->send(HttpResponse::json(200, QByteArrayLiteral("{}"))); });
        } else if (!request.path.startsWith(QLatin1String("/never"))) {
            responder.send(HttpResponse::json(200, QByteArray::number(request.body.size())));
        }
    };
    h.isWebSocketPath = [](const QString &path) { return path == QLatin1String("/v1/ws"); };
    h.screen = [](const HttpRequest &head) -> std::optional<HttpResponse> {
        if (head.path.startsWith(QLatin1String("/refuse")))
            return HttpResponse::error(confab::ErrorCode::Forbidden, QStringLiteral("refused"));
        return std::nullopt;
    };
    return h;
}

void drainPeer(int fd, QByteArray *out)
{
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            return;
        if (out->size() < 4096)
            out->append(buf, qsizetype(n));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ensureApplication();
    const auto input = confab::fuzz::ChunkedStream::split(data, size);
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
        std::abort();
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(fds[0]))
        std::abort();
    HttpLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxBodyBytes = 4096;
    limits.maxPipelined = 4;
    limits.lingerMs = 1; // the target does not wait for timers
    bool finished = false;
    QTcpSocket *upgraded = nullptr;
    auto *connection = new HttpConnection(socket, 1, limits, hooks());
    QObject::connect(connection, &HttpConnection::finished, [&finished] { finished = true; });
    QObject::connect(connection, &HttpConnection::upgradeRequested,
                     [&upgraded](QTcpSocket *s, const QString &, qint64) { upgraded = s; });
    connection->start();

    QByteArray answer;
    qsizetype pos = 0;
    for (const qsizetype chunk : input.chunks) {
        if (finished)
            break;
        if (::write(fds[1], input.stream.constData() + pos, size_t(chunk)) < 0)
            break; // the connection closed its end
        pos += chunk;
        for (int i = 0; i < 4; ++i) // read, answer, queued answers
            QCoreApplication::processEvents();
        drainPeer(fds[1], &answer);
    }
    ::shutdown(fds[1], SHUT_WR);
    for (int i = 0; i < 50 && !finished; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        drainPeer(fds[1], &answer);
    }
    if (!answer.isEmpty() && !answer.startsWith("HTTP/1."))
        std::abort(); // only whole responses go out, in order
    delete connection;
    delete upgraded;
    ::close(fds[1]);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
