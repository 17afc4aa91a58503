// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace confab::server {

// Gives freed heap back to the system after a connection storm. glibc keeps the memory of
// thousands of closed connections in its arenas (fragmented, so it cannot shrink them by
// itself) and RSS ratchets up storm after storm; malloc_trim(0) releases the free pages.
// Polls the connection counts on a slow timer, so it costs nothing per connection, and trims at
// most once per poll, only after the count fell by a storm's worth from its peak.
class HeapTrimmer : public QObject {
public:
    // peakConnections: the most connections open at once since its previous call.
    HeapTrimmer(std::function<int()> openConnections, std::function<int()> peakConnections, int stormSize = 1000,
                int pollMs = 5000, QObject *parent = nullptr);

private:
    void poll();

    std::function<int()> m_openConnections;
    std::function<int()> m_peakConnections;
    const int m_stormSize;
    QTimer m_timer;
    int m_peak = 0;
};

} // namespace confab::server
