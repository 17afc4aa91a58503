// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <atomic>

namespace confab {

// Time, behind an interface so that tests control it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // milliseconds since the Unix epoch, UTC
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
};

// A clock that moves only when told. Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs = 1759141500000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void set(qint64 ms) { m_now.store(ms); }
    void advance(qint64 ms) { m_now.fetch_add(ms); }

private:
    std::atomic<qint64> m_now;
};

} // namespace confab
