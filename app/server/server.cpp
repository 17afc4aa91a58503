// SPDX-License-Identifier: GPL-3.0-or-later
#include "server.h"

#include "assistant/assistanthub.h"
#include "files/filetransfers.h"
#include "heaptrimmer.h"
#include "http/httpserver.h"
#include "metrics.h"
#include "ops/datadirlock.h"
#include "ops/logoutput.h"
#include "ops/servicewatchdog.h"
#include "ops/shiftedclock.h"
#include "ratelimiter.h"
#include "realtime/realtimehub.h"
#include "rest/restapi.h"
#include "retentionsweeper.h"
#include "service/passwordhasher.h"
#include "storage/postgres/postgresstorage.h"
#include "storage/sqlitestorage.h"

#include "core/clock.h"
#include "core/ids.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "confab.server")

namespace confab::server {

Server::Server(ServerConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_clock = ShiftedClock::fromEnvironment(); // a SystemClock outside tests
    m_ids = std::make_unique<RandomIdGenerator>();
    m_members = std::make_unique<MembershipIndex>();
    m_presence = std::make_unique<PresenceRegistry>();
    m_counters = std::make_unique<ServiceCounters>();

    ServiceSettings settings;
    settings.contentMaxChars = m_config.maxContentChars;
    settings.syncReplayMax = m_config.syncReplayMax;
    settings.serverWordFilter = m_config.wordFilter;
    settings.serverWordFilterAction = m_config.wordFilterAction;
    settings.filesRoot = m_config.filesPath();
    settings.maxUploadBytes = m_config.maxUploadBytes;
    settings.userQuotaBytes = m_config.userQuotaBytes;
    settings.unattachedFileGraceMs = qint64(m_config.fileGraceSeconds) * 1000;
    settings.uploadLifetimeMs = qint64(m_config.uploadLifetimeSeconds) * 1000;
    std::unique_ptr<Storage> storage;
    if (m_config.databaseUrl.isEmpty())
        storage = std::make_unique<SqliteStorage>(m_config.databasePath());
    else
        storage = std::make_unique<PostgresStorage>(m_config.databaseUrl);
    m_worker = std::make_unique<StorageWorker>(std::move(storage), *m_clock, *m_ids, *m_members, *m_presence, settings,
                                               m_counters.get());
    m_worker->watchDiskSpace(m_config.dataDir, m_config.minFreeDiskBytes);
    m_worker->setMaxQueued(m_config.maxStorageQueue);
    m_bus = std::make_unique<LocalEventBus>();
    m_metrics = std::make_unique<Metrics>();
    m_worker->setTimings(&m_metrics->storageQueueWait(), &m_metrics->storageTransaction());
    m_hasher = std::make_unique<PasswordHasher>(m_config.insecureFastPasswordHashing
                                                    ? PasswordHasher::Cost::InsecureFastForTests
                                                    : PasswordHasher::Cost::Interactive);

    // One owner of the rate limits, so REST and WebSocket calls of a user share one budget.
    RateLimiter::Rules rates;
    rates.messages = {m_config.messageRate, m_config.messageBurst};
    rates.requests = {m_config.requestRate, m_config.requestBurst};
    m_rates = std::make_unique<RateLimiter>(*m_clock, rates);

    RealtimeLimits rt;
    rt.typingTimeoutMs = m_config.typingTimeoutMs;
    rt.presenceGraceMs = m_config.presenceGraceSeconds * 1000;
    rt.session.maxQueuedBytes = m_config.maxQueuedBytes;
    rt.session.maxFrameBytes = m_config.maxFrameBytes;
    rt.session.deliveryLatency = &m_metrics->webSocketDelivery();
    m_hub = std::make_unique<RealtimeHub>(*m_worker, *m_bus, *m_members, *m_presence, *m_rates, *m_clock, rt);
    m_assistant =
        std::make_unique<AssistantHub>(*m_worker, *m_members, *m_clock, m_config.assistant, [this](Effects &&fx) {
            for (const Delivery &d : fx.deliveries)
                m_bus->publish(d);
        });
    connectEffects();
    m_rest = std::make_unique<RestApi>(*m_worker, *m_hub, *m_rates, m_hub->standing(), *m_hasher, *m_metrics, *m_clock);
    m_assistant->registerRoutes(*m_rest);
    m_files =
        std::make_unique<FileTransfers>(BlobStore(m_config.filesPath()), m_config.maxUploadBytes, m_config.keepExif);
    m_rest->setFileTransfers(m_files.get());
    RetentionSweeper::Settings retention;
    retention.auditRetentionDays = m_config.auditRetentionDays;
    retention.intervalSeconds = m_config.retentionIntervalSeconds;
    retention.batchSize = m_config.retentionBatchSize;
    retention.messages = {m_config.messageRetentionDays, m_config.retentionKeepPinned,
                          m_config.retentionKeepLastMessage};
    m_retention = std::make_unique<RetentionSweeper>(*m_worker, retention);
    m_watchdog = std::make_unique<ServiceWatchdog>(*m_worker);

    HttpLimits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    limits.maxUploadBytes = m_config.maxUploadBytes;
    // The session refuses frames over the configured size with an error; Qt drops the
    // connection only at four times that, so a slightly large frame does not cost a reconnect.
    limits.maxWebSocketFrameBytes = m_config.maxFrameBytes * 4;
    m_http = std::make_unique<HttpServer>(limits);
    m_http->setHandler([this](HttpRequest &&request, HttpResponder responder) {
        m_rest->handle(std::move(request), std::move(responder));
    });
    m_heapTrimmer = std::make_unique<HeapTrimmer>([this] { return m_http->openConnections(); },
                                                  [this] { return m_http->takePeakConnections(); });
    m_http->setScreen([this](const HttpRequest &head) { return m_rest->screen(head); });
    m_http->setBodySinks([this](const HttpRequest &head) { return m_rest->bodySink(head); });
    m_http->setIdentify([this](const HttpRequest &request) { return m_rest->knownUser(request); });
    m_http->setWebSocketHandler(QStringLiteral("/chat"), [this](QWebSocket *socket) { m_hub->accept(socket); });
    connect(m_http.get(), &HttpServer::requestCompleted, this,
            [this](const QByteArray &method, const QString &path, int status, qint64 latencyUs, const QByteArray &,
                   const QString &) {
                m_metrics->recordRequest(status, latencyUs);
                // Route templates only: raw paths (ids) would make a series per room and user.
                QString route = status == 101 ? path : m_rest->routeTemplate(method, path);
                if (route.isEmpty())
                    route = QStringLiteral("unmatched");
                m_metrics->recordRoute(method, route, latencyUs);
                if (status == 413 &&
                    (route == QLatin1String("/v1/files") || route.startsWith(QLatin1String("/v1/uploads"))))
                    m_metrics->countUploadRefused();
            });

    m_metrics->addGauge("confab_websocket_connections", "Open authenticated WebSocket connections.",
                        [this] { return double(m_hub->registry().connectionCount()); });
    m_metrics->addGauge("confab_online_users", "Users with at least one connection.",
                        [this] { return double(m_hub->registry().userCount()); });
    m_metrics->addGauge("confab_http_connections", "Open HTTP connections.",
                        [this] { return double(m_http->openConnections()); });
    m_metrics->addGauge("confab_typing_indicators", "Typing indicators now active.",
                        [this] { return double(m_hub->typingCount()); });
    m_metrics->addGauge("confab_storage_queue", "Requests waiting for the storage thread.",
                        [this] { return double(m_worker->pending()); });
    m_metrics->addGauge("confab_storage_group_commits", "Transactions shared by more than one message send.",
                        [this] { return double(m_worker->groupCommits()); });
    m_metrics->addGauge("confab_storage_grouped_sends", "Message sends committed in a shared transaction.",
                        [this] { return double(m_worker->groupedItems()); });
    m_metrics->addCounter("confab_messages_stored_total", "Messages stored.",
                          [this] { return double(m_counters->messagesStored.load()); });
    m_metrics->addCounter("confab_room_events_total", "Room events logged.",
                          [this] { return double(m_counters->roomEvents.load()); });
    m_metrics->addCounter("confab_log_lines_dropped_total", "Log lines dropped: standard error was not read in time.",
                          [] { return double(LogOutput::droppedLines()); });
    m_metrics->addCounter("confab_frames_sent_total", "WebSocket frames handed to connections by fan-out.",
                          [this] { return double(m_hub->registry().framesSent()); });
    m_metrics->addCounter("confab_assistant_answers_total", "Assistant answers ended, in any state.",
                          [this] { return double(m_assistant->usage().answers); });
    m_metrics->addCounter("confab_assistant_errors_total", "Assistant answers and asks that failed.",
                          [this] { return double(m_assistant->usage().errors); });
    m_metrics->addCounter("confab_assistant_refused_total", "Assistant questions refused (limits, rooms without it).",
                          [this] { return double(m_assistant->usage().refused); });
    m_metrics->addCounter("confab_assistant_tokens_in_total", "Prompt tokens sent to the model.",
                          [this] { return double(m_assistant->usage().tokensIn); });
    m_metrics->addCounter("confab_assistant_tokens_out_total", "Answer tokens received from the model.",
                          [this] { return double(m_assistant->usage().tokensOut); });
    m_metrics->addCounter("confab_assistant_latency_seconds_total", "Seconds from question to end, summed.",
                          [this] { return m_assistant->usage().latencySeconds; });
    m_metrics->addGauge("confab_assistant_live_answers", "Assistant answers being written now.",
                        [this] { return double(m_assistant->liveAnswers()); });
}

Server::~Server() { stop(); }

// The effects pipe, all of it here: a storage call's effects go to the event bus once its
// transaction committed, the bus hands every delivery (these and the hub's typing and presence)
// to this node's connections, and the answers and fan-out of one storage batch (a group commit)
// reach each connection in one write.
void Server::connectEffects()
{
    m_worker->setPublisher([this](Effects &&fx) {
        if (!fx.deletedAnswers.empty()) // before message_deleted goes out: no delta may follow it
            m_assistant->onAnswersDeleted(fx.deletedAnswers);
        for (const Delivery &d : fx.deliveries)
            m_bus->publish(d);
        if (!fx.aiQuestions.empty())
            m_assistant->onQuestions(fx.aiQuestions);
    });
    m_bus->subscribe([this](const Delivery &d) { m_hub->registry().deliver(d); });
    m_worker->setCompletionScope([this](const std::function<void()> &answerAll) {
        OutputBatch::Scope scope(m_hub->output());
        answerAll();
    });
}

bool Server::openStorage(QString *error)
{
    if (m_storageOpen)
        return true;
    m_storageOpen = m_worker->start(error);
    return m_storageOpen;
}

bool Server::start(QString *error)
{
    if (!openStorage(error))
        return false;
    if (!m_config.tlsCert.isEmpty() && !m_http->setTls(m_config.tlsCert, m_config.tlsKey, error))
        return false;
    m_http->setAllowedOrigins(OriginPolicy(m_config.allowedOrigins));
    QString filesError;
    if (!m_files->blobs().prepare(&filesError)) {
        *error = filesError;
        return false;
    }
    if (!m_http->listen(m_config.bind, m_config.port, error))
        return false;
    m_dataDirLock = std::make_unique<DataDirLock>(m_config.dataDir);
    if (!m_dataDirLock->tryHold())
        qCWarning(lcServer) << "another confab-server holds" << m_config.dataDir << "(pid"
                            << DataDirLock::holderOf(m_config.dataDir)
                            << "); admin restore will refuse until both stop";
    m_fileSweep = new QTimer(this);
    connect(m_fileSweep, &QTimer::timeout, this, &Server::sweepFiles);
    m_fileSweep->start(m_config.fileSweepSeconds * 1000);
    sweepFiles(); // what expired while the server was down
    m_started = true;
    m_retention->start();
    m_watchdog->start();
    m_assistant->start();
    qCInfo(lcServer) << "serving on" << m_config.bind.toString() << m_http->port() << "data" << m_config.dataDir;
    return true;
}

void Server::stop()
{
    if (!m_worker)
        return;
    if (m_watchdog)
        m_watchdog->stop();
    if (m_hub)
        m_hub->streams().closeAll(); // held long-polls get their answer before the connections go
    if (m_fileSweep)
        m_fileSweep->stop();
    if (m_assistant)
        m_assistant->stop();
    if (m_http)
        m_http->close();
    if (m_hub)
        m_hub->closeAll();
    if (m_files)
        m_files->waitForDone(); // pool work may still hand results to the storage thread
    m_worker->stop();
    m_dataDirLock.reset();
    m_started = false;
    m_storageOpen = false;
}

void Server::sweepFiles()
{
    m_worker->run<Done>(
        this,
        [](Services &s, Effects &) -> Result<Done> {
            s.files.sweep();
            return Done{};
        },
        [](Result<Done>) {});
}

quint16 Server::port() const { return m_http->port(); }

void Server::runOnStorage(const std::function<void(Services &)> &work) { m_worker->runBlocking(work); }

} // namespace confab::server
