// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <QMessageBox> // complete for QPointer
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QTimer;
class QToolButton;

namespace confab::client {
class KnownUsers;
class MessageModel;
class ReceiptModel;
} // namespace confab::client

namespace confab::ui {

class EmojiPicker;
class MessageDelegate;
class MessageHoverBar;
class NoAutoFetchProxy;
class SeenBy;
class SystemRuns;

// The timeline of one room: sticks to the bottom while the reader is there, loads older
// messages when scrolled to the top without moving what is on screen, newer ones at the
// bottom when the window was scrolled away from the latest. A "Jump to latest" button (End,
// Ctrl+End) shows while scrolled up, counting messages that arrive meanwhile.
//
// Message actions act on the current message, from the context menu (right click, the Menu
// key, Shift+F10) or their shortcuts, which all take a modifier (Ctrl+R, F2, ...): reply, edit,
// react, copy, pin, mark read, open a link, delete; a failed message can be retried, taken back
// into the composer or discarded. Text typed here goes to the composer (textTyped()). The view does not talk to the server: it asks through the *Requested
// signals, and whoever owns the room's engine answers (see MessageController). Reaction chips,
// links and reply quotes are clickable.
class TimelineView : public QListView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    // nullptr detaches (the model is owned elsewhere).
    void setMessageModel(client::MessageModel *model);
    client::MessageModel *messageModel() const { return m_model; }
    // Who has read what, for the "Seen by" under messages (nullptr: none shown).
    void setReadReceipts(client::ReceiptModel *receipts, const client::KnownUsers *names);
    SystemRuns *systemRuns() const { return m_systemRuns; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    // React, Reply and More over the message under the mouse.
    MessageHoverBar *hoverBar() const { return m_hoverBar; }
    bool isAtBottom() const { return m_stick; }

    // Moderators (and up) may delete other people's messages and pin.
    void setCanModerate(bool canModerate);
    bool canModerate() const { return m_canModerate; }

    // The context menu for the message at index (also what the Menu key shows).
    QMenu *createContextMenu(const QModelIndex &index);
    // The actions, for the current message (shortcuts work while the timeline has focus).
    QAction *replyAction() const { return m_reply; }
    QAction *editAction() const { return m_edit; }
    QAction *reactAction() const { return m_react; }
    QAction *pinAction() const { return m_pin; }
    QAction *markReadAction() const { return m_markRead; }
    QAction *deleteAction() const { return m_delete; }
    // The assistant's answer: stop it while it is written, ask again after an error or a stop.
    QAction *stopAnswerAction() const { return m_stopAnswer; }
    QAction *retryAnswerAction() const { return m_retryAnswer; }
    // The quick reactions the menu offers before "More…".
    static QStringList quickReactions();

    QToolButton *jumpButton() const { return m_jump; }
    int newMessagesWhileAway() const { return m_newWhileAway; }
    void jumpToLatest();
    // Scrolls to a loaded message and makes it current; false if it is not in the window.
    bool showMessage(const QString &messageId);

    // A short line over the timeline that goes away by itself (errors from the server, ...).
    void showNotice(const QString &text);
    QString noticeText() const;
    // The open "Delete this message?" question, if any.
    QMessageBox *deleteConfirmation() const { return m_confirm; }
    EmojiPicker *reactionPicker() const { return m_picker; }

Q_SIGNALS:
    void replyRequested(const QString &messageId, const QString &author, const QString &text);
    void editRequested(const QString &messageId, const QString &text);
    void deleteRequested(const QString &messageId);
    void reactionRequested(const QString &messageId, const QString &emoji, bool mine);
    void pinRequested(const QString &messageId, bool pinned);
    void markReadRequested(const QString &messageId);
    void stopAnswerRequested(const QString &messageId);
    void retryAnswerRequested(const QString &messageId);
    // Printable text typed while the timeline has focus: it belongs in the composer.
    void textTyped(const QString &text);
    // A failed message was taken out of the outbox to be changed: its text goes to the composer.
    void takeBackRequested(const QString &text);
    // The message menu is built: others (files) add their entries.
    void contextMenuCreated(QMenu *menu, const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    void onRowsInserted(int first, int last);
    void fetchOlderIfNeeded();
    void showMenuAt(const QModelIndex &index, const QPoint &globalPos);
    void retry(const QModelIndex &index);
    void takeBack(const QModelIndex &index);
    void updateActions();
    void updateJumpButton();
    void placeOverlays();
    void showReadMarker();
    void toggleReaction(const QModelIndex &index, const QString &emoji);
    void pickReaction(const QModelIndex &index);
    void confirmDelete(const QModelIndex &index);
    void openLink(const QString &href);
    QModelIndex actionIndex() const;
    // A key that writes text (letters, digits, punctuation, space; Shift at most).
    static bool isTyping(const QKeyEvent *event);

    NoAutoFetchProxy *m_proxy;
    MessageDelegate *m_delegate;
    SystemRuns *m_systemRuns = nullptr;
    client::ReceiptModel *m_receipts = nullptr;
    client::MessageModel *m_model = nullptr; // owned by the RoomView, detached before it goes
    bool m_stick = true;                     // the reader is at the bottom: follow new messages
    bool m_anchoring = false;                // older rows are coming in above: keep the viewport still
    int m_fromBottom = 0;
    bool m_canModerate = false;
    int m_newWhileAway = 0;
    QPoint m_pressPos;

    QAction *m_reply = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_react = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_pin = nullptr;
    QAction *m_markRead = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_stopAnswer = nullptr;
    QAction *m_retryAnswer = nullptr;
    QToolButton *m_jump;
    QLabel *m_notice;
    QTimer *m_noticeTimer;
    EmojiPicker *m_picker;
    MessageHoverBar *m_hoverBar = nullptr;
    QString m_pickerTarget; // message the reaction picker is open for
    QPointer<QMessageBox> m_confirm;
};

} // namespace confab::ui
