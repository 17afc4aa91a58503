// SPDX-License-Identifier: GPL-3.0-or-later
#include "signoutreason.h"

namespace confab::client {

QString SignOutReason::text(int closeCode, const QString &reason)
{
    if (closeCode != 1008)
        return {};
    if (reason == QLatin1String("signed out: password changed"))
        return tr("Your password was changed on another device. Sign in again.");
    if (reason == QLatin1String("signed out: password reset"))
        return tr("Your password was reset by an administrator. Sign in again.");
    if (reason == QLatin1String("signed out"))
        return tr("This session was signed out. Sign in again.");
    if (reason == QLatin1String("account disabled"))
        return tr("Your account was disabled by an administrator.");
    if (reason == QLatin1String("banned from the server"))
        return tr("Your account was banned from this server.");
    if (reason == QLatin1String("account erased"))
        return tr("Your account was deleted.");
    return {};
}

} // namespace confab::client
