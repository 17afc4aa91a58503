// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QPointer>
#include <QToolButton>

class QActionGroup;

namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

class AutoAway;
class AvatarImages;

// Me, at the top of the room list: avatar with a presence dot, name and status. Its menu sets
// the status (online, away, busy, invisible) and a status message, and leads to the settings
// and to signing out. Shows what the server says about me, so a change made elsewhere shows too.
class AccountButton : public QToolButton {
    Q_OBJECT
public:
    explicit AccountButton(AutoAway &presence, QWidget *parent = nullptr);

    void setEngine(client::ChatEngine *engine);
    // Added under the status entries (settings, sign out).
    void addTrailingActions(const QList<QAction *> &actions);
    // The status entry of the menu for this status.
    QAction *statusAction(PresenceStatus status) const;
    QAction *customStatusAction() const { return m_setCustom; }
    QAction *clearCustomStatusAction() const { return m_clearCustom; }
    // What the button shows: "online", "away", ... as the server has it.
    PresenceStatus shownStatus() const { return m_shown; }
    QString shownCustomStatus() const { return m_shownCustom; }

    static QString statusName(PresenceStatus status);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();
    void askForCustomStatus();

    AutoAway &m_presence;
    QPointer<client::ChatEngine> m_engine;
    QActionGroup *m_statuses;
    QAction *m_setCustom;
    QAction *m_clearCustom;
    PresenceStatus m_shown = PresenceStatus::Offline;
    QString m_shownCustom;
    AvatarImages *m_avatars; // my picture
};

} // namespace confab::ui
