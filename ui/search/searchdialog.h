// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace confab::client {
class ChatEngine;
class SearchResultsModel;
} // namespace confab::client

namespace confab::ui {

// Message search (Ctrl+F: the open room, Ctrl+Shift+F: every room). Results come as the user
// types (250 ms after the last key), newest first or best match first. The keys stay in the
// search box: Up and Down move through the results, Enter opens the room at the chosen message
// (messageChosen()), Esc closes. Filters are typed in the box (from:, in:, before:, after:,
// has:file); the server's complaint about a bad one is shown as it says it.
class SearchDialog : public QDialog {
    Q_OBJECT
public:
    // roomId/roomName: the open room, offered as the scope (empty: every room only).
    SearchDialog(client::ChatEngine &engine, const QString &roomId, const QString &roomName, bool allRooms,
                 QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_query; }
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *sortBox() const { return m_sort; }
    QListView *resultList() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }
    client::SearchResultsModel *results() const { return m_results; }

Q_SIGNALS:
    void messageChosen(const QString &roomId, const QString &messageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void showOutcome();
    void moveSelection(int delta);
    void chooseCurrent();

    QString m_roomId;
    client::SearchResultsModel *m_results;
    QLineEdit *m_query;
    QComboBox *m_scope;
    QComboBox *m_sort;
    QListView *m_list;
    QLabel *m_status;
    QTimer *m_debounce;
    bool m_openWhenReady = false; // Enter came before the results
};

} // namespace confab::ui
