// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::server {

// The last line of defence for secrets in logs: whatever a message says, a bearer token, a
// token= query parameter, a password, cookie or Authorization header value is replaced by
// "[redacted]". The code logs none of them on purpose; this catches what a future line might.
class LogRedaction {
public:
    static QString redact(const QString &message);
};

} // namespace confab::server
