// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemruns.h"

#include "room/timelineroles.h"

#include "client/models/messagemodel.h"

#include <QKeyEvent>
#include <QListView>
#include <QMouseEvent>

namespace confab::ui {

using client::MessageModel;

namespace {
bool isSystemRow(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(MessageModel::TypeRole).toString() == QLatin1String("system");
}

SystemEvent eventAt(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(MessageModel::SystemEventRole).value<SystemEvent>();
}
} // namespace

SystemRuns::SystemRuns(QListView *view) : QObject(view), m_view(view)
{
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &SystemRuns::rebuild);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SystemRuns::rebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &SystemRuns::rebuild);
    connect(model, &QAbstractItemModel::layoutChanged, this, &SystemRuns::rebuild);
    view->installEventFilter(this);
    m_viewport = view->viewport();
    m_viewport->installEventFilter(this);
}

QString SystemRuns::headId(int row) const
{
    return m_view->model()->index(row, 0).data(MessageModel::MessageIdRole).toString();
}

void SystemRuns::rebuild()
{
    const QAbstractItemModel *model = m_view->model();
    const int rows = model->rowCount();
    m_runs.clear();
    QSet<int> hide;
    for (int row = 0; row < rows;) {
        if (!isSystemRow(model, row)) {
            ++row;
            continue;
        }
        int end = row + 1;
        while (end < rows && isSystemRow(model, end))
            ++end;
        if (end - row >= kMinRun) {
            m_runs.insert(row, end - row);
            if (!m_opened.contains(headId(row))) {
                for (int r = row + 1; r < end; ++r)
                    hide.insert(r);
            }
        }
        row = end;
    }
    // Only rows whose state changes: each setRowHidden relayouts the view.
    for (int row = 0; row < rows; ++row) {
        const bool hidden = hide.contains(row);
        if (m_view->isRowHidden(row) != hidden)
            m_view->setRowHidden(row, hidden);
    }
    m_view->viewport()->update();
}

QString SystemRuns::textFor(const QModelIndex &index) const
{
    const QAbstractItemModel *model = index.model();
    const int row = index.row();
    const auto run = m_runs.constFind(row);
    if (run == m_runs.cend() || m_opened.contains(headId(row)))
        return SystemLine::text(eventAt(model, row));
    std::vector<SystemEvent> events;
    events.reserve(std::size_t(*run));
    for (int r = row; r < row + *run; ++r)
        events.push_back(eventAt(model, r));
    return SystemLine::runText(events);
}

SystemLine::Toggle SystemRuns::toggleFor(int row) const
{
    if (!m_runs.contains(row))
        return SystemLine::Toggle::None;
    return m_opened.contains(headId(row)) ? SystemLine::Toggle::Expanded : SystemLine::Toggle::Collapsed;
}

bool SystemRuns::toggle(int row)
{
    if (!m_runs.contains(row))
        return false;
    const QString id = headId(row);
    if (!m_opened.remove(id))
        m_opened.insert(id);
    rebuild();
    // The proxy's text for this row changed (summary or sentence): let the view ask again.
    const QModelIndex index = m_view->model()->index(row, 0);
    Q_EMIT m_view->model()->dataChanged(index, index, {SystemTextRole, SystemToggleRole});
    return true;
}

bool SystemRuns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier &&
            toggle(m_view->currentIndex().row()))
            return true;
    } else if (event->type() == QEvent::MouseButtonRelease && watched == m_viewport) {
        // (the type first: while the view is destroyed its viewport still sends events here)
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && index.isValid() && toggle(index.row()))
            return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
