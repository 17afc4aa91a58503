// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionbanner.h"

#include "shell/thememanager.h"

#include "client/net/realtimeconnection.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace confab::ui {

using client::RealtimeConnection;

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_retry(new QPushButton(tr("Reconnect now"), this))
{
    setAccessibleName(tr("Connection status"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    restyle();
    m_label->setAccessibleName(tr("Connection status"));
    m_retry->setAccessibleName(tr("Reconnect now"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_connection)
            m_connection->retryNow();
    });
    hide();
}

void ConnectionBanner::setConnection(RealtimeConnection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (connection) {
        connect(connection, &RealtimeConnection::stateChanged, this, [this] { update(); });
        connect(connection, &RealtimeConnection::retryCountdown, this, [this](int s) { update(s); });
        connect(connection, &RealtimeConnection::transportChanged, this, [this] { update(); });
    }
    update();
}

void ConnectionBanner::restyle()
{
    m_restyling = true;
    const bool dark = ThemeManager::isDark(QApplication::palette());
    QPalette only; // these two colours; the rest follows the application
    only.setColor(QPalette::Window, dark ? QColor::fromRgb(0x5a, 0x47, 0x00) : QColor::fromRgb(0xff, 0xe0, 0x82));
    only.setColor(QPalette::WindowText, dark ? QColor::fromRgb(0xff, 0xec, 0xb3) : QColor::fromRgb(0x33, 0x2b, 0x00));
    setPalette(only);
    m_restyling = false;
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_restyling)
        restyle();
}

QString ConnectionBanner::text() const { return m_label->text(); }

void ConnectionBanner::update(int secondsLeft)
{
    if (!m_connection) {
        hide();
        return;
    }
    // The details say which transport carries us (also while connecting over the fallback).
    m_label->setToolTip(tr("Transport: %1").arg(m_connection->transportText()));
    if (m_connection->state() == RealtimeConnection::State::Online) {
        // Connected, but over the fallback: say so (the button tries the WebSocket now).
        if (m_connection->transport() == RealtimeConnection::Transport::LongPoll) {
            m_label->setText(m_connection->statusText());
            m_retry->setVisible(true);
            show();
        } else {
            hide();
        }
        return;
    }
    switch (m_connection->state()) {
    case RealtimeConnection::State::Retrying: {
        const int s = secondsLeft >= 0 ? secondsLeft : m_connection->secondsUntilRetry();
        m_label->setText(tr("Offline — retrying in %n s", nullptr, s));
        m_retry->setVisible(true);
        break;
    }
    case RealtimeConnection::State::Connecting:
        m_label->setText(tr("Connecting…"));
        m_retry->setVisible(false);
        break;
    default:
        m_label->setText(m_connection->lastError().isEmpty() ? tr("Offline")
                                                             : tr("Offline: %1").arg(m_connection->lastError()));
        m_retry->setVisible(true);
        break;
    }
    show();
}

} // namespace confab::ui
