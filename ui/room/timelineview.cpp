// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include "room/answercontrols.h"
#include "room/emojipicker.h"
#include "room/messagedelegate.h"
#include "room/messagehoverbar.h"
#include "room/pollcard.h"
#include "room/seenby.h"
#include "room/systemruns.h"
#include "room/timelineroles.h"

#include "client/models/messagemodel.h"
#include "client/models/receiptmodel.h"
#include "core/markdownpreview.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>

namespace confab::ui {

using client::MessageModel;

namespace {
constexpr int kNoticeMs = 8000;
constexpr int kStickSlack = 8; // px from the bottom that still count as "at the bottom"
} // namespace

// QAbstractItemView fetches more whenever its last row is visible, which for a chat (older
// pages at the top, the reader at the bottom) would load the whole history: the view asks
// the model itself, at the top.
class NoAutoFetchProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override {}

    SystemRuns *runs = nullptr;
    SeenBy seenBy;

    // A screen reader hears who wrote it, when, what it replies to and the reactions, not only the text.
    QVariant data(const QModelIndex &index, int role) const override
    {
        // Through the base class: index.data() would come back here for ever.
        const bool system =
            QIdentityProxyModel::data(index, MessageModel::TypeRole).toString() == QLatin1String("system");
        switch (role) {
        case SystemTextRole: return system && runs ? runs->textFor(index) : QVariant();
        case SystemToggleRole: return system && runs ? int(runs->toggleFor(index.row())) : 0;
        case SeenByIdsRole: return seenBy.readerIds(index);
        case SeenByNamesRole: return seenBy.readerNames(seenBy.readerIds(index));
        case Qt::ToolTipRole: {
            const QString seen = SeenBy::text(seenBy.readerNames(seenBy.readerIds(index)));
            return seen.isEmpty() ? QIdentityProxyModel::data(index, role) : QVariant(seen);
        }
        default: break;
        }
        if (role != Qt::AccessibleTextRole)
            return QIdentityProxyModel::data(index, role);
        if (system) // the same sentence as on screen
            return runs ? runs->textFor(index) : QString();
        // A poll is read as its question, options and counts (PollCard) instead of its text.
        const QVariant poll = index.data(MessageModel::PollRole);
        QString text =
            TimelineView::tr("%1, %2: %3")
                .arg(index.data(MessageModel::AuthorNameRole).toString(),
                     MessageDelegate::timeText(index.data(MessageModel::TimestampRole).toDateTime()),
                     poll.isValid() ? PollCard::accessibleText(poll.value<Poll>(), QDateTime::currentMSecsSinceEpoch())
                                    : index.data(MessageModel::ContentRole).toString());
        if (!index.data(MessageModel::ReplyToRole).toString().isEmpty())
            text = TimelineView::tr("%1 (in reply to %2)").arg(text, MessageDelegate::quoteText(index));
        const QStringList reactions = MessageDelegate::reactionSummaries(index); // who reacted
        if (!reactions.isEmpty())
            text += TimelineView::tr(" Reactions: %1.").arg(reactions.join(QLatin1String(", ")));
        const QString status = MessageDelegate::statusText(index);
        if (!status.isEmpty())
            text += QLatin1String(" (") + status + QLatin1Char(')');
        const QString seen = SeenBy::text(seenBy.readerNames(seenBy.readerIds(index)));
        if (!seen.isEmpty())
            text += QLatin1String(" ") + seen + QLatin1Char('.');
        if (MessageDelegate::showsNewMessagesLine(index))
            text = TimelineView::tr("New messages. %1").arg(text);
        return text;
    }
};

