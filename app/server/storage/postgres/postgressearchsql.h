// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Message search's PostgreSQL form (SQLite's is FTS5, in sqlitemessagestore.cpp): the same
// words rule (every word, the last also as a prefix, diacritics folded), matched against the
// messages' tsvector column through its GIN index; the snippet marks matches as SQLite's does.

#include <QString>

namespace confab::server {

// The tsquery text for the user's words (to_tsquery syntax, every word quoted), or empty when
// no word has a letter or digit. At most maxWords words.
QString postgresTsQuery(const QString &userText, int maxWords = 16);

// After "SELECT <message columns>": the snippet column, FROM and WHERE up to the caller's filters.
// Parameters: the member's user id, then postgresTsQuery().
QString postgresSearchFromWhere();
// ORDER BY for best match first or newest first (no LIMIT).
QString postgresSearchOrder(bool byRelevance);

} // namespace confab::server
