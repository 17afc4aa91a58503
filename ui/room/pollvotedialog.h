// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/poll.h"

#include <QDialog>

class QAbstractButton;
class QPushButton;

namespace confab::ui {

// Voting by keyboard: the poll's options as radio buttons (one choice) or check boxes (several),
// each saying its count, the reader's choice checked. Vote, retract the vote, or close the poll
// (its author and moderators). A closed poll shows its results only.
class PollVoteDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { None, Vote, Retract, Close };

    PollVoteDialog(const Poll &poll, bool canClose, qint64 nowMs, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // The options checked when Vote was chosen.
    QStringList selectedOptions() const;
    QList<QAbstractButton *> optionButtons() const { return m_buttons; }
    QPushButton *voteButton() const { return m_vote; }
    QPushButton *retractButton() const { return m_retract; }
    QPushButton *closePollButton() const { return m_close; }

private:
    Poll m_poll;
    QList<QAbstractButton *> m_buttons;
    QPushButton *m_vote = nullptr;
    QPushButton *m_retract = nullptr;
    QPushButton *m_close = nullptr;
    Choice m_choice = Choice::None;
};

} // namespace confab::ui
