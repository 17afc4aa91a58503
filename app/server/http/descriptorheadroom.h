// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace confab::server {

// Whether the process has descriptors to spare for another connection, read from the kernel's
// own numbering: a new descriptor always gets the lowest free number, so a socket accepted as
// number N means that 0..N-1 were all open. Counting connections alone is not enough, because a
// connection may hold more than its socket (an upload's file, a traffic capture), and then
// accept() and file opens run into EMFILE. That must not happen even once in a sanitized build:
// UBSan's vptr check probes memory through a pipe, and with no descriptor left it reports a false
// "invalid vptr" and stops the server.
class DescriptorHeadroom {
public:
    // The ceiling from RLIMIT_NOFILE: the soft limit less a reserve for the database, its
    // journal, logs, event descriptors and what connections open besides their sockets.
    DescriptorHeadroom();

    // Descriptors numbered from here on are the reserve (INT_MAX: no limit).
    int ceiling() const { return m_ceiling; }
    // A descriptor the kernel just handed out: is it in the reserve?
    bool isInReserve(int descriptor) const { return descriptor >= m_ceiling; }
    // The lowest free descriptor number, or -1 when none is free (asks the kernel for one by
    // duplicating `anyOpen`, and closes it again).
    static int lowestFree(int anyOpen);

private:
    int m_ceiling;
};

} // namespace confab::server
