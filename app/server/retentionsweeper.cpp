// SPDX-License-Identifier: GPL-3.0-or-later
#include "retentionsweeper.h"

#include "service/storageworker.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRetention, "confab.retention")

namespace confab::server {

RetentionSweeper::RetentionSweeper(StorageWorker &worker, Settings settings, QObject *parent)
    : QObject(parent), m_worker(worker), m_settings(settings)
{
    m_timer.setInterval(std::chrono::seconds(m_settings.intervalSeconds));
    connect(&m_timer, &QTimer::timeout, this, &RetentionSweeper::sweep);
}

void RetentionSweeper::start()
{
    m_timer.start();
    QTimer::singleShot(0, this, &RetentionSweeper::sweep);
}

void RetentionSweeper::sweep()
{
    if (m_sweeping)
        return;
    m_sweeping = true;
    m_auditPurged = 0;
    m_messagesPurged = 0;
    purgeAudit();
}

void RetentionSweeper::purgeAudit()
{
    const int days = m_settings.auditRetentionDays;
    const int batch = m_settings.batchSize;
    m_worker.run<int>(
        this, [days, batch](Services &s, Effects &) { return s.retention.purgeAuditBatch(days, batch); },
        [this, batch](Result<int> purged) {
            if (!purged) {
                qCWarning(lcRetention) << "audit retention failed:" << purged.error->message;
                finish();
                return;
            }
            m_auditPurged += purged.value;
            if (purged.value >= batch)
                purgeAudit(); // more to go: queued behind whatever arrived meanwhile
            else
                listRooms();
        });
}

void RetentionSweeper::listRooms()
{
    const MessageRetentionPolicy policy = m_settings.messages;
    m_worker.run<std::vector<RoomRetention>>(
        this, [policy](Services &s, Effects &) { return s.retention.roomsUnderRetention(policy); },
        [this](Result<std::vector<RoomRetention>> rooms) {
            if (!rooms) {
                qCWarning(lcRetention) << "listing rooms for retention failed:" << rooms.error->message;
                finish();
                return;
            }
            m_rooms.assign(rooms.value.begin(), rooms.value.end());
            purgeNextRoom();
        });
}

void RetentionSweeper::purgeNextRoom()
{
    if (m_rooms.empty()) {
        finish();
        return;
    }
    const RoomRetention room = m_rooms.front();
    const MessageRetentionPolicy policy = m_settings.messages;
    const int batch = m_settings.batchSize;
    // One batch per job; the next is posted only when this one answered, so sends queued in the
    // meantime run first and no transaction holds more than `batch` deletions.
    m_worker.run<int>(
        this,
        [room, policy, batch](Services &s, Effects &fx) {
            return s.retention.purgeRoomBatch(room.roomId, room.days, policy, batch, fx);
        },
        [this, batch](Result<int> purged) {
            if (!purged) {
                qCWarning(lcRetention) << "retention failed in" << m_rooms.front().roomId << ":"
                                       << purged.error->message;
                m_rooms.pop_front();
            } else {
                m_messagesPurged += purged.value;
                if (purged.value < batch)
                    m_rooms.pop_front();
            }
            purgeNextRoom();
        });
}

void RetentionSweeper::finish()
{
    m_sweeping = false;
    if (m_auditPurged > 0 || m_messagesPurged > 0)
        qCInfo(lcRetention) << "retention removed" << m_auditPurged << "audit entries and" << m_messagesPurged
                            << "messages";
    Q_EMIT sweepFinished(m_auditPurged, m_messagesPurged);
}

} // namespace confab::server
