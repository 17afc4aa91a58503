// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/actiondialog.h"

class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;

namespace confab::ui {

// The server's public and announcement rooms, searchable by name or description, with their
// member counts; Join (or Enter, or a double-click) joins the chosen one, or opens it if the
// user is in it already.
class BrowseRoomsDialog : public ActionDialog {
    Q_OBJECT
public:
    explicit BrowseRoomsDialog(client::ChatEngine &engine, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *roomList() const { return m_list; }
    // Runs the search now (the field waits a moment after each keystroke).
    void search();
    // Selects the row of this room; false if it is not listed.
    bool selectRoom(const QString &roomId);
    bool isSearching() const { return m_searching; }

Q_SIGNALS:
    void roomJoined(const QString &roomId);
    // A search has been answered and listed.
    void listed();

protected:
    void submit() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectionChanged();

    QLineEdit *m_search;
    QTreeWidget *m_list;
    QLabel *m_count;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    bool m_searching = false;
};

} // namespace confab::ui
