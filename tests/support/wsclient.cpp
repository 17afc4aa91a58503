// SPDX-License-Identifier: GPL-3.0-or-later
#include "wsclient.h"

#include <QTest>

namespace confab::test {

WsClient::WsClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QByteArray bytes = text.toUtf8();
        auto j = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
        m_frames.push_back(j.is_discarded() ? nlohmann::json{{"type", "<invalid json>"}} : j);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = m_socket.closeCode();
        m_closeReason = m_socket.closeReason();
    });
}

// An open socket closes as it is destroyed, after the members declared below it: its
// disconnected signal must no longer reach them.
WsClient::~WsClient() { disconnect(&m_socket, nullptr, this, nullptr); }

bool WsClient::openRaw(const QUrl &url, int timeoutMs)
{
    m_closed = false;
    m_socket.open(url);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; },
                           timeoutMs) &&
           m_socket.state() == QAbstractSocket::ConnectedState;
}

bool WsClient::open(const QUrl &url, int timeoutMs)
{
    if (!openRaw(url, timeoutMs))
        return false;
    return !waitForType("hello", timeoutMs).is_null();
}

void WsClient::close()
{
    m_socket.close();
    (void)QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

bool WsClient::isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

void WsClient::send(const nlohmann::json &frame) { m_socket.sendTextMessage(QString::fromStdString(frame.dump())); }

void WsClient::sendText(const QString &text) { m_socket.sendTextMessage(text); }

nlohmann::json WsClient::waitFor(const std::function<bool(const nlohmann::json &)> &match, int timeoutMs)
{
    nlohmann::json found;
    auto take = [&] {
        for (auto it = m_frames.begin(); it != m_frames.end(); ++it) {
            if (match(*it)) {
                found = *it;
                m_frames.erase(it);
                return true;
            }
        }
        return false;
    };
    if (take())
        return found;
    (void)QTest::qWaitFor(take, timeoutMs);
    return found;
}

nlohmann::json WsClient::waitForType(const std::string &type, int timeoutMs)
{
    return waitFor([&](const nlohmann::json &j) { return j.value("type", std::string()) == type; }, timeoutMs);
}

bool WsClient::noneOfType(const std::string &type, int withinMs) { return waitForType(type, withinMs).is_null(); }

} // namespace confab::test
