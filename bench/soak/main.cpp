// SPDX-License-Identifier: GPL-3.0-or-later
// confab-soak: the load generator of bench/soak.sh (see docs/performance.md, "Soak").
//
//   confab-soak --port P --server-pid PID --minutes M --csv FILE [--summary FILE]
//               [--subscribers 12] [--churn-users 12] [--rooms 4] [--rate 25] [--actions 8]
//               [--sample-seconds 10] [--drain-seconds 60]
//
// Registers its users and public rooms, keeps `subscribers` members connected for the whole run
// sending `rate` messages/s between them, runs the action mix (actionmix.h) beside them, and
// samples the server every `sample-seconds` into the CSV. At the end it checks that every
// acknowledged message reached every subscriber exactly once and in seq order, and that memory
// and descriptors stayed flat (growthcheck.h). Exit status 0 when all holds, 1 when not,
// 2 on a usage or set-up error. All traffic goes to 127.0.0.1.
#include "../loadgen/net.h"
#include "actionmix.h"
#include "deliveryledger.h"
#include "growthcheck.h"
#include "serversampler.h"
#include "soakworld.h"
#include "subscribers.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <thread>

using json = nlohmann::json;
using namespace bench;
using namespace bench::soak;

namespace {

std::map<std::string, std::string> parseArgs(int argc, char **argv)
{
    std::map<std::string, std::string> kv;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        if (k.rfind("--", 0) != 0 || i + 1 >= argc)
            die("expected --name value, got \"" + k + "\"");
        kv[k.substr(2)] = argv[++i];
    }
    return kv;
}

double number(const std::map<std::string, std::string> &kv, const std::string &name, double def)
{
    const auto it = kv.find(name);
    if (it == kv.end())
        return def;
    char *end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end != '\0' || v < 0)
        die("--" + name + " must be a number >= 0, not \"" + it->second + "\"");
    return v;
}

json dataOrDie(const HttpResponse &r, const std::string &what)
{
    json j = json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.value("success", false))
        die(what + " failed: HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 300));
    return j["data"];
}

void setUp(SoakWorld &world, int port, int churnUsers, int rooms)
{
    HttpClient http(port);
    const int users = world.subscribers + churnUsers;
    for (int i = 0; i < users; ++i) {
        const json body{{"username", "soak" + std::to_string(i)},
                        {"password", "soak-password"},
                        {"displayName", "Soak " + std::to_string(i)}};
        const json d = dataOrDie(http.call("POST", "/v1/auth/register", {}, body.dump()), "register");
        world.users.push_back({d["user"]["userId"], d["token"]});
    }
    for (int r = 0; r < rooms; ++r) {
        const json body{{"name", "soak " + std::to_string(r)}, {"type", "public"}, {"maxMembers", 500}};
        const json room =
            dataOrDie(http.call("POST", "/v1/chat/rooms", world.users[0].token, body.dump()), "create room");
        world.rooms.push_back(room["roomId"]);
        for (int u = 1; u < world.subscribers; ++u)
            dataOrDie(http.call("POST", "/v1/chat/rooms/" + world.rooms.back() + "/join", world.users[size_t(u)].token),
                      "join");
    }
}

} // namespace

