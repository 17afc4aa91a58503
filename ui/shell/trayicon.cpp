#include "trayicon.h"

#include "client/models/roomlistmodel.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>
#include <QWidget>

namespace confab::ui {

TrayIcon::TrayIcon(QWidget *window, QObject *parent)
    : QObject(parent), m_window(window), m_tray(new QSystemTrayIcon(this)), m_menu(new QMenu(window))
{
    m_menu->setAccessibleName(tr("Confab tray menu"));
    m_menu->addAction(tr("&Show Confab"), this, &TrayIcon::restoreWindow);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            restoreWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        restoreWindow();
        Q_EMIT messageClicked();
    });
    recount();
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
}

TrayIcon::~TrayIcon() { m_tray->hide(); }

void TrayIcon::setRooms(client::RoomListModel *rooms)
{
    if (m_rooms)
        disconnect(m_rooms, nullptr, this, nullptr);
    m_rooms = rooms;
    if (rooms) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(rooms, signal, this, &TrayIcon::recount);
        connect(rooms, &QAbstractItemModel::dataChanged, this, &TrayIcon::recount);
        connect(rooms, &QAbstractItemModel::modelReset, this, &TrayIcon::recount);
    }
    recount();
}

bool TrayIcon::isShown() const { return m_tray->isVisible(); }

void TrayIcon::showMessage(const QString &title, const QString &body)
{
    if (m_tray->isVisible())
        m_tray->showMessage(title, body, renderIcon(), 8000);
}

QString TrayIcon::badgeFor(int count)
{
    if (count <= 0)
        return {};
    return count > 99 ? QStringLiteral("99+") : QString::number(count);
}

void TrayIcon::recount()
{
    const int unread = m_rooms ? m_rooms->totalUnread() : 0;
    if (unread == m_unread)
        return;
    m_unread = unread;
    m_icon = renderIcon(badgeFor(unread));
    m_tray->setIcon(m_icon);
    m_tray->setToolTip(unread > 0 ? tr("Confab — %n unread message(s)", nullptr, unread) : tr("Confab"));
    Q_EMIT unreadCountChanged(unread);
}

void TrayIcon::restoreWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

QIcon TrayIcon::renderIcon(const QString &badge)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128})
        icon.addPixmap(renderPixmap(size, badge));
    return icon;
}

QPixmap TrayIcon::renderPixmap(int size, const QString &badge)
{
    // A speech bubble in Confab's blue; the count on a red disc in the corner. Drawn, not loaded,
    // so that the count is always exact and the icon needs no image files.
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(s * 0.06, s * 0.10, s * 0.88, s * 0.66), s * 0.2, s * 0.2);
    QPainterPath tail;
    tail.moveTo(s * 0.24, s * 0.70);
    tail.lineTo(s * 0.18, s * 0.94);
    tail.lineTo(s * 0.46, s * 0.72);
    tail.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x2f, 0x6f, 0xd0));
    p.drawPath(bubble.united(tail));
    p.setBrush(Qt::white);
    const qreal d = s * 0.12;
    for (int i = 0; i < 3; ++i)
        p.drawEllipse(QRectF(s * (0.24 + 0.19 * i), s * 0.37, d, d));

    if (!badge.isEmpty()) {
        QFont f = QApplication::font();
        f.setBold(true);
        f.setPixelSize(qMax(7, int(s * (badge.size() > 2 ? 0.32 : 0.42))));
        const QFontMetricsF fm(f);
        const qreal h = s * 0.56;
        const qreal w = qMin(s, qMax(h, fm.horizontalAdvance(badge) + s * 0.16));
        const QRectF disc(s - w, 0, w, h);
        p.setBrush(QColor(0xd9, 0x3b, 0x3b));
        p.setPen(QPen(Qt::white, qMax(1.0, s / 32.0)));
        p.drawRoundedRect(disc, h / 2, h / 2);
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(disc, Qt::AlignCenter, badge);
    }
    return pm;
}

} // namespace confab::ui
