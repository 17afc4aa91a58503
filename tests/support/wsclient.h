// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <nlohmann/json.hpp>

#include <deque>
#include <functional>

namespace confab::test {

// A WebSocket client for tests: keeps every frame it receives, in order, and waits for frames by
// type or predicate while running the event loop.
class WsClient : public QObject {
    Q_OBJECT
public:
    explicit WsClient(QObject *parent = nullptr);
    ~WsClient() override;

    bool open(const QUrl &url, int timeoutMs = 10000);    // waits for the "hello" frame when authenticated
    bool openRaw(const QUrl &url, int timeoutMs = 10000); // just the connection
    void close();
    bool isConnected() const;

    void send(const nlohmann::json &frame);
    void sendText(const QString &text);

    // Takes the first received frame (in arrival order) matching, waiting for it if needed.
    // Returns null on time-out. Frames before it that don't match stay queued.
    nlohmann::json waitFor(const std::function<bool(const nlohmann::json &)> &match, int timeoutMs = 5000);
    nlohmann::json waitForType(const std::string &type, int timeoutMs = 5000);
    // True if no frame of that type arrives within the time.
    bool noneOfType(const std::string &type, int withinMs);
    void clear() { m_frames.clear(); }
    const std::deque<nlohmann::json> &frames() const { return m_frames; }

    QWebSocket &socket() { return m_socket; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    bool wasClosed() const { return m_closed; }

private:
    QWebSocket m_socket;
    std::deque<nlohmann::json> m_frames;
    bool m_closed = false;
    QWebSocketProtocol::CloseCode m_closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString m_closeReason;
};

} // namespace confab::test
