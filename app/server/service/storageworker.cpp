// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageworker.h"

#include "ops/storagestall.h"

#include <QSemaphore>
#include <QStorageInfo>

#include <chrono>

Q_LOGGING_CATEGORY(lcStorageWorker, "confab.storage.worker")

namespace confab::server {

namespace {
qint64 steadyUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

StorageWorker::StorageWorker(std::unique_ptr<Storage> storage, const Clock &clock, IdGenerator &ids,
                             MembershipIndex &members, PresenceRegistry &presence, ServiceSettings settings,
                             ServiceCounters *counters, QObject *parent)
    : QObject(parent), m_storage(std::move(storage))
{
    m_context = std::make_unique<ServiceContext>(
        ServiceContext{*m_storage, clock, ids, members, presence, settings, counters, {}});
    m_services = std::make_unique<Services>(*m_context);
    m_thread.setObjectName(QStringLiteral("confab.storage.worker"));
}

StorageWorker::~StorageWorker() { stop(); }

bool StorageWorker::start(QString *error)
{
    m_threadObject = new QObject;
    m_threadObject->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_threadObject, &QObject::deleteLater);
    m_thread.start();
    bool ok = true;
    runBlocking([&](Services &s) {
        try {
            m_storage->open();
            s.context.members.load(m_storage->allMemberships());
            s.context.standing.start(*m_storage);
        } catch (const std::exception &e) {
            ok = false;
            if (error)
                *error = QString::fromUtf8(e.what());
        }
    });
    return ok;
}

void StorageWorker::stop()
{
    if (!m_thread.isRunning())
        return;
    // Everything already queued runs first: an acknowledged write is never dropped at shutdown.
    runBlocking([this](Services &) { m_storage->close(); });
    {
        QMutexLocker lock(&m_queueMutex);
        m_threadObject = nullptr; // deleted with the thread: later work is dropped
        m_queue.clear();
    }
    m_thread.quit();
    m_thread.wait();
}

void StorageWorker::runBlocking(const std::function<void(Services &)> &work)
{
    if (QThread::currentThread() == &m_thread) {
        work(*m_services);
        return;
    }
    class Blocking final : public AnyJob {
    public:
        Blocking(const std::function<void(Services &)> &work, QSemaphore &done)
            : AnyJob(false), m_work(work), m_doneSignal(done)
        {
        }
        void execute(Services &services) override
        {
            struct Release {
                QSemaphore &semaphore;
                ~Release() { semaphore.release(); }
            } release{m_doneSignal}; // also if the work throws: the caller must not wait forever
            m_work(services);
        }
        void fail() override {}
        bool answers() const override { return false; }
        void complete(const Publish &) override {}

    private:
        const std::function<void(Services &)> &m_work;
        QSemaphore &m_doneSignal;
    };
    QSemaphore done;
    enqueue(std::make_shared<Blocking>(work, done));
    done.acquire();
}

void StorageWorker::enqueue(JobPtr job)
{
    bool post = false;
    {
        QMutexLocker lock(&m_queueMutex);
        if (!m_threadObject)
            return; // stopped: nothing runs any more
        job->enqueuedAtUs = steadyUs();
        m_queue.push_back(std::move(job));
        post = !std::exchange(m_drainPosted, true);
    }
    if (post)
        QMetaObject::invokeMethod(
            m_threadObject, [this] { drain(); }, Qt::QueuedConnection);
}

void StorageWorker::drain()
{
    // Everything queued, in order, before returning to the thread's event loop: a runBlocking()
    // (the close at shutdown) queued behind other work still runs after it.
    for (;;) {
        std::vector<JobPtr> batch;
        {
            QMutexLocker lock(&m_queueMutex);
            if (m_queue.empty()) {
                m_drainPosted = false;
                return;
            }
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
            while (batch.front()->grouped() && !m_queue.empty() && m_queue.front()->grouped() &&
                   int(batch.size()) < kMaxGroup) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        StorageStall::holdWhileAsked(); // fault tests only: inert unless asked for
        const qint64 startedUs = steadyUs();
        if (m_queueWait) {
            for (const JobPtr &job : batch)
                m_queueWait->record(startedUs - job->enqueuedAtUs);
        }
        if (batch.size() == 1)
            runAlone(batch.front());
        else
            runGroup(batch);
        if (m_transaction)
            m_transaction->record(steadyUs() - startedUs);
        noteCommits();
        if (batch.front()->answers())
            answer(std::move(batch));
    }
}

void StorageWorker::runAlone(const JobPtr &job)
{
    try {
        job->execute(*m_services); // the service commits (or rolls back) its own transaction
    } catch (const std::exception &e) {
        recoverFromFailure(e.what());
        job->fail();
    }
}

void StorageWorker::runGroup(const std::vector<JobPtr> &jobs)
{
    Storage &storage = *m_storage;
    try {
        storage.beginGroup();
    } catch (const std::exception &e) {
        qCWarning(lcStorageWorker) << "could not start a group commit, running its items one by one:" << e.what();
        for (const JobPtr &job : jobs)
            runAlone(job);
        return;
    }
    // A failing item is rolled back to its savepoint and answered INTERNAL; the group goes on.
    // If the savepoints themselves fail (SQLite may have rolled the whole transaction back after
    // an I/O error), nothing of the group can be trusted to commit: all of it fails.
    bool broken = false;
    for (const JobPtr &job : jobs) {
        try {
            storage.beginGroupItem();
        } catch (const std::exception &e) {
            qCCritical(lcStorageWorker) << "starting a group item failed:" << e.what();
            broken = true;
            break;
        }
        try {
            job->execute(*m_services);
        } catch (const std::exception &e) {
            job->fail();
            try {
                storage.endGroupItem(false);
            } catch (const std::exception &rollbackError) {
                qCCritical(lcStorageWorker) << "rolling back a group item failed:" << rollbackError.what();
                broken = true;
            }
            recoverFromFailure(e.what());
            if (broken)
                break;
            continue;
        }
        try {
            storage.endGroupItem(true);
        } catch (const std::exception &e) {
            qCCritical(lcStorageWorker) << "ending a group item failed:" << e.what();
            broken = true;
            break;
        }
    }
    if (!broken) {
        try {
            storage.commitGroup();
            ++m_groupCommits;
            m_groupedItems += qint64(jobs.size());
            return;
        } catch (const std::exception &e) {
            qCCritical(lcStorageWorker) << "group commit failed:" << e.what();
        }
    }
    // Nothing of the group is stored: none of it may be acknowledged or delivered.
    storage.rollbackGroup();
    recoverFromFailure("group commit failed");
    for (const JobPtr &job : jobs)
        job->fail();
}

void StorageWorker::answer(std::vector<JobPtr> jobs)
{
    QMetaObject::invokeMethod(
        this,
        [this, jobs = std::move(jobs)] {
            const auto answerAll = [&] {
                for (const JobPtr &job : jobs) {
                    --m_pending;
                    job->complete(m_publish);
                }
                if (m_refusing && m_pending <= m_maxQueued / 2) {
                    m_refusing = false;
                    qCInfo(lcStorageWorker, "storage caught up (%d items queued): taking sends again", m_pending);
                }
            };
            if (m_scope && jobs.size() > 1)
                m_scope(answerAll);
            else
                answerAll();
        },
        Qt::QueuedConnection);
}

bool StorageWorker::queueFull()
{
    if (m_maxQueued <= 0 || m_pending < m_maxQueued)
        return false;
    if (!std::exchange(m_refusing, true))
        qCWarning(lcStorageWorker,
                  "storage is behind: %d items queued; sends are refused as busy until it catches up "
                  "(--max-storage-queue)",
                  m_pending);
    return true;
}

ApiError StorageWorker::busyError() const
{
    return ApiError{
        ErrorCode::Unavailable,
        QStringLiteral("the server is busy: %1 requests are waiting for storage; try again shortly").arg(m_pending),
        {},
        1};
}

void StorageWorker::noteCommits()
{
    QMutexLocker lock(&m_healthMutex);
    if (!m_lastFailure.isEmpty() && m_storage->durableCommits() > m_commitsAtFailure) {
        qCInfo(lcStorageWorker) << "storage writes succeed again";
        m_lastFailure.clear();
    }
}

void StorageWorker::watchDiskSpace(const QString &directory, qint64 minFreeBytes)
{
    QMutexLocker lock(&m_healthMutex);
    m_watchedDirectory = directory;
    m_minFreeBytes = minFreeBytes;
}

QString StorageWorker::healthProblem() const
{
    {
        QMutexLocker lock(&m_healthMutex);
        if (!m_lastFailure.isEmpty())
            return QStringLiteral(
                "the last storage write failed (the server log says why)"); // no internals to anonymous callers
    }
    return diskSpaceProblem();
}

QString StorageWorker::diskSpaceProblem() const
{
    QString directory;
    qint64 minFree = 0;
    {
        QMutexLocker lock(&m_healthMutex);
        directory = m_watchedDirectory;
        minFree = m_minFreeBytes;
    }
    if (directory.isEmpty() || minFree <= 0)
        return {};
    const QStorageInfo disk(directory);
    if (disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < minFree) {
        return QStringLiteral("only %1 KiB free for the data directory (minimum %2 KiB)")
            .arg(disk.bytesAvailable() / 1024)
            .arg(minFree / 1024);
    }
    return {};
}

void StorageWorker::recoverFromFailure(const char *what)
{
    qCCritical(lcStorageWorker) << "storage failure:" << what;
    {
        QMutexLocker lock(&m_healthMutex);
        m_lastFailure = QString::fromUtf8(what).left(300);
        m_commitsAtFailure = m_storage->durableCommits();
    }
    // The in-memory membership index may have been changed by the rolled-back work: rebuild it
    // from what the database really holds.
    try {
        m_context->members.load(m_storage->allMemberships());
    } catch (const std::exception &e) {
        qCCritical(lcStorageWorker) << "could not reload memberships:" << e.what();
    }
}

} // namespace confab::server
