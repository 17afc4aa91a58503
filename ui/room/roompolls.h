// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QModelIndex;
class QToolButton;
class QWidget;

namespace confab {
struct Poll;
}

namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

class NewPollDialog;
class PollVoteDialog;
class TimelineView;

// Polls in a room: the composer's "Create poll" button and action (Ctrl+Shift+L) with its dialog,
// and on the timeline a poll's card votes on click, Enter on a poll opens the vote dialog, and
// the message menu has "Vote…" and, for its author and moderators, "Close poll". Everything goes
// through the engine, which applies the server's answer.
class RoomPolls : public QObject {
    Q_OBJECT
public:
    RoomPolls(TimelineView *timeline, QWidget *composer, QObject *parent);

    void open(client::ChatEngine *engine, const QString &roomId);
    void clear();

    QToolButton *createButton() const { return m_button; }
    QAction *createAction() const { return m_create; }
    // The dialogs while open (tests drive them).
    NewPollDialog *newPollDialog() const;
    PollVoteDialog *voteDialog() const;

    void createPoll();
    void openVoteDialog(const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addMenuActions(QMenu *menu, const QModelIndex &index);
    bool canClose(const QModelIndex &index) const;
    // A click on an option of an open poll: one choice replaces, several toggle.
    void voteByClick(const QModelIndex &index, const Poll &poll, const QString &optionId);

    TimelineView *m_timeline;

    QObject *m_viewport = nullptr; // compared in eventFilter, never dereferenced there
    QWidget *m_composer;
    QToolButton *m_button;
    QAction *m_create;
    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    QPointer<NewPollDialog> m_newPoll;
    QPointer<PollVoteDialog> m_vote;
};

} // namespace confab::ui
