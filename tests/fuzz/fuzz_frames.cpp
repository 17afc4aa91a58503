// SPDX-License-Identifier: GPL-3.0-or-later
// The realtime protocol's strict decoders, fed as the server and client feed them: bytes through
// parseJsonDocument, then decodeClientFrame and decodeServerFrame. Malformed input must end in
// DecodeError (any other exception escapes and is a finding); whatever decodes must survive an
// encode/decode round trip unchanged.

#include "fuzzinput.h"

#include "core/errors.h"
#include "core/frames.h"
#include "core/jsondocument.h"
#include "core/limits.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace confab;

namespace {

template<typename Frame, typename Decode> void roundTrip(const nlohmann::json &j, Decode decode)
{
    Frame frame;
    try {
        frame = decode(j);
    } catch (const DecodeError &) {
        return;
    }
    const Frame again = decode(encodeFrame(frame)); // must not throw: we wrote it ourselves
    if (!(again == frame))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nlohmann::json j;
    try {
        j = parseJsonDocument(fuzz::bytes(data, size), limits::kJsonDepthMax);
    } catch (const DecodeError &) {
        return 0;
    }
    roundTrip<ClientFrame>(j, &decodeClientFrame);
    roundTrip<ServerFrame>(j, &decodeServerFrame);
    return 0;
}
