// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace confab::server {

// The service manager's notification protocol (sd_notify(3)): through libsystemd when the build
// has it (CONFAB_WITH_SYSTEMD), else a datagram to $NOTIFY_SOCKET written here, which is all
// that protocol is. Without NOTIFY_SOCKET (not run by systemd) every call does nothing.
class SystemdNotifier {
public:
    // Sends "READY=1", "WATCHDOG=1", "STOPPING=1"...; false when not sent (no service manager).
    static bool notify(const char *state);
    // The watchdog interval systemd asked for (WATCHDOG_USEC, for this process), 0 when off.
    static qint64 watchdogIntervalUs();
};

} // namespace confab::server
