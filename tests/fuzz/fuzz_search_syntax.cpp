// SPDX-License-Identifier: GPL-3.0-or-later
// What a user types into search: the client's filter syntax (SearchSyntax::parse) and the
// server's FTS5 expression builder (ftsMatchExpression, whose output goes into SQL as a bound
// MATCH argument and must never be an FTS5 syntax error), plus the snippet unmarker.

#include "fuzzinput.h"

#include "core/searchsyntax.h"
#include "storage/ftsquery.h"

#include <cstdlib>

using namespace confab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const SearchSyntax parsed = SearchSyntax::parse(text);
    if (!parsed.error.isEmpty() && parsed.error.size() > 4 * text.size() + 200)
        std::abort(); // an error quotes the input, it does not grow without bound
    const QString fts = server::ftsMatchExpression(parsed.words);
    // Every phrase is quoted: an even number of quote characters, or it could end a phrase early.
    if (fts.count(u'"') % 2 != 0)
        std::abort();
    const server::MarkedSnippet snippet = server::unmarkSnippet(text);
    for (const TextRange &range : snippet.matches) {
        if (range.start < 0 || range.length < 0 || range.start + range.length > snippet.text.size())
            std::abort();
    }
    return 0;
}
