// SPDX-License-Identifier: GPL-3.0-or-later
#include "coldstart.h"

#include "probes.h"

#include "client/account/session.h"
#include "client/account/tokenstore.h"
#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/sync/chatengine.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <memory>

namespace confab::bench {

using namespace confab::client;

namespace {

struct Folders {
    QString data, config, cache;
    // Where QStandardPaths::AppDataLocation points for organisation "confab", application "confab".
    QString appData() const { return data + QStringLiteral("/confab/confab"); }
};

// Signs in as users[0] and lets the engine fill the cache: the room list and each room's latest page.
// Returns an error, or empty.
QString prepareAccount(const BenchContext &ctx, const Folders &dirs)
{
    Session::Config config;
    config.dataDir = dirs.appData();
    Session session(config);
    std::optional<TokenStore::Backend> backend;
    QObject::connect(&session.tokens(), &TokenStore::saved, &session,
                     [&](const QString &, TokenStore::Backend where) { backend = where; });
    QString failure;
    QObject::connect(&session, &Session::failed, &session, [&](const QString &why) { failure = why; });
    session.signIn(ctx.server, ctx.users.at(0).user.username, ctx.users.at(0).password);
    if (!waitUntil(
            [&] { return (session.engine() && session.engine()->rooms().isLoaded() && backend) || !failure.isEmpty(); },
            60000))
        return QStringLiteral("signing in did not finish within 60 s");
    if (!failure.isEmpty())
        return QStringLiteral("signing in failed: %1").arg(failure);
    if (*backend != TokenStore::Backend::Keychain)
        return QStringLiteral("no keychain answered (%1), so the client cannot restore the session")
            .arg(session.secretStorageWarning());
    ChatEngine &engine = *session.engine();
    std::vector<std::unique_ptr<MessageModel>> models;
    int waiting = 0;
    for (int r = 0; r < engine.rooms().rowCount(); ++r) {
        const QString roomId = engine.rooms().index(r).data(RoomListModel::RoomIdRole).toString();
        models.emplace_back(engine.createMessageModel(roomId, nullptr));
        ++waiting;
        QObject::connect(models.back().get(), &MessageModel::latestLoaded, &session, [&] { --waiting; });
        models.back()->load();
    }
    if (!waitUntil([&] { return waiting <= 0; }, 60000))
        return QStringLiteral("the rooms' latest pages did not load within 60 s");
    models.clear();
    return {}; // the Session goes without signing out: the token stays in the keychain
}

} // namespace

nlohmann::json runColdStart(const BenchContext &ctx, const QString &clientBinary, int runs)
{
    const QString root = ctx.workDir + QStringLiteral("/cold-start");
    const Folders dirs{root + QStringLiteral("/data"), root + QStringLiteral("/config"),
                       root + QStringLiteral("/cache")};
    for (const QString &d : {dirs.data, dirs.config, dirs.cache})
        QDir().mkpath(d);
    if (const QString error = prepareAccount(ctx, dirs); !error.isEmpty()) {
        say(QStringLiteral("  cold start skipped: %1").arg(error));
        return {{"skipped", str(error)}};
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dirs.data);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dirs.config);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dirs.cache);
    env.insert(QStringLiteral("CONFAB_TRACE_STARTUP"), QStringLiteral("1"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    static const QRegularExpression trace(QStringLiteral("room list painted with (\\d+) rows at (\\d+) ms"));
    Samples startup;
    nlohmann::json each = nlohmann::json::array();
    qint64 rssAtPaint = 0, rssSettled = 0;
    int rooms = 0;
    // Run 0 warms the page cache and is reported apart.
    for (int run = 0; run <= runs; ++run) {
        QProcess client;
        client.setProcessEnvironment(env);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        client.start(clientBinary, {});
        QByteArray err;
        QRegularExpressionMatch match;
        const bool painted = waitUntil(
            [&] {
                err += client.readAllStandardError();
                match = trace.match(QString::fromUtf8(err));
                return match.hasMatch() || client.state() == QProcess::NotRunning;
            },
            30000);
        if (!painted || !match.hasMatch()) {
            client.kill();
            client.waitForFinished(5000);
            const QString why =
                QStringLiteral("the client did not paint its room list: %1").arg(QString::fromUtf8(err.right(2000)));
            say(QStringLiteral("  cold start failed: %1").arg(why));
            return {{"failed", str(why)}};
        }
        const double ms = double(match.captured(2).toLongLong() - t0);
        rooms = match.captured(1).toInt();
        const QString status = QStringLiteral("/proc/%1/status").arg(client.processId());
        auto vmRss = [&] {
            QFile f(status);
            f.open(QIODevice::ReadOnly);
            static const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+)"));
            return rss.match(QString::fromLatin1(f.readAll())).captured(1).toLongLong();
        };
        rssAtPaint = vmRss();
        if (run == runs) {
            // The last run stays up a little: connected, synced and idle.
            waitUntil([] { return false; }, 3000);
            rssSettled = vmRss();
        }
        client.terminate();
        if (!client.waitForFinished(5000)) {
            client.kill();
            client.waitForFinished(5000);
        }
        each.push_back(ms);
        if (run > 0)
            startup.add(ms);
        say(QStringLiteral("  run %1%2: process start to room list painted (%3 rooms): %4 ms, RSS then %5 MiB")
                .arg(run)
                .arg(run == 0 ? QStringLiteral(" (warm-up)") : QString())
                .arg(rooms)
                .arg(ms, 0, 'f', 0)
                .arg(double(rssAtPaint) / 1024.0, 0, 'f', 1));
    }
    say(QStringLiteral("  cold start: %1; RSS at first paint %2 MiB, after 3 s online %3 MiB")
            .arg(startup.summary())
            .arg(double(rssAtPaint) / 1024.0, 0, 'f', 1)
            .arg(double(rssSettled) / 1024.0, 0, 'f', 1));

    // Leave no token behind in whatever keychain this was.
    TokenStore tokens(QStringLiteral("org.confab.Confab"));
    bool removed = false;
    QObject::connect(&tokens, &TokenStore::removed, &tokens, [&] { removed = true; });
    tokens.remove(ctx.server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash) + QLatin1Char('#') +
                  ctx.users.at(0).user.userId);
    waitUntil([&] { return removed; }, 10000);

    return {{"runs", each},
            {"startup", startup.toJson()},
            {"rooms_painted", rooms},
            {"rss_at_first_paint_kib", rssAtPaint},
            {"rss_after_3s_kib", rssSettled}};
}

} // namespace confab::bench
