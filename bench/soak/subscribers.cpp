// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscribers.h"

#include <nlohmann/json.hpp>

using json = nlohmann::json;

namespace bench::soak {

namespace {
const char *const kWords[] = {"harbour", "lantern", "meadow", "copper", "violet", "thunder", "pebble", "orchard",
                              "granite", "saffron", "willow", "ember",  "quartz", "juniper", "cobalt", "fennel"};
constexpr size_t kMaxPending = 2000; // a server that stops acknowledging must not grow the generator
} // namespace

Subscribers::Subscribers(SoakWorld &world, int port, LatencyWindow &latency)
    : m_world(world), m_pool(port), m_latency(latency), m_ledger(world.subscribers, int(world.rooms.size()))
{
    for (size_t i = 0; i < world.rooms.size(); ++i)
        m_roomIndex.emplace(world.rooms[i], int(i));
    for (size_t i = 0; i < world.users.size(); ++i)
        m_userIndex.emplace(world.users[i].id, int(i));
    m_pool.onText = [this](WsConn &c, const char *p, size_t n) { onFrame(c, p, n); };
}

void Subscribers::connect()
{
    std::vector<std::string> paths;
    for (int i = 0; i < m_world.subscribers; ++i)
        paths.push_back("/chat?token=" + m_world.users[size_t(i)].token);
    const int open = m_pool.connectAll(paths, 8, 30000);
    if (open != m_world.subscribers)
        die("only " + std::to_string(open) + " of " + std::to_string(m_world.subscribers) + " subscribers connected");
}

void Subscribers::onFrame(WsConn &c, const char *p, size_t n)
{
    const json f = json::parse(p, p + n, nullptr, false);
    if (f.is_discarded() || !f.is_object())
        return;
    const std::string type = f.value("type", "");
    if (type == "ack") {
        const auto it = m_pending.find(f.value("clientMsgId", ""));
        if (it == m_pending.end())
            return;
        m_latency.add(nowNs() - it->second.sentNs);
        const json &m = f["message"];
        const auto room = m_roomIndex.find(m.value("roomId", ""));
        if (room != m_roomIndex.end())
            m_world.addAcked({m.value("messageId", ""), room->second, it->second.sender, m.value("seq", int64_t(0))});
        m_pending.erase(it);
        return;
    }
    if (type == "error") {
        ++m_sendErrors;
        if (m_firstErrors.size() < 10)
            m_firstErrors.push_back(std::string(p, std::min<size_t>(n, 300)));
        if (f.contains("ref") && f["ref"].is_string())
            m_pending.erase(f["ref"].get<std::string>());
        return;
    }
    if (!f.contains("seq") || !f["seq"].is_number_integer())
        return;
    const std::string roomId = eventRoomId(f);
    const auto room = m_roomIndex.find(roomId);
    if (room == m_roomIndex.end())
        return;
    m_ledger.roomEvent(c.index, room->second, f["seq"].get<int64_t>());
    if (type == "new_message")
        m_ledger.newMessage(c.index, f["message"].value("messageId", ""));
}

void Subscribers::sendOne()
{
    if (m_pending.size() >= kMaxPending)
        return;
    const uint64_t n = m_sent++;
    const int sender = int(n % uint64_t(m_world.subscribers));
    const int room = int((n / uint64_t(m_world.subscribers)) % m_world.rooms.size());
    const std::string id = "soak" + std::to_string(n);
    std::string content = "message " + std::to_string(n) + ":";
    for (int w = 0; w < 4; ++w)
        content += std::string(" ") + kWords[(n * 7 + uint64_t(w) * 3 + n / 13) % 16];
    const json frame{{"type", "send_message"},
                     {"roomId", m_world.rooms[size_t(room)]},
                     {"content", content},
                     {"clientMsgId", id},
                     {"ref", id}};
    m_pending[id] = Pending{nowNs(), sender};
    m_pool.sendText(m_pool.conns()[size_t(sender)], frame.dump());
}

void Subscribers::sendUntil(int64_t untilNs, double perSecond)
{
    const int64_t step = int64_t(1e9 / perSecond);
    int64_t next = nowNs();
    while (nowNs() < untilNs) {
        for (int64_t now = nowNs(); next <= now; next += step)
            sendOne();
        m_pool.poll(int(std::clamp<int64_t>((next - nowNs()) / 1000000, 0, 20)));
        if (m_pool.openCount() != m_world.subscribers)
            return; // the verdict says which one went and why
    }
}

void Subscribers::drain(int maxMs)
{
    const int64_t end = nowNs() + int64_t(maxMs) * 1000000;
    int64_t nextCheck = 0;
    while (nowNs() < end) {
        m_pool.poll(20);
        if (nowNs() < nextCheck)
            continue;
        nextCheck = nowNs() + 500 * 1000000;
        if (m_pending.empty() && m_ledger.check(m_world.acked()).lost == 0)
            return;
    }
}

} // namespace bench::soak
