// SPDX-License-Identifier: GPL-3.0-or-later
#include "probes.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace confab::bench {

namespace {
qint64 statusField(const char *name)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 rssKiB() { return statusField("VmRSS"); }
qint64 peakRssKiB() { return statusField("VmHWM"); }

qint64 heapInUseBytes()
{
    const struct mallinfo2 mi = mallinfo2();
    return qint64(mi.uordblks + mi.hblkhd);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> parts = f.readAll().split(' ');
    return QString::fromLatin1(parts.mid(0, 3).join(' '));
}

double Samples::sum() const { return std::accumulate(m_values.begin(), m_values.end(), 0.0); }

double Samples::mean() const { return m_values.empty() ? 0 : sum() / double(m_values.size()); }

double Samples::percentile(double p) const
{
    if (m_values.empty())
        return 0;
    std::vector<double> v = m_values;
    std::sort(v.begin(), v.end());
    // Nearest rank.
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

double Samples::max() const { return m_values.empty() ? 0 : *std::max_element(m_values.begin(), m_values.end()); }

nlohmann::json Samples::toJson() const
{
    return {{"n", count()}, {"mean_ms", mean()}, {"p50_ms", median()}, {"p95_ms", percentile(95)}, {"max_ms", max()}};
}

QString Samples::summary() const
{
    return QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms (n=%4)")
        .arg(median(), 0, 'f', 3)
        .arg(percentile(95), 0, 'f', 3)
        .arg(max(), 0, 'f', 3)
        .arg(count());
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    // Sleeps in the event loop between events; the tick re-checks done() and the time-out.
    QTimer tick;
    tick.start(5);
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

namespace {
QString &checkpointPath()
{
    static QString path;
    return path;
}
} // namespace

void setCheckpointFile(const QString &path) { checkpointPath() = path; }

void checkpoint(const nlohmann::json &partial)
{
    if (checkpointPath().isEmpty())
        return;
    QFile f(checkpointPath());
    const std::string text = partial.dump();
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text.data(), qint64(text.size()));
}

void say(const QString &line)
{
    QTextStream err(stderr);
    err << line << Qt::endl;
}

} // namespace confab::bench

namespace confab::bench {

MemoryMark MemoryMark::now() { return {confab::bench::rssKiB(), heapInUseBytes()}; }

nlohmann::json memoryDelta(const MemoryMark &before, const MemoryMark &after, qint64 rows)
{
    nlohmann::json j{{"rss_before_kib", before.rssKiB},
                     {"rss_after_kib", after.rssKiB},
                     {"rss_delta_kib", after.rssKiB - before.rssKiB},
                     {"heap_delta_bytes", after.heapBytes - before.heapBytes}};
    if (rows > 0) {
        j["rows"] = rows;
        j["heap_bytes_per_row"] = double(after.heapBytes - before.heapBytes) / double(rows);
        j["rss_bytes_per_row"] = double(after.rssKiB - before.rssKiB) * 1024.0 / double(rows);
    }
    return j;
}

} // namespace confab::bench
