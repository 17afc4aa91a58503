// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QStringList>

namespace confab::server {

// Blocked words: whole words only ("ass" does not match "class"), any case, any script.
class WordFilter {
public:
    WordFilter() = default;
    explicit WordFilter(const QStringList &words);

    bool isEmpty() const { return !m_pattern.isValid() || m_pattern.pattern().isEmpty(); }
    bool matches(const QString &text) const;
    // Each blocked word replaced by as many '*' as it has characters.
    QString masked(const QString &text) const;

private:
    QRegularExpression m_pattern;
};

} // namespace confab::server
