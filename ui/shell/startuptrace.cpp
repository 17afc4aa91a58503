// SPDX-License-Identifier: GPL-3.0-or-later
#include "startuptrace.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QEvent>
#include <QTextStream>
#include <QTimer>

namespace confab::ui {

StartupTrace::StartupTrace(QAbstractItemView *view) : QObject(view), m_view(view) {}

void StartupTrace::installIfRequested(QAbstractItemView *view)
{
    if (qEnvironmentVariableIsEmpty("CONFAB_TRACE_STARTUP"))
        return;
    view->viewport()->installEventFilter(new StartupTrace(view));
}

bool StartupTrace::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_view->model() && m_view->model()->rowCount() > 0) {
        watched->removeEventFilter(this);
        const int rows = m_view->model()->rowCount();
        // Queued: runs once this paint event has been handled, i.e. the rows are painted.
        QTimer::singleShot(0, this, [this, rows] {
            QTextStream(stderr) << "confab: startup trace: room list painted with " << rows << " rows at "
                                << QDateTime::currentMSecsSinceEpoch() << " ms since the epoch" << Qt::endl;
            deleteLater();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
