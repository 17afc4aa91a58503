// SPDX-License-Identifier: GPL-3.0-or-later
// confab-loadgen: the server half of Confab's benchmark suite. See docs/performance.md.
//
//   setup    register users, create public rooms, join them (REST); writes a state file
//   fanout   N WebSocket subscribers, S senders at a fixed total rate: latency, loss, order,
//            server CPU and RSS; --peer drives the Node `ws` broadcast peer the same way;
//            --saturate raises the rate step by step until latency explodes or throughput plateaus
//   write    closed-loop senders: acknowledged (durable) sends per second and ack latency
//   history  REST history pages (latest, deep `before`, random), search, and WebSocket sync replay
//   report   merges the per-scenario JSON files into one and prints the table
//
// Every loop is bounded in count and time; all traffic goes to 127.0.0.1.
#include "net.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using json = nlohmann::json;
using namespace bench;

namespace {

// ---- arguments ------------------------------------------------------------------------------

struct Args {
    std::map<std::string, std::string> kv;
    bool has(const std::string &k) const { return kv.count(k) != 0; }
    std::string str(const std::string &k, const std::string &def = {}) const
    {
        const auto it = kv.find(k);
        return it == kv.end() ? def : it->second;
    }
    double num(const std::string &k, double def) const
    {
        const auto it = kv.find(k);
        return it == kv.end() ? def : std::atof(it->second.c_str());
    }
    std::string need(const std::string &k) const
    {
        if (!has(k))
            die("missing --" + k);
        return str(k);
    }
};

Args parseArgs(int argc, char **argv, int from)
{
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string k = argv[i];
        if (k.rfind("--", 0) != 0)
            die("unexpected argument " + k);
        k = k.substr(2);
        std::string v(1, '1');
        if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0)
            v = std::string(argv[++i]);
        a.kv.insert_or_assign(std::move(k), std::move(v));
    }
    return a;
}

// ---- process figures ------------------------------------------------------------------------

struct ProcSample {
    double cpuSeconds = 0;
    double rssMiB = 0;
    double syscalls = 0; // read + write system calls (/proc/PID/io syscr + syscw)
};

ProcSample sampleProc(int pid)
{
    ProcSample s;
    if (pid <= 0)
        return s;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const size_t paren = line.rfind(')');
    if (paren == std::string::npos)
        die("cannot read /proc/" + std::to_string(pid) + "/stat");
    std::istringstream rest(line.substr(paren + 2));
    std::vector<std::string> f;
    for (std::string t; rest >> t && f.size() < 16;)
        f.push_back(t);
    const double tck = double(sysconf(_SC_CLK_TCK));
    s.cpuSeconds = (std::atof(f.at(11).c_str()) + std::atof(f.at(12).c_str())) / tck; // utime + stime
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            s.rssMiB = std::atof(line.c_str() + 6) / 1024.0;
    }
    std::ifstream io("/proc/" + std::to_string(pid) + "/io");
    while (std::getline(io, line)) {
        if (line.rfind("syscr:", 0) == 0 || line.rfind("syscw:", 0) == 0)
            s.syscalls += std::atof(line.c_str() + 6);
    }
    return s;
}

double selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Waits until the process uses less than 3% of a core over 500 ms (bounded).
void waitIdle(int pid, int maxMs)
{
    if (pid <= 0)
        return;
    const int64_t end = nowNs() + int64_t(maxMs) * 1000000;
    double last = sampleProc(pid).cpuSeconds;
    while (nowNs() < end) {
        usleep(500000);
        const double now = sampleProc(pid).cpuSeconds;
        if (now - last < 0.015)
            return;
        last = now;
    }
}

// Keeps a pool's sockets drained while waiting (pings answered, presence frames read).
void pumpFor(WsPool &pool, int ms)
{
    const int64_t end = nowNs() + int64_t(ms) * 1000000;
    while (nowNs() < end)
        pool.poll(10);
}

void pumpUntilQuiet(WsPool &pool, int pid, int quietMs, int maxMs)
{
    const int64_t end = nowNs() + int64_t(maxMs) * 1000000;
    double cpu = sampleProc(pid).cpuSeconds;
    while (nowNs() < end) {
        const uint64_t before = pool.framesReceived();
        pumpFor(pool, quietMs);
        const double c = sampleProc(pid).cpuSeconds;
        const bool serverQuiet = pid <= 0 || c - cpu < 0.03 * quietMs / 1000.0;
        cpu = c;
        if (pool.framesReceived() == before && serverQuiet)
            return;
    }
}

// ---- statistics -----------------------------------------------------------------------------

struct Dist {
    std::vector<float> us; // microseconds
    json summary() const
    {
        json j;
        j["count"] = us.size();
        if (us.empty())
            return j;
        std::vector<float> v = us;
        std::sort(v.begin(), v.end());
        auto q = [&](double p) { return double(v[std::min(v.size() - 1, size_t(p * double(v.size())))]) / 1000.0; };
        j["p50_ms"] = q(0.50);
        j["p95_ms"] = q(0.95);
        j["p99_ms"] = q(0.99);
        j["max_ms"] = double(v.back()) / 1000.0;
        double sum = 0;
        for (float x : v)
            sum += x;
        j["mean_ms"] = sum / double(v.size()) / 1000.0;
        return j;
    }
};

const char *findStr(const char *p, size_t n, std::string_view needle)
{
    const void *r = memmem(p, n, needle.data(), needle.size());
    return static_cast<const char *>(r);
}

// clientMsgId = "p<phase>s<sender>n<n>g<g>t<sendNs>", letters and digits only.
struct MsgId {
    int64_t phase = -1, sender = 0, n = 0, g = 0, t = 0;
};

