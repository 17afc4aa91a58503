// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab {

// Message text (Markdown) as plain text for the places that show a glimpse of it: the room
// list, reply quotes, the pins list, notifications. Heading, quote and list markers, emphasis,
// strike-through and code markers go; links and images leave their text; code fences go and their
// code stays as written; backslash escapes are undone. Never markup: the result is shown as
// plain text.
enum class PreviewScope {
    FirstLine, // the first line with something to read (quotes, pins)
    AllLines,  // every line, joined by spaces (room list, notifications)
};
QString markdownPreview(const QString &markdown, PreviewScope scope);

} // namespace confab
