// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loginthrottle.h"

namespace confab::server {

// Every place a password is checked (sign-in, password change, account erasure) counts against
// the same two limits: per username and address, strictly (one address can neither guess on nor
// lock the owner out elsewhere), and per username from anywhere, more loosely (guesses spread
// over many addresses still meet a limit). An attempt counts as failed from its start, so guesses
// sent in parallel cannot slip past while their hashes are checked; a success forgets both.
class PasswordAttempts {
public:
    explicit PasswordAttempts(const Clock &clock);

    // Seconds until this username may be tried again from this address; 0: now.
    int retryAfterSeconds(const QString &usernameKey, const QString &address) const;
    void begin(const QString &usernameKey, const QString &address);
    void succeeded(const QString &usernameKey, const QString &address);

private:
    static QString attemptKey(const QString &usernameKey, const QString &address);

    LoginThrottle m_fromAddress;
    LoginThrottle m_anywhere;
};

} // namespace confab::server
