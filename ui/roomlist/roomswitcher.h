// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QLineEdit;
class QListView;

namespace confab::ui {

class RoomSectionModel;

// The room filter (Ctrl+K) as a switcher. Typing filters the list and moves the selection to
// the best match without opening anything (opening a room marks it read); Up and Down move the
// selection; Enter asks to open the selected room; Esc clears the filter and asks to go back to
// the room that was open, with focus where it was before the filter took it.
class RoomSwitcher : public QObject {
    Q_OBJECT
public:
    RoomSwitcher(QLineEdit *filter, QListView *list, RoomSectionModel *model, QObject *parent = nullptr);

    // Once the user is in the filter (Ctrl+K, Tab, a click, typing, Up/Down) and until Enter,
    // Esc or focus leaves, the selection only shows what Enter would open.
    bool isBrowsing() const { return m_browsing; }

Q_SIGNALS:
    // Enter on a selected room.
    void openRequested(const QString &roomId);
    // Esc: give back the room that was open and focus to previousFocus (null if it is gone).
    void cancelled(QWidget *previousFocus);
    // Focus left the filter some other way (Tab, a click): the selection should show the open room again.
    void browsingEnded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filterChanged(const QString &text);
    void moveSelection(int delta);
    QString selectedRoomId() const;

    QLineEdit *m_filter;
    QListView *m_list;
    RoomSectionModel *m_model;
    QPointer<QWidget> m_previousFocus;
    bool m_browsing = false;
};

} // namespace confab::ui
