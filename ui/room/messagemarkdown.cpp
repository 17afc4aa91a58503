// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagemarkdown.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace confab::ui {

namespace {
// md4c's MD_FLAG_UNDERLINE, part of Qt's GitHub dialect: it makes `_x_` an underline, where
// GitHub (and every reader) sees emphasis.
constexpr int kUnderlineFlag = 0x4000;

// Code on a grey that reads on light and dark palettes (a cached document outlives a theme change).
const QColor kCodeBackground(128, 128, 128, 46);

bool isBlank(const QString &line) { return line.trimmed().isEmpty(); }

int indentOf(const QString &line)
{
    int width = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char(' '))
            ++width;
        else if (c == QLatin1Char('\t'))
            width += 4 - width % 4;
        else
            break;
    }
    return width;
}

// The fence a line opens or closes (``` or ~~~, three or more, at most three spaces in), or empty.
QString fenceOf(const QString &line)
{
    if (indentOf(line) > 3)
        return {};
    const QString t = line.trimmed();
    if (t.size() < 3 || (t.at(0) != QLatin1Char('`') && t.at(0) != QLatin1Char('~')))
        return {};
    qsizetype n = 0;
    while (n < t.size() && t.at(n) == t.at(0))
        ++n;
    return n >= 3 ? t.left(n) : QString();
}
} // namespace

QString withHardLineBreaks(const QString &markdown)
{
    if (!markdown.contains(QLatin1Char('\n')))
        return markdown;
    QStringList lines = markdown.split(QLatin1Char('\n'));
    QString openFence; // inside ``` ... ``` while set
    bool indentedCode = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QString fence = fenceOf(line);
        if (!openFence.isEmpty()) {
            // Closed by the same character, at least as many, and nothing after it.
            if (!fence.isEmpty() && fence.at(0) == openFence.at(0) && fence.size() >= openFence.size() &&
                line.trimmed() == fence)
                openFence.clear();
            continue;
        }
        if (!fence.isEmpty()) {
            openFence = fence;
            continue;
        }
        const bool blank = isBlank(line);
        // Indented code starts after a blank line (or at the top) and runs while lines stay indented.
        const bool previousBlank = i == 0 || isBlank(lines.at(i - 1));
        if (!blank && indentOf(line) >= 4 && (previousBlank || indentedCode)) {
            indentedCode = true;
            continue;
        }
        if (!blank)
            indentedCode = false;
        if (blank || i + 1 == lines.size())
            continue;
        const QString &next = lines.at(i + 1);
        if (isBlank(next) || !fenceOf(next).isEmpty())
            continue; // the block ends here anyway
        if (line.endsWith(QLatin1String("  ")) || line.endsWith(QLatin1Char('\\')))
            continue; // already a hard break
        lines[i] = line + QLatin1String("  ");
    }
    return lines.join(QLatin1Char('\n'));
}

void setMessageMarkdown(QTextDocument *doc, const QString &markdown)
{
    const auto features = QTextDocument::MarkdownFeatures((QTextDocument::MarkdownDialectGitHub & ~kUnderlineFlag) |
                                                          QTextDocument::MarkdownNoHTML);
    doc->setMarkdown(withHardLineBreaks(markdown), features);

    // Code stands apart from the prose around it: a tinted box for blocks, a tint for inline code.
    QTextCursor cursor(doc);
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().hasProperty(QTextFormat::BlockCodeLanguage)) {
            QTextBlockFormat format;
            format.setBackground(kCodeBackground);
            cursor.setPosition(block.position());
            cursor.mergeBlockFormat(format);
            continue;
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().fontFixedPitch())
                continue;
            QTextCharFormat format;
            format.setBackground(kCodeBackground);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(format);
        }
    }
}

void highlightMention(QTextDocument *doc, const QString &mention, const QColor &color)
{
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    QColor tint = color;
    tint.setAlphaF(0.25f);
    format.setBackground(tint);
    for (QTextCursor found = doc->find(mention); !found.isNull(); found = doc->find(mention, found))
        found.mergeCharFormat(format);
}

void paintQuoteBars(QPainter *painter, const QTextDocument *doc, const QColor &color)
{
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel);
        if (level <= 0)
            continue;
        const QRectF rect = layout->blockBoundingRect(block);
        // One bar per level, in the indentation Qt gives each level.
        const qreal step = block.blockFormat().leftMargin() / level;
        for (int l = 0; l < level; ++l)
            painter->fillRect(QRectF(doc->documentMargin() + l * step + 2, rect.top(), 3, rect.height()), color);
    }
}

} // namespace confab::ui
