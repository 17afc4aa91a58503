// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "client/models/roomlistmodel.h"
#include "client/net/realtimeconnection.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
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

void TrayIcon::setConnection(client::RealtimeConnection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    auto follow = [this] {
        using State = client::RealtimeConnection::State;
        setOffline(m_connection &&
                   (m_connection->state() == State::Retrying || m_connection->state() == State::Offline));
    };
    if (connection)
        connect(connection, &client::RealtimeConnection::stateChanged, this, follow);
    follow();
}

bool TrayIcon::isShown() const { return m_tray->isVisible(); }

void TrayIcon::showMessage(const QString &title, const QString &body, const QIcon &icon)
{
    m_lastMessageIcon = icon.isNull() ? appIcon(Variant::Unread) : icon;
    if (m_tray->isVisible())
        m_tray->showMessage(title, body, m_lastMessageIcon, 8000);
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
    updateIcon();
    Q_EMIT unreadCountChanged(unread);
}

void TrayIcon::setOffline(bool offline)
{
    if (offline == m_offline)
        return;
    m_offline = offline;
    updateIcon();
}

void TrayIcon::updateIcon()
{
    m_icon = m_offline ? appIcon(Variant::Offline) : renderIcon(badgeFor(m_unread));
    m_tray->setIcon(m_icon);
    QString tip = m_unread > 0 ? tr("Confab — %n unread message(s)", nullptr, m_unread) : tr("Confab");
    if (m_offline)
        tip += QLatin1Char('\n') + tr("Not connected");
    m_tray->setToolTip(tip);
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

namespace {
constexpr int kTraySizes[] = {16, 22, 24, 32, 48, 64};

QString iconFile(TrayIcon::Variant variant, int size)
{
    const char *name = variant == TrayIcon::Variant::Unread    ? "confab-unread"
                       : variant == TrayIcon::Variant::Offline ? "confab-offline"
                                                               : "confab";
    return QStringLiteral(":/icons/%1-%2.png").arg(QLatin1String(name)).arg(size);
}
} // namespace

QIcon TrayIcon::appIcon(Variant variant)
{
    QIcon icon;
    for (const int size : kTraySizes)
        icon.addFile(iconFile(variant, size), QSize(size, size));
    if (variant == Variant::Normal) {
        for (const int size : {128, 256})
            icon.addFile(iconFile(variant, size), QSize(size, size));
    }
    return icon;
}

QIcon TrayIcon::renderIcon(const QString &badge)
{
    if (badge.isEmpty())
        return appIcon(Variant::Normal);
    QIcon icon;
    for (const int size : kTraySizes)
        icon.addPixmap(renderPixmap(size, badge));
    return icon;
}

QPixmap TrayIcon::renderPixmap(int size, const QString &badge)
{
    // The icon file, and the count drawn on a red disc in the corner: drawn, so it is always exact.
    QPixmap pm = QPixmap(iconFile(Variant::Normal, size));
    if (pm.isNull()) { // a size without a file: scaled from the largest tray size
        pm = QPixmap(iconFile(Variant::Normal, 64)).scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;

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
