// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

struct epoll_event;

namespace confab::server {

// A Qt event dispatcher on Linux epoll, for the server's threads.
//
// Why: Qt's own Unix dispatcher hands the kernel every registered descriptor on every wait
// (ppoll), and so does GLib's. With a thousand WebSocket connections that is a thousand
// descriptors polled, and a wait queue entry added and removed on each of them, every time the
// event loop wakes: 13 % of the server's CPU at 1000 subscribers (docs/performance.md). epoll
// keeps the interest list in the kernel, so a wake-up costs what is ready, not what is open.
//
// It keeps Qt's semantics: level-triggered socket notifiers (read, write, exception), timers of
// every type (all kept to the millisecond; very coarse ones rounded to the second, as in Qt),
// posted events, wakeUp() from any thread, interrupt(), nested event loops, and notifiers or
// timers removed while others of the same pass are being delivered.
class EpollEventDispatcher : public QAbstractEventDispatcher {
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // The server's choice of dispatcher: this one unless CONFAB_EVENT_DISPATCHER=qt asks for
    // Qt's own (kept for A/B measurements). Call before the QCoreApplication is constructed.
    static void installForApplication();

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Notifiers {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        bool inEpoll = false; // false: epoll refuses the descriptor (a regular file): always ready
        bool empty() const { return !read && !write && !exception; }
    };
    struct Timer {
        qint64 interval; // ms
        Qt::TimerType type;
        QObject *object;
        std::int64_t due; // steady clock, ns
        bool firing = false;
    };

    void updateInterest(int fd, Notifiers &n, bool added);
    int waitTimeoutMs(bool canWait) const;
    int activateSocketNotifiers(const ::epoll_event *events, int count, bool includeNotifiers);
    int activateTimers();
    void activate(QSocketNotifier *notifier);

    int m_epoll = -1;
    int m_wakeFd = -1; // eventfd
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupt{false};

    std::unordered_map<int, Notifiers> m_notifiers;
    std::vector<int> m_alwaysReady; // descriptors epoll refused
    // Notifiers found ready and not yet delivered, one list per processEvents() on the stack
    // (nested loops); unregistering a notifier clears it from all of them.
    std::vector<std::vector<QSocketNotifier *> *> m_pending;

    std::unordered_map<int, Timer> m_timers;
    std::set<std::pair<std::int64_t, int>> m_timerQueue; // (due, id), soonest first
};

} // namespace confab::server
