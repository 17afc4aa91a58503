// SPDX-License-Identifier: GPL-3.0-or-later
#include "roompolls.h"

#include "room/messagedelegate.h"
#include "room/newpolldialog.h"
#include "room/pollcard.h"
#include "room/pollvotedialog.h"
#include "room/timelineview.h"

#include "client/models/messagemodel.h"
#include "client/sync/chatengine.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QMouseEvent>
#include <QToolButton>

namespace confab::ui {

using client::MessageModel;

namespace {
qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }
} // namespace

RoomPolls::RoomPolls(TimelineView *timeline, QWidget *composer, QObject *parent)
    : QObject(parent), m_timeline(timeline), m_composer(composer), m_button(new QToolButton(composer->parentWidget())),
      m_create(new QAction(tr("Create &poll…"), composer))
{
    m_create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_create->setShortcutContext(Qt::WindowShortcut);
    m_composer->addAction(m_create);
    connect(m_create, &QAction::triggered, this, &RoomPolls::createPoll);
    m_button->setText(QStringLiteral("📊"));
    m_button->setAccessibleName(tr("Create poll"));
    m_button->setToolTip(tr("Create poll (Ctrl+Shift+L)"));
    m_button->setFocusPolicy(Qt::TabFocus);
    m_button->setEnabled(false);
    m_create->setEnabled(false);
    connect(m_button, &QToolButton::clicked, this, &RoomPolls::createPoll);

    connect(m_timeline, &TimelineView::activated, this, [this](const QModelIndex &index) {
        if (index.data(MessageModel::PollRole).isValid())
            openVoteDialog(index);
    });
    connect(m_timeline, &TimelineView::contextMenuCreated, this, &RoomPolls::addMenuActions);
    m_viewport = m_timeline->viewport();
    m_viewport->installEventFilter(this);
}

NewPollDialog *RoomPolls::newPollDialog() const { return m_newPoll; }

PollVoteDialog *RoomPolls::voteDialog() const { return m_vote; }

void RoomPolls::open(client::ChatEngine *engine, const QString &roomId)
{
    m_engine = engine;
    m_roomId = roomId;
    m_button->setEnabled(engine != nullptr);
    m_create->setEnabled(engine != nullptr);
}

void RoomPolls::clear()
{
    m_engine = nullptr;
    m_roomId.clear();
    m_button->setEnabled(false);
    m_create->setEnabled(false);
}

void RoomPolls::createPoll()
{
    if (!m_engine || m_roomId.isEmpty() || m_newPoll)
        return;
    m_newPoll = new NewPollDialog(m_composer->window());
    m_newPoll->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_newPoll, &QDialog::accepted, this, [this, dialog = m_newPoll.data()] {
        if (m_engine)
            m_engine->sendPoll(m_roomId, dialog->poll());
    });
    connect(m_newPoll, &QDialog::finished, m_composer, [this] { m_composer->setFocus(); });
    m_newPoll->open();
}

bool RoomPolls::canClose(const QModelIndex &index) const
{
    return index.data(MessageModel::IsMineRole).toBool() || m_timeline->canModerate();
}

void RoomPolls::openVoteDialog(const QModelIndex &index)
{
    const QVariant value = index.data(MessageModel::PollRole);
    if (!value.isValid() || !m_engine || m_vote)
        return;
    const QString messageId = index.data(MessageModel::MessageIdRole).toString();
    m_vote = new PollVoteDialog(value.value<Poll>(), canClose(index), now(), m_timeline->window());
    m_vote->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_vote, &QDialog::accepted, this, [this, messageId, dialog = m_vote.data()] {
        if (!m_engine)
            return;
        switch (dialog->choice()) {
        case PollVoteDialog::Choice::Vote: m_engine->votePoll(m_roomId, messageId, dialog->selectedOptions()); break;
        case PollVoteDialog::Choice::Retract: m_engine->votePoll(m_roomId, messageId, {}); break;
        case PollVoteDialog::Choice::Close: m_engine->closePoll(m_roomId, messageId); break;
        case PollVoteDialog::Choice::None: break;
        }
    });
    connect(m_vote, &QDialog::finished, m_timeline, [this] { m_timeline->setFocus(); });
    m_vote->open();
}

void RoomPolls::addMenuActions(QMenu *menu, const QModelIndex &index)
{
    const QVariant value = index.data(MessageModel::PollRole);
    if (!value.isValid() || !m_engine)
        return;
    const Poll poll = value.value<Poll>();
    const QPersistentModelIndex target(index);
    QAction *first = menu->actions().value(0);
    QAction *vote = new QAction(poll.isClosedAt(now()) ? tr("Poll res&ults…") : tr("&Vote…"), menu);
    connect(vote, &QAction::triggered, this, [this, target] {
        if (target.isValid())
            openVoteDialog(target);
    });
    menu->insertAction(first, vote);
    if (!poll.isClosedAt(now()) && canClose(index)) {
        const QString messageId = index.data(MessageModel::MessageIdRole).toString();
        QAction *close = new QAction(tr("C&lose poll"), menu);
        connect(close, &QAction::triggered, this, [this, messageId] {
            if (m_engine)
                m_engine->closePoll(m_roomId, messageId);
        });
        menu->insertAction(first, close);
    }
    menu->insertSeparator(first);
}

void RoomPolls::voteByClick(const QModelIndex &index, const Poll &poll, const QString &optionId)
{
    QStringList mine = poll.myVotes.value_or(QStringList{});
    if (poll.multipleChoice) {
        if (!mine.removeOne(optionId))
            mine << optionId;
    } else {
        mine = mine == QStringList{optionId} ? QStringList{} : QStringList{optionId};
    }
    m_engine->votePoll(m_roomId, index.data(MessageModel::MessageIdRole).toString(), mine);
}

bool RoomPolls::eventFilter(QObject *watched, QEvent *event)
{
    // The type first, and the viewport by address: while the timeline is being destroyed its
    // viewport still sends events here, and m_timeline must not be touched then.
    if (event->type() == QEvent::MouseButtonRelease && watched == m_viewport && m_engine) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        const QModelIndex index = m_timeline->indexAt(pos);
        const QVariant value = index.data(MessageModel::PollRole);
        if (mouse->button() == Qt::LeftButton && value.isValid()) {
            const Poll poll = value.value<Poll>();
            const QRect card = m_timeline->messageDelegate()->pollRect(index);
            const QString option = PollCard::optionAt(card, poll, m_timeline->font(), pos);
            if (!option.isEmpty() && !poll.isClosedAt(now())) {
                voteByClick(index, poll, option);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
