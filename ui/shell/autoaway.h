// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/enums.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

// The user's presence: what they choose in the menu, and "away" on their behalf after a stretch
// without keyboard or mouse input anywhere in the application, back on the next input. Only a
// chosen "online" turns into away; a chosen busy, away or invisible is left alone. A choice made
// on another device of theirs (the server echoes it) becomes the choice here too.
class AutoAway : public QObject {
    Q_OBJECT
public:
    explicit AutoAway(QObject *parent = nullptr);
    ~AutoAway() override;

    // nullptr when signed out.
    void setEngine(client::ChatEngine *engine);
    // Sent to the server now.
    void choose(PresenceStatus status, const QString &customStatus);
    PresenceStatus chosenStatus() const { return m_chosen; }
    QString customStatus() const { return m_custom; }

    // 0: never away on our own.
    void setIdleInterval(int ms);
    int idleInterval() const { return m_interval; }
    bool isAutoAway() const { return m_away; }

Q_SIGNALS:
    void autoAwayChanged(bool away);
    void chosenChanged(PresenceStatus status, const QString &customStatus);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();
    void userActive();
    void ownPresenceChanged();

    QPointer<client::ChatEngine> m_engine;
    PresenceStatus m_chosen = PresenceStatus::Online;
    QString m_custom;
    bool m_away = false;
    int m_interval = 0;
    QTimer m_timer;
    QElapsedTimer m_sinceInput;
};

} // namespace confab::ui
