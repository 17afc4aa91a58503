// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace confab::server {

// The user a request acts for, after the token was checked.
struct Caller {
    QString userId;
    QString displayName;
    bool serverAdmin = false;
    QByteArray tokenHash;
    QString username;        // for mentions (@username)
    qint64 standingSeen = 0; // the last standing change known when the token was checked (StandingMonitor)
};

} // namespace confab::server
