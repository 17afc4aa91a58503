// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QWidget;

namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

// Tells screen readers about new messages in the open room, politely: messages arriving within
// one interval (2 s) become one announcement ("3 new messages from Ana and Bo"), never one per
// message. Not my own messages, not while the window is in the background (isRoomInFront says
// whether the user is looking at that room).
//
// Qt 6.4 has no announcement event (QAccessibleAnnouncementEvent came in 6.8), and its AT-SPI
// bridge drops QAccessible::Alert. What it does forward is a "showing" state change when a
// widget appears, and Orca reads an object of role Notification when it starts showing (as it
// reads desktop notifications). So the announcement is the name of a small invisible widget
// with that role (AnnouncementRegion), hidden and shown again with the new text. An Alert event
// goes along for platforms whose bridge maps it (UI Automation on Windows).
class MessageAnnouncer : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 2000;

    // The announcement region becomes a child of host (the main window).
    MessageAnnouncer(QWidget *host, std::function<bool(const QString &roomId)> isRoomInFront,
                     QObject *parent = nullptr);

    void setEngine(client::ChatEngine *engine);
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    void setInterval(int ms) { m_batch.setInterval(ms); }
    // Messages waiting for the next announcement.
    int pendingCount() const { return m_count; }
    // The widget whose name screen readers read.
    QWidget *region() const { return m_region; }

    // "New message from Ana: text" for one, "3 new messages from Ana and Bo" for more.
    static QString textFor(int count, const QStringList &authors, const QString &onlyContent);

Q_SIGNALS:
    void announced(const QString &text, int messageCount);

private:
    void consider(const Message &message);
    void flush();

    std::function<bool(const QString &)> m_isRoomInFront;
    QPointer<client::ChatEngine> m_engine;
    QWidget *m_region;
    QTimer m_batch;
    bool m_enabled = true;
    int m_count = 0;
    QStringList m_authors;
    QString m_lastContent;
};

} // namespace confab::ui
