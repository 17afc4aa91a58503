// SPDX-License-Identifier: GPL-3.0-or-later
// The one-line Markdown preview (room list, notifications, quotes) of any message text.

#include "fuzzinput.h"

#include "core/markdownpreview.h"

#include <cstdlib>

using namespace confab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString markdown = QString::fromUtf8(fuzz::bytes(data, size));
    for (const PreviewScope scope : {PreviewScope::FirstLine, PreviewScope::AllLines}) {
        const QString preview = markdownPreview(markdown, scope);
        if (preview.contains(u'\n'))
            std::abort(); // a preview is one line
    }
    return 0;
}
