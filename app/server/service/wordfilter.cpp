// SPDX-License-Identifier: GPL-3.0-or-later
#include "wordfilter.h"

namespace confab::server {

WordFilter::WordFilter(const QStringList &words)
{
    QStringList alternatives;
    for (const QString &w : words) {
        const QString t = w.trimmed();
        if (!t.isEmpty())
            alternatives << QRegularExpression::escape(t);
    }
    if (alternatives.isEmpty())
        return;
    // Letters, digits and '_' on either side mean the word is part of a longer one.
    m_pattern =
        QRegularExpression(QStringLiteral("(?<![\\p{L}\\p{N}_])(?:") + alternatives.join(QLatin1Char('|')) +
                               QStringLiteral(")(?![\\p{L}\\p{N}_])"),
                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    m_pattern.optimize();
}

bool WordFilter::matches(const QString &text) const { return !isEmpty() && m_pattern.match(text).hasMatch(); }

QString WordFilter::masked(const QString &text) const
{
    if (isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString word = m.captured();
        for (qsizetype i = 0; i < word.size(); ++i) {
            if (!word.at(i).isLowSurrogate())
                out += QLatin1Char('*');
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace confab::server
