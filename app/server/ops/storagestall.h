// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace confab::server {

// Fault injection for the watchdog and readiness tests: when the environment variable
// CONFAB_FAULT_STALL_STORAGE_FILE names a file, the storage thread's health pings hold that
// thread for as long as the file exists, as a stuck disk or a runaway query would. Harmless
// otherwise: without the variable (or the file) this returns at once.
class StorageStall {
public:
    // Storage thread only.
    static void holdWhileAsked();
};

} // namespace confab::server
