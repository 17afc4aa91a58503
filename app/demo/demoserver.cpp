// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoserver.h"

#include "demothread.h"

#include <QStandardPaths>

namespace confab::demo {

DemoServer::DemoServer(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
}

DemoServer::~DemoServer() { stop(); }

QString DemoServer::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
}

void DemoServer::start()
{
    if (m_thread)
        return;
    m_thread = std::make_unique<DemoThread>(m_options.dataDir, m_options.timeFactor);
    DemoThread *thread = m_thread.get();
    // Queued from the demo thread; a signal of a thread already stopped (or replaced) is dropped.
    connect(thread, &DemoThread::serverReady, this,
            [this, thread](const QUrl &url, const QString &token, const QString &userId) {
                if (m_thread.get() == thread)
                    Q_EMIT ready(url, token, userId);
            });
    connect(thread, &DemoThread::serverFailed, this, [this, thread](const QString &reason) {
        if (m_thread.get() != thread)
            return;
        m_thread->wait();                  // run() returned right after failing
        m_thread.release()->deleteLater(); // not inside its own signal's delivery
        Q_EMIT failed(reason);
    });
    thread->start();
}

void DemoServer::stop()
{
    if (!m_thread)
        return;
    m_thread->requestInterruption();
    m_thread->quit(); // also when exec() has not begun yet: it then returns at once
    m_thread->wait();
    m_thread.reset();
}

bool DemoServer::isRunning() const { return m_thread != nullptr; }

} // namespace confab::demo
