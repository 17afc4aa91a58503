// SPDX-License-Identifier: GPL-3.0-or-later
#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDispatcher, "confab.server.events")

namespace confab::server {

namespace {

std::int64_t steadyNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

constexpr std::int64_t kNsPerMs = 1'000'000;
constexpr int kMaxEvents = 256; // per wait; level-triggered, so the rest come on the next pass

// RAII: makes a pass's pending list visible to unregisterSocketNotifier() while it is delivered.
class PendingScope {
public:
    PendingScope(std::vector<std::vector<QSocketNotifier *> *> &stack, std::vector<QSocketNotifier *> *list)
        : m_stack(stack)
    {
        m_stack.push_back(list);
    }
    ~PendingScope() { m_stack.pop_back(); }
    PendingScope(const PendingScope &) = delete;
    PendingScope &operator=(const PendingScope &) = delete;

private:
    std::vector<std::vector<QSocketNotifier *> *> &m_stack;
};

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        qFatal("confab: epoll_create1 failed: %s", std::strerror(errno));
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wakeFd < 0)
        qFatal("confab: eventfd failed: %s", std::strerror(errno));
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wakeFd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0)
        qFatal("confab: epoll_ctl on the wake-up descriptor failed: %s", std::strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

void EpollEventDispatcher::installForApplication()
{
    if (qEnvironmentVariable("CONFAB_EVENT_DISPATCHER") == QLatin1String("qt"))
        return;
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
}

// ---- the loop -----------------------------------------------------------------------------

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    // Events posted from now on call wakeUp(), which makes the wait below return: no need to ask
    // whether any are queued.
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupt.load(std::memory_order_relaxed);
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupt.load(std::memory_order_relaxed))
        return false;

    int timeout = 0;
    if (canWait && (m_alwaysReady.empty() || !includeNotifiers))
        timeout = includeTimers ? waitTimeoutMs(true) : -1;

    epoll_event events[kMaxEvents];
    int ready;
    if (includeNotifiers) {
        ready = epoll_wait(m_epoll, events, kMaxEvents, timeout);
    } else {
        // Sockets excluded: wait for wake-ups (and timers) only.
        pollfd wake{m_wakeFd, POLLIN, 0};
        ready = ::poll(&wake, 1, timeout);
        if (ready > 0) {
            events[0].events = EPOLLIN;
            events[0].data.fd = m_wakeFd;
        }
    }
    if (ready < 0) {
        if (errno != EINTR)
            qCWarning(lcDispatcher) << "epoll_wait failed:" << std::strerror(errno);
        ready = 0;
    }

    int delivered = activateSocketNotifiers(events, ready, includeNotifiers);
    if (includeTimers)
        delivered += activateTimers();
    return delivered > 0;
}

int EpollEventDispatcher::waitTimeoutMs(bool canWait) const
{
    if (!canWait)
        return 0;
    if (m_timerQueue.empty())
        return -1;
    const std::int64_t left = m_timerQueue.begin()->first - steadyNs();
    if (left <= 0)
        return 0;
    // Rounded up: waking early would only find the timer not yet due.
    return int(std::min<std::int64_t>((left + kNsPerMs - 1) / kNsPerMs, INT_MAX));
}

void EpollEventDispatcher::wakeUp()
{
    // One write per batch of wake-ups: the flag is cleared when the loop has read the eventfd.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    const std::uint64_t one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {}
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_relaxed);
    wakeUp();
}

// ---- socket notifiers -----------------------------------------------------------------------

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto [it, added] = m_notifiers.try_emplace(fd);
    Notifiers &n = it->second;
    QSocketNotifier **slot = nullptr;
    switch (notifier->type()) {
    case QSocketNotifier::Read: slot = &n.read; break;
    case QSocketNotifier::Write: slot = &n.write; break;
    case QSocketNotifier::Exception: slot = &n.exception; break;
    }
    if (*slot && *slot != notifier)
        qCWarning(lcDispatcher) << "several socket notifiers of one type for descriptor" << fd << "- the last one wins";
    *slot = notifier;
    updateInterest(fd, n, added);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    for (std::vector<QSocketNotifier *> *pending : m_pending)
        std::replace(pending->begin(), pending->end(), notifier, static_cast<QSocketNotifier *>(nullptr));
    auto it = m_notifiers.find(fd);
    if (it == m_notifiers.end())
        return;
    Notifiers &n = it->second;
    if (n.read == notifier)
        n.read = nullptr;
    else if (n.write == notifier)
        n.write = nullptr;
    else if (n.exception == notifier)
        n.exception = nullptr;
    else
        return;
    updateInterest(fd, n, false);
}

