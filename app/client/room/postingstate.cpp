// SPDX-License-Identifier: GPL-3.0-or-later
#include "postingstate.h"

#include "client/models/timetext.h"
#include "client/room/roomstanding.h"
#include "client/sync/outbox.h"

#include <QDateTime>

namespace confab::client {

namespace {
qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
} // namespace

PostingState::PostingState(RoomStanding &standing, Outbox &outbox, QObject *parent)
    : QObject(parent), m_standing(standing)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &PostingState::update);
    connect(&m_standing, &RoomStanding::changed, this, &PostingState::update);
    connect(&outbox, &Outbox::delivered, this, [this](const QString &roomId, const QString &, const Message &) {
        if (roomId == m_standing.roomId() && m_slowUntil > 0)
            startSlowMode(); // the server counts from its copy: start again from now
    });
    update();
}

int PostingState::slowModeSecondsLeft() const
{
    const qint64 left = m_slowUntil - nowMs();
    return left > 0 ? int((left + 999) / 1000) : 0;
}

void PostingState::noteSent() { startSlowMode(); }

void PostingState::startSlowMode()
{
    const int seconds = m_standing.room().settings.slowModeSeconds;
    if (seconds <= 0 || !m_standing.policy().slowModeApplies())
        return;
    m_slowUntil = nowMs() + qint64(seconds) * 1000;
    update();
}

void PostingState::update()
{
    Block block = Block::None;
    QString reason;
    const QString denied = m_standing.policy().postingDenial();
    if (m_standing.isMuted()) {
        block = Block::Muted;
        reason = m_standing.mutedUntil()
                     ? tr("You are muted in this room until %1.").arg(shortTimeText(m_standing.mutedUntil()))
                     : tr("You are muted in this room until a moderator lifts it.");
    } else if (!denied.isEmpty()) {
        block = Block::Announcement;
        reason = denied;
    } else if (m_slowUntil > 0 && slowModeSecondsLeft() > 0 && m_standing.policy().slowModeApplies()) {
        block = Block::SlowMode;
        reason = tr("You can send again in %n s.", nullptr, slowModeSecondsLeft());
    } else {
        m_slowUntil = 0;
    }
    if (block == Block::SlowMode)
        m_tick.start();
    else
        m_tick.stop();
    if (block == m_block && reason == m_reason)
        return;
    m_block = block;
    m_reason = reason;
    Q_EMIT changed();
}

} // namespace confab::client
