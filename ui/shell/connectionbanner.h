// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;

namespace confab::client {
class RealtimeConnection;
}

namespace confab::ui {

// A strip above the chat while the connection is not online: what is going on, a countdown
// to the next attempt and "Reconnect now". Hidden when online over the WebSocket; shown, saying
// so, when online over the long-poll fallback.
class ConnectionBanner : public QFrame {
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);
    void setConnection(client::RealtimeConnection *connection);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void update(int secondsLeft = -1);
    // Amber in either theme: light amber with dark text, or dark amber with light text.
    void restyle();

    QPointer<client::RealtimeConnection> m_connection;
    QLabel *m_label;
    QPushButton *m_retry;
    bool m_restyling = false;
};

} // namespace confab::ui
