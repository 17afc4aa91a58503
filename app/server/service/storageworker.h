// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services.h"

#include "ops/latencyhistogram.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStorageWorker)

namespace confab::server {

// Owns the storage thread. Work posted with run() executes there, in order, one item at a time
// (so each room's seq is assigned in the order requests arrive); its result comes back on the
// thread that owns the worker. The network thread never touches the database.
//
// Group commit: consecutive queued items posted with Commit::Grouped (message sends) run in one
// transaction, each in its own savepoint (an item that fails is rolled back alone), and are
// answered only after that transaction's commit: one fsync for the lot instead of one each, and
// still no answer before the data is durable. Nothing waits to fill a group: whatever queued up
// while the previous commit was on disk forms the next one.
class StorageWorker : public QObject {
    Q_OBJECT
public:
    using Publish = std::function<void(Effects &&)>;
    // Wraps the answers of one batch (see OutputBatch): run(answerAll) inside whatever scope.
    using CompletionScope = std::function<void(const std::function<void()> &answerAll)>;
    enum class Commit { Alone, Grouped };
    static constexpr int kMaxGroup = 128;

    // Takes the storage; opens it and builds the services on the storage thread.
    StorageWorker(std::unique_ptr<Storage> storage, const Clock &clock, IdGenerator &ids, MembershipIndex &members,
                  PresenceRegistry &presence, ServiceSettings settings, ServiceCounters *counters,
                  QObject *parent = nullptr);
    ~StorageWorker() override;

    // Starts the thread and opens the database; blocks until it is open (start-up only).
    bool start(QString *error);
    void stop();

    // Where the effects of each call go (the event bus), on this object's thread, before `done`.
    void setPublisher(Publish publish) { m_publish = std::move(publish); }
    void setCompletionScope(CompletionScope scope) { m_scope = std::move(scope); }

    // Runs work(services, effects) on the storage thread, then done(result) here unless
    // `context` was destroyed meanwhile. A StorageError becomes INTERNAL; nothing half-done is
    // kept (the service or the item's savepoint rolled back). Grouped work must be short writes
    // that do not depend on being alone in their transaction.
    template<typename T>
    void run(QObject *context, std::function<Result<T>(Services &, Effects &)> work,
             std::function<void(Result<T>)> done, Commit commit = Commit::Alone)
    {
        if (commit == Commit::Grouped && done && queueFull()) {
            // Refused without queueing, answered from the event loop like any other answer.
            if (context)
                QMetaObject::invokeMethod(
                    context, [done = std::move(done), error = busyError()] { done(Result<T>(error)); },
                    Qt::QueuedConnection);
            return;
        }
        ++m_pending;
        enqueue(std::make_shared<Job<T>>(context, std::move(work), std::move(done), commit == Commit::Grouped));
    }

    // Runs work on the storage thread and waits for it (after everything queued before it): for
    // command-line tools, start-up and shutdown only.
    void runBlocking(const std::function<void(Services &)> &work);

    int pending() const { return m_pending; }
    // Where to record how long work waited in the queue and how long each transaction took
    // (/metrics); before start(). Either may be null.
    void setTimings(LatencyHistogram *queueWait, LatencyHistogram *transaction)
    {
        m_queueWait = queueWait;
        m_transaction = transaction;
    }
    // Sends (Commit::Grouped work with an answer) are refused as busy, UNAVAILABLE, while this
    // many items wait for the storage thread: a stalled disk costs bounded memory. 0: no bound.
    void setMaxQueued(int items) { m_maxQueued = items; }

    // Health (any thread): why storage is not fit for writes, empty when it is. A storage failure
    // counts until a later transaction commits; free space under the data directory below
    // `minFreeBytes` counts while it lasts (checked on each call: one statvfs).
    void watchDiskSpace(const QString &directory, qint64 minFreeBytes);
    QString healthProblem() const;
    // Only the free-space part of healthProblem() (for /readyz, which probes writes itself).
    QString diskSpaceProblem() const;
    // Transactions committed for groups of more than one item, and the items in them (for tests
    // and /metrics).
    qint64 groupCommits() const { return m_groupCommits.load(); }
    qint64 groupedItems() const { return m_groupedItems.load(); }

private:
    class AnyJob {
    public:
        explicit AnyJob(bool grouped) : m_grouped(grouped) {}
        virtual ~AnyJob() = default;
        bool grouped() const { return m_grouped; }
        qint64 enqueuedAtUs = 0; // steady clock, for the queue-wait metric
        // Storage thread. May throw; the caller rolls back what it did.
        virtual void execute(Services &services) = 0;
        // Storage thread: it threw, or the commit that held it failed: answer INTERNAL, deliver nothing.
        virtual void fail() = 0;
        // This object's thread: publish the effects, then answer. False: nothing to answer.
        virtual bool answers() const { return true; }
        virtual void complete(const Publish &publish) = 0;

    private:
        bool m_grouped;
    };

    template<typename T> class Job final : public AnyJob {
    public:
        Job(QObject *context, std::function<Result<T>(Services &, Effects &)> work, std::function<void(Result<T>)> done,
            bool grouped)
            : AnyJob(grouped), m_context(context), m_work(std::move(work)), m_done(std::move(done))
        {
        }
        void execute(Services &services) override { m_result = m_work(services, m_fx); }
        void fail() override
        {
            m_fx.deliveries.clear();
            m_fx.aiQuestions.clear();
            m_result =
                ApiError{ErrorCode::Internal, QStringLiteral("the server could not complete this request"), {}, 0};
        }
        void complete(const Publish &publish) override
        {
            if (publish && !m_fx.deliveries.empty())
                publish(std::move(m_fx));
            if (m_context && m_done)
                m_done(std::move(m_result));
        }

    private:
        QPointer<QObject> m_context;
        std::function<Result<T>(Services &, Effects &)> m_work;
        std::function<void(Result<T>)> m_done;
        Result<T> m_result;
        Effects m_fx;
    };
    using JobPtr = std::shared_ptr<AnyJob>;

    void enqueue(JobPtr job);
    void drain();
    void runAlone(const JobPtr &job);
    void runGroup(const std::vector<JobPtr> &jobs);
    void answer(std::vector<JobPtr> jobs);
    void recoverFromFailure(const char *what);
    void noteCommits(); // storage thread: clears a remembered failure once a write commits
    bool queueFull();   // this object's thread; logs the start of an episode
    ApiError busyError() const;

    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ServiceContext> m_context;
    std::unique_ptr<Services> m_services;
    QThread m_thread;
    QObject *m_threadObject = nullptr; // lives on m_thread; drain() is queued to it
    Publish m_publish;
    CompletionScope m_scope;
    int m_pending = 0; // this object's thread only
    int m_maxQueued = 0;
    bool m_refusing = false; // this object's thread: sends are being refused (logged once)

    mutable QMutex m_healthMutex; // guards the four below, shared by both threads
    QString m_lastFailure;        // storage thread writes, any thread reads
    qint64 m_commitsAtFailure = 0;
    QString m_watchedDirectory;
    qint64 m_minFreeBytes = 0;

    QMutex m_queueMutex; // guards the two below, shared by both threads
    std::deque<JobPtr> m_queue;
    bool m_drainPosted = false;
    LatencyHistogram *m_queueWait = nullptr;
    LatencyHistogram *m_transaction = nullptr;
    std::atomic<qint64> m_groupCommits{0};
    std::atomic<qint64> m_groupedItems{0};
};

} // namespace confab::server
