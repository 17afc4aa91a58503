// SPDX-License-Identifier: GPL-3.0-or-later
#include "heaptrimmer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <malloc.h>

Q_LOGGING_CATEGORY(lcHeap, "confab.heap", QtInfoMsg)

namespace confab::server {

HeapTrimmer::HeapTrimmer(std::function<int()> openConnections, std::function<int()> peakConnections, int stormSize,
                         int pollMs, QObject *parent)
    : QObject(parent), m_openConnections(std::move(openConnections)), m_peakConnections(std::move(peakConnections)),
      m_stormSize(stormSize)
{
    connect(&m_timer, &QTimer::timeout, this, &HeapTrimmer::poll);
    m_timer.start(pollMs);
}

void HeapTrimmer::poll()
{
    const int open = m_openConnections();
    m_peak = qMax(m_peak, m_peakConnections());
    if (m_peak - open < m_stormSize)
        return;
    QElapsedTimer took;
    took.start();
    malloc_trim(0);
    qCDebug(lcHeap) << "trimmed the heap after connections fell from" << m_peak << "to" << open << "in"
                    << took.elapsed() << "ms";
    m_peak = open;
}

} // namespace confab::server
