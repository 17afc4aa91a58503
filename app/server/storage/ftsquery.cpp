// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftsquery.h"

#include <QStringList>

#include <algorithm>

namespace confab::server {

namespace {

bool hasWordCharacter(const QString &word)
{
    return std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

// Control characters (NUL included) become spaces: they are never part of a word.
QString withoutControlCharacters(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text;
}

QString quotedPhrase(QString word)
{
    word.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + word + QLatin1Char('"');
}

} // namespace

QString ftsMatchExpression(const QString &userText, int maxWords)
{
    QStringList phrases;
    const QStringList words =
        withoutControlCharacters(userText).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (phrases.size() >= maxWords)
            break;
        if (hasWordCharacter(word))
            phrases.append(quotedPhrase(word));
    }
    if (phrases.isEmpty())
        return {};
    phrases.last() += QLatin1Char('*');
    return phrases.join(QLatin1Char(' '));
}

MarkedSnippet unmarkSnippet(const QString &marked)
{
    MarkedSnippet out;
    out.text.reserve(marked.size());
    int start = -1;
    for (const QChar c : marked) {
        if (c == QChar(kMatchStart)) {
            start = int(out.text.size());
        } else if (c == QChar(kMatchEnd)) {
            if (start >= 0 && out.text.size() > start)
                out.matches.push_back(TextRange{start, int(out.text.size()) - start});
            start = -1;
        } else {
            out.text.append(c);
        }
    }
    return out;
}

} // namespace confab::server