int main(int argc, char **argv)
{
    const auto kv = parseArgs(argc, argv);
    const int port = int(number(kv, "port", 0));
    const int pid = int(number(kv, "server-pid", 0));
    if (port <= 0 || pid <= 0 || !kv.count("csv"))
        die("usage: confab-soak --port P --server-pid PID --minutes M --csv FILE [--summary FILE] (see the source)");
    const double minutes = number(kv, "minutes", 2);
    const double rate = number(kv, "rate", 25);
    const double actionRate = number(kv, "actions", 8);
    const double sampleSeconds = std::max(1.0, number(kv, "sample-seconds", 10));
    if (rate <= 0 || actionRate <= 0)
        die("--rate and --actions must be above 0");

    SoakWorld world;
    world.subscribers = std::max(2, int(number(kv, "subscribers", 12)));
    setUp(world, port, std::max(2, int(number(kv, "churn-users", 12))), std::max(1, int(number(kv, "rooms", 4))));
    LatencyWindow latency;
    Subscribers subscribers(world, port, latency);
    subscribers.connect();
    std::printf("soak: %d subscribers in %zu rooms, %zu churning users; %.0f messages/s and %.0f actions/s for %.1f "
                "min\n",
                world.subscribers, world.rooms.size(), world.users.size() - size_t(world.subscribers), rate, actionRate,
                minutes);
    std::fflush(stdout);

    const int64_t start = nowNs();
    std::atomic<bool> stopActions{false};
    ActionMix actions(world, port, 20261207u);
    std::thread actionThread([&] { actions.run(stopActions, actionRate); });

    ServerSampler sampler(pid, port, kv.at("csv"));
    std::mutex stopMutex;
    std::condition_variable stopSampling;
    bool samplingStopped = false;
    std::thread samplerThread([&] {
        std::unique_lock lock(stopMutex);
        for (int k = 1;; ++k) {
            const auto due = std::chrono::steady_clock::now() +
                             std::chrono::nanoseconds(start + int64_t(k * sampleSeconds * 1e9) - nowNs());
            if (stopSampling.wait_until(lock, due, [&] { return samplingStopped; }))
                return;
            const ServerSample &s =
                sampler.sample(double(nowNs() - start) / 1e9, latency.take(), actions.actions(), actions.errors());
            std::printf("soak: %6.0f s  rss %.1f MiB  fds %d  ws %.0f  storage queue %.0f  acks %zu  p99 %.1f ms  "
                        "actions %llu (%llu failed)\n",
                        s.seconds, s.rssMiB, s.fds, s.wsConnections, s.storageQueue, s.acks, s.p99Ms,
                        static_cast<unsigned long long>(s.actions), static_cast<unsigned long long>(s.actionErrors));
            std::fflush(stdout);
        }
    });

    subscribers.sendUntil(start + int64_t(minutes * 60e9), rate);
    stopActions = true;
    actionThread.join();
    subscribers.drain(int(number(kv, "drain-seconds", 60) * 1000));
    {
        std::lock_guard lock(stopMutex);
        samplingStopped = true;
    }
    stopSampling.notify_all();
    samplerThread.join();

    const DeliveryLedger::Verdict v = subscribers.ledger().check(world.acked());
    const GrowthVerdict g = checkGrowth(sampler.samples());
    const ActionMix::ResumeCheck &resume = actions.resumeCheck();
    const bool ok = v.ok() && g.ok() && subscribers.unanswered() == 0 && subscribers.dropped() == 0 &&
                    actions.serverErrors() == 0 && resume.lost == 0;

    json summary;
    summary["minutes"] = minutes;
    summary["delivery"] = {{"acknowledged", v.acknowledged},
                           {"expectedDeliveries", v.expected},
                           {"lost", v.lost},
                           {"duplicated", v.duplicated},
                           {"seqGaps", v.seqGaps},
                           {"seqBackwards", v.seqBackwards},
                           {"roomEvents", v.roomEvents},
                           {"otherMessages", v.notPostedBySoak}};
    summary["sends"] = {{"sent", subscribers.sent()},
                        {"unanswered", subscribers.unanswered()},
                        {"errors", subscribers.sendErrors()},
                        {"firstErrors", subscribers.firstErrors()},
                        {"subscribersDropped", subscribers.dropped()}};
    json byAction = json::object();
    for (const auto &[name, counts] : actions.byAction())
        byAction[name] = {{"done", counts.first}, {"failed", counts.second}};
    summary["actions"] = {{"total", actions.actions()},
                          {"failed", actions.errors()},
                          {"serverErrors", actions.serverErrors()},
                          {"byAction", byAction},
                          {"firstFailures", actions.firstFailures()}};
    summary["resume"] = {{"resumes", resume.resumes},
                         {"events", resume.events},
                         {"lost", resume.lost},
                         {"repeatedLiveAndReplayed", resume.repeated},
                         {"syncGaps", resume.syncGaps}};
    summary["growth"] = {{"judged", g.judged},
                         {"rssMiddleThirdMedianMiB", g.rssMiddleMiB},
                         {"rssLastThirdMedianMiB", g.rssLastMiB},
                         {"rssAllowedMiB", g.rssAllowedMiB},
                         {"rssMiBPerHour", g.rssMiBPerHour},
                         {"fdsMiddleThirdMedian", g.fdsMiddle},
                         {"fdsLastThirdMedian", g.fdsLast},
                         {"fdsAllowed", g.fdsAllowed}};
    summary["ok"] = ok;
    const std::string text = summary.dump(2);
    std::printf("%s\n", text.c_str());
    if (kv.count("summary"))
        std::ofstream(kv.at("summary")) << text << "\n";
    if (!v.ok())
        std::printf("soak: FAILED delivery: %llu lost, %llu duplicated, %llu seq gaps, %llu seq steps back\n",
                    static_cast<unsigned long long>(v.lost), static_cast<unsigned long long>(v.duplicated),
                    static_cast<unsigned long long>(v.seqGaps), static_cast<unsigned long long>(v.seqBackwards));
    if (subscribers.unanswered() != 0 || subscribers.dropped() != 0)
        std::printf("soak: FAILED: %zu sends never answered, %d subscribers disconnected by the server\n",
                    subscribers.unanswered(), subscribers.dropped());
    if (resume.lost != 0)
        std::printf("soak: FAILED: %llu events missing after a reconnect and sync\n",
                    static_cast<unsigned long long>(resume.lost));
    if (actions.serverErrors() != 0)
        std::printf("soak: FAILED: %llu server errors (5xx) in the action mix\n",
                    static_cast<unsigned long long>(actions.serverErrors()));
    if (!g.judged)
        std::printf("soak: growth not judged: fewer than 6 samples (run longer)\n");
    if (!g.rssOk)
        std::printf("soak: FAILED: RSS grew: last third %.1f MiB > allowed %.1f MiB (middle third %.1f MiB)\n",
                    g.rssLastMiB, g.rssAllowedMiB, g.rssMiddleMiB);
    if (!g.rssOk && minutes < 20)
        std::printf("soak: note: below 20 minutes at the default rates SQLite's page cache (16 MiB) is still filling "
                    "with the growing database; judge memory on a 30-minute run (docs/performance.md, Soak)\n");
    if (!g.fdsOk)
        std::printf("soak: FAILED: descriptors grew: last third %.0f > allowed %.0f (middle third %.0f)\n", g.fdsLast,
                    g.fdsAllowed, g.fdsMiddle);
    std::printf("soak: %s\n", ok ? "PASSED" : "FAILED");
    return ok ? 0 : 1;
}
