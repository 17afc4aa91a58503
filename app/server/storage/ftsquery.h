#pragma once

#include <QString>

namespace confab::server {

// Turns what a user typed into an FTS5 MATCH expression that cannot be a syntax error: every word
// becomes a quoted phrase (inner quotes doubled), so operators such as OR, NEAR( and * are plain
// text; the words must all match; the last one also matches as a prefix ("hel" finds "hello").
// Words with no letter or digit are dropped (the tokenizer would drop them anyway). Returns an
// empty string when nothing searchable is left.
QString ftsMatchExpression(const QString &userText, int maxWords = 16);

} // namespace confab::server
