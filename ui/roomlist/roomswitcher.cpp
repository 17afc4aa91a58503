// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomswitcher.h"

#include "roomlist/roomsectionmodel.h"

#include "client/models/roomlistmodel.h"

#include <QApplication>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>

namespace confab::ui {

RoomSwitcher::RoomSwitcher(QLineEdit *filter, QListView *list, RoomSectionModel *model, QObject *parent)
    : QObject(parent), m_filter(filter), m_list(list), m_model(model)
{
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &RoomSwitcher::filterChanged);
    // Where focus was before the filter took it (Ctrl+K, Tab or a click): Esc gives it back.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *now) {
        if (now == m_filter && old != m_filter)
            m_previousFocus = old;
    });
}

void RoomSwitcher::filterChanged(const QString &text)
{
    if (m_filter->hasFocus())
        m_browsing = true; // typed: from now on the selection is only a proposal
    m_model->setFilterFixedString(text);
    if (!text.isEmpty() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0)); // the best match, shown, not opened
}

void RoomSwitcher::moveSelection(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? qBound(0, current.row() + delta, rows - 1) : 0;
    m_list->setCurrentIndex(m_model->index(row, 0));
    m_list->scrollTo(m_list->currentIndex());
}

QString RoomSwitcher::selectedRoomId() const
{
    return m_list->currentIndex().data(client::RoomListModel::RoomIdRole).toString();
}

bool RoomSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_filter)
        return false;
    switch (event->type()) {
    case QEvent::FocusIn: {
        // The user came here (Ctrl+K, Tab, a click). Focus given by the window itself (the first
        // field when it shows) is not a choice: rooms still open as they are selected.
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason == Qt::ShortcutFocusReason || reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason ||
            reason == Qt::MouseFocusReason)
            m_browsing = true;
        break;
    }
    case QEvent::FocusOut: {
        // A dialog or a menu over the window, or another window: still browsing when it comes back.
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason && m_browsing) {
            m_browsing = false;
            Q_EMIT browsingEnded();
        }
        break;
    }
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() != Qt::NoModifier && key->modifiers() != Qt::KeypadModifier)
            break;
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
            m_browsing = true;
            moveSelection(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            const QString roomId = selectedRoomId();
            if (roomId.isEmpty())
                return true;   // nothing matches: nothing to open
            m_filter->clear(); // still browsing: clearing opens nothing
            m_browsing = false;
            Q_EMIT openRequested(roomId);
            return true;
        }
        case Qt::Key_Escape:
            m_filter->clear();
            m_browsing = false;
            Q_EMIT cancelled(m_previousFocus);
            return true;
        default: break;
        }
        break;
    }
    default: break;
    }
    return false;
}

} // namespace confab::ui
