// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/errors.h"

#include <QCoreApplication>
#include <QString>

namespace confab::client {

// What the server's refusals mean, in the user's language: one sentence per API error code (and
// per field for VALIDATION_FAILED). The server's own text is English and meant for developers; it
// is shown for a code this client does not know, as the detail, in an untranslated UI for the
// codes that cover many kinds of refusal, and always for UNAVAILABLE (after a translated lead),
// whose causes range from a busy server to a feature it has not set up.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(confab::client::ErrorText)
public:
    // serverText: the server's own words, kept where a code covers many refusals and no
    // translation is in effect.
    static QString forCode(ErrorCode code, const QString &field = {}, int retryAfterSeconds = 0,
                           const QString &serverText = {});
    // A code this client does not know (a newer server): the server's words.
    static QString unknown(const QString &serverText);
    // A refused sign-in (UNAUTHORIZED from /v1/auth/login).
    static QString wrongCredentials();
    // The rule of core's validateUsername(), as a sentence.
    static QString usernameRule();
};

} // namespace confab::client
