// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/responses.h"

#include <QString>

#include <vector>

namespace confab::server {

// Turns what a user typed into an FTS5 MATCH expression that cannot be a syntax error: every word
// becomes a quoted phrase (inner quotes doubled), so operators such as OR, NEAR( and * are plain
// text; the words must all match; the last one also matches as a prefix ("hel" finds "hello").
// Words with no letter or digit are dropped (the tokenizer would drop them anyway). Returns an
// empty string when nothing searchable is left.
QString ftsMatchExpression(const QString &userText, int maxWords = 16);

// FTS5's snippet() is asked to mark matches with these (control characters, which message
// content never contains: validation refuses them).
inline constexpr char16_t kMatchStart = u'\x01';
inline constexpr char16_t kMatchEnd = u'\x02';

// A snippet with its marks taken out, and where they were.
struct MarkedSnippet {
    QString text;
    std::vector<TextRange> matches;
};
MarkedSnippet unmarkSnippet(const QString &marked);

} // namespace confab::server
