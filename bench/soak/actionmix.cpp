// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionmix.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

using json = nlohmann::json;

namespace bench::soak {

namespace {

constexpr int kSecondDevice = 2; // reconnect()'s third connection: an always-connected member's other device

const char *const kWords[] = {"harbour", "lantern", "meadow", "copper", "violet", "thunder", "pebble", "orchard"};
const char *const kEmoji[] = {"👍", "🎉", "❤️", "😂", "👀"};

std::string percentEncode(std::string_view s)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

json dataOf(const HttpResponse &r)
{
    json j = json::parse(r.body, nullptr, false);
    return j.is_discarded() ? json() : j.value("data", json());
}

} // namespace

ActionMix::ActionMix(SoakWorld &world, int port, uint32_t seed)
    : m_world(world), m_http(port), m_churn(port), m_rng(seed),
      m_churnIn(world.users.size() - size_t(world.subscribers), std::vector<bool>(world.rooms.size(), false))
{
    m_churn.onText = [this](WsConn &c, const char *p, size_t n) {
        const bool synced = memmem(p, n, "\"type\":\"synced\"", 15) != nullptr;
        if (synced)
            ++m_synced;
        if (c.index != kSecondDevice || m_resumeDone)
            return;
        if (synced) {
            m_resumeDone = true;
            return;
        }
        const json f = json::parse(p, p + n, nullptr, false);
        if (f.is_discarded() || !f.is_object())
            return;
        if (f.value("type", "") == "sync_gap") {
            ++m_resume.syncGaps;
            m_resumeDone = true; // too far behind to replay: nothing to check
            m_resumeSeqs.clear();
            return;
        }
        if (!f.contains("seq") || !f["seq"].is_number_integer())
            return;
        const std::string roomId = eventRoomId(f);
        if (roomId == m_resumeRoom)
            m_resumeSeqs.push_back(f["seq"].get<int64_t>());
    };
}

void ActionMix::checkResume()
{
    if (!m_resumeDone || m_resumeSeqs.empty())
        return;
    std::sort(m_resumeSeqs.begin(), m_resumeSeqs.end());
    const size_t all = m_resumeSeqs.size();
    m_resumeSeqs.erase(std::unique(m_resumeSeqs.begin(), m_resumeSeqs.end()), m_resumeSeqs.end());
    ++m_resume.resumes;
    m_resume.repeated += all - m_resumeSeqs.size();
    m_resume.events += m_resumeSeqs.size();
    // Everything after the resume point up to the newest seen: none may be missing.
    const int64_t below =
        std::count_if(m_resumeSeqs.begin(), m_resumeSeqs.end(), [&](int64_t s) { return s <= m_resumeFrom; });
    const int64_t span = m_resumeSeqs.back() - m_resumeFrom;
    const int64_t have = int64_t(m_resumeSeqs.size()) - below;
    if (span > have) {
        m_resume.lost += uint64_t(span - have);
        if (m_firstFailures.size() < 10)
            m_firstFailures.push_back("resume: " + std::to_string(span - have) + " events after seq " +
                                      std::to_string(m_resumeFrom) + " missing in " + m_resumeRoom);
    }
}

int ActionMix::stableUser() { return int(m_rng() % uint32_t(m_world.subscribers)); }
int ActionMix::churnUser()
{
    return m_world.subscribers + int(m_rng() % uint32_t(m_world.users.size() - size_t(m_world.subscribers)));
}
int ActionMix::room() { return int(m_rng() % uint32_t(m_world.rooms.size())); }

void ActionMix::fail(const std::string &what, const HttpResponse &r)
{
    ++m_errors;
    if (r.status >= 500)
        ++m_serverErrors;
    ++m_byAction[what].second;
    if (m_firstFailures.size() < 10)
        m_firstFailures.push_back(what + ": HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 200));
}

HttpResponse ActionMix::call(const std::string &what, const std::string &request)
{
    HttpResponse r = m_http.pipeline({request}).front();
    if (r.status >= 400)
        fail(what, r);
    return r;
}

HttpResponse ActionMix::call(const std::string &what, std::string_view method, const std::string &path, int user,
                             const std::string &body)
{
    return call(what, HttpClient::request(method, path, m_world.users[size_t(user)].token, body));
}

void ActionMix::run(const std::atomic<bool> &stop, double perSecond)
{
    // Weights: how often each happens relative to the others.
    const std::pair<Action, int> mix[] = {
        {&ActionMix::edit, 12},   {&ActionMix::react, 14},   {&ActionMix::joinOrLeave, 12}, {&ActionMix::reconnect, 8},
        {&ActionMix::upload, 8},  {&ActionMix::search, 10},  {&ActionMix::createPoll, 4},   {&ActionMix::vote, 10},
        {&ActionMix::history, 6}, {&ActionMix::longPoll, 6}, {&ActionMix::markRead, 8},
    };
    int total = 0;
    for (const auto &[action, weight] : mix)
        total += weight;
    const int64_t step = int64_t(1e9 / perSecond);
    int64_t next = nowNs();
    while (!stop.load()) {
        const int64_t now = nowNs();
        if (now < next) {
            usleep(useconds_t(std::min<int64_t>(next - now, 100000000) / 1000));
            continue;
        }
        next = std::max(next + step, now - 2 * int64_t(1e9)); // no burst to catch up after a slow call
        int pick = int(m_rng() % uint32_t(total));
        for (const auto &[action, weight] : mix) {
            if (pick < weight) {
                if ((this->*action)())
                    ++m_actions;
                break;
            }
            pick -= weight;
        }
    }
    m_churn.closeAll();
}

bool ActionMix::edit()
{
    AckedMessage m;
    if (!m_world.pickRecent(m_rng(), false, &m) || m.poll)
        return false;
    ++m_byAction["edit"].first;
    const json body{{"content", "edited " + std::to_string(++m_serial) + " " + kWords[m_rng() % 8]}};
    call("edit", "PATCH", "/v1/chat/rooms/" + m_world.rooms[size_t(m.room)] + "/messages/" + m.messageId, m.author,
         body.dump());
    return true;
}

bool ActionMix::react()
{
    AckedMessage m;
    if (!m_world.pickRecent(m_rng(), false, &m))
        return false;
    ++m_byAction["reaction"].first;
    const std::string emoji = kEmoji[m_rng() % 5];
    const std::string base = "/v1/chat/rooms/" + m_world.rooms[size_t(m.room)] + "/messages/" + m.messageId;
    const int user = stableUser();
    // Add, and now and then take it back again: both are room events.
    call("reaction", "POST", base + "/reactions", user, json{{"emoji", emoji}}.dump());
    if (m_rng() % 3 == 0)
        call("reaction", "DELETE", base + "/reactions/" + percentEncode(emoji), user);
    return true;
}

bool ActionMix::joinOrLeave()
{
    const int user = churnUser();
    const int r = room();
    auto member = m_churnIn[size_t(user - m_world.subscribers)][size_t(r)];
    const std::string path = "/v1/chat/rooms/" + m_world.rooms[size_t(r)];
    ++m_byAction[member ? "leave" : "join"].first;
    const HttpResponse resp =
        member ? call("leave", "DELETE", path + "/leave", user) : call("join", "POST", path + "/join", user);
    if (resp.status < 400)
        m_churnIn[size_t(user - m_world.subscribers)][size_t(r)] = !member;
    return true;
}

bool ActionMix::reconnect()
{
    // Two churning users and one second device of an always-connected user come online, resume
    // from a recent seq (a sync replays what they missed), show they are typing, and go again;
    // half of the time without a close frame, as a laptop that lost its network.
    ++m_byAction["reconnect"].first;
    const int users[3] = {churnUser(), churnUser(), stableUser()};
    std::vector<std::string> paths;
    for (int u : users)
        paths.push_back("/chat?token=" + m_world.users[size_t(u)].token);
    const int open = m_churn.connectAll(paths, 3, 10000);
    if (open != 3) {
        fail("reconnect", HttpResponse{0, std::to_string(open) + " of 3 WebSockets opened"});
        m_churn.dropAll();
        return true;
    }
    AckedMessage recent;
    const bool haveRecent = m_world.pickRecent(m_rng(), false, &recent);
    m_synced = 0;
    m_resumeSeqs.clear();
    m_resumeDone = !haveRecent;
    m_resumeRoom = haveRecent ? m_world.rooms[size_t(recent.room)] : std::string();
    m_resumeFrom = haveRecent ? std::max<int64_t>(0, recent.seq - 1 - int64_t(m_rng() % 40)) : 0;
    for (WsConn &c : m_churn.conns()) {
        json rooms = json::object();
        if (haveRecent)
            rooms[m_resumeRoom] = m_resumeFrom;
        m_churn.sendText(c, json{{"type", "sync"}, {"rooms", rooms}}.dump());
        m_churn.sendText(c, json{{"type", "typing_start"}, {"roomId", m_world.rooms[0]}}.dump());
        m_churn.sendText(c, json{{"type", "ping"}, {"id", "p"}}.dump());
    }
    const int64_t deadline = nowNs() + 10 * int64_t(1e9);
    while (m_synced < 3 && nowNs() < deadline && m_churn.openCount() == 3)
        m_churn.poll(10);
    if (m_synced < 3)
        fail("reconnect", HttpResponse{0, "synced on " + std::to_string(m_synced) + " of 3 connections"});
    checkResume();
    if (m_rng() % 2)
        m_churn.closeAll();
    else
        m_churn.dropAll();
    return true;
}

bool ActionMix::upload()
{
    ++m_byAction["upload"].first;
    const int user = stableUser();
    const int r = room();
    std::string bytes = "soak upload " + std::to_string(++m_serial) + "\n";
    const size_t size = 512 + m_rng() % 4096;
    while (bytes.size() < size)
        bytes += kWords[m_rng() % 8] + std::string(" ");
    const std::string request =
        "POST /v1/files?roomId=" + m_world.rooms[size_t(r)] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
        m_world.users[size_t(user)].token + "\r\nContent-Type: text/plain\r\nX-Filename: soak-" +
        std::to_string(m_serial) + ".txt\r\nContent-Length: " + std::to_string(bytes.size()) + "\r\n\r\n" + bytes;
    const HttpResponse up = call("upload", request);
    if (up.status != 201)
        return true;
    const std::string fileId = dataOf(up).value("fileId", "");
    const json body{{"content", "a file"}, {"attachments", json::array({fileId})}};
    const HttpResponse posted =
        call("upload", "POST", "/v1/chat/rooms/" + m_world.rooms[size_t(r)] + "/messages", user, body.dump());
    if (posted.status == 201) {
        const json m = dataOf(posted);
        m_world.addAcked({m.value("messageId", ""), r, user, m.value("seq", int64_t(0)), false});
    }
    // Someone reads it back now and then.
    if (m_rng() % 4 == 0) {
        const HttpResponse got = call("upload", "GET", "/v1/files/" + fileId, stableUser());
        if (got.status == 200 && got.body != bytes)
            fail("upload", HttpResponse{got.status, "downloaded bytes differ from the upload"});
    }
    return true;
}

bool ActionMix::search()
{
    ++m_byAction["search"].first;
    std::string q = kWords[m_rng() % 8];
    if (m_rng() % 3 == 0)
        q += std::string(" ") + kWords[m_rng() % 8];
    call("search", "GET", "/v1/chat/search?limit=20&q=" + percentEncode(q), stableUser());
    return true;
}

bool ActionMix::createPoll()
{
    ++m_byAction["poll"].first;
    const int user = stableUser();
    const int r = room();
    const json body{{"type", "poll"},
                    {"content", ""},
                    {"poll",
                     {{"question", "Soak poll " + std::to_string(++m_serial) + "?"},
                      {"options", json::array({"red", "green", "blue"})},
                      {"multipleChoice", m_rng() % 2 == 0}}}};
    const HttpResponse posted =
        call("poll", "POST", "/v1/chat/rooms/" + m_world.rooms[size_t(r)] + "/messages", user, body.dump());
    if (posted.status == 201) {
        const json m = dataOf(posted);
        m_world.addAcked({m.value("messageId", ""), r, user, m.value("seq", int64_t(0)), true});
    }
    return true;
}

bool ActionMix::vote()
{
    AckedMessage m;
    if (!m_world.pickRecent(m_rng(), true, &m))
        return false;
    ++m_byAction["vote"].first;
    const std::string option = "o" + std::to_string(1 + m_rng() % 3);
    call("vote", "PUT", "/v1/chat/rooms/" + m_world.rooms[size_t(m.room)] + "/messages/" + m.messageId + "/poll/vote",
         stableUser(), json{{"optionIds", json::array({option})}}.dump());
    return true;
}

bool ActionMix::history()
{
    ++m_byAction["history"].first;
    call("history", "GET", "/v1/chat/rooms/" + m_world.rooms[size_t(room())] + "/messages?limit=50", stableUser());
    return true;
}

bool ActionMix::longPoll()
{
    // One churning user follows its events by long-poll (timeout 0: answered at once) and now
    // and then another takes over, leaving the old stream to expire on the server.
    ++m_byAction["longpoll"].first;
    if (m_longPollUser < 0 || m_rng() % 20 == 0) {
        m_longPollUser = churnUser();
        m_cursor.clear();
    }
    const std::string path =
        m_cursor.empty() ? std::string("/v1/events?timeout=0") : "/v1/events?timeout=0&cursor=" + m_cursor;
    const HttpResponse r = call("longpoll", "GET", path, m_longPollUser);
    if (r.status == 200)
        m_cursor = dataOf(r).value("cursor", "");
    return true;
}

bool ActionMix::markRead()
{
    AckedMessage m;
    if (!m_world.pickRecent(m_rng(), false, &m))
        return false;
    ++m_byAction["read"].first;
    call("read", "POST", "/v1/chat/rooms/" + m_world.rooms[size_t(m.room)] + "/read", stableUser(),
         json{{"messageId", m.messageId}}.dump());
    return true;
}

} // namespace bench::soak
