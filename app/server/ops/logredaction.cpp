// SPDX-License-Identifier: GPL-3.0-or-later
#include "logredaction.h"

#include <QRegularExpression>

namespace confab::server {

QString LogRedaction::redact(const QString &message)
{
    // Most lines hold none of the trigger words: no regular expression for them.
    static const QRegularExpression trigger(QStringLiteral("bearer|token|password|authorization|cookie|apikey|api_key"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (!trigger.match(message).hasMatch())
        return message;
    static const QRegularExpression secrets(
        QStringLiteral(
            R"((bearer\s+|(?:token|password|authorization|cookie|api_?key)["']?\s*[:=]\s*["']?(?:bearer\s+)?))"
            R"(([^\s"'&;,}]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = message;
    out.replace(secrets, QStringLiteral("\\1[redacted]"));
    return out;
}

} // namespace confab::server
