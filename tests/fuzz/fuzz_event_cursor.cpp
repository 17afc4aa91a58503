// SPDX-License-Identifier: GPL-3.0-or-later
// The resume cursor of GET /v1/events (EventCursor::decode): what a client sends back as opaque
// text. Malformed text must end in DecodeError; what decodes encodes to text that decodes to the
// same cursor.

#include "fuzzinput.h"

#include "core/errors.h"
#include "core/eventcursor.h"

#include <cstdlib>

using namespace confab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    EventCursor cursor;
    try {
        cursor = EventCursor::decode(fuzz::bytes(data, size));
    } catch (const DecodeError &error) {
        if (error.message().isEmpty())
            std::abort();
        return 0;
    }
    if (!(EventCursor::decode(cursor.encode()) == cursor))
        std::abort();
    return 0;
}
