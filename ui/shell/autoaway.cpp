// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoaway.h"

#include "client/models/presencemodel.h"
#include "client/sync/chatengine.h"

#include <QCoreApplication>
#include <QEvent>

namespace confab::ui {

AutoAway::AutoAway(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AutoAway::check);
    m_sinceInput.start();
    qApp->installEventFilter(this);
}

AutoAway::~AutoAway()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void AutoAway::setEngine(client::ChatEngine *engine)
{
    if (m_engine)
        disconnect(&m_engine->presence(), nullptr, this, nullptr);
    m_engine = engine;
    m_away = false;
    if (!engine)
        return;
    // Away or busy carry over from the last session; anything else starts online.
    const User &me = engine->me();
    m_chosen =
        me.status == PresenceStatus::Away || me.status == PresenceStatus::Busy ? me.status : PresenceStatus::Online;
    m_custom = me.customStatus;
    auto *presence = &engine->presence();
    connect(presence, &QAbstractItemModel::dataChanged, this, &AutoAway::ownPresenceChanged);
    connect(presence, &QAbstractItemModel::rowsInserted, this, &AutoAway::ownPresenceChanged);
    m_sinceInput.restart();
    if (m_interval > 0)
        m_timer.start(m_interval);
    Q_EMIT chosenChanged(m_chosen, m_custom);
}

void AutoAway::choose(PresenceStatus status, const QString &customStatus)
{
    m_chosen = status;
    m_custom = customStatus;
    m_away = false;
    if (m_engine)
        m_engine->setPresence(status, customStatus);
    Q_EMIT chosenChanged(status, customStatus);
}

void AutoAway::setIdleInterval(int ms)
{
    m_interval = qMax(0, ms);
    if (m_interval == 0) {
        m_timer.stop();
        if (m_away)
            userActive(); // never away on our own, so not now either
        return;
    }
    check();
}

void AutoAway::check()
{
    if (m_interval == 0 || m_away)
        return;
    const qint64 idle = m_sinceInput.elapsed();
    if (idle < m_interval) {
        m_timer.start(int(m_interval - idle));
        return;
    }
    if (!m_engine || m_chosen != PresenceStatus::Online)
        return; // the next input starts the clock again
    m_away = true;
    m_engine->setPresence(PresenceStatus::Away, m_custom);
    Q_EMIT autoAwayChanged(true);
}

void AutoAway::userActive()
{
    m_sinceInput.restart();
    if (m_away) {
        m_away = false;
        if (m_engine)
            m_engine->setPresence(m_chosen, m_custom);
        Q_EMIT autoAwayChanged(false);
    }
    if (m_interval > 0 && !m_timer.isActive())
        m_timer.start(m_interval);
}

void AutoAway::ownPresenceChanged()
{
    if (!m_engine)
        return;
    const auto mine = m_engine->presence().presence(m_engine->me().userId);
    if (!mine)
        return;
    if (m_away && mine->status == PresenceStatus::Away)
        return; // our own doing
    if (mine->status == m_chosen && mine->customStatus == m_custom)
        return;
    if (mine->status == PresenceStatus::Offline && m_chosen != PresenceStatus::Offline)
        return; // a connection that dropped, not a choice
    m_away = false;
    m_chosen = mine->status;
    m_custom = mine->customStatus;
    Q_EMIT chosenChanged(m_chosen, m_custom);
}

bool AutoAway::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin: userActive(); break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
