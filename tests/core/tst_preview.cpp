// SPDX-License-Identifier: GPL-3.0-or-later
// markdownPreview(): what the room list, reply quotes, pins and notifications show of a message.

#include "tst_core.h"

#include "core/markdownpreview.h"

#include <QTest>

using confab::markdownPreview;
using confab::PreviewScope;

void TestCore::markdownPreview_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<QString>("allLines");

    const auto row = [](const char *name, const QString &md, const QString &first, const QString &all) {
        QTest::newRow(name) << md << first << all;
    };
    row("plain", QStringLiteral("hello there"), QStringLiteral("hello there"), QStringLiteral("hello there"));
    row("strong and emphasis", QStringLiteral("**bold** and *it* and __b__ and _i_"),
        QStringLiteral("bold and it and b and i"), QStringLiteral("bold and it and b and i"));
    row("snake_case stays", QStringLiteral("call my_function_name now"), QStringLiteral("call my_function_name now"),
        QStringLiteral("call my_function_name now"));
    row("arithmetic stays", QStringLiteral("2 * 3 * 4 = 24"), QStringLiteral("2 * 3 * 4 = 24"),
        QStringLiteral("2 * 3 * 4 = 24"));
    row("strike and code", QStringLiteral("~~old~~ use `make -j2`"), QStringLiteral("old use make -j2"),
        QStringLiteral("old use make -j2"));
    row("link and image", QStringLiteral("see [the docs](https://example.org/a_b) ![logo](x.png)"),
        QStringLiteral("see the docs logo"), QStringLiteral("see the docs logo"));
    row("autolink", QStringLiteral("<https://example.org>"), QStringLiteral("https://example.org"),
        QStringLiteral("https://example.org"));
    row("heading", QStringLiteral("## Release notes\nall done"), QStringLiteral("Release notes"),
        QStringLiteral("Release notes all done"));
    row("quote", QStringLiteral("> she said\n> twice\nright"), QStringLiteral("she said"),
        QStringLiteral("she said twice right"));
    row("lists", QStringLiteral("- one\n* two\n1. three\n- [x] done"), QStringLiteral("one"),
        QStringLiteral("one two three done"));
    row("fence keeps code", QStringLiteral("```cpp\nint *p = **q;\n```\nafter"), QStringLiteral("int *p = **q;"),
        QStringLiteral("int *p = **q; after"));
    row("rule skipped", QStringLiteral("---\ntext"), QStringLiteral("text"), QStringLiteral("text"));
    row("escapes", QStringLiteral("\\*not emphasis\\* and \\_this\\_"), QStringLiteral("*not emphasis* and _this_"),
        QStringLiteral("*not emphasis* and _this_"));
    row("empty lines", QStringLiteral("\n\n  \nlate start"), QStringLiteral("late start"),
        QStringLiteral("late start"));
    row("html stays text", QStringLiteral("<b>not bold</b>"), QStringLiteral("<b>not bold</b>"),
        QStringLiteral("<b>not bold</b>"));
    row("nothing", QString(), QString(), QString());
}

void TestCore::markdownPreview()
{
    QFETCH(QString, markdown);
    QFETCH(QString, firstLine);
    QFETCH(QString, allLines);
    QCOMPARE(::markdownPreview(markdown, PreviewScope::FirstLine), firstLine);
    QCOMPARE(::markdownPreview(markdown, PreviewScope::AllLines), allLines);
}
