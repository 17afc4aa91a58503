// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace confab::demo {

class DemoThread;

// The all-in-one demo for the desktop client: the whole server, seeded, with its lively cast,
// on its own thread inside this process, on 127.0.0.1 and a free port. Nothing here blocks the
// caller's event loop except stop(), which joins the thread (promptly).
class DemoServer : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString dataDir;         // empty: defaultDataDir()
        double timeFactor = 1.0; // scales the cast's delays; below 1 for tests
    };

    explicit DemoServer(QObject *parent = nullptr) : DemoServer(Options{}, parent) {}
    explicit DemoServer(Options options, QObject *parent = nullptr);
    ~DemoServer() override; // stop()

    // Starts the thread; ready() or failed() follows on this object's thread. No-op if running.
    void start();
    // Stops the cast and the server on their thread, then quits and joins the thread. Safe to
    // call twice, before ready(), and from the destructor. No signal follows it.
    void stop();
    bool isRunning() const;

    // QStandardPaths::AppDataLocation + "/demo".
    static QString defaultDataDir();

Q_SIGNALS:
    // serverUrl: http://127.0.0.1:PORT (REST under /v1, WebSocket at ws://127.0.0.1:PORT/chat).
    // token: a fresh bearer token of the demo user (a server admin).
    void ready(const QUrl &serverUrl, const QString &token, const QString &userId);
    void failed(const QString &reason);

private:
    Options m_options;
    std::unique_ptr<DemoThread> m_thread;
};

} // namespace confab::demo
