// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <array>
#include <atomic>

namespace confab::server {

// A Prometheus histogram of durations (seconds on the wire, microseconds in), recorded from any
// thread without a lock and rendered by /metrics. Buckets from 0.1 ms to 10 s.
class LatencyHistogram {
public:
    static constexpr std::array<double, 14> kBucketsMs{0.1, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000};

    void record(qint64 us);
    // The _bucket, _sum and _count lines of `name`; `labels` without braces ("route=\"/x\"") or empty.
    QByteArray render(const QByteArray &name, const QByteArray &labels = {}) const;

private:
    std::array<std::atomic<qint64>, kBucketsMs.size() + 1> m_buckets{};
    std::atomic<qint64> m_sumUs{0};
    std::atomic<qint64> m_count{0};
};

} // namespace confab::server
