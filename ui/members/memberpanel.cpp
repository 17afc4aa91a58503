// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberpanel.h"

#include "members/memberdelegate.h"
#include "widgets/avatarimages.h"
#include "widgets/emptyhint.h"
#include "widgets/statuslabel.h"

#include "client/models/membermodel.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace confab::ui {

MemberListView::MemberListView(QWidget *parent) : QListView(parent)
{
    connect(this, &QAbstractItemView::clicked, this, &MemberListView::profileRequested);
}

void MemberListView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard the menu belongs to the current row, shown by it; from the mouse, to the
    // row under the pointer.
    QModelIndex index;
    QPoint at = event->globalPos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        index = currentIndex();
        const QRect rect = visualRect(index);
        at = viewport()->mapToGlobal(QPoint(rect.left() + 24, rect.center().y()));
    } else {
        index = indexAt(event->pos());
        if (index.isValid())
            setCurrentIndex(index);
    }
    if (index.isValid()) {
        Q_EMIT menuRequested(index, at);
        event->accept();
        return;
    }
    QListView::contextMenuEvent(event);
}

void MemberListView::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers() == Qt::NoModifier && currentIndex().isValid()) {
        Q_EMIT profileRequested(currentIndex());
        return;
    }
    const bool menuKey = event->key() == Qt::Key_Menu && event->modifiers() == Qt::NoModifier;
    if (menuKey || (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier)) {
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, QPoint(), QPoint());
        contextMenuEvent(&menu);
        return;
    }
    QListView::keyPressEvent(event);
}

MemberPanel::MemberPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_filter(new QLineEdit(this)), m_list(new MemberListView(this)),
      m_delegate(new MemberDelegate(this)), m_searchDelay(new QTimer(this)), m_status(new QLabel(this))
{
    setAccessibleName(tr("Members"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setAccessibleName(tr("Member count"));
    m_title->setTextFormat(Qt::PlainText);

    m_filter->setAccessibleName(tr("Search members"));
    m_filter->setPlaceholderText(tr("Search members"));
    m_filter->setClearButtonEnabled(true);

    // The server searches: once typing pauses, not at every key.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->setSearch(m_filter->text());
    });
    new EmptyHint(m_list, [this] {
        return m_model && !m_model->search().isEmpty() && !m_model->isFetching() && m_model->rowCount() == 0
                   ? tr("No one matches “%1”.").arg(m_model->search())
                   : QString();
    });

    m_list->setAccessibleName(tr("Member list"));
    m_list->setAccessibleDescription(tr("Press the Menu key or Shift+F10 for what you can do with a member."));
    m_list->setItemDelegate(m_delegate);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setFrameShape(QFrame::NoFrame);
    connect(m_list, &MemberListView::menuRequested, this, [this](const QModelIndex &index, const QPoint &at) {
        if (const auto m = memberAt(index))
            Q_EMIT memberMenuRequested(*m, at);
    });
    connect(m_list, &MemberListView::profileRequested, this, [this](const QModelIndex &index) {
        if (const auto m = memberAt(index))
            Q_EMIT profileRequested(*m);
    });

    // Down from the filter goes into the list.
    m_filter->installEventFilter(this);

    m_status->setAccessibleName(tr("Last moderation result"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    setMinimumWidth(200);
    updateTitle();
}

void MemberPanel::setAvatarImages(AvatarImages *avatars)
{
    m_delegate->setAvatarImages(avatars);
    connect(avatars, &AvatarImages::changed, m_list->viewport(), qOverload<>(&QWidget::update));
}

void MemberPanel::setGrouped(bool grouped)
{
    m_delegate->setGrouped(grouped);
    m_list->doItemsLayout(); // the headings change the rows' heights
}

void MemberPanel::setMemberModel(client::MemberModel *model)
{
    if (m_model) {
        for (QObject *receiver : {static_cast<QObject *>(this), static_cast<QObject *>(m_delegate),
                                  static_cast<QObject *>(m_status), static_cast<QObject *>(m_list->viewport())})
            disconnect(m_model, nullptr, receiver, nullptr);
    }
    m_model = nullptr;
    m_filter->clear();
    m_searchDelay->stop(); // the cleared text is no search
    m_model = model;
    m_list->setModel(model);
    if (model) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &MemberPanel::updateTitle);
        connect(model, &QAbstractItemModel::modelReset, this, &MemberPanel::updateTitle);
        connect(model, &client::MemberModel::pageLoaded, this, &MemberPanel::updateTitle);
        connect(model, &client::MemberModel::pageLoaded, m_list->viewport(), qOverload<>(&QWidget::update));
        connect(model, &QAbstractItemModel::dataChanged, m_delegate, &MemberDelegate::refreshGroups);
        // Someone joined (maybe the one just removed): the last action's news is out of date.
        connect(model, &QAbstractItemModel::rowsInserted, m_status, &QWidget::hide);
    }
    m_status->hide();
    updateTitle();
}

client::MemberModel *MemberPanel::memberModel() const { return m_model; }

void MemberPanel::updateTitle()
{
    // The server's count: pages not loaded yet count too.
    const int total = m_model ? std::max(m_model->total(), m_model->rowCount()) : 0;
    m_title->setText(m_model && !m_model->search().isEmpty() ? tr("Members · %n found", nullptr, total)
                                                             : tr("Members · %1").arg(total));
}

QModelIndex MemberPanel::indexOf(const QString &userId) const
{
    if (!m_model)
        return {};
    const int row = m_model->rowOf(userId);
    return row < 0 ? QModelIndex() : m_model->index(row);
}

std::optional<Member> MemberPanel::memberAt(const QModelIndex &viewIndex) const
{
    if (!m_model || !viewIndex.isValid() || viewIndex.model() != m_model.data())
        return std::nullopt;
    return m_model->memberAt(viewIndex.row());
}

void MemberPanel::showStatus(const QString &text, bool isError) { showPanelStatus(m_status, palette(), text, isError); }

bool MemberPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && m_model && m_model->rowCount() > 0) {
            if (!m_list->currentIndex().isValid())
                m_list->setCurrentIndex(m_model->index(0, 0));
            m_list->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MemberPanel::paintEvent(QPaintEvent *)
{
    // A hairline on the left, between the timeline and the list.
    QPainter p(this);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, 0, 0, height());
}

QString MemberPanel::statusText() const { return m_status->isVisible() ? m_status->text() : QString(); }

} // namespace confab::ui
