// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock.h"

#include <QString>

#include <memory>

namespace confab::server {

// TEST SEAM ONLY, for the clock-jump tests (tests/server/tst_clockjumps.cpp): when the
// environment variable CONFAB_TEST_CLOCK_OFFSET_FILE names a file, the server's wall clock is
// the system's plus the milliseconds written in that file (read at every call, so a test moves
// the clock of a running server by rewriting it; a missing or empty file is an offset of 0).
// Without the variable the server uses SystemClock and never looks at a file.
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(QString offsetFile) : m_offsetFile(std::move(offsetFile)) {}
    qint64 nowMs() const override;

    // The server's clock: a ShiftedClock when the variable is set, else a SystemClock.
    static std::unique_ptr<Clock> fromEnvironment();

private:
    QString m_offsetFile;
    SystemClock m_system;
};

} // namespace confab::server
