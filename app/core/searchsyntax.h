// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace confab {

// What a user typed in the search box, split into the words to look for and the filters
// written among them: `from:<username>` (an @ in front is fine), `in:<room name>` (quoted when
// it has spaces: in:"design team"), `before:<YYYY-MM-DD>` and `after:<YYYY-MM-DD>` (both
// exclusive of that day, UTC), `has:file`. A word with any other prefix ("http:", "ratio:3")
// stays a word. A filter given twice keeps the last value.
struct SearchSyntax {
    QString words; // the rest, in order, single-spaced
    QString fromUsername;
    QString inRoom;
    std::optional<QDate> before;
    std::optional<QDate> after;
    bool hasFile = false;
    // Not empty when a filter was malformed: says which and why ("before: wants a date as
    // YYYY-MM-DD, not \"yesterday\"").
    QString error;

    bool hasFilters() const { return !fromUsername.isEmpty() || !inRoom.isEmpty() || before || after || hasFile; }

    static SearchSyntax parse(const QString &query);
};

} // namespace confab
