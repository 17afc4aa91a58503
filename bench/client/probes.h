// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

namespace confab::bench {

// Resident set size of this process (VmRSS of /proc/self/status), in KiB.
qint64 rssKiB();
// Peak resident set size (VmHWM), in KiB.
qint64 peakRssKiB();
// Bytes malloc has handed out and not taken back (mallinfo2: arenas plus mmapped blocks).
qint64 heapInUseBytes();
// The three load averages of /proc/loadavg, e.g. "1.20 0.80 0.50".
QString loadAverage();

// A set of timings in milliseconds, summarised as count, mean, median, p95 and max.
class Samples {
public:
    void add(double ms) { m_values.push_back(ms); }
    bool empty() const { return m_values.empty(); }
    std::size_t count() const { return m_values.size(); }
    double sum() const;
    double mean() const;
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double max() const;
    nlohmann::json toJson() const;
    // "p50 1.23 ms, p95 4.56 ms, max 7.89 ms (n=100)"
    QString summary() const;

private:
    std::vector<double> m_values;
};

// Milliseconds elapsed on a QElapsedTimer, with sub-millisecond resolution.
inline double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

// CPU time of the calling thread, in nanoseconds. Unlike wall time it does not count the time
// other processes held the core, so it stays meaningful on a loaded machine.
qint64 threadCpuNs();

// Wall and CPU time of one piece of work, for micro-measurements on a shared machine.
class Stopwatch {
public:
    void start()
    {
        m_cpu = threadCpuNs();
        m_wall.start();
    }
    double wallMs() const { return msSince(m_wall); }
    double cpuMs() const { return double(threadCpuNs() - m_cpu) / 1e6; }

private:
    QElapsedTimer m_wall;
    qint64 m_cpu = 0;
};

// Runs the event loop until done() is true or timeoutMs pass; false on time-out.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// A line on stderr that the orchestrator forwards to the terminal as it comes.
void say(const QString &line);

// A measuring child saves what it has so far after each phase, so that a child stopped at its
// time limit still reports its finished phases. No-op until a path is set.
void setCheckpointFile(const QString &path);
void checkpoint(const nlohmann::json &partial);

} // namespace confab::bench

namespace confab::bench {

// RSS and malloc's bytes in use at one moment, and what changed between two such moments.
struct MemoryMark {
    qint64 rssKiB = 0;
    qint64 heapBytes = 0;
    static MemoryMark now();
};
nlohmann::json memoryDelta(const MemoryMark &before, const MemoryMark &after, qint64 rows);

} // namespace confab::bench
