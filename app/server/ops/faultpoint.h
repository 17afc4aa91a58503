// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace confab::server {

// Fault injection for the crash tests (tests/server/tst_crashes.cpp): when the environment
// variable CONFAB_FAULT_POINT names the point a thread reaches, that thread creates the file
// CONFAB_FAULT_POINT_FILE names (so the test knows where the server stands) and then waits there
// until the process is killed, so a SIGKILL lands at an exact place (inside a transaction, say).
// Harmless otherwise: without the variable this returns at once.
class FaultPoint {
public:
    static void reach(const char *name);
};

} // namespace confab::server
