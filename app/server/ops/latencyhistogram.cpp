// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencyhistogram.h"

namespace confab::server {

void LatencyHistogram::record(qint64 us)
{
    const double ms = double(us) / 1000.0;
    std::size_t i = 0;
    while (i < kBucketsMs.size() && ms > kBucketsMs[i])
        ++i;
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    m_sumUs.fetch_add(us, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
}

QByteArray LatencyHistogram::render(const QByteArray &name, const QByteArray &labels) const
{
    QByteArray prefix = labels;
    if (!prefix.isEmpty())
        prefix += ',';
    QByteArray out;
    qint64 cumulative = 0;
    const auto bucket = [&](const QByteArray &le, qint64 count) {
        out += name;
        out += "_bucket{";
        out += prefix;
        out += "le=\"";
        out += le;
        out += "\"} ";
        out += QByteArray::number(count);
        out += '\n';
    };
    for (std::size_t i = 0; i < kBucketsMs.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        bucket(QByteArray::number(kBucketsMs[i] / 1000.0), cumulative);
    }
    cumulative += m_buckets.back().load(std::memory_order_relaxed);
    bucket(QByteArrayLiteral("+Inf"), cumulative);
    QByteArray braces;
    if (!labels.isEmpty()) {
        braces += '{';
        braces += labels;
        braces += '}';
    }
    out += name;
    out += "_sum";
    out += braces;
    out += ' ';
    out += QByteArray::number(double(m_sumUs.load()) / 1e6, 'g', 12);
    out += '\n';
    out += name;
    out += "_count";
    out += braces;
    out += ' ';
    out += QByteArray::number(m_count.load());
    out += '\n';
    return out;
}

} // namespace confab::server