bool parseMsgId(const char *p, size_t n, MsgId *id)
{
    const char *k = findStr(p, n, "\"clientMsgId\":\"");
    if (!k)
        return false;
    const char *s = k + 15;
    const char *end = p + n;
    int64_t *fields[5] = {&id->phase, &id->sender, &id->n, &id->g, &id->t};
    const char tags[5] = {'p', 's', 'n', 'g', 't'};
    for (int i = 0; i < 5; ++i) {
        if (s >= end || *s != tags[i])
            return false;
        ++s;
        int64_t v = 0;
        while (s < end && *s >= '0' && *s <= '9')
            v = v * 10 + (*s++ - '0');
        *fields[i] = v;
    }
    return true;
}

int64_t parseSeq(const char *p, size_t n)
{
    const char *k = findStr(p, n, "\"seq\":");
    if (!k)
        return -1;
    return std::atoll(k + 6);
}

std::string jsonEscapeId(const std::string &s) { return json(s).dump(); }

// ---- the state written by `setup` -------------------------------------------------------------

struct State {
    json j;
    std::string token(size_t i) const { return j["users"].at(i)["token"].get<std::string>(); }
    std::string room(const std::string &name) const { return j["rooms"].at(name)["id"].get<std::string>(); }
    int members(const std::string &name) const { return j["rooms"].at(name)["members"].get<int>(); }
};

State loadState(const std::string &file)
{
    std::ifstream in(file);
    if (!in)
        die("cannot read state file " + file);
    State s;
    in >> s.j;
    return s;
}

void writeJson(const std::string &file, const json &j)
{
    std::ofstream out(file);
    out << j.dump(2) << "\n";
    if (!out)
        die("cannot write " + file);
}

json parseBody(const HttpResponse &r, const std::string &what)
{
    json j = json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.value("success", false))
        die(what + " failed: HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 300));
    return j["data"];
}

// ---- setup ----------------------------------------------------------------------------------

int cmdSetup(const Args &a)
{
    const int port = int(a.num("port", 0));
    const int users = int(a.num("users", 100));
    const int depth = 16; // pipelined requests per connection (the server's per-connection queue)
    const int64_t t0 = nowNs();
    HttpClient http(port);
    json state;
    state["users"] = json::array();
    std::vector<HttpClient *> pool;
    const int conns = 4;
    std::vector<std::unique_ptr<HttpClient>> owned;
    for (int i = 0; i < conns; ++i)
        owned.push_back(std::make_unique<HttpClient>(port));

    // Register in pipelined batches spread over a few connections (hashing runs on a pool of 2).
    auto runBatched = [&](const std::vector<std::string> &reqs, const std::string &what) {
        std::vector<HttpResponse> out(reqs.size());
        for (size_t base = 0; base < reqs.size(); base += size_t(depth * conns)) {
            for (int c = 0; c < conns; ++c) {
                const size_t from = base + size_t(c * depth);
                if (from >= reqs.size())
                    break;
                const size_t to = std::min(reqs.size(), from + size_t(depth));
                const std::vector<std::string> part(reqs.begin() + long(from), reqs.begin() + long(to));
                const auto got = owned[size_t(c)]->pipeline(part);
                for (size_t k = 0; k < got.size(); ++k)
                    out[from + k] = got[k];
            }
        }
        for (const HttpResponse &r : out)
            parseBody(r, what);
        return out;
    };
    std::vector<std::string> reqs;
    const std::string prefix = a.str("prefix", "bu");
    for (int i = 0; i < users; ++i) {
        json body{{"username", prefix + std::to_string(i)},
                  {"password", "bench-password"},
                  {"displayName", "Bench " + std::to_string(i)}};
        reqs.push_back(HttpClient::request("POST", "/v1/auth/register", {}, body.dump()));
    }
    for (const HttpResponse &r : runBatched(reqs, "register")) {
        const json d = parseBody(r, "register");
        state["users"].push_back({{"id", d["user"]["userId"]}, {"token", d["token"]}});
    }
    const double registerS = double(nowNs() - t0) / 1e9;
    std::printf("setup: %d users registered in %.1f s\n", users, registerS);

    // rooms: "name:members,name:members"; user 0 owns every room, users 1..members-1 join it.
    std::stringstream spec(a.str("rooms", "fan:100"));
    state["rooms"] = json::object();
    for (std::string item; std::getline(spec, item, ',');) {
        const size_t colon = item.find(':');
        const std::string name = item.substr(0, colon);
        const int members = std::min(users, std::atoi(item.c_str() + colon + 1));
        json body{{"name", "bench " + name}, {"type", "public"}, {"maxMembers", std::max(members + 10, 100)}};
        const json room =
            parseBody(http.call("POST", "/v1/chat/rooms", state["users"][0]["token"].get<std::string>(), body.dump()),
                      "create room");
        const std::string id = room["roomId"];
        reqs.clear();
        for (int i = 1; i < members; ++i)
            reqs.push_back(HttpClient::request("POST", "/v1/chat/rooms/" + id + "/join",
                                               state["users"][size_t(i)]["token"].get<std::string>(), {}));
        runBatched(reqs, "join");
        state["rooms"][name] = {{"id", id}, {"members", members}};
        std::printf("setup: room %s (%s) with %d members\n", name.c_str(), id.c_str(), members);
    }
    state["setupSeconds"] = double(nowNs() - t0) / 1e9;
    writeJson(a.need("state"), state);
    return 0;
}

// ---- fan-out --------------------------------------------------------------------------------

// CONFAB_LOADGEN_TRACE=<file>: one line per message of each phase, appended to the file:
// "phase index sent_at_s first_ms last_ms" (sent_at_s on CLOCK_MONOTONIC, as `perf record -k
// CLOCK_MONOTONIC` stamps samples; first/last: the quickest and slowest subscriber). Shows when
// a latency tail happened, to line it up with a profile of the server.
struct MessageTrace {
    std::vector<int64_t> sentNs;
    std::vector<float> firstMs, lastMs;

