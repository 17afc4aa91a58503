#pragma once

#include "services.h"

#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcStorageWorker)

namespace confab::server {

// Owns the storage thread. Work posted with run() executes there, in order, one item at a time
// (so each room's seq is assigned in the order requests arrive); its result comes back on the
// thread that owns the worker. The network thread never touches the database.
class StorageWorker : public QObject {
    Q_OBJECT
public:
    using Publish = std::function<void(Effects &&)>;

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

    // Runs work(services, effects) on the storage thread, then done(result) here unless
    // `context` was destroyed meanwhile. A StorageError becomes INTERNAL; nothing half-done is
    // kept (the service rolled back).
    template <typename T>
    void run(QObject *context, std::function<Result<T>(Services &, Effects &)> work, std::function<void(Result<T>)> done)
    {
        QPointer<QObject> ctx(context);
        ++m_pending;
        QMetaObject::invokeMethod(m_threadObject, [this, ctx, work = std::move(work), done = std::move(done)]() mutable {
            Effects fx;
            Result<T> result = guarded<T>(work, fx);
            QMetaObject::invokeMethod(this, [this, ctx, result = std::move(result), fx = std::move(fx), done]() mutable {
                --m_pending;
                if (m_publish && !fx.deliveries.empty())
                    m_publish(std::move(fx));
                if (ctx)
                    done(std::move(result));
            }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    }

    // Runs work on the storage thread and waits for it: for command-line tools and start-up only.
    void runBlocking(const std::function<void(Services &)> &work);

    int pending() const { return m_pending; }

private:
    template <typename T> Result<T> guarded(std::function<Result<T>(Services &, Effects &)> &work, Effects &fx)
    {
        try {
            return work(*m_services, fx);
        } catch (const std::exception &e) {
            recoverFromFailure(e.what());
            fx.deliveries.clear();
            return ApiError{ErrorCode::Internal, QStringLiteral("the server could not complete this request"), {}, 0};
        }
    }
    void recoverFromFailure(const char *what);

    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ServiceContext> m_context;
    std::unique_ptr<Services> m_services;
    QThread m_thread;
    QObject *m_threadObject = nullptr; // lives on m_thread; work is queued to it
    Publish m_publish;
    int m_pending = 0;
};

} // namespace confab::server
