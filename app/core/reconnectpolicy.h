// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

namespace confab {

// When to try again after a failed or lost connection: one readable table of steps (like
// libQuotient's errorStrategy), a jitter so that a restarted server is not hit by every client
// at the same millisecond, and a cap.
class ReconnectPolicy {
public:
    struct Step {
        int delayMs;   // base delay before this attempt
        int jitterPct; // +- this percentage, at random
    };

    ReconnectPolicy();

    // Delay before attempt `failures` + 1 (failures = consecutive failures so far, from 1).
    int delayMs(int failures) const;
    // The base of a step, without jitter (for tests and for showing the table).
    int baseDelayMs(int failures) const;
    int capMs() const;

    // Tests use a fast table; a random source can be injected to pin the jitter.
    void setTable(std::vector<Step> steps) { m_steps = std::move(steps); }
    void setRandom(std::function<double()> uniform01) { m_random = std::move(uniform01); }

private:
    std::vector<Step> m_steps;
    std::function<double()> m_random;
};

} // namespace confab
