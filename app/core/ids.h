// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>

namespace confab {

// New opaque ids ("r_…" for rooms, "m_…" for messages), behind an interface so tests get
// predictable ones.
class IdGenerator {
public:
    virtual ~IdGenerator() = default;
    virtual QString newId(QStringView prefix) = 0;
};

// 128 random bits from the system's CSPRNG, base32, behind the prefix. Thread-safe.
class RandomIdGenerator final : public IdGenerator {
public:
    QString newId(QStringView prefix) override;
};

// prefix + "_" + 1, 2, 3 ... Thread-safe.
class SequentialIdGenerator final : public IdGenerator {
public:
    QString newId(QStringView prefix) override;

private:
    std::atomic<quint64> m_next{1};
};

} // namespace confab