TimelineView::TimelineView(QWidget *parent)
    : QListView(parent), m_proxy(new NoAutoFetchProxy(this)), m_delegate(new MessageDelegate(this)),
      m_jump(new QToolButton(this)), m_notice(new QLabel(this)), m_noticeTimer(new QTimer(this)),
      m_picker(new EmojiPicker(this))
{
    setAccessibleName(tr("Messages"));
    setModel(m_proxy);
    m_systemRuns = new SystemRuns(this);
    m_proxy->runs = m_systemRuns;
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust); // heights depend on the width
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformItemSizes(false);
    setWordWrap(true);
    viewport()->setMouseTracking(true); // the hand over links and chips
    verticalScrollBar()->setSingleStep(24);

    auto makeAction = [this](const QString &text, const QKeySequence &shortcut) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setShortcutVisibleInContextMenu(true);
        addAction(action);
        return action;
    };
    // Each acts on the current message; the handlers check again what the menu showed.
    // Never a bare letter: letters typed here go to the composer (see keyPressEvent).
    m_reply = makeAction(tr("&Reply"), QKeySequence(Qt::CTRL | Qt::Key_R));
    m_edit = makeAction(tr("&Edit"), QKeySequence(Qt::Key_F2));
    m_react = makeAction(tr("More reactions…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_copy = makeAction(tr("&Copy text"), QKeySequence::Copy);
    m_pin = makeAction(tr("&Pin"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_markRead = makeAction(tr("&Mark read up to here"), QKeySequence(Qt::CTRL | Qt::Key_M));
    m_delete = makeAction(tr("&Delete…"), QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_stopAnswer = makeAction(tr("&Stop the answer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_retryAnswer = makeAction(tr("Ask the assistant a&gain"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(m_stopAnswer, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (i.isValid() && AnswerControls::actionFor(i, m_canModerate) == AnswerControls::Action::Stop)
            Q_EMIT stopAnswerRequested(i.data(MessageModel::MessageIdRole).toString());
    });
    connect(m_retryAnswer, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (i.isValid() && AnswerControls::actionFor(i, m_canModerate) == AnswerControls::Action::Retry)
            Q_EMIT retryAnswerRequested(i.data(MessageModel::MessageIdRole).toString());
    });
    connect(m_reply, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (i.isValid() && m_reply->isEnabled())
            Q_EMIT replyRequested(i.data(MessageModel::MessageIdRole).toString(),
                                  i.data(MessageModel::AuthorNameRole).toString(),
                                  i.data(MessageModel::ContentRole).toString());
    });
    connect(m_edit, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (i.isValid() && m_edit->isEnabled())
            Q_EMIT editRequested(i.data(MessageModel::MessageIdRole).toString(),
                                 i.data(MessageModel::ContentRole).toString());
    });
    connect(m_react, &QAction::triggered, this, [this] {
        if (m_react->isEnabled())
            pickReaction(actionIndex());
    });
    connect(m_copy, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (i.isValid())
            QApplication::clipboard()->setText(i.data(MessageModel::ContentRole).toString());
    });
    connect(m_pin, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (i.isValid() && m_pin->isEnabled())
            Q_EMIT pinRequested(i.data(MessageModel::MessageIdRole).toString(),
                                !i.data(MessageModel::IsPinnedRole).toBool());
    });
    connect(m_markRead, &QAction::triggered, this, [this] {
        const QModelIndex i = actionIndex();
        if (!i.isValid() || !m_markRead->isEnabled() || !m_model)
            return;
        const QString id = i.data(MessageModel::MessageIdRole).toString();
        m_model->setReadUpTo(id);
        Q_EMIT markReadRequested(id);
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        if (m_delete->isEnabled())
            confirmDelete(actionIndex());
    });

    m_jump->setAccessibleName(tr("Jump to latest"));
    m_jump->setToolTip(tr("Jump to the latest message (End)"));
    m_jump->setFocusPolicy(Qt::NoFocus); // End does it from the timeline
    m_jump->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->hide();
    connect(m_jump, &QToolButton::clicked, this, &TimelineView::jumpToLatest);

    m_notice->setAccessibleName(tr("Notice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->hide();
    m_noticeTimer->setSingleShot(true);
    connect(m_noticeTimer, &QTimer::timeout, m_notice, &QWidget::hide);

    connect(m_picker, &EmojiPicker::emojiChosen, this, [this](const QString &emoji) {
        if (!m_model)
            return;
        const int row = m_model->rowOfMessage(m_pickerTarget);
        if (row >= 0)
            toggleReaction(m_proxy->index(row, 0), emoji);
        setFocus(Qt::PopupFocusReason);
    });

    m_hoverBar = new MessageHoverBar(this);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &TimelineView::onRangeChanged);
    connect(this, &QListView::doubleClicked, this, &TimelineView::retry);
    updateActions();
}

QStringList TimelineView::quickReactions()
{
    return {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"),
            QStringLiteral("🎉"), QStringLiteral("😮"),      QStringLiteral("😢")};
}

