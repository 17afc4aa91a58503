// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs retention in the background: at start and then every interval, it posts one batch at a
// time to the storage thread and the next only when that one has answered, so the storage queue
// never holds more than one batch and sends queued meanwhile go first.

#include "service/retentionservice.h"

#include <QObject>
#include <QTimer>

#include <deque>

namespace confab::server {

class StorageWorker;

class RetentionSweeper : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int auditRetentionDays = 365; // 0: keep forever
        MessageRetentionPolicy messages;
        int batchSize = 500;
        int intervalSeconds = 3600;
    };

    RetentionSweeper(StorageWorker &worker, Settings settings, QObject *parent = nullptr);

    // Runs a sweep now (unless one is running) and then every interval.
    void start();
    bool isSweeping() const { return m_sweeping; }

Q_SIGNALS:
    // A sweep finished; `auditPurged` entries and `messagesPurged` messages went.
    void sweepFinished(int auditPurged, int messagesPurged);

private:
    void sweep();
    void purgeAudit();
    void listRooms();
    void purgeNextRoom();
    void finish();

    StorageWorker &m_worker;
    Settings m_settings;
    QTimer m_timer;
    bool m_sweeping = false;
    int m_auditPurged = 0;
    int m_messagesPurged = 0;
    std::deque<RoomRetention> m_rooms; // still to purge in this sweep
};

} // namespace confab::server
