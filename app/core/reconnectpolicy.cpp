// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconnectpolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace confab {

namespace {
// The steps, in order; the last one repeats forever. First retries are quick (a server restart
// takes about a second), then it backs off to a cap near half a minute.
const std::vector<ReconnectPolicy::Step> kDefaultSteps{
    {500, 20},   // 1st failure
    {1000, 20},  // 2nd
    {2000, 25},  // 3rd
    {5000, 25},  // 4th
    {10000, 25}, // 5th
    {20000, 25}, // 6th
    {30000, 20}, // 7th and every later one: the cap
};
} // namespace

ReconnectPolicy::ReconnectPolicy()
    : m_steps(kDefaultSteps), m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

int ReconnectPolicy::baseDelayMs(int failures) const
{
    if (m_steps.empty())
        return 0;
    const std::size_t i = std::clamp<std::size_t>(std::size_t(std::max(failures, 1) - 1), 0, m_steps.size() - 1);
    return m_steps[i].delayMs;
}

int ReconnectPolicy::delayMs(int failures) const
{
    if (m_steps.empty())
        return 0;
    const std::size_t i = std::clamp<std::size_t>(std::size_t(std::max(failures, 1) - 1), 0, m_steps.size() - 1);
    const Step &step = m_steps[i];
    const double spread = step.delayMs * step.jitterPct / 100.0;
    const double jittered = step.delayMs + (m_random() * 2.0 - 1.0) * spread;
    return std::max(0, int(jittered));
}

int ReconnectPolicy::capMs() const
{
    if (m_steps.empty())
        return 0;
    const Step &last = m_steps.back();
    return last.delayMs + last.delayMs * last.jitterPct / 100;
}

} // namespace confab
