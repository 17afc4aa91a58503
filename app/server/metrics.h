// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/latencyhistogram.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace confab::server {

// /metrics in the Prometheus text format: request counts and latencies from the HTTP transport,
// and gauges read from the parts that own them. Network thread only.
class Metrics : public QObject {
    Q_OBJECT
public:
    using Source = std::function<double()>;

    explicit Metrics(QObject *parent = nullptr);

    void recordRequest(int status, qint64 latencyUs);
    // Per route template ("/v1/chat/rooms/{roomId}/messages", never a raw path: bounded labels).
    void recordRoute(const QByteArray &method, const QString &routeTemplate, qint64 latencyUs);
    // Uploads stored as files, their bytes, and uploads refused (too large, quarantined, over quota...).
    void countUpload(qint64 bytes);
    void countUploadRefused() { ++m_uploadsRefused; }
    // Recorded from other threads (storage) or parts (WebSocket sessions); rendered here.
    LatencyHistogram &storageQueueWait() { return m_storageQueueWait; }
    LatencyHistogram &storageTransaction() { return m_storageTransaction; }
    LatencyHistogram &webSocketDelivery() { return m_webSocketDelivery; }
    void addGauge(const char *name, const char *help, Source source);
    void addCounter(const char *name, const char *help, Source source);
    QByteArray render() const;

private:
    struct Series {
        const char *name;
        const char *help;
        const char *type;
        Source source;
    };
    static constexpr std::array<double, 10> kBucketsMs{1, 2, 5, 10, 25, 50, 100, 250, 500, 1000};
    std::array<qint64, kBucketsMs.size() + 1> m_buckets{};
    std::array<qint64, 6> m_byClass{}; // 1xx..5xx
    double m_latencySumMs = 0;
    qint64 m_requests = 0;
    std::vector<Series> m_series;
    std::map<std::pair<QByteArray, QString>, std::unique_ptr<LatencyHistogram>> m_routes;
    qint64 m_uploads = 0;
    qint64 m_uploadBytes = 0;
    qint64 m_uploadsRefused = 0;
    LatencyHistogram m_storageQueueWait;
    LatencyHistogram m_storageTransaction;
    LatencyHistogram m_webSocketDelivery;
};

} // namespace confab::server
