// SPDX-License-Identifier: GPL-3.0-or-later
#include "browseroomsdialog.h"

#include "widgets/statuslabel.h"

#include "client/room/roomactions.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
constexpr int kLimit = 100;
enum Column { NameColumn, MembersColumn, DescriptionColumn };
constexpr int RoomIdRole = Qt::UserRole + 1;
constexpr int JoinedRole = Qt::UserRole + 2;
} // namespace

BrowseRoomsDialog::BrowseRoomsDialog(client::ChatEngine &engine, QWidget *parent)
    : ActionDialog(engine, tr("&Join"), parent), m_search(new QLineEdit), m_list(new QTreeWidget), m_count(new QLabel),
      m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Browse rooms"));
    setAccessibleName(tr("Browse rooms"));
    m_search->setAccessibleName(tr("Search rooms"));
    m_search->setPlaceholderText(tr("Search by name or description"));
    m_search->setClearButtonEnabled(true);

    m_list->setAccessibleName(tr("Public rooms"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Room"), tr("Members"), tr("Description")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(MembersColumn, QHeaderView::ResizeToContents);
    m_list->setColumnWidth(NameColumn, 200);
    m_count->setAccessibleName(tr("Number of rooms found"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    formLayout()->addWidget(m_search);
    formLayout()->addWidget(m_list, 1);
    formLayout()->addWidget(m_count);
    letFormGrow();

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &BrowseRoomsDialog::search);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_list, &QTreeWidget::currentItemChanged, this, &BrowseRoomsDialog::selectionChanged);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { submit(); });
    // Down from the search box goes into the list; Enter there searches first if the list is behind.
    m_search->installEventFilter(this);

    setOkEnabled(false);
    resize(640, 440);
    m_search->setFocus();
    search();
}

void BrowseRoomsDialog::search()
{
    const quint64 gen = ++m_generation;
    m_searching = true;
    m_count->setText(tr("Searching…"));
    actions().browse(m_search->text(), kLimit, [this, gen](const client::ApiResult<client::RoomPage> &r) {
        if (gen != m_generation)
            return; // a newer search is running
        m_searching = false;
        if (!r.ok()) {
            m_count->clear();
            showError(*r.error);
            return;
        }
        status()->clearStatus();
        const QString selected =
            m_list->currentItem() ? m_list->currentItem()->data(NameColumn, RoomIdRole).toString() : QString();
        m_list->clear();
        for (const Room &room : r.value.rooms) {
            auto *item = new QTreeWidgetItem(m_list);
            const QString mark =
                room.type == RoomType::Announcement ? tr("%1 (announcements)").arg(room.name) : room.name;
            item->setText(NameColumn, room.isJoined ? tr("%1 — joined").arg(mark) : mark);
            item->setText(MembersColumn, QString::number(room.memberCount));
            item->setTextAlignment(MembersColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(DescriptionColumn, room.description.simplified());
            item->setToolTip(DescriptionColumn, room.description);
            item->setData(NameColumn, RoomIdRole, room.roomId);
            item->setData(NameColumn, JoinedRole, room.isJoined);
            item->setData(NameColumn, Qt::AccessibleTextRole,
                          tr("%1, %n members, %2", nullptr, room.memberCount)
                              .arg(item->text(NameColumn), room.description.simplified()));
        }
        const int shown = m_list->topLevelItemCount();
        if (shown == 0)
            m_count->setText(m_search->text().trimmed().isEmpty()
                                 ? tr("There are no public rooms yet.")
                                 : tr("No public room matches “%1”.").arg(m_search->text().trimmed()));
        else if (r.value.pagination.hasMore)
            m_count->setText(tr("Showing the first %n rooms; type to narrow the search.", nullptr, shown));
        else
            m_count->setText(tr("%n room(s)", nullptr, shown));
        if (!selected.isEmpty())
            selectRoom(selected);
        if (!m_list->currentItem() && shown > 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
        selectionChanged();
        Q_EMIT listed();
    });
}

bool BrowseRoomsDialog::selectRoom(const QString &roomId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(NameColumn, RoomIdRole).toString() == roomId) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

bool BrowseRoomsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down && m_list->topLevelItemCount() > 0) {
            m_list->setFocus(Qt::TabFocusReason);
            return true;
        }
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && (m_debounce->isActive() || m_searching)) {
            m_debounce->stop();
            search(); // the list does not show what was typed yet: no joining a stale choice
            return true;
        }
    }
    return ActionDialog::eventFilter(watched, event);
}

void BrowseRoomsDialog::selectionChanged()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    setOkEnabled(item != nullptr);
    const bool joined = item && item->data(NameColumn, JoinedRole).toBool();
    okButton()->setText(joined ? tr("&Open") : tr("&Join"));
    okButton()->setAccessibleName(joined ? tr("Open") : tr("Join"));
}

void BrowseRoomsDialog::submit()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString roomId = item->data(NameColumn, RoomIdRole).toString();
    if (item->data(NameColumn, JoinedRole).toBool()) {
        Q_EMIT roomJoined(roomId);
        accept();
        return;
    }
    setBusy(tr("Joining…"));
    actions().join(roomId, [this](const client::ApiResult<Room> &r) {
        if (!r.ok()) {
            showError(*r.error);
            return;
        }
        Q_EMIT roomJoined(r.value.roomId);
        accept();
    });
}

} // namespace confab::ui