void TimelineView::setReadReceipts(client::ReceiptModel *receipts, const client::KnownUsers *names)
{
    if (m_receipts)
        disconnect(m_receipts, nullptr, this, nullptr);
    m_receipts = receipts;
    m_proxy->seenBy.setReceipts(receipts, names);
    if (receipts) {
        // Rows gain or lose their avatars: heights change.
        connect(receipts, &client::ReceiptModel::changed, this, [this] {
            scheduleDelayedItemsLayout();
            viewport()->update();
        });
    }
    scheduleDelayedItemsLayout();
}

void TimelineView::setMessageModel(MessageModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_stick = true;
    m_anchoring = false;
    m_newWhileAway = 0;
    m_proxy->setSourceModel(model);
    if (m_confirm)
        m_confirm->reject();
    m_picker->hide();
    m_notice->hide();
    updateActions();
    updateJumpButton();
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first, int) {
        if (first == 0 && !m_stick && m_model && m_model->rowCount() > 0) {
            const QScrollBar *bar = verticalScrollBar();
            m_fromBottom = bar->maximum() - bar->value();
            m_anchoring = true;
        }
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    // QListView keeps row heights across dataChanged; ours change (sent, reactions, edits).
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        scheduleDelayedItemsLayout();
        const int current = currentIndex().row();
        if (current >= tl.row() && current <= br.row())
            updateActions();
    });
    connect(model, &MessageModel::latestLoaded, this, [this] {
        if (m_stick)
            scrollToBottom();
        fetchOlderIfNeeded();
        updateJumpButton();
    });
    connect(model, &MessageModel::readMarkerChanged, this, &TimelineView::showReadMarker);
}

void TimelineView::setCanModerate(bool canModerate)
{
    m_canModerate = canModerate;
    m_delegate->setCanModerate(canModerate);
    scheduleDelayedItemsLayout(); // answers' Stop/Retry buttons come or go
    updateActions();
}

void TimelineView::onScrolled(int value)
{
    const QScrollBar *bar = verticalScrollBar();
    m_stick = value >= bar->maximum() - kStickSlack;
    if (m_stick && (!m_model || m_model->isAtLatest()))
        m_newWhileAway = 0;
    updateJumpButton();
    if (!m_model)
        return;
    if (value <= viewport()->height() / 3)
        fetchOlderIfNeeded();
    if (m_stick && !m_model->isAtLatest() && !m_model->isFetchingNewer())
        m_model->fetchNewer();
}

void TimelineView::onRangeChanged(int, int max)
{
    if (m_anchoring) {
        // Older messages went in above: what the reader looked at stays where it was.
        m_anchoring = false;
        verticalScrollBar()->setValue(max - m_fromBottom);
    } else if (m_stick) {
        verticalScrollBar()->setValue(max);
    }
    if (max == 0)
        fetchOlderIfNeeded(); // not even a screenful yet
    updateJumpButton();
}

void TimelineView::onRowsInserted(int first, int last)
{
    if (m_model && m_stick && !m_model->isAtLatest()) {
        // Reading forward in a window that is not the latest: a page in and as many rows trimmed
        // above can leave the scroll range as it was, so no scrolling asks for the next page. Ask
        // once this page is all in (queued: the model is still inserting it).
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_model && m_stick && !m_model->isAtLatest() && !m_model->isFetchingNewer())
                    m_model->fetchNewer();
            },
            Qt::QueuedConnection);
    }
    if (!m_model || m_stick)
        return;
    if (first == 0 && last + 1 < m_model->rowCount())
        return; // an older page above
    for (int row = first; row <= last; ++row) {
        const QModelIndex i = m_model->index(row);
        if (!i.data(MessageModel::IsMineRole).toBool())
            ++m_newWhileAway;
    }
    updateJumpButton();
}

