// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QColor;
class QPainter;
class QTextDocument;

namespace confab::ui {

// Message text as the timeline shows it: safe Markdown (GitHub's dialect, raw HTML stays text)
// that keeps what the author typed. Used for painting and for measuring rows alike.

// The author's single line breaks as Markdown hard breaks (two trailing spaces), so that
// "first" Shift+Enter "second" stays two lines; fenced and indented code, blank lines and lines
// that already end a block are left as they are.
QString withHardLineBreaks(const QString &markdown);

// Fills doc with the message's Markdown: GitHub's dialect without raw HTML and without `_x_` as
// underline (it is emphasis), line breaks kept, inline code and code blocks on a tinted
// background.
void setMessageMarkdown(QTextDocument *doc, const QString &markdown);

// Every "@username" of the user in doc, in bold on a tint of `color`.
void highlightMention(QTextDocument *doc, const QString &mention, const QColor &color);

// A bar at the left of each quoted block of doc (painted in doc's coordinates).
void paintQuoteBars(QPainter *painter, const QTextDocument *doc, const QColor &color);

} // namespace confab::ui
