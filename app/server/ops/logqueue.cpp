// SPDX-License-Identifier: GPL-3.0-or-later
#include "logqueue.h"

#include <cerrno>
#include <unistd.h>

namespace confab::server {

LogQueue::LogQueue(int fd, qint64 maxBytes, DropNotice notice)
    : m_fd(fd), m_maxBytes(maxBytes), m_notice(std::move(notice)), m_thread([this] { run(); })
{
}

LogQueue::~LogQueue() { finish(std::chrono::seconds(5)); }

bool LogQueue::push(QByteArray line)
{
    {
        std::unique_lock lock(m_mutex);
        if (m_stop) {
            // After finish(): the writer is gone, and so is the network thread's traffic.
            lock.unlock();
            writeAll(line);
            return true;
        }
        QByteArray notice;
        if (m_unreported > 0 && m_queuedBytes + line.size() <= m_maxBytes)
            notice = m_notice(m_unreported);
        if (m_queuedBytes + notice.size() + line.size() > m_maxBytes) {
            ++m_unreported;
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        if (!notice.isEmpty()) {
            m_queuedBytes += notice.size();
            m_lines.push_back(std::move(notice));
            m_unreported = 0;
        }
        m_queuedBytes += line.size();
        m_lines.push_back(std::move(line));
    }
    m_wake.notify_one();
    return true;
}

bool LogQueue::finish(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        return m_lines.empty();
    const bool drained = m_drained.wait_for(lock, timeout, [this] { return m_lines.empty() && !m_writing; });
    if (!drained) {
        // The output is stuck (nobody reads the pipe): do not hang the shutdown on it. The
        // thread stays blocked in write() until the process exits; this object must outlive it,
        // so whoever owns it lets it go (LogOutput does).
        return false;
    }
    m_stop = true;
    lock.unlock();
    m_wake.notify_one();
    m_thread.join();
    return true;
}

void LogQueue::writeAll(const QByteArray &lines) const
{
    // Whole lines in one write() where the pipe takes them: lines never interleave with others'.
    const char *data = lines.constData();
    qsizetype left = lines.size();
    while (left > 0) {
        const ssize_t written = ::write(m_fd, data, std::size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return; // closed or failing output: nothing better to do with the lines
        data += written;
        left -= written;
    }
}

void LogQueue::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_lines.empty(); });
        if (m_lines.empty()) // and m_stop
            return;
        QByteArray chunk;
        chunk.reserve(m_queuedBytes);
        for (const QByteArray &line : m_lines)
            chunk += line;
        m_lines.clear();
        m_writing = true;
        lock.unlock();
        writeAll(chunk);
        lock.lock();
        // Only now is the space free again: the bound covers what is being written, too.
        m_queuedBytes -= chunk.size();
        m_writing = false;
        if (m_lines.empty())
            m_drained.notify_all();
    }
}

} // namespace confab::server