void TimelineView::fetchOlderIfNeeded()
{
    if (m_model && !m_model->isFetchingOlder() && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void TimelineView::updateJumpButton()
{
    const QScrollBar *bar = verticalScrollBar();
    const bool away = m_model && (!m_model->isAtLatest() || (m_newWhileAway > 0 && !m_stick) ||
                                  bar->maximum() - bar->value() > viewport()->height() / 2);
    if (m_newWhileAway > 0)
        m_jump->setText(tr("%n new message(s) ↓", nullptr, m_newWhileAway));
    else
        m_jump->setText(tr("Jump to latest ↓"));
    m_jump->setVisible(away);
    if (away)
        placeOverlays();
}

void TimelineView::jumpToLatest()
{
    m_newWhileAway = 0;
    if (!m_model)
        return;
    m_stick = true;
    if (!m_model->isAtLatest())
        m_model->reload(); // the newest rows were dropped while reading back: load them again
    else
        scrollToBottom();
    if (m_model->rowCount() > 0)
        selectionModel()->setCurrentIndex(m_proxy->index(m_model->rowCount() - 1, 0), QItemSelectionModel::NoUpdate);
    scrollToBottom();
    updateJumpButton();
}

bool TimelineView::showMessage(const QString &messageId)
{
    const int row = m_model ? m_model->rowOfMessage(messageId) : -1;
    if (row < 0)
        return false;
    const QModelIndex i = m_proxy->index(row, 0);
    m_stick = false; // the reader goes to this message, not to the bottom (laying out must not pull it down)
    setCurrentIndex(i);
    scrollTo(i, QAbstractItemView::PositionAtCenter);
    setFocus(Qt::OtherFocusReason);
    return true;
}

void TimelineView::showReadMarker()
{
    if (!m_model)
        return;
    const int row = m_model->firstUnreadRow();
    if (row < 0)
        return;
    // When more is unread than fits, start reading at the line, not at the bottom.
    executeDelayedItemsLayout();
    const QModelIndex i = m_proxy->index(row, 0);
    if (visualRect(i).top() < 0)
        scrollTo(i, QAbstractItemView::PositionAtTop);
}

void TimelineView::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
    m_notice->raise();
    placeOverlays();
    m_noticeTimer->start(kNoticeMs);
    QAccessibleEvent alert(m_notice, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

QString TimelineView::noticeText() const { return m_notice->isVisible() ? m_notice->text() : QString(); }

void TimelineView::placeOverlays()
{
    const QRect vp = viewport()->geometry();
    const QSize jump = m_jump->sizeHint();
    m_jump->setGeometry(vp.right() - jump.width() - 16, vp.bottom() - jump.height() - 12, jump.width(), jump.height());
    m_jump->raise();
    if (m_notice->isVisible()) {
        const int w = qMin(vp.width() - 32, qMax(360, m_notice->sizeHint().width()));
        const int h = m_notice->heightForWidth(w);
        m_notice->setGeometry(vp.left() + (vp.width() - w) / 2, vp.top() + 8, w,
                              h > 0 ? h : m_notice->sizeHint().height());
    }
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    placeOverlays();
}

void TimelineView::retry(const QModelIndex &index)
{
    if (m_model && index.isValid() && m_model->deliveryAt(index.row()) == MessageModel::Delivery::Failed)
        m_model->retry(index.row());
}

void TimelineView::takeBack(const QModelIndex &index)
{
    if (!m_model || !index.isValid() || m_model->deliveryAt(index.row()) != MessageModel::Delivery::Failed)
        return;
    const QString text = index.data(MessageModel::ContentRole).toString();
    m_model->discard(index.row());
    Q_EMIT takeBackRequested(text);
}

QModelIndex TimelineView::actionIndex() const { return m_model ? currentIndex() : QModelIndex(); }

void TimelineView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QListView::currentChanged(current, previous);
    updateActions();
}

void TimelineView::updateActions()
{
    if (!m_reply)
        return; // setModel() in the constructor reports a current change before the actions exist
    const QModelIndex i = actionIndex();
    const bool valid = i.isValid();
    const bool sent =
        valid && i.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>() == MessageModel::Delivery::Sent &&
        !i.data(MessageModel::MessageIdRole).toString().isEmpty();
    // A system line is the server's record: nothing to reply to, react to, pin or delete.
    const bool live = sent && !i.data(MessageModel::IsDeletedRole).toBool() &&
                      i.data(MessageModel::TypeRole).toString() != QLatin1String("system");
    const bool mine = valid && i.data(MessageModel::IsMineRole).toBool();
    const bool text = valid && i.data(MessageModel::TypeRole).toString() == QLatin1String("text");
    m_reply->setEnabled(live);
    m_edit->setVisible(mine);
    m_edit->setEnabled(live && mine && text);
    m_react->setEnabled(live);
    m_copy->setEnabled(valid && !i.data(MessageModel::IsDeletedRole).toBool());
    m_pin->setVisible(m_canModerate);
    m_pin->setEnabled(live && m_canModerate);
    m_pin->setText(valid && i.data(MessageModel::IsPinnedRole).toBool() ? tr("Un&pin") : tr("&Pin"));
    m_markRead->setEnabled(sent);
    m_delete->setVisible(mine || m_canModerate);
    m_delete->setEnabled(live && (mine || m_canModerate));
    const auto answerAction = AnswerControls::actionFor(i, m_canModerate);
    m_stopAnswer->setVisible(answerAction == AnswerControls::Action::Stop);
    m_stopAnswer->setEnabled(answerAction == AnswerControls::Action::Stop);
    m_retryAnswer->setVisible(answerAction == AnswerControls::Action::Retry);
    m_retryAnswer->setEnabled(answerAction == AnswerControls::Action::Retry);
}

QMenu *TimelineView::createContextMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setAccessibleName(tr("Message actions"));
    if (!index.isValid() || !m_model)
        return menu;
    setCurrentIndex(index);
    updateActions();
    const QPersistentModelIndex target(index);
    if (m_model->deliveryAt(index.row()) == MessageModel::Delivery::Failed) {
        // Refused for good (too long, not allowed...): send again, or take it back to change it, or drop it.
        menu->addAction(tr("Re&try sending"), this, [this, target] { retry(target); });
        menu->addAction(tr("Edit in the c&omposer"), this, [this, target] { takeBack(target); });
        menu->addAction(tr("D&iscard"), this, [this, target] {
            if (m_model && target.isValid())
                m_model->discard(target.row());
        });
        menu->addSeparator();
    }
    if (AnswerControls::actionFor(index, m_canModerate) != AnswerControls::Action::None) {
        menu->addAction(m_stopAnswer);
        menu->addAction(m_retryAnswer);
        menu->addSeparator();
    }
    menu->addAction(m_reply);
    menu->addAction(m_edit);
    QMenu *react = menu->addMenu(tr("Re&act"));
    react->setEnabled(m_react->isEnabled());
    QSet<QString> mine;
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    for (const QVariant &v : reactions) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("mine")).toBool())
            mine.insert(m.value(QStringLiteral("emoji")).toString());
    }
    for (const QString &emoji : quickReactions()) {
        QAction *a = react->addAction(emoji, this, [this, target, emoji] { toggleReaction(target, emoji); });
        a->setCheckable(true);
        a->setChecked(mine.contains(emoji));
        a->setFont(EmojiPicker::emojiFont(react->font()));
    }
    react->addSeparator();
    react->addAction(m_react);
    menu->addAction(m_copy);
    const QStringList links = m_delegate->links(index);
    for (const QString &href : links.mid(0, 3)) {
        QString shown = fontMetrics().elidedText(href, Qt::ElideMiddle, 280);
        shown.replace(QLatin1Char('&'), QLatin1String("&&"));
        menu->addAction(tr("Open link %1").arg(shown), this, [this, href] { openLink(href); });
    }
    menu->addAction(m_pin);
    menu->addAction(m_markRead);
    menu->addSeparator();
    menu->addAction(m_delete);
    Q_EMIT contextMenuCreated(menu, index);
    return menu;
}