    void reset(int64_t planned)
    {
        if (!std::getenv("CONFAB_LOADGEN_TRACE"))
            return;
        sentNs.assign(size_t(planned), 0);
        firstMs.assign(size_t(planned), 0);
        lastMs.assign(size_t(planned), 0);
    }
    void record(int64_t g, int64_t sent, int64_t now)
    {
        if (sentNs.empty())
            return;
        const float ms = float(double(now - sent) / 1e6);
        float &first = firstMs[size_t(g)], &last = lastMs[size_t(g)];
        if (first == 0 || ms < first)
            first = ms;
        last = std::max(last, ms);
        sentNs[size_t(g)] = sent;
    }
    void append(int64_t phase) const
    {
        const char *path = std::getenv("CONFAB_LOADGEN_TRACE");
        if (!path || sentNs.empty())
            return;
        FILE *f = std::fopen(path, "a");
        if (!f)
            die(std::string("cannot append to ") + path);
        for (size_t g = 0; g < sentNs.size(); ++g)
            std::fprintf(f, "%lld %zu %.6f %.3f %.3f\n", (long long)phase, g, double(sentNs[g]) / 1e9, firstMs[g],
                         lastMs[g]);
        std::fclose(f);
    }
};

struct Fanout {
    explicit Fanout(WsPool &p) : pool(p) {}
    WsPool &pool;
    int pid = 0;
    std::string roomId;
    std::vector<int> senders; // connection indexes
    std::string padding;

    // per phase
    int64_t phase = 0;
    int64_t planned = 0;
    size_t words = 0;
    std::vector<uint64_t> seen;   // conn x planned bits
    std::vector<int32_t> lastN;   // conn x sender
    std::vector<int64_t> lastSeq; // conn
    uint64_t delivered = 0, duplicated = 0, outOfOrder = 0, seqRegressions = 0, stale = 0, errors = 0, acks = 0,
             other = 0;
    int64_t firstSend = 0, lastRecv = 0;
    Dist latency, ackLatency;
    MessageTrace trace;

    void onText(WsConn &c, const char *p, size_t n)
    {
        const int64_t now = nowNs();
        if (findStr(p, n, "\"type\":\"new_message\"")) {
            MsgId id;
            if (!parseMsgId(p, n, &id) || id.phase != phase) {
                ++stale;
                return;
            }
            const size_t ci = size_t(c.index);
            if (id.g < 0 || id.g >= planned || id.sender < 0 || size_t(id.sender) >= senders.size()) {
                ++stale;
                return;
            }
            uint64_t &word = seen[ci * words + size_t(id.g) / 64];
            const uint64_t bit = uint64_t(1) << (id.g % 64);
            if (word & bit) {
                ++duplicated;
                return;
            }
            word |= bit;
            ++delivered;
            int32_t &ln = lastN[ci * senders.size() + size_t(id.sender)];
            if (id.n < ln)
                ++outOfOrder;
            else
                ln = int32_t(id.n);
            const int64_t seq = parseSeq(p, n);
            if (seq <= lastSeq[ci])
                ++seqRegressions;
            else
                lastSeq[ci] = seq;
            latency.us.push_back(float(double(now - id.t) / 1000.0));
            trace.record(id.g, id.t, now);
            lastRecv = now;
            return;
        }
        if (findStr(p, n, "\"type\":\"ack\"")) {
            MsgId id;
            if (parseMsgId(p, n, &id) && id.phase == phase) {
                ++acks;
                ackLatency.us.push_back(float(double(now - id.t) / 1000.0));
            }
            return;
        }
        if (findStr(p, n, "\"type\":\"error\"")) {
            if (errors++ < 5)
                std::fprintf(stderr, "confab-loadgen: server error frame: %.*s\n", int(std::min<size_t>(n, 300)), p);
            return;
        }
        ++other;
    }

    // One phase: `rate` messages/s for `seconds`, then up to `drainS` for the stragglers.
    json run(double rate, double seconds, double drainS)
    {
        ++phase;
        planned = std::max<int64_t>(1, std::min<int64_t>(int64_t(std::ceil(rate * seconds)), 5000000));
        const size_t nconn = pool.conns().size();
        words = size_t((planned + 63) / 64);
        seen.assign(nconn * words, 0);
        lastN.assign(nconn * senders.size(), -1);
        lastSeq.assign(nconn, 0);
        delivered = duplicated = outOfOrder = seqRegressions = stale = errors = acks = other = 0;
        latency.us.clear();
        ackLatency.us.clear();
        latency.us.reserve(size_t(std::min<int64_t>(planned * int64_t(nconn), 20000000)));
        trace.reset(planned);
        const int open = pool.openCount();
        const int closedBefore = pool.closedByServer();
        const int64_t expected = planned * open;
        std::vector<int64_t> perSender(senders.size(), 0);

        const ProcSample srv0 = sampleProc(pid);
        const double self0 = selfCpuSeconds();
        const int64_t t0 = nowNs();
        firstSend = t0;
        lastRecv = t0;
        const int64_t sendEnd = t0 + int64_t(seconds * 1e9);
        const int64_t hardEnd = sendEnd + int64_t((drainS + 5) * 1e9);
        int64_t sent = 0, lastSendAt = t0;
        std::string frame;
        while (true) {
            const int64_t now = nowNs();
            const int64_t due = std::min<int64_t>(planned, int64_t(double(now - t0) * rate / 1e9) + 1);
            for (int guard = 0; sent < due && guard < 10000; ++guard) {
                const size_t si = size_t(sent % int64_t(senders.size()));
                WsConn &c = pool.conns()[size_t(senders[si])];
                const int64_t n = perSender[si]++;
                char id[96];
                std::snprintf(id, sizeof id, "p%llds%zun%lldg%lldt%lld", (long long)phase, si, (long long)n,
                              (long long)sent, (long long)nowNs());
                frame = "{\"type\":\"send_message\",\"roomId\":" + jsonEscapeId(roomId) + ",\"clientMsgId\":\"" + id +
                        "\",\"content\":\"bench message " + std::to_string(sent) + padding + "\"}";
                pool.sendText(c, frame);
                ++sent;
                lastSendAt = now;
            }
            if (sent >= planned &&
                (int64_t(delivered + duplicated) >= expected || now > sendEnd + int64_t(drainS * 1e9)))
                break;
            if (now > hardEnd)
                break;
            if (pool.openCount() == 0)
                break;
            pool.poll(sent < planned ? 1 : 5);
        }
        const int64_t t1 = nowNs();
        trace.append(phase);
        const ProcSample srv1 = sampleProc(pid);
        const double self1 = selfCpuSeconds();
        const double window = double(std::max(lastRecv, lastSendAt) - t0) / 1e9;
        const double srvCpu = srv1.cpuSeconds - srv0.cpuSeconds;
        json j;
        j["rate_msgs_per_s"] = rate;
        j["offered_deliveries_per_s"] = rate * open;
        j["seconds"] = seconds;
        j["subscribers"] = open;
        j["senders"] = senders.size();
        j["messages_sent"] = sent;
        j["expected_deliveries"] = expected;
        j["deliveries"] = delivered;
        j["deliveries_per_s"] = window > 0 ? double(delivered) / window : 0.0;
        j["lost"] = expected - int64_t(delivered);
        j["duplicated"] = duplicated;
        j["out_of_order"] = outOfOrder;
        j["seq_regressions"] = seqRegressions;
        j["error_frames"] = errors;
        j["acks"] = acks;
        j["closed_by_server"] = pool.closedByServer() - closedBefore;
        j["latency"] = latency.summary();
        j["ack_latency"] = ackLatency.summary();
        j["server_cpu_s"] = srvCpu;
        j["server_cpu_util"] = window > 0 ? srvCpu / double(t1 - t0) * 1e9 : 0.0;
        j["deliveries_per_server_cpu_s"] = srvCpu > 0 ? double(delivered) / srvCpu : 0.0;
        j["loadgen_cpu_util"] = (self1 - self0) / (double(t1 - t0) / 1e9);
        j["server_rss_mib"] = srv1.rssMiB;
        j["server_rw_syscalls_per_delivery"] = delivered ? (srv1.syscalls - srv0.syscalls) / double(delivered) : 0.0;
        return j;
    }
};

