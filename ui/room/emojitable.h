// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace confab::ui {

// One emoji of the generated table (cmake/gen_emoji_table.py, from Debian's unicode-data and
// unicode-cldr-core): UTF-8 text, Unicode name, CLDR keywords ("face | grin | …"), group index.
struct EmojiRecord {
    const char *emoji;
    const char *name;
    const char *keywords;
    int group;
    bool toned; // a skin-tone variant: searchable by name, not listed in the picker's groups
};

namespace emojidata {
extern const char *const kGroups[];
extern const int kGroupCount;
extern const EmojiRecord kRecords[];
extern const int kRecordCount;
} // namespace emojidata

// Every fully-qualified emoji of Unicode, in Unicode's order, with names, keywords and groups;
// searched by the emoji picker and by the composer's ":shortcode" completion.
class EmojiTable {
public:
    struct Emoji {
        QString text;
        QString name;      // "thumbs up"
        QString shortcode; // "thumbs_up", typed as ":thumbs_up"
        QStringList keywords;
        int group = 0;
        bool toned = false;
    };

    static const EmojiTable &instance();

    int count() const { return int(m_emoji.size()); }
    const Emoji &at(int i) const { return m_emoji.at(std::size_t(i)); }
    // Unicode's group names ("Smileys & Emotion", …), by index.
    QStringList groupNames() const;
    // The emoji of a group, in order, without skin-tone variants.
    QList<int> inGroup(int group) const;
    // Emoji whose name, shortcode or keywords match every word of `query` (case-insensitive),
    // best first: name starts with it, then a word starts with it, then contains it. No skin
    // tones unless asked for by name.
    QList<int> search(const QString &query, int limit = 200) const;
    // The emoji whose shortcode or a keyword starts with `prefix` ("smi": 😄 😃 🙂 …), best first.
    QList<int> completeShortcode(const QString &prefix, int limit = 10) const;
    // The index of an emoji's text, or -1.
    int indexOf(const QString &emoji) const;
    // How many emoji `text` is made of when it is nothing but emoji (and spaces), else 0.
    int emojiOnlyCount(const QString &text) const;

private:
    EmojiTable();

    std::vector<Emoji> m_emoji;
    QHash<QString, int> m_index; // by text
};

} // namespace confab::ui