void TimelineView::showMenuAt(const QModelIndex &index, const QPoint &globalPos)
{
    if (!index.isValid() || !m_model)
        return;
    QMenu *menu = createContextMenu(index);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    QModelIndex index;
    QPoint global = event->globalPos();
    if (event->reason() == QContextMenuEvent::Mouse) {
        index = indexAt(event->pos());
    } else {
        index = currentIndex();
        if (!index.isValid() && m_model && m_model->rowCount() > 0)
            index = m_proxy->index(m_model->rowCount() - 1, 0);
        const QRect r = visualRect(index).intersected(viewport()->rect());
        global = viewport()->mapToGlobal(r.isEmpty() ? viewport()->rect().center() : r.topLeft() + QPoint(60, 12));
    }
    showMenuAt(index, global);
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const bool menuKey =
        event->key() == Qt::Key_Menu || (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier);
    if (menuKey) {
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, QPoint(), QPoint(), event->modifiers());
        contextMenuEvent(&menu);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_End && (event->modifiers() & ~Qt::ControlModifier) == Qt::NoModifier) {
        jumpToLatest();
        event->accept();
        return;
    }
    if (isTyping(event)) {
        // As in Slack and Element: what is typed here is meant for the composer.
        Q_EMIT textTyped(event->text());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

bool TimelineView::isTyping(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (mods != Qt::NoModifier || event->text().isEmpty())
        return false;
    for (const QChar c : event->text()) {
        if (!c.isPrint())
            return false;
    }
    return true;
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QListView::mousePressEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        const QModelIndex index = indexAt(pos);
        const MessageDelegate::Hit hit = m_delegate->hitTest(index, pos);
        switch (hit.kind) {
        case MessageDelegate::Hit::Kind::Reaction:
            toggleReaction(index, hit.value);
            event->accept();
            return;
        case MessageDelegate::Hit::Kind::Link:
            openLink(hit.value);
            event->accept();
            return;
        case MessageDelegate::Hit::Kind::Quote:
            if (!showMessage(hit.value))
                showNotice(tr("The message this replies to is not loaded. Scroll up to find it."));
            event->accept();
            return;
        case MessageDelegate::Hit::Kind::AnswerAction:
            setCurrentIndex(index);
            updateActions();
            (hit.value == QLatin1String("stop") ? m_stopAnswer : m_retryAnswer)->trigger();
            event->accept();
            return;
        case MessageDelegate::Hit::Kind::Attachment: // RoomFiles opens it (it filters the viewport's events)
        case MessageDelegate::Hit::Kind::None: break;
        }
    }
    QListView::mouseReleaseEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    const bool clickable = m_delegate->hitTest(indexAt(pos), pos).kind != MessageDelegate::Hit::Kind::None;
    if (clickable)
        viewport()->setCursor(Qt::PointingHandCursor);
    else
        viewport()->unsetCursor();
}

