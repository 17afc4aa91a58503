// SPDX-License-Identifier: GPL-3.0-or-later
// The soak's verdict on delivery: what each always-connected subscriber received, checked
// against every message the server acknowledged. Used from one thread only.
#pragma once

#include "soakworld.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace bench::soak {

class DeliveryLedger {
public:
    DeliveryLedger(int connections, int rooms);

    // A room event (a frame with a seq) of `room` reached connection `conn`. Seqs are gap-free
    // per room and every member gets every room event, so a connection that never left sees
    // them one by one: anything else is a gap (lost) or a step back (repeat or reorder).
    void roomEvent(int conn, int room, int64_t seq);
    // A new_message frame reached `conn`.
    void newMessage(int conn, const std::string &messageId);

    struct Verdict {
        uint64_t acknowledged = 0; // messages the server acknowledged
        uint64_t expected = 0;     // acknowledged x subscribers
        uint64_t lost = 0;         // (message, subscriber) pairs never delivered
        uint64_t duplicated = 0;   // deliveries beyond the first
        uint64_t seqGaps = 0;      // room events skipped
        uint64_t seqBackwards = 0; // room events at or below one already seen
        uint64_t roomEvents = 0;
        uint64_t notPostedBySoak = 0; // delivered messages nobody in the soak posted (join/leave notices)
        bool ok() const { return lost == 0 && duplicated == 0 && seqGaps == 0 && seqBackwards == 0; }
    };
    Verdict check(const std::vector<AckedMessage> &acked) const;

private:
    uint32_t indexOf(const std::string &messageId);

    int m_connections;
    std::unordered_map<std::string, uint32_t> m_index;
    std::vector<std::vector<uint8_t>> m_counts;  // [conn][message index], saturating at 255
    std::vector<std::vector<int64_t>> m_lastSeq; // [conn][room], 0 before the first event
    uint64_t m_seqGaps = 0;
    uint64_t m_seqBackwards = 0;
    uint64_t m_roomEvents = 0;
};

} // namespace bench::soak
