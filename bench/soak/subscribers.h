// SPDX-License-Identifier: GPL-3.0-or-later
// The always-connected members of the soak rooms: one WebSocket each, for the whole run. They
// send the soak's messages at a fixed total rate (timing each send to its ack) and record
// every room event they receive in the DeliveryLedger.
#pragma once

#include "../loadgen/net.h"
#include "deliveryledger.h"
#include "serversampler.h"
#include "soakworld.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace bench::soak {

class Subscribers {
public:
    Subscribers(SoakWorld &world, int port, LatencyWindow &latency);

    void connect(); // all of them, or die
    // Sends `perSecond` messages (round robin over senders and rooms) until `untilNs`.
    void sendUntil(int64_t untilNs, double perSecond);
    // Reads on without sending until every send is answered and every acknowledged message has
    // reached every subscriber, or `maxMs` passed.
    void drain(int maxMs);

    const DeliveryLedger &ledger() const { return m_ledger; }
    size_t unanswered() const { return m_pending.size(); }
    uint64_t sent() const { return m_sent; }
    uint64_t sendErrors() const { return m_sendErrors; }
    int dropped() const { return m_pool.closedByServer(); }
    const std::vector<std::string> &firstErrors() const { return m_firstErrors; }

private:
    struct Pending {
        int64_t sentNs = 0;
        int sender = 0;
    };
    void onFrame(WsConn &c, const char *p, size_t n);
    void sendOne();

    SoakWorld &m_world;
    WsPool m_pool;
    LatencyWindow &m_latency;
    DeliveryLedger m_ledger;
    std::unordered_map<std::string, int> m_roomIndex;
    std::unordered_map<std::string, int> m_userIndex;
    std::unordered_map<std::string, Pending> m_pending; // clientMsgId -> send
    uint64_t m_sent = 0;
    uint64_t m_sendErrors = 0;
    std::vector<std::string> m_firstErrors;
};

} // namespace bench::soak
