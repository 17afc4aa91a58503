// SPDX-License-Identifier: GPL-3.0-or-later
// Every few seconds, one CSV row about the server under soak: its memory and descriptors from
// /proc, its queue gauges from /metrics, and the generator's send-to-ack latency of the period.
#pragma once

#include "../loadgen/net.h"

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

namespace bench::soak {

// Send-to-ack latencies, filled by the sender thread, emptied by the sampler.
class LatencyWindow {
public:
    void add(int64_t ns);
    std::vector<float> take(); // microseconds, since the last take()

private:
    std::mutex m_mutex;
    std::vector<float> m_us;
};

struct ServerSample {
    double seconds = 0; // since the load started
    double rssMiB = 0;
    double rssAnonMiB = 0; // heap and stacks: what a leak grows
    int fds = 0;
    int threads = 0;
    double cpuSeconds = 0;
    double wsConnections = 0, httpConnections = 0, storageQueue = 0, typing = 0, messagesStored = 0;
    size_t acks = 0;
    double p50Ms = 0, p99Ms = 0, maxMs = 0;
    uint64_t actions = 0, actionErrors = 0; // totals so far
};

class ServerSampler {
public:
    ServerSampler(int pid, int port, const std::string &csvPath);
    ~ServerSampler();
    ServerSampler(const ServerSampler &) = delete;
    ServerSampler &operator=(const ServerSampler &) = delete;

    // Takes one sample, appends it to the CSV (flushed) and to samples().
    const ServerSample &sample(double seconds, std::vector<float> latenciesUs, uint64_t actions, uint64_t actionErrors);
    const std::vector<ServerSample> &samples() const { return m_samples; }

private:
    void readProc(ServerSample *s) const;
    void readMetrics(ServerSample *s);

    int m_pid;
    HttpClient m_http;
    std::FILE *m_csv = nullptr;
    std::vector<ServerSample> m_samples;
};

} // namespace bench::soak
