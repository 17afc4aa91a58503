#include "storageworker.h"

#include <QSemaphore>

Q_LOGGING_CATEGORY(lcStorageWorker, "confab.storage.worker")

namespace confab::server {

StorageWorker::StorageWorker(std::unique_ptr<Storage> storage, const Clock &clock, IdGenerator &ids,
                             MembershipIndex &members, PresenceRegistry &presence, ServiceSettings settings,
                             ServiceCounters *counters, QObject *parent)
    : QObject(parent), m_storage(std::move(storage))
{
    m_context = std::make_unique<ServiceContext>(ServiceContext{*m_storage, clock, ids, members, presence, settings, counters});
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
    m_thread.quit();
    m_thread.wait();
    m_threadObject = nullptr;
}

void StorageWorker::runBlocking(const std::function<void(Services &)> &work)
{
    if (QThread::currentThread() == &m_thread) {
        work(*m_services);
        return;
    }
    QSemaphore done;
    QMetaObject::invokeMethod(m_threadObject, [&] {
        work(*m_services);
        done.release();
    }, Qt::QueuedConnection);
    done.acquire();
}

void StorageWorker::recoverFromFailure(const char *what)
{
    qCCritical(lcStorageWorker) << "storage failure:" << what;
    // The in-memory membership index may have been changed by the rolled-back work: rebuild it
    // from what the database really holds.
    try {
        m_context->members.load(m_storage->allMemberships());
    } catch (const std::exception &e) {
        qCCritical(lcStorageWorker) << "could not reload memberships:" << e.what();
    }
}

} // namespace confab::server
