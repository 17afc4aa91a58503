// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgressearchsql.h"

#include "storage/ftsquery.h"

#include <QStringList>

#include <algorithm>

namespace confab::server {

QString postgresTsQuery(const QString &userText, int maxWords)
{
    QString cleaned = userText;
    for (QChar &c : cleaned) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    QStringList terms;
    for (QString word : cleaned.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (terms.size() >= maxWords)
            break;
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        // A quoted lexeme: the parser still splits "e-mail" into a phrase of its parts, and no
        // character of the word is query syntax.
        word.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        word.replace(QLatin1Char('\''), QLatin1String("''"));
        terms.append(QLatin1Char('\'') + word + QLatin1Char('\''));
    }
    if (terms.isEmpty())
        return {};
    terms.last() += QLatin1String(":*");
    return terms.join(QLatin1String(" & "));
}

QString postgresSearchFromWhere()
{
    // The query is folded like the column (confab_search_text); the snippet marks matches with
    // the same control characters as FTS5's snippet() so that unmarkSnippet() reads both.
    return QStringLiteral(", ts_headline('simple', m.content, q.query, 'StartSel=' || chr(%1) || ', StopSel=' || "
                          "chr(%2) || ', MaxWords=16, MinWords=6, HighlightAll=false') "
                          "FROM messages m JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ? "
                          "CROSS JOIN (SELECT to_tsquery('simple', confab_search_text(CAST(? AS text))) AS query) q "
                          "LEFT JOIN users u ON u.user_id = m.author_id "
                          "WHERE m.search_vector @@ q.query AND m.is_deleted = 0")
        .arg(int(kMatchStart))
        .arg(int(kMatchEnd));
}

QString postgresSearchOrder(bool byRelevance)
{
    return byRelevance ? QStringLiteral(" ORDER BY ts_rank(m.search_vector, q.query) DESC, m.id DESC")
                       : QStringLiteral(" ORDER BY m.id DESC");
}

} // namespace confab::server
