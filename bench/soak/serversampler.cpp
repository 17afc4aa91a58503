// SPDX-License-Identifier: GPL-3.0-or-later
#include "serversampler.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace bench::soak {

void LatencyWindow::add(int64_t ns)
{
    std::lock_guard lock(m_mutex);
    m_us.push_back(float(double(ns) / 1000.0));
}

std::vector<float> LatencyWindow::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_us, {});
}

ServerSampler::ServerSampler(int pid, int port, const std::string &csvPath) : m_pid(pid), m_http(port)
{
    m_csv = std::fopen(csvPath.c_str(), "w");
    if (!m_csv)
        die("cannot write " + csvPath + ": " + std::strerror(errno));
    std::fprintf(m_csv, "seconds,rss_mib,rss_anon_mib,fds,threads,cpu_seconds,ws_connections,http_connections,"
                        "storage_queue,typing_indicators,messages_stored,acks,p50_ms,p99_ms,max_ms,actions,"
                        "action_errors\n");
    std::fflush(m_csv);
}

ServerSampler::~ServerSampler()
{
    if (m_csv)
        std::fclose(m_csv);
}

void ServerSampler::readProc(ServerSample *s) const
{
    const std::string dir = "/proc/" + std::to_string(m_pid);
    std::ifstream status(dir + "/status");
    if (!status)
        die("the server (pid " + std::to_string(m_pid) + ") is gone");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0)
            s->rssMiB = std::atof(line.c_str() + 6) / 1024.0;
        else if (line.rfind("RssAnon:", 0) == 0)
            s->rssAnonMiB = std::atof(line.c_str() + 8) / 1024.0;
        else if (line.rfind("Threads:", 0) == 0)
            s->threads = std::atoi(line.c_str() + 8);
    }
    if (DIR *d = opendir((dir + "/fd").c_str())) {
        while (const dirent *e = readdir(d))
            s->fds += e->d_name[0] != '.' ? 1 : 0;
        closedir(d);
    }
    std::ifstream stat(dir + "/stat");
    std::string line;
    std::getline(stat, line);
    const size_t paren = line.rfind(')');
    if (paren != std::string::npos) {
        std::istringstream rest(line.substr(paren + 2));
        std::vector<std::string> f;
        for (std::string t; rest >> t && f.size() < 13;)
            f.push_back(t);
        if (f.size() == 13)
            s->cpuSeconds = (std::atof(f[11].c_str()) + std::atof(f[12].c_str())) / double(sysconf(_SC_CLK_TCK));
    }
}

void ServerSampler::readMetrics(ServerSample *s)
{
    const HttpResponse r = m_http.call("GET", "/metrics");
    std::istringstream in(r.body);
    for (std::string line; std::getline(in, line);) {
        const size_t space = line.find(' ');
        if (line.empty() || line[0] == '#' || space == std::string::npos)
            continue;
        const std::string name = line.substr(0, space);
        const double value = std::atof(line.c_str() + space + 1);
        if (name == "confab_websocket_connections")
            s->wsConnections = value;
        else if (name == "confab_http_connections")
            s->httpConnections = value;
        else if (name == "confab_storage_queue")
            s->storageQueue = value;
        else if (name == "confab_typing_indicators")
            s->typing = value;
        else if (name == "confab_messages_stored_total")
            s->messagesStored = value;
    }
}

const ServerSample &ServerSampler::sample(double seconds, std::vector<float> latenciesUs, uint64_t actions,
                                          uint64_t actionErrors)
{
    ServerSample s;
    s.seconds = seconds;
    readProc(&s);
    readMetrics(&s);
    s.acks = latenciesUs.size();
    if (!latenciesUs.empty()) {
        std::sort(latenciesUs.begin(), latenciesUs.end());
        auto q = [&](double p) {
            return double(latenciesUs[std::min(latenciesUs.size() - 1, size_t(p * double(latenciesUs.size())))]) /
                   1000.0;
        };
        s.p50Ms = q(0.50);
        s.p99Ms = q(0.99);
        s.maxMs = double(latenciesUs.back()) / 1000.0;
    }
    s.actions = actions;
    s.actionErrors = actionErrors;
    std::fprintf(m_csv, "%.1f,%.2f,%.2f,%d,%d,%.2f,%.0f,%.0f,%.0f,%.0f,%.0f,%zu,%.2f,%.2f,%.2f,%llu,%llu\n", s.seconds,
                 s.rssMiB, s.rssAnonMiB, s.fds, s.threads, s.cpuSeconds, s.wsConnections, s.httpConnections,
                 s.storageQueue, s.typing, s.messagesStored, s.acks, s.p50Ms, s.p99Ms, s.maxMs,
                 static_cast<unsigned long long>(s.actions), static_cast<unsigned long long>(s.actionErrors));
    std::fflush(m_csv);
    m_samples.push_back(s);
    return m_samples.back();
}

} // namespace bench::soak
