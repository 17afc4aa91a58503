// SPDX-License-Identifier: GPL-3.0-or-later
// EpollEventDispatcher against Qt's own expectations of an event dispatcher: timers, sockets over
// 127.0.0.1, posted events from other threads, nested loops, and notifiers or timers removed in
// the middle of a pass. The whole application runs on it (see main() below), so every QTRY and
// QSignalSpy::wait here also exercises it.

#include "server/epolleventdispatcher.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

using confab::server::EpollEventDispatcher;

namespace {

// A pair of connected stream sockets, closed on destruction.
struct SocketPair {
    int fd[2] = {-1, -1};
    SocketPair()
    {
        QVERIFY2(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd) == 0, "socketpair");
    }
    ~SocketPair()
    {
        ::close(fd[0]);
        ::close(fd[1]);
    }
    void send(char c) const { QCOMPARE(::write(fd[1], &c, 1), ssize_t(1)); }
};

class TimerRecorder : public QObject {
public:
    std::vector<int> fired;
    std::function<void(int)> onFire;

protected:
    void timerEvent(QTimerEvent *e) override
    {
        fired.push_back(e->timerId());
        if (onFire)
            onFire(e->timerId());
    }
};

} // namespace

class TestEventDispatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void applicationRunsOnEpoll()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void singleShotTimersFireInOrderOfDueTime()
    {
        std::vector<int> order;
        QTimer::singleShot(60, Qt::PreciseTimer, this, [&] { order.push_back(60); });
        QTimer::singleShot(20, Qt::PreciseTimer, this, [&] { order.push_back(20); });
        QTimer::singleShot(40, Qt::CoarseTimer, this, [&] { order.push_back(40); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), std::size_t(3), 10000);
        QCOMPARE(order, (std::vector<int>{20, 40, 60}));
    }

    void timerNeverFiresEarly()
    {
        QElapsedTimer clock;
        clock.start();
        qint64 firedAfter = -1;
        QTimer::singleShot(50, Qt::PreciseTimer, this, [&] { firedAfter = clock.elapsed(); });
        QTRY_VERIFY_WITH_TIMEOUT(firedAfter >= 0, 10000);
        QVERIFY2(firedAfter >= 50, qPrintable(QString::number(firedAfter)));
    }

    void repeatingTimerKeepsFiringUntilStopped()
    {
        QTimer timer;
        timer.setInterval(5);
        int count = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            if (++count == 5)
                timer.stop();
        });
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(count, 5, 10000);
        QVERIFY(!timer.isActive());
        QTest::qWait(50);
        QCOMPARE(count, 5);
    }

    void zeroIntervalTimerRunsOncePerPass()
    {
        QTimer zero;
        zero.setInterval(0);
        int count = 0;
        connect(&zero, &QTimer::timeout, this, [&] { ++count; });
        zero.start();
        // It must neither starve the loop nor stop: a later timer still fires, and meanwhile
        // the zero timer has run many times.
        bool later = false;
        QTimer::singleShot(30, this, [&] { later = true; });
        QTRY_VERIFY_WITH_TIMEOUT(later, 10000);
        zero.stop();
        QVERIFY(count > 1);
    }

    void remainingTimeAndRegisteredTimers()
    {
        TimerRecorder obj;
        auto *d = QAbstractEventDispatcher::instance();
        const int id = obj.startTimer(10000, Qt::PreciseTimer);
        QVERIFY(id > 0);
        const int left = d->remainingTime(id);
        QVERIFY2(left > 9000 && left <= 10000, qPrintable(QString::number(left)));
        const auto timers = d->registeredTimers(&obj);
        QCOMPARE(timers.size(), 1);
        QCOMPARE(timers.first().timerId, id);
        QCOMPARE(timers.first().interval, 10000);
        QCOMPARE(timers.first().timerType, Qt::PreciseTimer);
        obj.killTimer(id);
        QCOMPARE(d->remainingTime(id), -1);
        QVERIFY(d->registeredTimers(&obj).isEmpty());
    }

    void veryCoarseTimerIsRoundedToSeconds()
    {
        TimerRecorder obj;
        const int id = obj.startTimer(1400, Qt::VeryCoarseTimer);
        QCOMPARE(QAbstractEventDispatcher::instance()->registeredTimers(&obj).first().interval, 1000);
        obj.killTimer(id);
    }

    void timerStoppedByAnotherOfTheSamePassDoesNotFire()
    {
        TimerRecorder obj;
        const int a = obj.startTimer(10, Qt::PreciseTimer);
        const int b = obj.startTimer(10, Qt::PreciseTimer);
        obj.onFire = [&](int id) {
            obj.killTimer(a);
            obj.killTimer(b);
            Q_UNUSED(id);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!obj.fired.empty(), 10000);
        QTest::qWait(50);
        QCOMPARE(obj.fired.size(), std::size_t(1));
    }

    void timerWhoseHandlerRunsANestedLoopDoesNotSpinIt()
    {
        // A 5 ms timer whose handler waits 100 ms in a nested loop: the timer is due again many
        // times meanwhile and must neither fire again inside its own handler nor keep the
        // dispatcher from sleeping (a spinning loop wakes hundreds of thousands of times).
        QTimer timer;
        timer.setInterval(5);
        int entered = 0, nestedWakeUps = 0;
        bool inside = false, reentered = false;
        QMetaObject::Connection counter;
        connect(&timer, &QTimer::timeout, this, [&] {
            reentered = reentered || inside;
            if (++entered > 1)
                return;
            inside = true;
            counter = connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, this,
                              [&] { ++nestedWakeUps; });
            QEventLoop nested;
            QTimer::singleShot(100, &nested, &QEventLoop::quit);
            nested.exec();
            disconnect(counter);
            inside = false;
        });
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(entered >= 2, 10000);
        timer.stop();
        QVERIFY(!reentered);
        QVERIFY2(nestedWakeUps < 1000, qPrintable(QString::number(nestedWakeUps)));
    }

    void objectDeletedWithTimersRunning()
    {
        auto *obj = new TimerRecorder;
        obj->startTimer(5);
        obj->startTimer(7);
        auto *d = QAbstractEventDispatcher::instance();
        QCOMPARE(d->registeredTimers(obj).size(), 2);
        QTest::qWait(20);
        delete obj; // unregisters its timers; a later pass must not deliver to it (ASan would see)
        QTest::qWait(30);
    }

    void socketNotifierReadsWhatArrives()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
        QSignalSpy spy(&notifier, &QSocketNotifier::activated);
        QTest::qWait(20);
        QCOMPARE(spy.count(), 0); // nothing to read yet
        pair.send('x');
        QVERIFY(spy.wait(10000));
        char c = 0;
        QCOMPARE(::read(pair.fd[0], &c, 1), ssize_t(1));
        QCOMPARE(c, 'x');
        // Level-triggered: it fires again only when there is something to read again.
        const int after = spy.count();
        QTest::qWait(30);
        QCOMPARE(spy.count(), after);
        notifier.setEnabled(false);
        pair.send('y');
        QTest::qWait(30);
        QCOMPARE(spy.count(), after);
        notifier.setEnabled(true);
        QVERIFY(spy.wait(10000));
    }

    void readAndWriteNotifiersOnOneDescriptor()
    {
        SocketPair pair;
        QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
        QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
        QSignalSpy readSpy(&reader, &QSocketNotifier::activated);
        QSignalSpy writeSpy(&writer, &QSocketNotifier::activated);
        QVERIFY(writeSpy.wait(10000)); // an empty socket is writable
        writer.setEnabled(false);
        QCOMPARE(readSpy.count(), 0);
        pair.send('z');
        QVERIFY(readSpy.wait(10000));
        const int writes = writeSpy.count();
        QTest::qWait(30);
        QCOMPARE(writeSpy.count(), writes); // disabled: no more write activations
    }

    void notifierRemovedByAnotherOfTheSamePassIsNotDelivered()
    {
        SocketPair p1, p2;
        auto n1 = std::make_unique<QSocketNotifier>(p1.fd[0], QSocketNotifier::Read);
        auto n2 = std::make_unique<QSocketNotifier>(p2.fd[0], QSocketNotifier::Read);
        int delivered = 0;
        // Whichever is delivered first deletes the other one, which is ready in the same pass.
        char c;
        connect(n1.get(), &QSocketNotifier::activated, this, [&] {
            ++delivered;
            QCOMPARE(::read(p1.fd[0], &c, 1), ssize_t(1));
            n2.reset();
        });
        connect(n2.get(), &QSocketNotifier::activated, this, [&] {
            ++delivered;
            QCOMPARE(::read(p2.fd[0], &c, 1), ssize_t(1));
            n1.reset();
        });
        p1.send('a');
        p2.send('b');
        QTRY_COMPARE_WITH_TIMEOUT(delivered, 1, 10000);
        QTest::qWait(30);
        QCOMPARE(delivered, 1);
        QVERIFY(!n1 || !n2);
    }

    void hangUpWakesTheReader()
    {
        SocketPair pair;
        QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
        QSignalSpy spy(&reader, &QSocketNotifier::activated);
        ::shutdown(pair.fd[1], SHUT_RDWR);
        QVERIFY(spy.wait(10000));
        char c;
        QCOMPARE(::read(pair.fd[0], &c, 1), ssize_t(0)); // end of stream
    }

    void regularFileIsAlwaysReady()
    {
        // epoll refuses regular files; poll() calls them always readable, and so must we.
        QTemporaryFile file;
        QVERIFY(file.open());
        QSocketNotifier reader(file.handle(), QSocketNotifier::Read);
        QSignalSpy spy(&reader, &QSocketNotifier::activated);
        QVERIFY(spy.wait(10000));
        reader.setEnabled(false);
    }

    void tcpEchoOfAMegabyteOver127001()
    {
        // Real Qt sockets: connect, write more than the kernel buffers take at once (write
        // notifiers on and off), read it all back through an echo server.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *peer = server.nextPendingConnection();
            peer->setParent(&server);
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
        });
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(10000) || client.state() == QAbstractSocket::ConnectedState);
        QByteArray payload(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < payload.size(); ++i)
            payload[i] = char(i * 7 + 3);
        client.write(payload);
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 30000);
        QCOMPARE(received, payload);
        QSignalSpy gone(&client, &QTcpSocket::disconnected);
        qDeleteAll(server.findChildren<QTcpSocket *>());
        QVERIFY(gone.wait(10000));
    }

    void manyConnectionsAllServed()
    {
        // 300 connections, each sends one line and gets it back: every notifier is watched.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *peer = server.nextPendingConnection()) {
                peer->setParent(&server);
                connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
            }
        });
        constexpr int kClients = 300;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        int echoed = 0;
        for (int i = 0; i < kClients; ++i) {
            auto c = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = c.get();
            const QByteArray line = "client " + QByteArray::number(i) + '\n';
            connect(raw, &QTcpSocket::connected, raw, [raw, line] { raw->write(line); });
            connect(raw, &QTcpSocket::readyRead, this, [raw, line, &echoed] {
                if (raw->bytesAvailable() >= line.size() && raw->readAll() == line)
                    ++echoed;
            });
            c->connectToHost(QHostAddress::LocalHost, server.serverPort());
            clients.push_back(std::move(c));
        }
        QTRY_COMPARE_WITH_TIMEOUT(echoed, kClients, 30000);
    }

    void postedEventsFromOtherThreadsWakeTheLoop()
    {
        int calls = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([this, &calls] {
                for (int i = 0; i < 250; ++i)
                    QMetaObject::invokeMethod(
                        this, [&calls] { ++calls; }, Qt::QueuedConnection);
            });
        for (auto &t : threads)
            t.join();
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1000, 10000);
    }

    void workerThreadOnEpollDispatcher()
    {
        QThread worker;
        worker.setEventDispatcher(new EpollEventDispatcher);
        worker.start();
        auto *target = new QObject;
        target->moveToThread(&worker);
        QThread *ranOn = nullptr;
        QMetaObject::invokeMethod(
            target, [&] { ranOn = QThread::currentThread(); }, Qt::BlockingQueuedConnection);
        QCOMPARE(ranOn, &worker);
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance(&worker)));
        // A timer in the worker thread, stopped there.
        std::atomic<int> ticks{0};
        QMetaObject::invokeMethod(target, [target, &ticks] {
            auto *t = new QTimer(target);
            QObject::connect(t, &QTimer::timeout, target, [&ticks, t] {
                if (++ticks == 3)
                    t->stop();
            });
            t->start(5);
        });
        QTRY_COMPARE_WITH_TIMEOUT(ticks.load(), 3, 10000);
        target->deleteLater();
        worker.quit(); // interrupt() from this thread
        QVERIFY(worker.wait(10000));
    }

    void nestedLoopInsideANotifier()
    {
        SocketPair pair;
        QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
        bool nestedTimerFired = false;
        bool done = false;
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            char c;
            QCOMPARE(::read(pair.fd[0], &c, 1), ssize_t(1));
            reader.setEnabled(false);
            QEventLoop nested;
            QTimer::singleShot(20, &nested, [&] {
                nestedTimerFired = true;
                nested.quit();
            });
            nested.exec();
            done = true;
        });
        pair.send('n');
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(nestedTimerFired);
    }

    void eventLoopExitInterruptsAWait()
    {
        QEventLoop loop;
        QTimer::singleShot(10, &loop, [&] { loop.exit(7); });
        // Without interrupt() the loop would sleep in epoll_wait with nothing else to wake it.
        QCOMPARE(loop.exec(), 7);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_eventdispatcher.moc"
