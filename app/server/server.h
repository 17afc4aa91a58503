// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace confab {
class Clock;
class IdGenerator;
} // namespace confab

namespace confab::server {

class DataDirLock;
class AssistantHub;
class FileTransfers;
class HeapTrimmer;
class HttpServer;
class LocalEventBus;
class MembershipIndex;
class Metrics;
class PasswordHasher;
class PresenceRegistry;
class RateLimiter;
class RealtimeHub;
class RestApi;
class RetentionSweeper;
class ServiceWatchdog;
class StorageWorker;
struct ServiceCounters;
struct Services;

// The whole server, wired: storage thread, services, realtime hub, REST API and the HTTP
// transport. The headless program, the desktop client's demo mode and the tests all run this.
// Lives on the thread that creates it (its network thread), which must run an event loop.
class Server : public QObject {
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    // Opens the database (and starts the storage thread) without listening: for command-line
    // tools. start() does it too.
    bool openStorage(QString *error);
    // Opens the database and starts listening. False with a message on failure.
    bool start(QString *error);
    // Closes connections, finishes queued storage work, closes the database.
    void stop();

    quint16 port() const;
    const ServerConfig &config() const { return m_config; }
    // Runs storage work synchronously (command-line tools, demo seeding before start).
    void runOnStorage(const std::function<void(Services &)> &work);
    PasswordHasher &hasher() { return *m_hasher; }

private:
    void connectEffects();
    void sweepFiles();

    ServerConfig m_config;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<IdGenerator> m_ids;
    std::unique_ptr<MembershipIndex> m_members;
    std::unique_ptr<PresenceRegistry> m_presence;
    std::unique_ptr<ServiceCounters> m_counters;
    std::unique_ptr<StorageWorker> m_worker;
    std::unique_ptr<LocalEventBus> m_bus;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<RateLimiter> m_rates;
    std::unique_ptr<RealtimeHub> m_hub;
    std::unique_ptr<RestApi> m_rest;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<HeapTrimmer> m_heapTrimmer;
    std::unique_ptr<FileTransfers> m_files;
    QTimer *m_fileSweep = nullptr;
    std::unique_ptr<RetentionSweeper> m_retention;
    std::unique_ptr<ServiceWatchdog> m_watchdog; // systemd's READY=1 and WATCHDOG=1
    std::unique_ptr<DataDirLock> m_dataDirLock;  // while serving: admin restore refuses
    std::unique_ptr<AssistantHub> m_assistant;
    bool m_started = false;
    bool m_storageOpen = false;
};

} // namespace confab::server