void EpollEventDispatcher::updateInterest(int fd, Notifiers &n, bool added)
{
    const bool alwaysReady = std::find(m_alwaysReady.begin(), m_alwaysReady.end(), fd) != m_alwaysReady.end();
    if (n.empty()) {
        // The descriptor may be closed already, which removed it from epoll: errors do not matter.
        if (n.inEpoll)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        if (alwaysReady)
            m_alwaysReady.erase(std::find(m_alwaysReady.begin(), m_alwaysReady.end(), fd));
        m_notifiers.erase(fd);
        return;
    }
    if (alwaysReady)
        return;
    epoll_event ev{};
    ev.events = (n.read ? EPOLLIN : 0u) | (n.write ? EPOLLOUT : 0u) | (n.exception ? EPOLLPRI : 0u);
    ev.data.fd = fd;
    int op = (added || !n.inEpoll) ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    if (epoll_ctl(m_epoll, op, fd, &ev) == 0) {
        n.inEpoll = true;
        return;
    }
    // MOD on a descriptor closed and reopened behind our back (its registration went with the
    // close), or ADD on one epoll still has: try the other operation.
    if ((op == EPOLL_CTL_MOD && errno == ENOENT) || (op == EPOLL_CTL_ADD && errno == EEXIST)) {
        op = op == EPOLL_CTL_MOD ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
        if (epoll_ctl(m_epoll, op, fd, &ev) == 0) {
            n.inEpoll = true;
            return;
        }
    }
    if (errno == EPERM) {
        // A regular file or directory: poll() calls it always ready, and so do we.
        n.inEpoll = false;
        m_alwaysReady.push_back(fd);
        return;
    }
    qCWarning(lcDispatcher) << "cannot watch descriptor" << fd << ":" << std::strerror(errno);
}

int EpollEventDispatcher::activateSocketNotifiers(const epoll_event *events, int count, bool includeNotifiers)
{
    int delivered = 0;
    std::vector<QSocketNotifier *> pending;
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            std::uint64_t value;
            while (::read(m_wakeFd, &value, sizeof value) < 0 && errno == EINTR) {}
            m_wakeUpPending.store(false, std::memory_order_release);
            ++delivered;
            continue;
        }
        if (!includeNotifiers)
            continue;
        const auto it = m_notifiers.find(fd);
        if (it == m_notifiers.end())
            continue;
        const Notifiers &n = it->second;
        const std::uint32_t ev = events[i].events;
        const std::size_t before = pending.size();
        // As Qt's poll() dispatcher: hang-ups and errors wake readers (and writers), who then
        // find the end of the stream or the error.
        if (n.read && (ev & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)))
            pending.push_back(n.read);
        if (n.write && (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
            pending.push_back(n.write);
        if (n.exception && (ev & EPOLLPRI))
            pending.push_back(n.exception);
        if (pending.size() == before) {
            // Something level-triggered that no notifier asked for would wake every wait:
            // hand it to whoever watches the descriptor.
            for (QSocketNotifier *s : {n.read, n.write, n.exception})
                if (s)
                    pending.push_back(s);
        }
    }
    if (includeNotifiers) {
        for (const int fd : m_alwaysReady) {
            const Notifiers &n = m_notifiers[fd];
            for (QSocketNotifier *s : {n.read, n.write})
                if (s)
                    pending.push_back(s);
        }
    }
    if (pending.empty())
        return delivered;

    const PendingScope scope(m_pending, &pending);
    for (QSocketNotifier *&slot : pending) {
        QSocketNotifier *notifier = std::exchange(slot, nullptr);
        if (!notifier) // unregistered by an earlier delivery of this pass
            continue;
        activate(notifier);
        ++delivered;
    }
    return delivered;
}

void EpollEventDispatcher::activate(QSocketNotifier *notifier)
{
    QEvent event(QEvent::SockAct);
    QCoreApplication::sendEvent(notifier, &event);
}

// ---- timers ---------------------------------------------------------------------------------

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerType == Qt::VeryCoarseTimer)
        interval = (interval + 500) / 1000 * 1000; // whole seconds, as in Qt
    const std::int64_t due = steadyNs() + interval * kNsPerMs;
    if (const auto old = m_timers.find(timerId); old != m_timers.end()) {
        m_timerQueue.erase({old->second.due, timerId});
        m_timers.erase(old);
    }
    m_timers.emplace(timerId, Timer{interval, timerType, object, due});
    m_timerQueue.emplace(due, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_timerQueue.erase({it->second.due, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            m_timerQueue.erase({it->second.due, it->first});
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const auto &[id, t] : m_timers)
        if (t.object == object)
            list.append(TimerInfo(id, int(t.interval), t.type));
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const std::int64_t left = it->second.due - steadyNs();
    return left <= 0 ? 0 : int(std::min<std::int64_t>((left + kNsPerMs - 1) / kNsPerMs, INT_MAX));
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timerQueue.empty())
        return 0;
    const std::int64_t now = steadyNs();
    // The timers due now, fixed before any is delivered: one started by a handler waits for the
    // next pass, and a zero-interval timer fires once per pass.
    std::vector<int> due;
    for (const auto &[when, id] : m_timerQueue) {
        if (when > now)
            break;
        due.push_back(id);
    }
    int fired = 0;
    for (const int id : due) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end()) // stopped by an earlier handler of this pass
            continue;
        Timer &t = it->second;
        if (t.due > now) // restarted by an earlier handler of this pass
            continue;
        m_timerQueue.erase({t.due, id});
        const std::int64_t step = t.interval * kNsPerMs;
        if (t.firing) {
            // Due again while its own handler runs a nested loop: this beat is skipped (as in
            // Qt), and moved on, so that the loop does not spin on an overdue timer.
            t.due = now + std::max<std::int64_t>(step, kNsPerMs);
            m_timerQueue.emplace(t.due, id);
            continue;
        }
        t.due += step;
        if (t.due <= now) // late (a long handler, a stopped process): skip the missed beats
            t.due = now + step;
        m_timerQueue.emplace(t.due, id);
        t.firing = true;
        QObject *object = t.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have stopped the timer, or started others (the map may have rehashed).
        if (const auto again = m_timers.find(id); again != m_timers.end())
            again->second.firing = false;
    }
    return fired;
}

} // namespace confab::server
