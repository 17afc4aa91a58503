// SPDX-License-Identifier: GPL-3.0-or-later
#include "harness.h"

#include "client/models/messagemodel.h"
#include "client/models/roomlistmodel.h"
#include "client/net/realtimeconnection.h"
#include "client/sync/syncengine.h"

#include <QCoreApplication>
#include <QFile>
#include <QUuid>
#include <QWidget>

#include <stdexcept>

namespace confab::bench {

using namespace confab::client;

ClientHarness::ClientHarness(const BenchContext &ctx, const QString &name)
    : m_ctx(ctx), m_storePath(ctx.workDir + QStringLiteral("/") + name + QStringLiteral("-cache.sqlite"))
{
    QFile::remove(m_storePath);
    m_api.setBaseUrl(ctx.server);
    m_api.setToken(ctx.users.at(0).token);
}

ClientHarness::~ClientHarness()
{
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
}

void ClientHarness::start()
{
    const BenchUser &me = m_ctx.users.at(0);
    m_engine = std::make_unique<ChatEngine>(m_api, ChatEngine::Config{m_ctx.server, me.token, me.user, m_storePath});
    if (!m_engine->start())
        throw std::runtime_error("the engine did not start: " + str(m_engine->errorString()));
    bool synced = false;
    QObject::connect(&m_engine->sync(), &SyncEngine::synced, &m_engine->sync(), [&synced] { synced = true; });
    const bool ready = waitUntil(
        [&] {
            return synced && m_engine->rooms().isLoaded() &&
                   m_engine->connection().state() == RealtimeConnection::State::Online;
        },
        60000);
    QObject::disconnect(&m_engine->sync(), &SyncEngine::synced, &m_engine->sync(), nullptr);
    if (!ready)
        throw std::runtime_error("the client did not get online, its rooms and its first sync within 60 s");
}

nlohmann::json ReadBack::toJson() const
{
    nlohmann::json j{{"total_ms", totalMs},
                     {"pages", pages},
                     {"messages_read", messagesRead},
                     {"page_round_trip", roundTrip.toJson()},
                     {"page_model_part", modelPart.toJson()}};
    // The model's share early and late in the read: does it grow with the rows held?
    const std::size_t n = modelPartByPage.size();
    if (n >= 20) {
        Samples first, last;
        for (std::size_t i = 0; i < n / 10; ++i) {
            first.add(modelPartByPage[i]);
            last.add(modelPartByPage[n - 1 - i]);
        }
        j["page_model_part_first_tenth"] = first.toJson();
        j["page_model_part_last_tenth"] = last.toJson();
    }
    return j;
}

ReadBack readBack(MessageModel &model, int messages)
{
    ReadBack out;
    QElapsedTimer clock;
    clock.start();
    bool latest = false;
    int lastCount = -1;
    qint64 insertStartNs = -1;
    QString failure;
    QObject guard;
    QObject::connect(&model, &MessageModel::latestLoaded, &guard, [&] { latest = true; });
    QObject::connect(&model, &MessageModel::loadFailed, &guard, [&](const QString &why) { failure = why; });
    QObject::connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, &guard,
                     [&](const QModelIndex &, int first, int) {
                         if (first == 0 && insertStartNs < 0)
                             insertStartNs = clock.nsecsElapsed();
                     });
    QObject::connect(&model, &MessageModel::olderLoaded, &guard, [&](int count) {
        lastCount = count;
        if (insertStartNs >= 0) {
            const double ms = double(clock.nsecsElapsed() - insertStartNs) / 1e6;
            out.modelPart.add(ms);
            out.modelPartByPage.push_back(ms);
        }
    });

    const qint64 start = clock.nsecsElapsed();
    model.load();
    if (!waitUntil([&] { return latest || !failure.isEmpty(); }, 30000) || !failure.isEmpty())
        throw std::runtime_error("the latest page did not load: " + str(failure));
    out.messagesRead = model.rowCount();
    while (out.messagesRead < messages && model.canFetchMore({})) {
        lastCount = -1;
        insertStartNs = -1;
        const qint64 t0 = clock.nsecsElapsed();
        model.fetchMore({});
        if (!waitUntil([&] { return lastCount >= 0; }, 30000))
            throw std::runtime_error("an older page did not come within 30 s");
        out.roundTrip.add(double(clock.nsecsElapsed() - t0) / 1e6);
        ++out.pages;
        out.messagesRead += lastCount;
        if (lastCount == 0)
            break;
    }
    out.totalMs = double(clock.nsecsElapsed() - start) / 1e6;
    return out;
}

LiveProbe::LiveProbe(SyncEngine &sync, QString roomId) : m_sync(sync), m_roomId(std::move(roomId)) {}

void LiveProbe::before()
{
    QObject::connect(&m_sync, &SyncEngine::messageArrived, &m_sync, [this](const Message &m) {
        if (m.roomId == m_roomId)
            m_arrival.start();
    });
}

void LiveProbe::after()
{
    QObject::connect(&m_sync, &SyncEngine::messageArrived, &m_sync, [this](const Message &m) {
        if (m.roomId != m_roomId || !m_arrival.isValid())
            return;
        modelSlot.add(msSince(m_arrival));
        if (m_sent.isValid())
            endToEnd.add(msSince(m_sent));
        m_arrived = true;
    });
}

void LiveProbe::run(ApiClient &sender, int count, QWidget *frame, int maxMs)
{
    QElapsedTimer budget;
    budget.start();
    QObject context;
    for (int i = 0; i < count && budget.elapsed() < maxMs; ++i) {
        m_arrived = false;
        OutgoingMessage msg;
        msg.content = QStringLiteral("live message %1 while the reader watches").arg(i);
        msg.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_sent.start();
        sender.sendMessage(m_roomId, msg, &context, [](const ApiResult<Message> &r) {
            if (!r.ok())
                say(QStringLiteral("  live send failed: %1").arg(r.error->message));
        });
        if (!waitUntil([&] { return m_arrived; }, 30000))
            throw std::runtime_error("a live message did not arrive within 30 s");
        if (frame) {
            // What the view does with the new row: delayed layout, scroll to the bottom, paint.
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            frame->grab();
            toFrame.add(msSince(m_arrival));
        }
        m_sent.invalidate();
    }
}

} // namespace confab::bench
