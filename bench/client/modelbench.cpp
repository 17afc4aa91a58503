// SPDX-License-Identifier: GPL-3.0-or-later
// The MessageModel scenarios: the shipped window, every message of a long history, ten rooms.

#include "harness.h"
#include "scenarios.h"
#include "timelinebench.h"

#include "client/models/messagemodel.h"
#include "client/sync/syncengine.h"

#include <QFileInfo>

#include <memory>

namespace confab::bench {

using namespace confab::client;

namespace {
constexpr int kPageSize = 100; // the API's largest page: fewer round trips for the same history

QString mib(qint64 kib) { return QString::number(double(kib) / 1024.0, 'f', 1) + QStringLiteral(" MiB"); }

void sayReadBack(const QString &what, const ReadBack &r)
{
    say(QStringLiteral("  %1: %2 messages in %3 pages, %4 s; page round trip %5; model's part %6")
            .arg(what)
            .arg(r.messagesRead)
            .arg(r.pages)
            .arg(r.totalMs / 1000.0, 0, 'f', 2)
            .arg(r.roundTrip.summary(), r.modelPart.summary()));
}

void sayMemory(const QString &what, const MemoryMark &a, const MemoryMark &b, qint64 rows)
{
    say(QStringLiteral("  %1: RSS %2 -> %3 (+%4), malloc in use +%5%6")
            .arg(what, mib(a.rssKiB), mib(b.rssKiB), mib(b.rssKiB - a.rssKiB), mib((b.heapBytes - a.heapBytes) / 1024))
            .arg(rows > 0 ? QStringLiteral(" = %1 bytes per message").arg((b.heapBytes - a.heapBytes) / rows)
                          : QString()));
}

std::unique_ptr<ApiClient> senderFor(const BenchContext &ctx, int user)
{
    auto api = std::make_unique<ApiClient>();
    api->setBaseUrl(ctx.server);
    api->setToken(ctx.users.at(std::size_t(user)).token);
    return api;
}
// 30 live messages from another user into the open model, without a view: how long until each
// sits in its row, and from the send until then.
void measureLiveIntoModel(const MessageModel &model, LiveProbe &probe, ApiClient &sender, nlohmann::json &out)
{
    probe.run(sender, 30);
    say(QStringLiteral("  live message into the %1-row model: model slot %2; send to merged %3")
            .arg(model.rowCount())
            .arg(probe.modelSlot.summary(), probe.endToEnd.summary()));
    out["live_model_only"] = {{"rows", model.rowCount()},
                              {"model_slot", probe.modelSlot.toJson()},
                              {"send_to_merged", probe.endToEnd.toJson()}};
    checkpoint(out);
}
} // namespace

nlohmann::json runWindowScenario(const BenchContext &ctx)
{
    ClientHarness client(ctx, QStringLiteral("window"));
    client.start();
    nlohmann::json out;

    // 1. Reading back through the whole history with the shipped window of 500 rows.
    {
        const MemoryMark before = MemoryMark::now();
        std::unique_ptr<MessageModel> model(client.engine().createMessageModel(ctx.historyRoom, nullptr));
        model->setPageSize(kPageSize);
        const ReadBack r = readBack(*model, ctx.historyMessages);
        const MemoryMark after = MemoryMark::now();
        sayReadBack(QStringLiteral("read back, window of %1 rows").arg(model->maxRows()), r);
        sayMemory(QStringLiteral("window after reading everything (%1 rows held)").arg(model->rowCount()), before,
                  after, 0);
        out["read_back"] = r.toJson();
        out["read_back"]["max_rows"] = model->maxRows();
        out["read_back"]["rows_held"] = model->rowCount();
        out["read_back"]["memory"] = memoryDelta(before, after, model->rowCount());
        checkpoint(out);
    }

    // 2. The shipped client reading a room: the latest 500, live messages, the real view.
    const MemoryMark before = MemoryMark::now();
    LiveProbe probe(client.engine().sync(), ctx.historyRoom);
    probe.before();
    std::unique_ptr<MessageModel> model(client.engine().createMessageModel(ctx.historyRoom, nullptr));
    probe.after();
    model->setPageSize(kPageSize);
    readBack(*model, model->maxRows());
    const MemoryMark loaded = MemoryMark::now();
    sayMemory(QStringLiteral("latest %1 rows").arg(model->rowCount()), before, loaded, model->rowCount());
    out["latest_window"] = {{"rows", model->rowCount()}, {"memory", memoryDelta(before, loaded, model->rowCount())}};
    checkpoint(out);

    auto bob = senderFor(ctx, 1);
    measureLiveIntoModel(*model, probe, *bob, out);

    measureTimeline(*model, probe, *bob, TimelineOptions{}, out);
    out["rss_end_kib"] = rssKiB();
    return out;
}

nlohmann::json runHistoryScenario(const BenchContext &ctx)
{
    ClientHarness client(ctx, QStringLiteral("history"));
    client.start();
    nlohmann::json out;
    const MemoryMark before = MemoryMark::now();
    LiveProbe probe(client.engine().sync(), ctx.historyRoom);
    probe.before();
    std::unique_ptr<MessageModel> model(client.engine().createMessageModel(ctx.historyRoom, nullptr));
    probe.after();
    model->setPageSize(kPageSize);
    model->setMaxRows(ctx.historyMessages);
    const ReadBack r = readBack(*model, ctx.historyMessages);
    const MemoryMark after = MemoryMark::now();
    sayReadBack(QStringLiteral("load with setMaxRows(%1)").arg(ctx.historyMessages), r);
    sayMemory(QStringLiteral("%1 rows loaded").arg(model->rowCount()), before, after, model->rowCount());
    out["load"] = r.toJson();
    out["load"]["memory"] = memoryDelta(before, after, model->rowCount());
    out["rss_with_rows_kib"] = after.rssKiB;
    out["rows"] = model->rowCount();
    checkpoint(out);

    auto bob = senderFor(ctx, 1);
    measureLiveIntoModel(*model, probe, *bob, out);

    TimelineOptions options;
    options.jumpFrames = 60;
    options.maxLiveMs = 20000; // each live message relays out every row: seconds apiece at 100k
    measureTimeline(*model, probe, *bob, options, out);
    out["rss_end_kib"] = rssKiB();
    out["peak_rss_kib"] = peakRssKiB();
    return out;
}

nlohmann::json runRoomsScenario(const BenchContext &ctx)
{
    ClientHarness client(ctx, QStringLiteral("rooms"));
    client.start();
    const MemoryMark before = MemoryMark::now();
    std::vector<std::unique_ptr<MessageModel>> models;
    std::vector<int> read(std::size_t(ctx.rooms.size()), 0);
    int busy = 0;
    QString failure;
    QObject guard;
    QElapsedTimer clock;
    clock.start();
    // All rooms at once: each model asks for its next page when the previous one is in.
    for (const QString &roomId : ctx.rooms) {
        const std::size_t k = models.size();
        models.emplace_back(client.engine().createMessageModel(roomId, nullptr));
        MessageModel *m = models.back().get();
        m->setPageSize(kPageSize);
        m->setMaxRows(ctx.roomMessages);
        auto next = [&, m, k](int got) {
            read[k] += got;
            if (read[k] < ctx.roomMessages && m->canFetchMore({}) && got > 0)
                m->fetchMore({});
            else
                --busy;
        };
        QObject::connect(m, &MessageModel::latestLoaded, &guard, [m, next] { next(m->rowCount()); });
        QObject::connect(m, &MessageModel::olderLoaded, &guard, next);
        QObject::connect(m, &MessageModel::loadFailed, &guard, [&](const QString &why) { failure = why; });
        ++busy;
        m->load();
    }
    if (!waitUntil([&] { return busy == 0 || !failure.isEmpty(); }, 120000) || !failure.isEmpty())
        throw std::runtime_error("the rooms did not load: " + str(failure));
    const double ms = msSince(clock);
    const MemoryMark after = MemoryMark::now();
    qint64 rows = 0;
    for (const auto &m : models)
        rows += m->rowCount();
    say(QStringLiteral("  %1 rooms x %2 messages loaded side by side in %3 s")
            .arg(ctx.rooms.size())
            .arg(ctx.roomMessages)
            .arg(ms / 1000.0, 0, 'f', 2));
    sayMemory(QStringLiteral("%1 rows in %2 models").arg(rows).arg(models.size()), before, after, rows);
    const qint64 cacheBytes =
        QFileInfo(client.storePath()).size() + QFileInfo(client.storePath() + QStringLiteral("-wal")).size();
    say(QStringLiteral("  the cache file: %1 (it keeps the latest messages of each room, not the history)")
            .arg(mib(cacheBytes / 1024)));
    return {{"rooms", ctx.rooms.size()},
            {"messages_per_room", ctx.roomMessages},
            {"rows", rows},
            {"load_ms", ms},
            {"memory", memoryDelta(before, after, rows)},
            {"rss_kib", after.rssKiB},
            {"cache_file_bytes", cacheBytes}};
}

} // namespace confab::bench
