// SPDX-License-Identifier: GPL-3.0-or-later
// The soak's everything-else: on its own thread, at a steady rate, a weighted mix of what people
// do besides sending: edits, reactions, joins and leaves, reconnects (with sync), uploads with
// a message, searches, polls and votes, history pages, long-polls and read markers. Messages it
// posts over REST are acknowledged (201) and join the delivery check.
#pragma once

#include "../loadgen/net.h"
#include "soakworld.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace bench::soak {

class ActionMix {
public:
    ActionMix(SoakWorld &world, int port, uint32_t seed);

    // Runs actions at `perSecond` until `stop` is set.
    void run(const std::atomic<bool> &stop, double perSecond);

    uint64_t actions() const { return m_actions.load(); }
    uint64_t errors() const { return m_errors.load(); }
    uint64_t serverErrors() const { return m_serverErrors.load(); } // 5xx answers
    // Per action: {done, failed}; read after run() returned.
    const std::map<std::string, std::pair<uint64_t, uint64_t>> &byAction() const { return m_byAction; }
    const std::vector<std::string> &firstFailures() const { return m_firstFailures; }

    // The resume check of reconnect(): a second device of an always-connected member syncs one
    // room from a recent seq; once `synced` arrives it must hold every event after that seq up to
    // the newest it saw (live and replayed together; an event both delivered live and replayed
    // is allowed, clients drop it by seq, as SyncEngine::admit does).
    struct ResumeCheck {
        uint64_t resumes = 0, events = 0, lost = 0, repeated = 0, syncGaps = 0;
    };
    const ResumeCheck &resumeCheck() const { return m_resume; }

private:
    using Action = bool (ActionMix::*)();
    bool edit();
    bool react();
    bool joinOrLeave();
    bool reconnect();
    bool upload();
    bool search();
    bool createPoll();
    bool vote();
    bool history();
    bool longPoll();
    bool markRead();

    // Calls the server; a status >= 400 is recorded as this action's failure.
    HttpResponse call(const std::string &what, const std::string &request);
    HttpResponse call(const std::string &what, std::string_view method, const std::string &path, int user,
                      const std::string &body = {});
    void fail(const std::string &what, const HttpResponse &r);
    void checkResume();
    int stableUser();
    int churnUser();
    int room();

    SoakWorld &m_world;
    HttpClient m_http;
    WsPool m_churn;
    std::mt19937 m_rng;
    std::vector<std::vector<bool>> m_churnIn; // [churn user][room]: a member now
    int m_synced = 0;
    std::string m_resumeRoom; // the room the second device resumes
    int64_t m_resumeFrom = 0;
    std::vector<int64_t> m_resumeSeqs; // its room events in that room until synced
    bool m_resumeDone = false;
    ResumeCheck m_resume;
    int m_longPollUser = -1;
    std::string m_cursor;
    uint64_t m_serial = 0;
    std::atomic<uint64_t> m_actions{0}, m_errors{0}, m_serverErrors{0};
    std::map<std::string, std::pair<uint64_t, uint64_t>> m_byAction;
    std::vector<std::string> m_firstFailures;
};

} // namespace bench::soak
