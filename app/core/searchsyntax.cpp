// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchsyntax.h"

#include <QStringList>

namespace confab {

namespace {

// Splits on white space; a double-quoted stretch (quotes dropped) stays in one token, so
// in:"design team" is one token. An unterminated quote runs to the end.
QStringList tokens(const QString &query)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool any = false;
    for (const QChar c : query) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any)
                out.append(current);
            current.clear();
            any = false;
        } else {
            current.append(c);
            any = true;
        }
    }
    if (any)
        out.append(current);
    return out;
}

} // namespace

SearchSyntax SearchSyntax::parse(const QString &query)
{
    SearchSyntax s;
    QStringList words;
    for (const QString &token : tokens(query)) {
        const qsizetype colon = token.indexOf(QLatin1Char(':'));
        const QString key = colon > 0 ? token.left(colon).toLower() : QString();
        const QString value = colon > 0 ? token.mid(colon + 1).trimmed() : QString();
        auto fail = [&](const QString &why) {
            if (s.error.isEmpty())
                s.error = why;
        };
        if (key == QLatin1String("from")) {
            s.fromUsername = value.startsWith(QLatin1Char('@')) ? value.mid(1) : value;
            if (s.fromUsername.isEmpty())
                fail(QStringLiteral("from: wants a username"));
        } else if (key == QLatin1String("in")) {
            s.inRoom = value.startsWith(QLatin1Char('#')) ? value.mid(1) : value;
            if (s.inRoom.isEmpty())
                fail(QStringLiteral("in: wants a room name"));
        } else if (key == QLatin1String("before") || key == QLatin1String("after")) {
            const QDate date = QDate::fromString(value, Qt::ISODate);
            if (!date.isValid() || value.size() != 10) {
                fail(QStringLiteral("%1: wants a date as YYYY-MM-DD, not \"%2\"").arg(key, value));
                continue;
            }
            (key == QLatin1String("before") ? s.before : s.after) = date;
        } else if (key == QLatin1String("has")) {
            if (value.compare(QLatin1String("file"), Qt::CaseInsensitive) == 0)
                s.hasFile = true;
            else
                fail(QStringLiteral("has: knows only \"file\", not \"%1\"").arg(value));
        } else {
            words.append(token);
        }
    }
    s.words = words.join(QLatin1Char(' '));
    return s;
}

} // namespace confab
