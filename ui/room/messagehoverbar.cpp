// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagehoverbar.h"

#include "room/answercontrols.h"
#include "room/emojipicker.h"
#include "room/messagedelegate.h"
#include "room/timelineview.h"

#include "client/models/messagemodel.h"

#include <QAction>
#include <QCursor>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QToolTip>

namespace confab::ui {

using client::MessageModel;

namespace {
QToolButton *makeButton(QWidget *parent, const QString &icon, const QString &name, const QString &tip)
{
    auto *b = new QToolButton(parent);
    b->setText(icon);
    b->setFont(EmojiPicker::emojiFont(b->font()));
    b->setAutoRaise(true);
    b->setAccessibleName(name);
    b->setToolTip(tip);
    b->setFocusPolicy(Qt::NoFocus); // the message menu has the same actions for the keyboard
    b->setCursor(Qt::ArrowCursor);
    const int side = b->fontMetrics().height() + 6; // square and small: it sits over the text
    b->setFixedSize(side, side);
    return b;
}
} // namespace

MessageHoverBar::MessageHoverBar(TimelineView *timeline)
    : QFrame(timeline->viewport()), m_timeline(timeline),
      m_react(makeButton(this, QStringLiteral("🙂"), tr("React"), tr("React (Ctrl+Shift+E)"))),
      m_reply(makeButton(this, QStringLiteral("↩"), tr("Reply"), tr("Reply (Ctrl+R)"))),
      m_more(makeButton(this, QStringLiteral("⋯"), tr("More actions"), tr("More actions (Shift+F10)"))),
      m_stopAnswer(
          makeButton(this, QStringLiteral("⏹"), tr("Stop the answer"), tr("Stop the answer (Ctrl+Shift+X)"))),
      m_retryAnswer(
          makeButton(this, QStringLiteral("↻"), tr("Ask the assistant again"), tr("Ask again (Ctrl+Shift+G)")))
{
    setAccessibleName(tr("Message toolbar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(0);
    layout->addWidget(m_stopAnswer);
    layout->addWidget(m_retryAnswer);
    layout->addWidget(m_react);
    layout->addWidget(m_reply);
    layout->addWidget(m_more);
    hide();

    // The view repaints the row under the mouse with its time (grouped messages show it only then).
    timeline->viewport()->setAttribute(Qt::WA_Hover);
    timeline->viewport()->installEventFilter(this);
    connect(timeline->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { follow(m_timeline->viewport()->mapFromGlobal(QCursor::pos())); });

    // Each acts on the message it is shown for, through the timeline's own actions.
    auto actOn = [this](QAction *action) {
        const QModelIndex index = m_target;
        if (!index.isValid())
            return;
        m_timeline->setCurrentIndex(index);
        if (action->isEnabled())
            action->trigger();
    };
    connect(m_react, &QToolButton::clicked, this, [this, actOn] { actOn(m_timeline->reactAction()); });
    connect(m_reply, &QToolButton::clicked, this, [this, actOn] { actOn(m_timeline->replyAction()); });
    connect(m_stopAnswer, &QToolButton::clicked, this, [this, actOn] { actOn(m_timeline->stopAnswerAction()); });
    connect(m_retryAnswer, &QToolButton::clicked, this, [this, actOn] { actOn(m_timeline->retryAnswerAction()); });
    connect(m_more, &QToolButton::clicked, this, [this] {
        const QModelIndex index = m_target;
        if (!index.isValid())
            return;
        QMenu *menu = m_timeline->createContextMenu(index);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_more->mapToGlobal(QPoint(0, m_more->height())));
    });
}

void MessageHoverBar::showFor(const QModelIndex &index)
{
    const bool actionable = index.isValid() && !index.data(MessageModel::MessageIdRole).toString().isEmpty() &&
                            !index.data(MessageModel::IsDeletedRole).toBool() &&
                            index.data(MessageModel::TypeRole).toString() != QLatin1String("system");
    if (!actionable) {
        m_target = QPersistentModelIndex();
        hide();
        return;
    }
    m_target = index;
    watch(index.model());
    const auto answer = AnswerControls::actionFor(index, m_timeline->canModerate());
    m_stopAnswer->setVisible(answer == AnswerControls::Action::Stop);
    m_retryAnswer->setVisible(answer == AnswerControls::Action::Retry);
    place();
    show();
    raise();
}

// A row that changes under the bar (an answer that ends, a message deleted) changes what the bar
// offers, without the mouse moving.
void MessageHoverBar::watch(const QAbstractItemModel *model)
{
    if (model == m_watched)
        return;
    disconnect(m_rowChanged);
    m_watched = model;
    if (!model)
        return;
    m_rowChanged = connect(model, &QAbstractItemModel::dataChanged, this,
                           [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                               if (isVisible() && m_target.isValid() && topLeft.row() <= m_target.row() &&
                                   m_target.row() <= bottomRight.row())
                                   showFor(m_target);
                           });
}

void MessageHoverBar::place()
{
    const QRect message = m_timeline->messageDelegate()->messageRect(m_target);
    adjustSize();
    // At the top right, where the header's empty end is (a day separator above stays visible).
    move(message.right() - width() - 8, qMax(0, message.top() + 2));
}

void MessageHoverBar::follow(const QPoint &pos)
{
    if (!m_timeline->viewport()->rect().contains(pos)) {
        hide();
        return;
    }
    const QModelIndex index = m_timeline->indexAt(pos);
    if (index != QModelIndex(m_target) || !isVisible())
        showFor(index);
    else
        place(); // the row moved (a new message, a page loaded)
}

bool MessageHoverBar::showReactionTip(const QPoint &pos, const QPoint &globalPos)
{
    const QModelIndex index = m_timeline->indexAt(pos);
    const MessageDelegate *delegate = m_timeline->messageDelegate();
    const QStringList summaries = MessageDelegate::reactionSummaries(index);
    for (int i = 0; i < summaries.size(); ++i) {
        const QRect chip = delegate->reactionRect(index, i);
        if (chip.contains(pos)) {
            QToolTip::showText(globalPos, summaries.at(i), m_timeline->viewport(), chip);
            return true;
        }
    }
    return false;
}

bool MessageHoverBar::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseMove: follow(static_cast<QMouseEvent *>(event)->position().toPoint()); break;
    case QEvent::Leave: // also when the mouse goes onto the bar itself, which keeps it
        if (!geometry().contains(m_timeline->viewport()->mapFromGlobal(QCursor::pos())))
            hide();
        break;
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        if (showReactionTip(help->pos(), help->globalPos()))
            return true;
        break;
    }
    default: break;
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace confab::ui