void printPhase(const std::string &label, const json &r)
{
    const json &l = r["latency"];
    std::printf(
        "%-28s %7.0f msg/s x %5d subs: %9.0f deliv/s  p50 %7.2f  p99 %8.2f  max %8.2f ms  lost %lld dup %lld ooo %lld  "
        "srv cpu %4.0f%%  %8.0f deliv/cpu-s  gen cpu %3.0f%%\n",
        label.c_str(), r["rate_msgs_per_s"].get<double>(), r["subscribers"].get<int>(),
        r["deliveries_per_s"].get<double>(), l.value("p50_ms", 0.0), l.value("p99_ms", 0.0), l.value("max_ms", 0.0),
        (long long)r["lost"].get<int64_t>(), (long long)r["duplicated"].get<uint64_t>(),
        (long long)r["out_of_order"].get<uint64_t>(), 100 * r["server_cpu_util"].get<double>(),
        r["deliveries_per_server_cpu_s"].get<double>(), 100 * r["loadgen_cpu_util"].get<double>());
    std::fflush(stdout);
}

int cmdFanout(const Args &a)
{
    const int port = int(a.num("port", 0));
    const int pid = int(a.num("server-pid", 0));
    const bool peer = a.has("peer");
    const int subs = int(a.num("subscribers", 100));
    const int nsenders = std::max(1, std::min(subs, int(a.num("senders", 10))));
    const double rate = a.num("rate", 50);
    const double seconds = a.num("duration", 10);
    const std::string label = a.str("label", std::string(peer ? "peer" : "confab") + "-fanout-" + std::to_string(subs));

    std::vector<std::string> paths;
    std::string roomId = "bench";
    const bool socketIo = a.has("socketio");
    if (peer) {
        paths.assign(size_t(subs), socketIo ? "/socket.io/?EIO=4&transport=websocket" : "/");
    } else {
        const State st = loadState(a.need("state"));
        const std::string room = a.need("room");
        roomId = st.room(room);
        if (st.members(room) < subs)
            die("room " + room + " has fewer members than --subscribers");
        for (int i = 0; i < subs; ++i)
            paths.push_back("/chat?token=" + st.token(size_t(i)));
    }

    WsPool pool(port);
    pool.socketIo = socketIo;
    Fanout f(pool);
    f.pid = pid;
    f.roomId = roomId;
    f.padding = std::string(size_t(std::max(0.0, a.num("padding", 40))), 'x');
    pool.onText = [&f](WsConn &c, const char *p, size_t n) { f.onText(c, p, n); };

    waitIdle(pid, 20000);
    const ProcSample base = sampleProc(pid);
    const int64_t c0 = nowNs();
    const int connected = pool.connectAll(paths, 64, int(a.num("connect-timeout", 90) * 1000));
    const double connectS = double(nowNs() - c0) / 1e9;
    if (connected < subs) {
        // Recorded, not fatal: the rest of the suite still runs.
        const ProcSample now = sampleProc(pid);
        std::printf("%s: FAILED: only %d of %d WebSocket connections opened in %.0f s (server CPU %.0f s meanwhile)\n",
                    label.c_str(), connected, subs, connectS, now.cpuSeconds - base.cpuSeconds);
        json fail{{"label", label},
                  {"kind", "fanout-failed"},
                  {"target", peer ? "peer" : "confab"},
                  {"subscribers", subs},
                  {"connected", connected},
                  {"connect_seconds", connectS},
                  {"server_cpu_s_while_connecting", now.cpuSeconds - base.cpuSeconds}};
        pool.closeAll();
        waitIdle(pid, 30000);
        writeJson(a.need("out"), fail);
        return 0;
    }
    // Let the presence announcements of the connection storm settle, then measure idle memory.
    pumpUntilQuiet(pool, pid, 1000, 60000);
    pumpFor(pool, 1000);
    const ProcSample idle = sampleProc(pid);
    const double rssPerConnKiB = (idle.rssMiB - base.rssMiB) * 1024.0 / subs;
    std::printf("%s: %d connections in %.1f s; server RSS %.1f -> %.1f MiB idle = %.1f KiB per connection\n",
                label.c_str(), subs, connectS, base.rssMiB, idle.rssMiB, rssPerConnKiB);

    for (int i = 0; i < nsenders; ++i)
        f.senders.push_back(int(int64_t(i) * subs / nsenders));

    json out;
    out["label"] = label;
    out["kind"] = a.has("saturate") ? "saturation" : "fanout";
    out["target"] = peer ? "peer" : "confab";
    out["subscribers"] = subs;
    out["connect_seconds"] = connectS;
    out["server_rss_base_mib"] = base.rssMiB;
    out["server_rss_idle_mib"] = idle.rssMiB;
    out["rss_per_idle_connection_kib"] = rssPerConnKiB;

    f.run(rate, std::min(1.0, seconds), 3); // warm-up, not reported
    pumpUntilQuiet(pool, pid, 300, 10000);

    if (!a.has("saturate")) {
        json r = f.run(rate, seconds, a.num("drain", 5));
        printPhase(label, r);
        out["result"] = r;
    } else {
        // Raise the offered rate until p99 explodes, messages are lost, connections are dropped
        // or delivered throughput stops following the offered load. Bounded by steps and time.
        out["steps"] = json::array();
        double r = rate, best = 0;
        const double factor = a.num("factor", 2.0);
        const int maxSteps = int(a.num("steps", 8));
        const double stepS = a.num("step-duration", 4);
        const int64_t deadline = nowNs() + int64_t(a.num("max-seconds", 90) * 1e9);
        json peak;
        for (int step = 0; step < maxSteps && nowNs() < deadline; ++step, r *= factor) {
            json res = f.run(r, stepS, 3);
            printPhase(label + " step " + std::to_string(step), res);
            out["steps"].push_back(res);
            const double got = res["deliveries_per_s"].get<double>();
            const double p99 = res["latency"].value("p99_ms", 1e9);
            if (got > best) {
                best = got;
                peak = res;
            }
            // The first two steps always run: one noisy step must not end the search.
            const bool exploded = (step >= 1 && p99 > a.num("p99-limit-ms", 500)) || res["lost"].get<int64_t>() > 0 ||
                                  res["closed_by_server"].get<int>() > 0;
            const bool plateau = step >= 1 && got < 0.85 * res["offered_deliveries_per_s"].get<double>();
            if (exploded || plateau) {
                out["stopped_because"] =
                    exploded ? "latency exploded, loss or dropped connections" : "throughput plateaued";
                break;
            }
            pumpUntilQuiet(pool, pid, 300, 10000);
        }
        out["peak"] = peak;
        out["peak_deliveries_per_s"] = best;
    }
    pool.closeAll();
    waitIdle(pid, 30000);
    writeJson(a.need("out"), out);
    return 0;
}

