// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace confab::server {

// Log lines on their way to a file descriptor (standard error), written by a thread of their
// own: a reader that stops draining the pipe stalls only that thread, never the thread that
// logs (the network thread answered nothing while its log pipe was full). The queue is bounded
// in bytes; a line that does not fit is dropped and counted, and the next line that fits is
// preceded by a notice of how many went missing.
class LogQueue {
public:
    // Makes the line that says `count` lines were dropped.
    using DropNotice = std::function<QByteArray(qint64 count)>;

    LogQueue(int fd, qint64 maxBytes, DropNotice notice);
    ~LogQueue(); // finish(): writes what is queued first
    LogQueue(const LogQueue &) = delete;
    LogQueue &operator=(const LogQueue &) = delete;

    // Any thread; never waits for the output (until finish(): then written at once). `line`
    // includes its newline. False: dropped.
    bool push(QByteArray line);
    // Waits until everything queued is written, at most `timeout`; true when it was. Then
    // stops the writer thread when it could, else leaves it to finish on its own.
    bool finish(std::chrono::milliseconds timeout);
    // Lines dropped since the start.
    qint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }

private:
    void run();
    void writeAll(const QByteArray &lines) const;

    const int m_fd;
    const qint64 m_maxBytes;
    const DropNotice m_notice;
    std::mutex m_mutex;
    std::condition_variable m_wake;    // the writer: lines or stop
    std::condition_variable m_drained; // finish(): the queue is empty and written
    std::deque<QByteArray> m_lines;
    qint64 m_queuedBytes = 0;
    qint64 m_unreported = 0; // dropped, and not yet told in a notice
    bool m_writing = false;
    bool m_stop = false;
    std::atomic<qint64> m_dropped{0};
    std::thread m_thread;
};

} // namespace confab::server
