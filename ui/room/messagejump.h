// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace confab::ui {

class TimelineView;

// Opens the timeline at one message (a search result): at once when the window holds it, else
// after the model loaded the window around it (MessageModel::openAt). The message is scrolled
// to the middle, made current and highlighted for a moment. Scrolling down from there pages
// forward to the present (the timeline does that for any window that is not the latest).
class MessageJump : public QObject {
    Q_OBJECT
public:
    explicit MessageJump(TimelineView *timeline, QObject *parent = nullptr);

    void jumpTo(const QString &messageId);
    // The message being loaded, until it is shown.
    QString pending() const { return m_pending; }

Q_SIGNALS:
    void landed(const QString &messageId);

private:
    void land(const QString &messageId);

    TimelineView *m_timeline;
    QTimer *m_fade;
    QString m_pending;
    QMetaObject::Connection m_opened;
    QMetaObject::Connection m_failed;
};

} // namespace confab::ui
