// SPDX-License-Identifier: GPL-3.0-or-later
#include "demothread.h"

#include "democast.h"
#include "demoseeder.h"

#include "server/server.h"

#include <QDir>
#include <QLoggingCategory>
#include <QProcessEnvironment>

Q_LOGGING_CATEGORY(lcDemoThread, "confab.demo.thread")

namespace confab::demo {

DemoThread::DemoThread(QString dataDir, double timeFactor, QObject *parent)
    : QThread(parent), m_dataDir(std::move(dataDir)), m_timeFactor(timeFactor)
{
    setObjectName(QStringLiteral("confab-demo-server"));
}

void DemoThread::run()
{
    if (!QDir().mkpath(m_dataDir)) {
        Q_EMIT serverFailed(QStringLiteral("cannot create the demo data directory %1").arg(m_dataDir));
        return;
    }
    server::ServerConfig config;
    config.bind = QHostAddress::LocalHost;
    config.port = 0;
    config.dataDir = m_dataDir;
    config.insecureFastPasswordHashing = true; // demo accounts sign in with tokens only
    // The offline demo assistant, unless a real model is named (confab --demo --assistant-url).
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    config.assistant.offlineDemo = true;
    config.assistant.url = env.value(QStringLiteral("CONFAB_ASSISTANT_URL"));
    if (env.contains(QStringLiteral("CONFAB_ASSISTANT_MODEL")))
        config.assistant.model = env.value(QStringLiteral("CONFAB_ASSISTANT_MODEL"));
    QString keyError;
    if (!config.assistant.loadKey(env, &keyError))
        qCWarning(lcDemoThread) << keyError;

    auto srv = std::make_unique<server::Server>(config);
    QString error;
    if (!srv->start(&error)) {
        Q_EMIT serverFailed(error);
        return;
    }
    const std::optional<DemoWorld> world = DemoSeeder(*srv).prepare(&error);
    if (!world) {
        srv->stop();
        Q_EMIT serverFailed(error);
        return;
    }
    if (isInterruptionRequested()) { // stopped while seeding
        srv->stop();
        return;
    }
    QUrl http;
    http.setScheme(QStringLiteral("http"));
    http.setHost(QStringLiteral("127.0.0.1"));
    http.setPort(srv->port());
    QUrl ws = http;
    ws.setScheme(QStringLiteral("ws"));
    ws.setPath(QStringLiteral("/chat"));

    DemoCast::Options options;
    options.timeFactor = m_timeFactor;
    auto cast = std::make_unique<DemoCast>(*world, ws, options);
    cast->start();
    qCInfo(lcDemoThread) << "demo server ready on" << http.toString() << (world->seededNow ? "(seeded now)" : "");
    Q_EMIT serverReady(http, world->you.token, world->you.userId);

    exec();

    // The cast first (its sockets are clients of this server), then the server, on this thread.
    cast->stop();
    cast.reset();
    srv->stop();
    srv.reset();
}

} // namespace confab::demo
