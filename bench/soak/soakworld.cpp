// SPDX-License-Identifier: GPL-3.0-or-later
#include "soakworld.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace bench::soak {

std::string eventRoomId(const nlohmann::json &f)
{
    std::string roomId = f.value("roomId", "");
    if (roomId.empty() && f.contains("message"))
        roomId = f["message"].value("roomId", "");
    if (roomId.empty() && f.contains("room"))
        roomId = f["room"].value("roomId", "");
    return roomId;
}

void SoakWorld::addAcked(AckedMessage m)
{
    std::lock_guard lock(m_mutex);
    if (m.poll)
        m_polls.push_back(m_acked.size());
    m_acked.push_back(std::move(m));
}

std::vector<AckedMessage> SoakWorld::acked() const
{
    std::lock_guard lock(m_mutex);
    return m_acked;
}

bool SoakWorld::pickRecent(uint32_t random, bool wantPoll, AckedMessage *out) const
{
    constexpr size_t window = 300; // recent ones: edits and reactions land where people look
    std::lock_guard lock(m_mutex);
    if (wantPoll) {
        if (m_polls.empty())
            return false;
        const size_t n = std::min(window / 10, m_polls.size());
        *out = m_acked[m_polls[m_polls.size() - 1 - random % n]];
        return true;
    }
    if (m_acked.empty())
        return false;
    const size_t n = std::min(window, m_acked.size());
    *out = m_acked[m_acked.size() - 1 - random % n];
    return true;
}

} // namespace bench::soak