// ---- write path -----------------------------------------------------------------------------

int cmdWrite(const Args &a)
{
    const int port = int(a.num("port", 0));
    const int pid = int(a.num("server-pid", 0));
    const State st = loadState(a.need("state"));
    const std::string room = a.need("room");
    const std::string roomId = st.room(room);
    const int senders = std::min(st.members(room), int(a.num("senders", 1)));
    const double seconds = a.num("duration", 5);
    const std::string label = a.str("label", "write-" + std::to_string(senders));

    std::vector<std::string> paths;
    for (int i = 0; i < senders; ++i)
        paths.push_back("/chat?token=" + st.token(size_t(i)));
    WsPool pool(port);
    Dist ack;
    int64_t acks = 0, errors = 0, sent = 0;
    std::vector<int64_t> counter(size_t(senders), 0);
    int64_t end = 0;
    bool stopping = false;
    auto sendNext = [&](WsConn &c) {
        char id[96];
        std::snprintf(id, sizeof id, "p1s%dn%lldg0t%lld", c.index, (long long)counter[size_t(c.index)]++,
                      (long long)nowNs());
        pool.sendText(c, "{\"type\":\"send_message\",\"roomId\":" + jsonEscapeId(roomId) + ",\"clientMsgId\":\"" + id +
                             "\",\"content\":\"durable bench message with some ordinary text in it\"}");
        ++sent;
    };
    pool.onText = [&](WsConn &c, const char *p, size_t n) {
        if (findStr(p, n, "\"type\":\"ack\"")) {
            MsgId id;
            if (parseMsgId(p, n, &id) && id.phase == 1) {
                ack.us.push_back(float(double(nowNs() - id.t) / 1000.0));
                ++acks;
                if (!stopping && nowNs() < end)
                    sendNext(c);
            }
        } else if (findStr(p, n, "\"type\":\"error\"")) {
            if (errors++ < 5)
                std::fprintf(stderr, "confab-loadgen: server error frame: %.*s\n", int(std::min<size_t>(n, 300)), p);
        }
    };
    if (pool.connectAll(paths, 16, 30000) < senders)
        die("write: could not open every connection");
    pumpUntilQuiet(pool, pid, 500, 20000);
    const ProcSample s0 = sampleProc(pid);
    const int64_t t0 = nowNs();
    end = t0 + int64_t(seconds * 1e9);
    for (WsConn &c : pool.conns())
        sendNext(c);
    while (nowNs() < end + int64_t(5e9) && (nowNs() < end || acks < sent))
        pool.poll(5);
    stopping = true;
    const double elapsed = double(nowNs() - t0) / 1e9;
    const ProcSample s1 = sampleProc(pid);
    pool.closeAll();
    json out;
    out["label"] = label;
    out["kind"] = "write";
    out["senders"] = senders;
    out["seconds"] = elapsed;
    out["acked"] = acks;
    out["acks_per_s"] = double(acks) / elapsed;
    out["lost_acks"] = sent - acks;
    out["error_frames"] = errors;
    out["ack_latency"] = ack.summary();
    out["server_cpu_util"] = (s1.cpuSeconds - s0.cpuSeconds) / elapsed;
    out["server_cpu_ms_per_ack"] = acks ? (s1.cpuSeconds - s0.cpuSeconds) * 1000 / double(acks) : 0.0;
    const json &l = out["ack_latency"];
    std::printf("%-28s %d senders, closed loop: %7.0f acked sends/s  ack p50 %6.2f  p99 %6.2f  max %7.2f ms  server "
                "cpu %3.0f%% "
                "(%.3f ms/ack)\n",
                label.c_str(), senders, out["acks_per_s"].get<double>(), l.value("p50_ms", 0.0), l.value("p99_ms", 0.0),
                l.value("max_ms", 0.0), 100 * out["server_cpu_util"].get<double>(),
                out["server_cpu_ms_per_ack"].get<double>());
    writeJson(a.need("out"), out);
    waitIdle(pid, 20000);
    return 0;
}

