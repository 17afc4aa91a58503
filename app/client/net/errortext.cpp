// SPDX-License-Identifier: GPL-3.0-or-later
#include "errortext.h"

#include "core/limits.h"

namespace confab::client {

namespace {
QString generic(const QString &translated, const QString &serverText);

QString invalidField(const QString &field, const QString &serverText)
{
    if (field == QLatin1String("username"))
        return ErrorText::usernameRule();
    if (field == QLatin1String("password"))
        return ErrorText::tr("A password needs at least %1 characters.").arg(limits::kPasswordMin);
    if (field == QLatin1String("displayName"))
        return ErrorText::tr("A display name needs 1 to %1 characters.").arg(limits::kDisplayNameMax);
    if (field == QLatin1String("name"))
        return ErrorText::tr("A room name needs 1 to %1 characters.").arg(limits::kRoomNameMax);
    if (field == QLatin1String("description"))
        return ErrorText::tr("A description has at most %1 characters.").arg(limits::kDescriptionMax);
    if (field == QLatin1String("content"))
        return generic(
            ErrorText::tr(
                "The server does not accept this message (empty, too long, or a word this room does not allow)."),
            serverText);
    if (field == QLatin1String("reason"))
        return ErrorText::tr("A reason has at most %1 characters.").arg(limits::kReasonMax);
    if (field == QLatin1String("q")) // the server says which filter and why ("before: wants a date...")
        return generic(ErrorText::tr("The search is not understood: check its filters (from:, in:, before:, "
                                     "after:, has:file)."),
                       serverText);
    return ErrorText::tr("The server does not accept this value.");
}

bool translationInEffect()
{
    return QCoreApplication::translate("confab::client::ErrorText", "The server refused the request.") !=
           QLatin1String("The server refused the request.");
}

QString asSentence(const QString &serverText)
{
    QString sentence = serverText.trimmed();
    sentence[0] = sentence[0].toUpper();
    if (!sentence.endsWith(QLatin1Char('.')))
        sentence += QLatin1Char('.');
    return sentence;
}

// A code that covers many refusals (FORBIDDEN, CONFLICT) loses what happened when it becomes one
// sentence. Where no translation is in effect the server's own words are in the user's language
// and say more ("Bob is banned from this room"), so they win; otherwise the translated sentence.
QString generic(const QString &translated, const QString &serverText)
{
    if (serverText.trimmed().isEmpty() || translationInEffect())
        return translated;
    return asSentence(serverText);
}

// How long to wait, in the largest unit that reads well ("40 s", "5 min", "3 h").
QString waitText(int seconds)
{
    if (seconds < 120)
        return ErrorText::tr("%1 s").arg(seconds);
    if (seconds < 2 * 3600)
        return ErrorText::tr("%1 min").arg((seconds + 59) / 60);
    return ErrorText::tr("%1 h").arg((seconds + 3599) / 3600);
}

// UNAVAILABLE covers things that pass (a busy server) and things that do not (a feature this
// server has not set up: no model for the assistant, no file store). The server's words say
// which, and what would change it: they are shown, after a translated lead where a translation
// is in effect. Only without them does the user read that the server is busy.
QString unavailable(const QString &serverText)
{
    if (serverText.trimmed().isEmpty())
        return ErrorText::tr("The server is busy. Try again in a moment.");
    if (!translationInEffect())
        return asSentence(serverText);
    return ErrorText::tr("The server cannot do this now: %1").arg(serverText.trimmed());
}

// RATE_LIMITED covers sign-in attempts, slow mode and the assistant's daily quota: the server's
// words name which. Without them (or in a translation) the wait is what is left to say.
QString rateLimited(int retryAfterSeconds, const QString &serverText)
{
    const QString wait = retryAfterSeconds > 0
                             ? ErrorText::tr("Too many attempts. Try again in %1.").arg(waitText(retryAfterSeconds))
                             : ErrorText::tr("Too many attempts. Try again in a moment.");
    if (serverText.trimmed().isEmpty() || translationInEffect())
        return wait;
    QString sentence = asSentence(serverText);
    // "slow mode: wait 30 s before..." says when; "you used your daily quota" does not.
    if (retryAfterSeconds > 0 && !serverText.contains(QLatin1String("wait")))
        sentence += QLatin1Char(' ') + ErrorText::tr("Try again in %1.").arg(waitText(retryAfterSeconds));
    return sentence;
}
} // namespace

QString ErrorText::forCode(ErrorCode code, const QString &field, int retryAfterSeconds, const QString &serverText)
{
    switch (code) {
    case ErrorCode::ValidationFailed: return invalidField(field, serverText);
    case ErrorCode::Unauthorized: return tr("You are not signed in any more. Sign in again.");
    case ErrorCode::Forbidden: return generic(tr("You are not allowed to do that here."), serverText);
    case ErrorCode::NotFound:
    case ErrorCode::FileNotFound:
    case ErrorCode::UploadNotFound: return tr("The server does not have that.");
    case ErrorCode::RoomNotFound: return tr("That room does not exist, or you are not in it.");
    case ErrorCode::MessageNotFound: return tr("That message does not exist any more.");
    case ErrorCode::UserNotFound: return tr("There is no such person here.");
    case ErrorCode::Conflict:
        return field == QLatin1String("username")
                   ? tr("That username is taken.")
                   : generic(tr("That cannot be done now: it is already done, or a limit is reached."), serverText);
    case ErrorCode::RateLimited: return rateLimited(retryAfterSeconds, serverText);
    case ErrorCode::PayloadTooLarge: return generic(tr("That is too large for the server."), serverText);
    case ErrorCode::RequestTimeout: return tr("The server took too long to answer. Try again.");
    case ErrorCode::Unavailable: return unavailable(serverText);
    case ErrorCode::Internal: return tr("The server could not complete this request.");
    case ErrorCode::BadRequest:
    case ErrorCode::InvalidJson:
    case ErrorCode::MethodNotAllowed:
    case ErrorCode::UnsupportedMediaType:
    case ErrorCode::HeadersTooLarge:
    case ErrorCode::ExpectationFailed: break;
    }
    return tr("The server did not understand the request. This version of Confab may not match the server's.");
}

QString ErrorText::unknown(const QString &serverText)
{
    return serverText.isEmpty() ? tr("The server refused the request.")
                                : tr("The server refused the request: %1").arg(serverText);
}

QString ErrorText::wrongCredentials() { return tr("Wrong username or password."); }

QString ErrorText::usernameRule()
{
    return tr("A username has %1 to %2 characters: letters a-z, digits, “_”, “.” and “-”.")
        .arg(limits::kUsernameMin)
        .arg(limits::kUsernameMax);
}

} // namespace confab::client
