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

void Metrics::recordRoute(const QByteArray &method, const QString &routeTemplate, qint64 latencyUs)
{
    auto &h = m_routes[{method, routeTemplate}];
    if (!h)
        h = std::make_unique<LatencyHistogram>();
    h->record(latencyUs);
}

void Metrics::countUpload(qint64 bytes)
{
    ++m_uploads;
    m_uploadBytes += bytes;
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
    out += "# HELP confab_http_route_duration_seconds Time from request received to response queued, by route "
           "template.\n"
           "# TYPE confab_http_route_duration_seconds histogram\n";
    for (const auto &[key, histogram] : m_routes) {
        QByteArray route = key.second.toUtf8();
        route.replace('\\', "\\\\").replace('"', "\\\"");
        out += histogram->render("confab_http_route_duration_seconds",
                                 "method=\"" + key.first + "\",route=\"" + route + '"');
    }
    out += "# HELP confab_storage_queue_wait_seconds Time a storage request waited in the queue before it ran.\n"
           "# TYPE confab_storage_queue_wait_seconds histogram\n" +
           m_storageQueueWait.render("confab_storage_queue_wait_seconds");
    out += "# HELP confab_storage_transaction_seconds Time the storage thread spent on one transaction (its work "
           "and commit; a group commit counts once).\n"
           "# TYPE confab_storage_transaction_seconds histogram\n" +
           m_storageTransaction.render("confab_storage_transaction_seconds");
    out += "# HELP confab_websocket_delivery_seconds Time from a frame queued for a WebSocket to its write to the "
           "socket.\n"
           "# TYPE confab_websocket_delivery_seconds histogram\n" +
           m_webSocketDelivery.render("confab_websocket_delivery_seconds");
    out += "# HELP confab_file_uploads_total Uploads stored as files.\n"
           "# TYPE confab_file_uploads_total counter\n"
           "confab_file_uploads_total " +
           QByteArray::number(m_uploads) +
           "\n# HELP confab_file_upload_bytes_total Bytes of uploads stored as files.\n"
           "# TYPE confab_file_upload_bytes_total counter\n"
           "confab_file_upload_bytes_total " +
           QByteArray::number(m_uploadBytes) +
           "\n# HELP confab_file_uploads_refused_total Uploads refused (too large, quarantined, over quota, "
           "unreadable).\n"
           "# TYPE confab_file_uploads_refused_total counter\n"
           "confab_file_uploads_refused_total " +
           QByteArray::number(m_uploadsRefused) + '\n';
    for (const Series &s : m_series) {
        out += QByteArray("# HELP ") + s.name + ' ' + s.help + '\n';
        out += QByteArray("# TYPE ") + s.name + ' ' + s.type + '\n';
        out += QByteArray(s.name) + ' ' + QByteArray::number(s.source(), 'g', 15) + '\n';
    }
    return out;
}

} // namespace confab::server