// ---- history, search, sync ------------------------------------------------------------------

int cmdHistory(const Args &a)
{
    const int port = int(a.num("port", 0));
    const State st = loadState(a.need("state"));
    const std::string roomId = st.room(a.need("room"));
    const std::string token = st.token(0);
    const int count = int(a.num("count", 300));
    const int64_t total = int64_t(a.num("messages", 1000000));
    const double maxSeconds = a.num("max-seconds", 30);
    const int serverPid = int(a.num("server-pid", 0)); // optional: server CPU per request
    auto serverCpu = [&] { return serverPid > 0 ? sampleProc(serverPid).cpuSeconds : 0.0; };
    HttpClient http(port);
    std::mt19937_64 rng(42);
    json out;
    out["label"] = "history";
    out["kind"] = "history";
    out["messages_in_room"] = total;

    auto measure = [&](const std::string &name, const std::function<std::string(int)> &path) {
        Dist d;
        const int64_t deadline = nowNs() + int64_t(maxSeconds * 1e9);
        size_t bytes = 0;
        const double cpu0 = serverCpu();
        for (int i = 0; i < count && nowNs() < deadline; ++i) {
            const std::string p = path(i);
            const int64_t t = nowNs();
            const HttpResponse r = http.call("GET", p, token);
            d.us.push_back(float(double(nowNs() - t) / 1000.0));
            if (r.status != 200)
                die(name + ": HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 200));
            bytes += r.body.size();
        }
        json s = d.summary();
        s["avg_response_bytes"] = d.us.empty() ? 0 : bytes / d.us.size();
        if (serverPid > 0 && !d.us.empty())
            s["server_cpu_ms_per_request"] = 1000.0 * (serverCpu() - cpu0) / double(d.us.size());
        std::printf("%-28s n=%4zu  p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms  server cpu %.2f ms/request\n",
                    name.c_str(), d.us.size(), s.value("p50_ms", 0.0), s.value("p95_ms", 0.0), s.value("p99_ms", 0.0),
                    s.value("max_ms", 0.0), s.value("server_cpu_ms_per_request", 0.0));
        std::fflush(stdout);
        out[name] = s;
    };
    auto mid = [](int64_t i) {
        char b[32];
        std::snprintf(b, sizeof b, "mb%07lld", (long long)i);
        return std::string(b);
    };
    const std::string base = "/v1/chat/rooms/" + roomId + "/messages?limit=50";
    measure("history_latest", [&](int) { return base; });
    measure("history_before_deep", [&](int) { return base + "&before=" + mid(11 + int64_t(rng() % 50)); });
    measure("history_before_random",
            [&](int) { return base + "&before=" + mid(51 + int64_t(rng() % uint64_t(total - 50))); });
    measure("history_after_random",
            [&](int) { return base + "&after=" + mid(1 + int64_t(rng() % uint64_t(total - 60))); });
    const std::vector<std::string> rare{"zephyr", "quasar", "nebula", "pulsar"}; // ~1 in 1000 messages each
    const std::vector<std::string> common{"alpha", "bravo", "charlie", "delta"}; // ~1 in 8 messages each
    const std::string sbase = "/v1/chat/search?limit=20&roomId=" + roomId + "&q=";
    measure("search_common_word", [&](int i) { return sbase + common[size_t(i) % common.size()]; });
    measure("search_rare_word", [&](int i) { return sbase + rare[size_t(i) % rare.size()]; });
    measure("search_two_words",
            [&](int i) { return sbase + common[size_t(i) % common.size()] + "%20" + rare[size_t(i) % rare.size()]; });
    // Opening the timeline at a search result, and search ranked by bm25 or narrowed by a filter
    // written in the query (issue 15).
    measure("history_around_random",
            [&](int) { return base + "&around=" + mid(1 + int64_t(rng() % uint64_t(total))); });
    measure("search_rare_relevance", [&](int i) { return sbase + rare[size_t(i) % rare.size()] + "&sort=relevance"; });
    measure("search_common_relevance",
            [&](int i) { return sbase + common[size_t(i) % common.size()] + "&sort=relevance"; });
    char tomorrow[16];
    const std::time_t later = std::time(nullptr) + 86400;
    std::tm utc{};
    gmtime_r(&later, &utc);
    std::strftime(tomorrow, sizeof tomorrow, "%Y-%m-%d", &utc);
    measure("search_rare_before_date",
            [&](int i) { return sbase + rare[size_t(i) % rare.size()] + "%20before:" + std::string(tomorrow); });
    measure("search_rare_has_file", [&](int i) { return sbase + rare[size_t(i) % rare.size()] + "%20has:file"; });

    // sync replay: how long until `synced` for `missed` events.
    const int missed = int(a.num("sync-missed", 10000));
    const json latest = parseBody(http.call("GET", base.substr(0, base.find('?')) + "?limit=1", token), "latest");
    const int64_t lastSeq = latest["messages"].at(0)["seq"].get<int64_t>();
    Dist syncD;
    int64_t frames = 0, gaps = 0;
    size_t bytes = 0;
    WsPool pool(port);
    bool synced = false;
    pool.onText = [&](WsConn &, const char *p, size_t n) {
        if (findStr(p, n, "\"type\":\"synced\""))
            synced = true;
        else if (findStr(p, n, "\"type\":\"sync_gap\""))
            ++gaps;
        else if (findStr(p, n, "\"type\":\"new_message\"")) {
            ++frames;
            bytes += n;
        }
    };
    if (pool.connectAll({"/chat?token=" + token}, 1, 10000) != 1)
        die("sync: cannot connect");
    const int rounds = int(a.num("sync-rounds", 10));
    const int64_t deadline = nowNs() + int64_t(maxSeconds * 1e9);
    const double syncCpu0 = serverCpu();
    for (int i = 0; i < rounds && nowNs() < deadline; ++i) {
        synced = false;
        const int64_t t = nowNs();
        pool.sendText(pool.conns()[0], "{\"type\":\"sync\",\"rooms\":{" + jsonEscapeId(roomId) + ":" +
                                           std::to_string(lastSeq - missed) + "}}");
        while (!synced && nowNs() < t + int64_t(30e9) && pool.openCount() == 1)
            pool.poll(5);
        if (!synced)
            die("sync: no `synced` frame");
        syncD.us.push_back(float(double(nowNs() - t) / 1000.0));
    }
    json s = syncD.summary();
    if (serverPid > 0 && !syncD.us.empty())
        s["server_cpu_ms_per_request"] = 1000.0 * (serverCpu() - syncCpu0) / double(syncD.us.size());
    s["missed_events"] = missed;
    s["frames_per_round"] = syncD.us.empty() ? 0 : frames / int64_t(syncD.us.size());
    s["sync_gaps"] = gaps;
    s["avg_bytes_per_round"] = syncD.us.empty() ? 0 : bytes / syncD.us.size();
    out["sync_replay"] = s;
    std::printf("%-28s n=%4zu  p50 %7.1f  p99 %7.1f ms for %d missed events (%lld frames each, %lld gaps), server cpu "
                "%.0f ms/sync\n",
                "sync_replay", syncD.us.size(), s.value("p50_ms", 0.0), s.value("p99_ms", 0.0), missed,
                (long long)s["frames_per_round"].get<int64_t>(), (long long)gaps,
                s.value("server_cpu_ms_per_request", 0.0));
    writeJson(a.need("out"), out);
    return 0;
}

// ---- report ---------------------------------------------------------------------------------

int cmdReport(const Args &a)
{
    const std::string dir = a.need("dir");
    json all;
    all["scenarios"] = json::object();
    if (a.has("meta")) {
        std::ifstream m(a.str("meta"));
        json meta = json::parse(m, nullptr, false);
        if (!meta.is_discarded())
            all["machine"] = meta;
    }
    DIR *d = opendir(dir.c_str());
    if (!d)
        die("cannot open " + dir);
    std::vector<std::string> files;
    while (dirent *e = readdir(d)) {
        const std::string n = e->d_name;
        if (n.size() > 5 && n.substr(n.size() - 5) == ".json")
            files.push_back(n);
    }
    closedir(d);
    std::sort(files.begin(), files.end());
    for (const std::string &f : files) {
        std::ifstream in(dir + "/" + f);
        json j = json::parse(in, nullptr, false);
        if (!j.is_discarded() && j.contains("label"))
            all["scenarios"][j["label"].get<std::string>()] = j;
    }
    json &sc = all["scenarios"];
    auto get = [&](const std::string &label) -> const json * { return sc.contains(label) ? &sc[label] : nullptr; };

    std::printf("\n==== Confab server benchmark ====\n");
    std::printf("%-22s %6s %8s %10s %8s %8s %8s %6s %5s %5s %10s %9s\n", "fan-out", "subs", "msg/s", "deliv/s",
                "p50 ms", "p99 ms", "max ms", "lost", "dup", "ooo", "deliv/cpu-s", "KiB/conn");
    json ratios = json::object();
    for (const auto &[label, j] : sc.items()) {
        if (j.value("kind", "") != "fanout")
            continue;
        const json &r = j["result"];
        const json &l = r["latency"];
        std::printf("%-22s %6d %8.0f %10.0f %8.2f %8.2f %8.2f %6lld %5lld %5lld %10.0f %9.1f\n", label.c_str(),
                    r["subscribers"].get<int>(), r["rate_msgs_per_s"].get<double>(),
                    r["deliveries_per_s"].get<double>(), l.value("p50_ms", 0.0), l.value("p99_ms", 0.0),
                    l.value("max_ms", 0.0), (long long)r["lost"].get<int64_t>(),
                    (long long)r["duplicated"].get<int64_t>(), (long long)r["out_of_order"].get<int64_t>(),
                    r["deliveries_per_server_cpu_s"].get<double>(), j["rss_per_idle_connection_kib"].get<double>());
        if (j.value("target", "") == "confab") {
            if (const json *p = get("peer-fanout-" + std::to_string(j["subscribers"].get<int>()))) {
                const json &pr = (*p)["result"];
                json ratio;
                ratio["deliveries_per_cpu_s"] = r["deliveries_per_server_cpu_s"].get<double>() /
                                                std::max(1.0, pr["deliveries_per_server_cpu_s"].get<double>());
                ratio["p99"] = l.value("p99_ms", 0.0) / std::max(1e-6, pr["latency"].value("p99_ms", 1e-6));
                ratio["rss_per_connection"] = j["rss_per_idle_connection_kib"].get<double>() /
                                              std::max(1e-6, (*p)["rss_per_idle_connection_kib"].get<double>());
                // Against the bare epoll server (bench/floor): how close to what one send() per
                // delivery allows at all on this machine.
                if (const json *s = get("socketio-fanout-" + std::to_string(j["subscribers"].get<int>())))
                    ratio["deliveries_per_cpu_s_vs_socketio"] =
                        r["deliveries_per_server_cpu_s"].get<double>() /
                        std::max(1.0, (*s)["result"]["deliveries_per_server_cpu_s"].get<double>());
                if (const json *f = get("floor-fanout-" + std::to_string(j["subscribers"].get<int>())))
                    ratio["deliveries_per_cpu_s_of_floor"] =
                        r["deliveries_per_server_cpu_s"].get<double>() /
                        std::max(1.0, (*f)["result"]["deliveries_per_server_cpu_s"].get<double>());
                ratios[label.substr(7)] = ratio;
            }
        }
    }
    for (const auto &[label, j] : sc.items()) {
        if (j.value("kind", "") == "fanout-failed")
            std::printf("%-22s %6d  FAILED: %d of %d connections opened in %.0f s\n", label.c_str(),
                        j["subscribers"].get<int>(), j["connected"].get<int>(), j["subscribers"].get<int>(),
                        j["connect_seconds"].get<double>());
    }
    if (!ratios.empty()) {
        std::printf("\nConfab / peer (Node ws)  %-14s %14s %10s %14s %16s %16s\n", "scenario", "deliv/cpu-s", "p99",
                    "RSS/conn", "vs socket.io", "of the floor");
        for (const auto &[k, r] : ratios.items())
            std::printf("                         %-14s %13.2fx %9.2fx %13.2fx %15.2fx %15.2fx\n", k.c_str(),
                        r["deliveries_per_cpu_s"].get<double>(), r["p99"].get<double>(),
                        r["rss_per_connection"].get<double>(), r.value("deliveries_per_cpu_s_vs_socketio", 0.0),
                        r.value("deliveries_per_cpu_s_of_floor", 0.0));
        all["ratios_confab_over_peer"] = ratios;
    }
    for (const auto &[label, j] : sc.items()) {
        if (j.value("kind", "") != "saturation")
            continue;
        std::printf("\n%s (subs %d): peak %.0f deliveries/s%s%s\n", label.c_str(), j["subscribers"].get<int>(),
                    j.value("peak_deliveries_per_s", 0.0), j.contains("stopped_because") ? "; stopped: " : "",
                    j.value("stopped_because", std::string()).c_str());
        for (const json &s : j["steps"])
            std::printf("   %7.0f msg/s offered %10.0f deliv/s -> %10.0f deliv/s  p99 %8.2f ms  lost %lld  srv cpu "
                        "%3.0f%%  gen cpu %3.0f%%\n",
                        s["rate_msgs_per_s"].get<double>(), s["offered_deliveries_per_s"].get<double>(),
                        s["deliveries_per_s"].get<double>(), s["latency"].value("p99_ms", 0.0),
                        (long long)s["lost"].get<int64_t>(), 100 * s["server_cpu_util"].get<double>(),
                        100 * s["loadgen_cpu_util"].get<double>());
    }
    bool printedWrite = false;
    for (const auto &[label, j] : sc.items()) {
        if (j.value("kind", "") != "write")
            continue;
        if (!printedWrite)
            std::printf("\n%-22s %8s %12s %8s %8s %8s %10s\n", "write path", "senders", "acked/s", "p50 ms", "p99 ms",
                        "max ms", "cpu ms/ack");
        printedWrite = true;
        const json &l = j["ack_latency"];
        std::printf("%-22s %8d %12.0f %8.2f %8.2f %8.2f %10.3f\n", label.c_str(), j["senders"].get<int>(),
                    j["acks_per_s"].get<double>(), l.value("p50_ms", 0.0), l.value("p99_ms", 0.0),
                    l.value("max_ms", 0.0), j["server_cpu_ms_per_ack"].get<double>());
    }
    if (const json *h = get("history")) {
        std::printf("\n%-22s %8s %8s %8s %8s %12s   (%lld messages in the room)\n", "history / search", "p50 ms",
                    "p95 ms", "p99 ms", "max ms", "srv cpu ms", (long long)(*h)["messages_in_room"].get<int64_t>());
        for (const auto &[k, s] : h->items()) {
            if (!s.is_object() || !s.contains("p50_ms"))
                continue;
            const std::string events =
                k == "sync_replay" ? "   (" + std::to_string(s["missed_events"].get<int>()) + " events)" : "";
            std::printf("%-22s %8.2f %8.2f %8.2f %8.2f %12.2f%s\n", k.c_str(), s["p50_ms"].get<double>(),
                        s["p95_ms"].get<double>(), s["p99_ms"].get<double>(), s["max_ms"].get<double>(),
                        s.value("server_cpu_ms_per_request", 0.0), events.c_str());
        }
    }
    writeJson(a.need("out"), all);
    std::printf("\nwritten: %s\n", a.str("out").c_str());
    return 0;
}

void raiseFdLimit()
{
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: confab-loadgen setup|fanout|write|history|report --option value ...\n"
                             "see docs/performance.md and bench/run.sh\n");
        return 2;
    }
    raiseFdLimit();
    const std::string cmd = argv[1];
    const Args a = parseArgs(argc, argv, 2);
    if (cmd == "setup")
        return cmdSetup(a);
    if (cmd == "fanout")
        return cmdFanout(a);
    if (cmd == "write")
        return cmdWrite(a);
    if (cmd == "history")
        return cmdHistory(a);
    if (cmd == "report")
        return cmdReport(a);
    if (cmd == "room-info") { // for scripts: "<roomId> <ownerUserId>"
        const State st = loadState(a.need("state"));
        std::printf("%s %s\n", st.room(a.need("room")).c_str(), st.j["users"].at(0)["id"].get<std::string>().c_str());
        return 0;
    }
    die("unknown command " + cmd);
}
