// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptyhint.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QPainter>

namespace confab::ui {

EmptyHint::EmptyHint(QAbstractItemView *view, std::function<QString()> text)
    : QObject(view), m_view(view), m_text(std::move(text))
{
    view->viewport()->installEventFilter(this);
}

QString EmptyHint::text() const
{
    if (!m_view || (m_view->model() && m_view->model()->rowCount(m_view->rootIndex()) > 0))
        return {};
    return m_text();
}

bool EmptyHint::eventFilter(QObject *watched, QEvent *event)
{
    // Drawn before the view paints its (absent) rows, over the background already filled.
    if (event->type() == QEvent::Paint && m_view && watched == m_view->viewport()) {
        const QString shown = text();
        if (!shown.isEmpty()) {
            QPainter painter(m_view->viewport());
            QColor ink = m_view->palette().color(QPalette::Text);
            ink.setAlphaF(0.6f);
            painter.setPen(ink);
            painter.drawText(m_view->viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                             shown);
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
