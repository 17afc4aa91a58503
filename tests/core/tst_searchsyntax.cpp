// SPDX-License-Identifier: GPL-3.0-or-later
// SearchSyntax: the filters a user writes in the search box, split from the words.

#include "tst_core.h"

#include "core/searchsyntax.h"

#include <QTest>

using confab::SearchSyntax;
using namespace Qt::StringLiterals;

void TestCore::searchSyntax_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("in");
    QTest::addColumn<QDate>("before");
    QTest::addColumn<QDate>("after");
    QTest::addColumn<bool>("hasFile");
    QTest::addColumn<QString>("error");

    const auto row = [](const char *name, const QString &q, const QString &words, const QString &from,
                        const QString &in, QDate before, QDate after, bool file, const QString &error = {}) {
        QTest::newRow(name) << q << words << from << in << before << after << file << error;
    };
    row("plain words", u"release  notes"_s, u"release notes"_s, {}, {}, {}, {}, false);
    row("every filter", u"from:@alice in:\"Design Team\" budget before:2025-10-01 after:2025-09-01 has:file"_s,
        u"budget"_s, u"alice"_s, u"Design Team"_s, QDate(2025, 10, 1), QDate(2025, 9, 1), true);
    row("keys any case", u"FROM:bob In:general"_s, {}, u"bob"_s, u"general"_s, {}, {}, false);
    row("room with hash", u"in:#random cats"_s, u"cats"_s, {}, u"random"_s, {}, {}, false);
    row("other prefixes stay words", u"see http://x ratio:3"_s, u"see http://x ratio:3"_s, {}, {}, {}, {}, false);
    row("last filter wins", u"from:a from:b"_s, {}, u"b"_s, {}, {}, {}, false);
    row("quoted phrase stays one word", u"\"hello world\""_s, u"hello world"_s, {}, {}, {}, {}, false);
    row("bad date", u"before:yesterday x"_s, u"x"_s, {}, {}, {}, {}, false,
        u"before: wants a date as YYYY-MM-DD, not \"yesterday\""_s);
    row("impossible date", u"after:2025-02-30"_s, {}, {}, {}, {}, {}, false,
        u"after: wants a date as YYYY-MM-DD, not \"2025-02-30\""_s);
    row("empty from", u"from: x"_s, u"x"_s, {}, {}, {}, {}, false, u"from: wants a username"_s);
    row("unknown has", u"has:link"_s, {}, {}, {}, {}, {}, false, u"has: knows only \"file\", not \"link\""_s);
}

void TestCore::searchSyntax()
{
    QFETCH(QString, query);
    const SearchSyntax s = SearchSyntax::parse(query);
    QTEST(s.words, "words");
    QTEST(s.fromUsername, "from");
    QTEST(s.inRoom, "in");
    QTEST(s.before.value_or(QDate()), "before");
    QTEST(s.after.value_or(QDate()), "after");
    QTEST(s.hasFile, "hasFile");
    QTEST(s.error, "error");
}
