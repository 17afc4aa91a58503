// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace confab::client {

// "Last seen just now / 5 min ago / 3 h ago / yesterday / 4 days ago / on 12 Mar 2026" for
// someone offline, from their lastSeen and the time now (both ms since the epoch, UTC).
class LastSeenText {
    Q_DECLARE_TR_FUNCTIONS(confab::client::LastSeenText)
public:
    static QString of(qint64 lastSeenMs, qint64 nowMs);
};

} // namespace confab::client
