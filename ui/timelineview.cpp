#include "timelineview.h"

#include "messagedelegate.h"

#include "client/messagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QIdentityProxyModel>
#include <QMenu>
#include <QScrollBar>

namespace confab::ui {

using client::MessageModel;

// QAbstractItemView fetches more whenever its last row is visible, which for a chat (older
// pages at the top, the reader at the bottom) would load the whole history: the view asks
// the model itself, at the top.
class NoAutoFetchProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override {}

    // A screen reader hears who wrote it and when, not only the text.
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::AccessibleTextRole)
            return QIdentityProxyModel::data(index, role);
        QString text = TimelineView::tr("%1, %2: %3")
                           .arg(index.data(MessageModel::AuthorNameRole).toString(),
                                MessageDelegate::timeText(index.data(MessageModel::TimestampRole).toDateTime()),
                                index.data(MessageModel::ContentRole).toString());
        const QString status = MessageDelegate::statusText(index);
        if (!status.isEmpty())
            text += QLatin1String(" (") + status + QLatin1Char(')');
        return text;
    }
};

TimelineView::TimelineView(QWidget *parent)
    : QListView(parent), m_proxy(new NoAutoFetchProxy(this)), m_delegate(new MessageDelegate(this))
{
    setAccessibleName(tr("Messages"));
    setModel(m_proxy);
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust); // heights depend on the width
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformItemSizes(false);
    setWordWrap(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalScrollBar()->setSingleStep(24);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &TimelineView::onRangeChanged);
    connect(this, &QListView::doubleClicked, this, &TimelineView::retry);
    connect(this, &QWidget::customContextMenuRequested, this, &TimelineView::showMenu);
}

void TimelineView::setMessageModel(MessageModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_stick = true;
    m_anchoring = false;
    m_proxy->setSourceModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first, int) {
        if (first == 0 && !m_stick && m_model && m_model->rowCount() > 0) {
            const QScrollBar *bar = verticalScrollBar();
            m_fromBottom = bar->maximum() - bar->value();
            m_anchoring = true;
        }
    });
    // QListView keeps row heights across dataChanged; ours change (sent, reactions, edits).
    connect(model, &QAbstractItemModel::dataChanged, this, [this] { scheduleDelayedItemsLayout(); });
    connect(model, &MessageModel::latestLoaded, this, [this] {
        if (m_stick)
            scrollToBottom();
        fetchOlderIfNeeded();
    });
}

void TimelineView::onScrolled(int value)
{
    const QScrollBar *bar = verticalScrollBar();
    m_stick = value >= bar->maximum() - 8;
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
}

void TimelineView::fetchOlderIfNeeded()
{
    if (m_model && !m_model->isFetchingOlder() && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void TimelineView::retry(const QModelIndex &index)
{
    if (m_model && index.isValid() && m_model->deliveryAt(index.row()) == MessageModel::Delivery::Failed)
        m_model->retry(index.row());
}

void TimelineView::showMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid() || !m_model)
        return;
    QMenu menu(this);
    if (m_model->deliveryAt(index.row()) == MessageModel::Delivery::Failed)
        menu.addAction(tr("Retry sending"), this, [this, index] { retry(index); });
    const QString text = index.data(MessageModel::ContentRole).toString();
    menu.addAction(tr("Copy text"), this, [text] { QApplication::clipboard()->setText(text); });
    menu.exec(viewport()->mapToGlobal(pos));
}

} // namespace confab::ui
