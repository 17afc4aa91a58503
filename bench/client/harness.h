// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchdata.h"
#include "probes.h"

#include "client/net/apiclient.h"
#include "client/sync/chatengine.h"

#include <QElapsedTimer>

#include <memory>
#include <vector>

namespace confab::client {
class MessageModel;
}

namespace confab::bench {

// The client under test inside a measuring process: users[0]'s ChatEngine on a fresh cache
// file, connected to the benchmark's server.
class ClientHarness {
public:
    ClientHarness(const BenchContext &ctx, const QString &name);
    ~ClientHarness();
    // Starts the engine and waits until it is online, has the room list and finished its first
    // sync. Throws std::runtime_error after 60 s.
    void start();
    client::ChatEngine &engine() { return *m_engine; }
    client::ApiClient &api() { return m_api; }
    QString storePath() const { return m_storePath; }

private:
    const BenchContext &m_ctx;
    QString m_storePath;
    client::ApiClient m_api;
    std::unique_ptr<client::ChatEngine> m_engine;
};

// Reading history back page by page with fetchMore(), as a reader scrolling up does.
struct ReadBack {
    double totalMs = 0; // load() to the last page merged
    Samples roundTrip;  // fetchMore() to olderLoaded: request, server, decode, model
    Samples modelPart;  // the model's own share: first row inserted to olderLoaded
    std::vector<double> modelPartByPage;
    int pages = 0;
    int messagesRead = 0;
    nlohmann::json toJson() const;
};
// load()s the model (latest page) and fetches older pages until `messages` were read or the
// room has no more. Throws std::runtime_error if a page does not come within 30 s.
ReadBack readBack(client::MessageModel &model, int messages);

// Times live messages through a model: another user sends over REST, the client receives the
// new_message over its WebSocket, and the model merges it. Connect before() ahead of the model
// (the signal's earlier slots run first), after() once the model exists.
class LiveProbe {
public:
    LiveProbe(client::SyncEngine &sync, QString roomId);
    void before();
    void after();
    // Sends `count` messages as `sender` one at a time, each after the previous one arrived.
    // With `frame`, also runs the event loop and grabs it after each arrival (arrival to frame).
    // Stops early after maxMs.
    void run(client::ApiClient &sender, int count, QWidget *frame = nullptr, int maxMs = 30000);

    Samples modelSlot; // messageArrived: the model's slot alone
    Samples endToEnd;  // REST send to the model's slot done
    Samples toFrame;   // messageArrived to a repainted frame (with `frame`)

private:
    client::SyncEngine &m_sync;
    QString m_roomId;
    QElapsedTimer m_arrival;
    QElapsedTimer m_sent;
    bool m_arrived = false;
};

} // namespace confab::bench
