// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics.h"

namespace confab::server {

Metrics::Metrics(QObject *parent) : QObject(parent) {}

void Metrics::recordRequest(int status, qint64 latencyUs)
{
    const double ms = double(latencyUs) / 1000.0;
    ++m_requests;
    m_latencySumMs += ms;
    const int cls = std::clamp(status / 100, 1, 5);
    ++m_byClass[std::size_t(cls)];
    std::size_t i = 0;
    while (i < kBucketsMs.size() && ms > kBucketsMs[i])
        ++i;
    ++m_buckets[i];
}

void Metrics::addGauge(const char *name, const char *help, Source source)
{
    m_series.push_back({name, help, "gauge", std::move(source)});
}

void Metrics::addCounter(const char *name, const char *help, Source source)
{
    m_series.push_back({name, help, "counter", std::move(source)});
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out += "# HELP confab_http_requests_total HTTP requests answered, by status class.\n"
           "# TYPE confab_http_requests_total counter\n";
    for (int cls = 1; cls <= 5; ++cls)
        out += "confab_http_requests_total{class=\"" + QByteArray::number(cls) + "xx\"} " +
               QByteArray::number(m_byClass[std::size_t(cls)]) + '\n';
    out += "# HELP confab_http_request_duration_seconds Time from request received to response queued.\n"
           "# TYPE confab_http_request_duration_seconds histogram\n";
    qint64 cumulative = 0;
    for (std::size_t i = 0; i < kBucketsMs.size(); ++i) {
        cumulative += m_buckets[i];
        out += "confab_http_request_duration_seconds_bucket{le=\"" + QByteArray::number(kBucketsMs[i] / 1000.0) +
               "\"} " + QByteArray::number(cumulative) + '\n';
    }
    cumulative += m_buckets.back();
    out += "confab_http_request_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(cumulative) + '\n';
    out += "confab_http_request_duration_seconds_sum " + QByteArray::number(m_latencySumMs / 1000.0) + '\n';
    out += "confab_http_request_duration_seconds_count " + QByteArray::number(m_requests) + '\n';
    for (const Series &s : m_series) {
        out += QByteArray("# HELP ") + s.name + ' ' + s.help + '\n';
        out += QByteArray("# TYPE ") + s.name + ' ' + s.type + '\n';
        out += QByteArray(s.name) + ' ' + QByteArray::number(s.source(), 'g', 15) + '\n';
    }
    return out;
}

} // namespace confab::server
