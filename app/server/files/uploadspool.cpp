// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadspool.h"

#include "service/result.h"

#include <QThreadPool>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace confab::server {

namespace {
// The network thread is woken once the queue is down to this.
constexpr qint64 kResumeBelow = UploadSpool::kMaxQueuedBytes / 2;
} // namespace

std::shared_ptr<UploadSpool> UploadSpool::create(QString path, Mode mode, QThreadPool &pool, QObject *home)
{
    return std::shared_ptr<UploadSpool>(new UploadSpool(std::move(path), mode, pool, home));
}

UploadSpool::UploadSpool(QString path, Mode mode, QThreadPool &pool, QObject *home)
    : m_path(std::move(path)), m_mode(mode), m_pool(pool), m_home(home)
{
}

UploadSpool::~UploadSpool()
{
    // Only reached once no task runs (tasks hold a reference).
    if (m_file.isOpen())
        m_file.close();
}

void UploadSpool::post(std::function<void()> f)
{
    // The spool travels with the call, so it is released on the network thread, not the pool's.
    QMetaObject::invokeMethod(
        m_home.data(), [self = shared_from_this(), f = std::move(f)] { f(); }, Qt::QueuedConnection);
}

void UploadSpool::open(qint64 limit, ApiError overLimit, qint64 expectedOffset)
{
    if (m_state != State::Pending)
        return;
    m_state = State::Open;
    m_limit = limit;
    m_overLimit = std::move(overLimit);
    m_openedAt = expectedOffset;
    {
        QMutexLocker lock(&m_mutex);
        m_expectedOffset = expectedOffset;
    }
    if (m_resume)
        m_resume();
}

void UploadSpool::refuse(ApiError error)
{
    if (m_state == State::Done)
        return;
    m_state = State::Refused;
    m_refusal = std::move(error);
    if (m_resume)
        m_resume(); // the transport reads on, calls write(), and answers our refusal
}

bool UploadSpool::write(const char *data, qsizetype size)
{
    if (m_state == State::Refused)
        return false;
    if (m_received + size > m_limit) {
        refuse(m_overLimit);
        return false;
    }
    m_received += size;
    QMutexLocker lock(&m_mutex);
    if (!m_ioError.isEmpty()) {
        ApiError error = ioFailure();
        lock.unlock();
        refuse(std::move(error));
        return false;
    }
    m_queue.emplace_back(data, size);
    m_queued += size;
    startTask();
    return true;
}

bool UploadSpool::backlogged() const
{
    if (m_state == State::Pending)
        return true;
    if (m_state != State::Open)
        return false;
    QMutexLocker lock(&m_mutex);
    if (m_queued < kMaxQueuedBytes)
        return false;
    const_cast<UploadSpool *>(this)->m_waitingForRoom = true;
    return true;
}

void UploadSpool::setResume(std::function<void()> resume) { m_resume = std::move(resume); }

void UploadSpool::abort()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    QMutexLocker lock(&m_mutex);
    m_aborted = true;
    m_queue.clear();
    m_queued = 0;
    if (m_taskRunning)
        return; // the task sees m_aborted and cleans up
    lock.unlock();
    if (m_mode == Mode::NewFile)
        QFile::remove(m_path);
}

ApiError UploadSpool::refusal() const { return m_refusal; }

ApiError UploadSpool::ioFailure() const
{
    if (m_ioCode == ErrorCode::Internal)
        return apiError(ErrorCode::Internal, QStringLiteral("the server could not store the upload"));
    ApiError e = apiError(m_ioCode, m_ioError);
    e.details.offset = m_ioOffset;
    return e;
}

void UploadSpool::finish(std::function<void(Outcome)> done)
{
    m_state = State::Done;
    m_done = std::move(done);
    QMutexLocker lock(&m_mutex);
    m_finishing = true;
    startTask();
}

void UploadSpool::startTask()
{
    if (m_taskRunning)
        return;
    m_taskRunning = true;
    m_pool.start([self = shared_from_this()] { self->runTask(); });
}

