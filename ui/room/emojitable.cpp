// SPDX-License-Identifier: GPL-3.0-or-later
#include "emojitable.h"

#include <QHash>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace confab::ui {

namespace {
QString shortcodeOf(const QString &name)
{
    QString code;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            code += c;
        else if (!code.endsWith(QLatin1Char('_')) && !code.isEmpty())
            code += QLatin1Char('_');
    }
    while (code.endsWith(QLatin1Char('_')))
        code.chop(1);
    return code;
}

// 0 is the best match, -1 none.
int rankOf(const EmojiTable::Emoji &e, const QString &word)
{
    if (e.name.startsWith(word, Qt::CaseInsensitive) || e.shortcode.startsWith(word))
        return 0;
    const auto words = QStringView(e.name).split(QLatin1Char(' '));
    for (const QStringView w : words)
        if (w.startsWith(word, Qt::CaseInsensitive))
            return 1;
    for (const QString &k : e.keywords)
        if (k.startsWith(word, Qt::CaseInsensitive))
            return 2;
    if (e.name.contains(word, Qt::CaseInsensitive) || e.shortcode.contains(word))
        return 3;
    for (const QString &k : e.keywords)
        if (k.contains(word, Qt::CaseInsensitive))
            return 4;
    return -1;
}
} // namespace

const EmojiTable &EmojiTable::instance()
{
    static const EmojiTable table;
    return table;
}

EmojiTable::EmojiTable()
{
    m_emoji.reserve(std::size_t(emojidata::kRecordCount));
    for (int i = 0; i < emojidata::kRecordCount; ++i) {
        const EmojiRecord &r = emojidata::kRecords[i];
        Emoji e;
        e.text = QString::fromUtf8(r.emoji);
        e.name = QString::fromUtf8(r.name);
        e.shortcode = shortcodeOf(e.name);
        for (const QString &k : QString::fromUtf8(r.keywords).split(QLatin1Char('|'), Qt::SkipEmptyParts))
            e.keywords << k.trimmed();
        e.group = r.group;
        e.toned = r.toned;
        m_index.insert(e.text, i);
        m_emoji.push_back(std::move(e));
    }
}

QStringList EmojiTable::groupNames() const
{
    QStringList out;
    for (int g = 0; g < emojidata::kGroupCount; ++g)
        out << QString::fromUtf8(emojidata::kGroups[g]);
    return out;
}

QList<int> EmojiTable::inGroup(int group) const
{
    QList<int> out;
    for (int i = 0; i < count(); ++i)
        if (m_emoji[std::size_t(i)].group == group && !m_emoji[std::size_t(i)].toned)
            out << i;
    return out;
}

QList<int> EmojiTable::search(const QString &query, int limit) const
{
    const QStringList words = query.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    const bool tones = query.contains(QLatin1String("skin"), Qt::CaseInsensitive);
    std::vector<std::pair<int, int>> hits; // rank, index
    for (int i = 0; i < count(); ++i) {
        const Emoji &e = m_emoji[std::size_t(i)];
        if (e.toned && !tones)
            continue;
        int worst = 0;
        for (const QString &w : words) {
            const int r = rankOf(e, w);
            if (r < 0) {
                worst = -1;
                break;
            }
            worst = std::max(worst, r);
        }
        if (worst >= 0)
            hits.emplace_back(worst, i);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<int> out;
    for (const auto &[rank, i] : hits) {
        if (out.size() >= limit)
            break;
        out << i;
    }
    return out;
}

QList<int> EmojiTable::completeShortcode(const QString &prefix, int limit) const
{
    const QString p = prefix.toLower();
    std::vector<std::pair<int, int>> hits;
    for (int i = 0; i < count() && !p.isEmpty(); ++i) {
        const Emoji &e = m_emoji[std::size_t(i)];
        if (e.toned)
            continue;
        // Unicode's order breaks ties: the common faces come first.
        int rank = -1;
        if (e.shortcode.startsWith(p) || std::any_of(e.keywords.begin(), e.keywords.end(), [&](const QString &k) {
                return k.startsWith(p, Qt::CaseInsensitive);
            }))
            rank = 0;
        else if (e.shortcode.contains(QString(QLatin1Char('_') + p)))
            rank = 1;
        if (rank >= 0)
            hits.emplace_back(rank, i);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<int> out;
    for (const auto &[rank, i] : hits) {
        if (out.size() >= limit)
            break;
        out << i;
    }
    return out;
}

int EmojiTable::indexOf(const QString &emoji) const { return m_index.value(emoji, -1); }

int EmojiTable::emojiOnlyCount(const QString &text) const
{
    int count = 0;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    for (qsizetype end = graphemes.toNextBoundary(); end >= 0; end = graphemes.toNextBoundary()) {
        const QString g = text.mid(start, end - start);
        start = end;
        if (g.trimmed().isEmpty())
            continue;
        // Typed without the emoji presentation selector ("❤" for "❤️") it is still the emoji.
        if (indexOf(g) < 0 && indexOf(QString(g + QChar(0xFE0F))) < 0)
            return 0;
        ++count;
    }
    return count;
}

} // namespace confab::ui
