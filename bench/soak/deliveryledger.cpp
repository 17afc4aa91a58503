// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveryledger.h"

#include <unordered_set>

namespace bench::soak {

DeliveryLedger::DeliveryLedger(int connections, int rooms)
    : m_connections(connections), m_counts(size_t(connections)),
      m_lastSeq(size_t(connections), std::vector<int64_t>(size_t(rooms), 0))
{
}

void DeliveryLedger::roomEvent(int conn, int room, int64_t seq)
{
    ++m_roomEvents;
    int64_t &last = m_lastSeq[size_t(conn)][size_t(room)];
    if (last != 0 && seq <= last)
        ++m_seqBackwards;
    else if (last != 0 && seq > last + 1)
        m_seqGaps += uint64_t(seq - last - 1);
    if (seq > last)
        last = seq;
}

uint32_t DeliveryLedger::indexOf(const std::string &messageId)
{
    const auto [it, added] = m_index.try_emplace(messageId, uint32_t(m_index.size()));
    if (added) {
        for (auto &counts : m_counts)
            counts.resize(m_index.size(), 0);
    }
    return it->second;
}

void DeliveryLedger::newMessage(int conn, const std::string &messageId)
{
    uint8_t &n = m_counts[size_t(conn)][indexOf(messageId)];
    if (n < 255)
        ++n;
}

DeliveryLedger::Verdict DeliveryLedger::check(const std::vector<AckedMessage> &acked) const
{
    Verdict v;
    v.seqGaps = m_seqGaps;
    v.seqBackwards = m_seqBackwards;
    v.roomEvents = m_roomEvents;
    std::unordered_set<uint32_t> seen;
    for (const AckedMessage &m : acked) {
        ++v.acknowledged;
        v.expected += uint64_t(m_connections);
        const auto it = m_index.find(m.messageId);
        if (it == m_index.end()) {
            v.lost += uint64_t(m_connections);
            continue;
        }
        seen.insert(it->second);
        for (const auto &counts : m_counts) {
            const uint8_t n = counts[it->second];
            if (n == 0)
                ++v.lost;
            else
                v.duplicated += n - 1u;
        }
    }
    v.notPostedBySoak = m_index.size() - seen.size();
    return v;
}

} // namespace bench::soak