void TimelineView::toggleReaction(const QModelIndex &index, const QString &emoji)
{
    if (!index.isValid() || emoji.isEmpty() || index.data(MessageModel::IsDeletedRole).toBool() ||
        index.data(MessageModel::MessageIdRole).toString().isEmpty())
        return;
    bool mine = false;
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    for (const QVariant &v : reactions) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("emoji")).toString() == emoji)
            mine = m.value(QStringLiteral("mine")).toBool();
    }
    Q_EMIT reactionRequested(index.data(MessageModel::MessageIdRole).toString(), emoji, !mine);
}

void TimelineView::pickReaction(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_pickerTarget = index.data(MessageModel::MessageIdRole).toString();
    const QRect r = visualRect(index).intersected(viewport()->rect());
    m_picker->popUpAt(QRect(viewport()->mapToGlobal(r.topLeft()), r.size()));
}

void TimelineView::confirmDelete(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString id = index.data(MessageModel::MessageIdRole).toString();
    const bool mine = index.data(MessageModel::IsMineRole).toBool();
    if (m_confirm)
        m_confirm->reject();
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete message"),
        mine ? tr("Delete this message? Everyone in the room will see that it was deleted.")
             : tr("Delete %1's message for everyone?").arg(index.data(MessageModel::AuthorNameRole).toString()),
        QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    // Which message: its first line, quoted.
    const QString line = markdownPreview(index.data(MessageModel::ContentRole).toString(), PreviewScope::FirstLine);
    box->setInformativeText(tr("“%1”").arg(box->fontMetrics().elidedText(line, Qt::ElideRight, 360)));
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    // Enter must not delete by accident: Cancel is the default.
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() == remove)
            Q_EMIT deleteRequested(id);
    });
    m_confirm = box;
    box->open();
}

void TimelineView::openLink(const QString &href)
{
    const QUrl url(href);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() ||
        !(scheme == QLatin1String("https") || scheme == QLatin1String("http") || scheme == QLatin1String("mailto"))) {
        showNotice(tr("Not opened: %1. Only web and mail links open from messages.").arg(href));
        return;
    }
    if (!QDesktopServices::openUrl(url))
        showNotice(tr("Could not open %1: no application handles it.").arg(url.toDisplayString()));
}

} // namespace confab::ui
