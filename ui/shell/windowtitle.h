// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace confab::ui {

// The main window's title: the open room and, while there are unread messages outside muted
// rooms, their count in front ("(3) general — Confab"), so the taskbar shows it too.
class WindowTitle : public QObject {
    Q_OBJECT
public:
    explicit WindowTitle(QWidget *window);

    void setRoomName(const QString &name); // empty: no room open
    void setUnread(int count);

    static QString compose(int unread, const QString &roomName);

private:
    void apply();

    QWidget *m_window;
    QString m_roomName;
    int m_unread = 0;
};

} // namespace confab::ui
