// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordattempts.h"

#include <algorithm>

namespace confab::server {

namespace {
LoginThrottle::Settings anywhereLimit()
{
    LoginThrottle::Settings s;
    s.maxFailures = 50;
    s.maxLockoutMs = 15 * 60 * 1000;
    return s;
}
} // namespace

PasswordAttempts::PasswordAttempts(const Clock &clock) : m_fromAddress(clock), m_anywhere(clock, anywhereLimit()) {}

QString PasswordAttempts::attemptKey(const QString &usernameKey, const QString &address)
{
    return usernameKey + QLatin1Char(' ') + address;
}

int PasswordAttempts::retryAfterSeconds(const QString &usernameKey, const QString &address) const
{
    return std::max(m_fromAddress.retryAfterSeconds(attemptKey(usernameKey, address)),
                    m_anywhere.retryAfterSeconds(usernameKey));
}

void PasswordAttempts::begin(const QString &usernameKey, const QString &address)
{
    m_fromAddress.recordFailure(attemptKey(usernameKey, address));
    m_anywhere.recordFailure(usernameKey);
}

void PasswordAttempts::succeeded(const QString &usernameKey, const QString &address)
{
    m_fromAddress.recordSuccess(attemptKey(usernameKey, address));
    m_anywhere.recordSuccess(usernameKey);
}

} // namespace confab::server