void UploadSpool::runTask()
{
    for (;;) {
        QByteArray chunk;
        bool wake = false;
        {
            QMutexLocker lock(&m_mutex);
            if (m_aborted) {
                m_taskRunning = false;
                lock.unlock();
                m_file.close();
                if (m_mode == Mode::NewFile)
                    QFile::remove(m_path);
                return;
            }
            if (m_queue.empty()) {
                const bool finishing = m_finishing;
                m_taskRunning = false;
                if (!finishing)
                    return;
                m_finishing = false;
                lock.unlock();
                complete();
                return;
            }
            chunk = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const bool ok = writeOne(chunk);
        {
            QMutexLocker lock(&m_mutex);
            m_queued -= chunk.size();
            if (!ok && m_ioError.isEmpty())
                m_ioError = m_file.errorString();
            if (m_waitingForRoom && (m_queued <= kResumeBelow || !ok)) {
                m_waitingForRoom = false;
                wake = true;
            }
        }
        if (wake)
            post([this] {
                if (m_resume && m_state == State::Open)
                    m_resume();
            });
    }
}

bool UploadSpool::writeOne(const QByteArray &chunk)
{
    if (!m_ioError.isEmpty())
        return false; // drop: the request fails at its next write or at finish
    if (!m_fileOpened) {
        m_fileOpened = true;
        m_file.setFileName(m_path);
        const QIODevice::OpenMode mode = m_mode == Mode::Append ? (QIODevice::WriteOnly | QIODevice::Append)
                                                                : (QIODevice::WriteOnly | QIODevice::Truncate);
        if (!m_file.open(mode))
            return false;
        qint64 expected = 0;
        {
            QMutexLocker lock(&m_mutex);
            expected = m_expectedOffset;
        }
        if (m_mode == Mode::Append && m_file.size() != expected) {
            QMutexLocker lock(&m_mutex);
            m_ioCode = ErrorCode::Conflict;
            m_ioOffset = m_file.size();
            m_ioError = QStringLiteral("Upload-Offset %1 does not match the %2 bytes received")
                            .arg(expected)
                            .arg(m_file.size());
            return false;
        }
    }
    if (!m_file.isOpen())
        return false;
    if (m_file.write(chunk) != chunk.size())
        return false;
    if (m_mode == Mode::NewFile)
        m_hash.addData(chunk);
    return true;
}

void UploadSpool::complete()
{
    Outcome out;
    if (!m_fileOpened && m_ioError.isEmpty()) {
        // An empty body: still a file (of no bytes), or an unchanged resumable upload.
        m_fileOpened = true;
        m_file.setFileName(m_path);
        const QIODevice::OpenMode mode = m_mode == Mode::Append ? (QIODevice::WriteOnly | QIODevice::Append)
                                                                : (QIODevice::WriteOnly | QIODevice::Truncate);
        if (!m_file.open(mode))
            m_ioError = m_file.errorString();
    }
    if (m_file.isOpen() && !m_file.flush())
        m_ioError = m_file.errorString();
    // On disk before anyone is told: the answer's size (a resumable upload's offset) and the row
    // that will name these bytes must not outlive them in a power cut. This is a pool thread.
    if (m_file.isOpen() && m_ioError.isEmpty() && ::fdatasync(m_file.handle()) != 0)
        m_ioError = QString::fromLocal8Bit(std::strerror(errno));
    out.size = m_file.size();
    m_file.close();
    if (m_ioError.isEmpty()) {
        out.ok = true;
        if (m_mode == Mode::NewFile)
            out.sha256 = QString::fromLatin1(m_hash.result().toHex());
    } else {
        out.error = ioFailure();
        qWarning("upload to %s failed: %s", qPrintable(m_path), qPrintable(m_ioError));
        if (m_mode == Mode::NewFile)
            QFile::remove(m_path);
    }
    post([this, out] {
        if (m_done)
            std::exchange(m_done, nullptr)(out);
    });
}

} // namespace confab::server
