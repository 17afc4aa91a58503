// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollvotedialog.h"

#include "room/pollcard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace confab::ui {

PollVoteDialog::PollVoteDialog(const Poll &poll, bool canClose, qint64 nowMs, QWidget *parent)
    : QDialog(parent), m_poll(poll)
{
    const bool closed = poll.isClosedAt(nowMs);
    setWindowTitle(closed ? tr("Poll results") : tr("Vote"));
    setAccessibleName(windowTitle());
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(poll.question, this);
    question->setTextFormat(Qt::PlainText); // never HTML
    question->setWordWrap(true);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    layout->addWidget(question);
    auto *kind = new QLabel(PollCard::kindText(poll, nowMs), this);
    kind->setTextFormat(Qt::PlainText);
    layout->addWidget(kind);

    // Radio buttons share a group (one choice, arrow keys move within it). Check boxes do not:
    // Qt's Tab skips the other buttons of a group, and each choice must be reachable by Tab.
    auto *group = poll.multipleChoice ? nullptr : new QButtonGroup(this);
    for (const PollOption &o : poll.options) {
        const QString text = tr("%1 — %2").arg(o.text, PollCard::votesText(o.votes));
        QAbstractButton *b = poll.multipleChoice ? static_cast<QAbstractButton *>(new QCheckBox(text, this))
                                                 : new QRadioButton(text, this);
        b->setAccessibleName(text);
        b->setProperty("optionId", o.optionId);
        b->setChecked(poll.myVotes && poll.myVotes->contains(o.optionId));
        b->setEnabled(!closed);
        if (group)
            group->addButton(b);
        layout->addWidget(b);
        m_buttons << b;
    }
    auto *voters = new QLabel(PollCard::votersText(poll.voterCount), this);
    layout->addWidget(voters);

    auto *box = new QDialogButtonBox(this);
    if (!closed) {
        m_vote = box->addButton(tr("&Vote"), QDialogButtonBox::AcceptRole);
        m_vote->setDefault(true);
        connect(m_vote, &QPushButton::clicked, this, [this] {
            m_choice = Choice::Vote;
            accept();
        });
        if (poll.myVotes && !poll.myVotes->isEmpty()) {
            m_retract = box->addButton(tr("&Retract my vote"), QDialogButtonBox::ActionRole);
            connect(m_retract, &QPushButton::clicked, this, [this] {
                m_choice = Choice::Retract;
                accept();
            });
        }
        if (canClose) {
            m_close = box->addButton(tr("C&lose poll"), QDialogButtonBox::DestructiveRole);
            connect(m_close, &QPushButton::clicked, this, [this] {
                m_choice = Choice::Close;
                accept();
            });
        }
    }
    box->addButton(closed ? QDialogButtonBox::Close : QDialogButtonBox::Cancel);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    if (!m_buttons.isEmpty() && !closed)
        m_buttons.first()->setFocus();
}

QStringList PollVoteDialog::selectedOptions() const
{
    QStringList ids;
    for (const QAbstractButton *b : m_buttons) {
        if (b->isChecked())
            ids << b->property("optionId").toString();
    }
    return ids;
}

} // namespace confab::ui
