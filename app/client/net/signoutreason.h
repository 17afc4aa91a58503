// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace confab::client {

// What to tell the user when the server ends this session on purpose: it closes the WebSocket
// with code 1008 and a reason (docs/api.md, "close code"). Empty for a close that is not a
// sign-out (the client then reconnects as usual).
class SignOutReason {
    Q_DECLARE_TR_FUNCTIONS(confab::client::SignOutReason)
public:
    static QString text(int closeCode, const QString &reason);
};

} // namespace confab::client
