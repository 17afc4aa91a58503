// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demoworld.h"

#include "core/frames.h"
#include "core/reconnectpolicy.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace confab::demo {

// One demo user as a real WebSocket client of the server: connects with its token, speaks the
// core frames, reconnects with back-off when the connection drops unless told to stay offline.
class DemoBot : public QObject {
    Q_OBJECT
public:
    using FrameHandler = std::function<void(DemoBot &, const ServerFrame &)>;

    // chatUrl: ws://host:port/chat (the token is added here).
    DemoBot(DemoPerson person, QUrl chatUrl, QObject *parent = nullptr);
    ~DemoBot() override;

    const DemoPerson &person() const { return m_person; }
    const QString &userId() const { return m_person.userId; }
    bool isOnline() const { return m_online; } // connected and greeted
    bool wantsOnline() const { return m_wanted; }

    void setFrameHandler(FrameHandler handler) { m_handler = std::move(handler); }
    void goOnline();
    void goOffline();
    // Dropped when offline: a demo line that was never said is no loss.
    void send(const ClientFrame &frame);
    QString nextClientMsgId();

private:
    void open();
    void onText(const QString &text);
    void onDisconnected();

    DemoPerson m_person;
    QUrl m_url;
    QWebSocket m_socket;
    QTimer m_retry;
    FrameHandler m_handler;
    bool m_wanted = false;
    bool m_online = false;
    int m_failures = 0;
    ReconnectPolicy m_reconnect;
    quint64 m_sent = 0;
};

} // namespace confab::demo
