// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownpreview.h"

#include <QRegularExpression>
#include <QStringList>

namespace confab {

namespace {

// Escaped punctuation is parked in the private use area while markers are removed, so that
// "\*" stays a star and never starts emphasis.
constexpr char16_t kParked = 0xE000;
const QString kEscapable = QStringLiteral("\\`*_{}[]()#+-.!~>|");

QString parkEscapes(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('\\') && i + 1 < s.size() && kEscapable.contains(s.at(i + 1))) {
            out.append(QChar(char16_t(kParked + s.at(i + 1).unicode())));
            ++i;
        } else {
            out.append(s.at(i));
        }
    }
    return out;
}

QString unparkEscapes(QString s)
{
    for (QChar &c : s) {
        if (c.unicode() >= kParked && c.unicode() < kParked + 0x80)
            c = QChar(char16_t(c.unicode() - kParked));
    }
    return s;
}

QString stripBlockMarkers(QString line)
{
    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}#{1,6}\\s+"));
    static const QRegularExpression quote(QStringLiteral("^\\s{0,3}(?:>\\s?)+"));
    static const QRegularExpression item(QStringLiteral("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(?:\\[[ xX]\\]\\s+)?"));
    line.remove(quote);
    line.remove(heading);
    line.remove(item);
    return line;
}

QString stripInlineMarkers(QString s)
{
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]+)\\]\\([^)]*\\)"));
    static const QRegularExpression autolink(QStringLiteral("<((?:https?|mailto):[^>\\s]+)>"));
    static const QRegularExpression code(QStringLiteral("(`+)(.+?)\\1"));
    static const QRegularExpression strong(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"));
    static const QRegularExpression emphasis(
        QStringLiteral("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])|(?<![\\w_])_(?=\\S)(.+?)(?<=\\S)_(?![\\w_])"));
    static const QRegularExpression strike(QStringLiteral("~~(?=\\S)(.+?)(?<=\\S)~~"));
    s.replace(image, QStringLiteral("\\1"));
    s.replace(link, QStringLiteral("\\1"));
    s.replace(autolink, QStringLiteral("\\1"));
    s.replace(code, QStringLiteral("\\2"));
    s.replace(strong, QStringLiteral("\\2"));
    s.replace(emphasis, QStringLiteral("\\1\\2"));
    s.replace(strike, QStringLiteral("\\1"));
    return s;
}

bool isFence(const QString &trimmed)
{
    return trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"));
}

bool isRule(const QString &trimmed)
{
    static const QRegularExpression rule(QStringLiteral("^(?:(?:\\*\\s*){3,}|(?:-\\s*){3,}|(?:_\\s*){3,})$"));
    return rule.match(trimmed).hasMatch();
}

} // namespace

QString markdownPreview(const QString &markdown, PreviewScope scope)
{
    QStringList parts;
    bool inFence = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (isFence(trimmed)) {
            inFence = !inFence;
            continue;
        }
        QString text =
            inFence ? trimmed : unparkEscapes(stripInlineMarkers(stripBlockMarkers(parkEscapes(line)))).trimmed();
        if (!inFence && isRule(trimmed))
            continue;
        if (text.isEmpty())
            continue;
        if (scope == PreviewScope::FirstLine)
            return text;
        parts.append(text);
    }
    return parts.join(QLatin1Char(' ')).simplified();
}

} // namespace confab
