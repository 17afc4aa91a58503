// SPDX-License-Identifier: GPL-3.0-or-later
// Every REST request body of app/core/requests.h, decoded as the server decodes it
// (parseJsonDocument, then the strict from_json). The first byte picks the body type. Malformed
// input must end in DecodeError; what decodes must survive a to_json/from_json round trip.

#include "fuzzinput.h"

#include "core/errors.h"
#include "core/jsondocument.h"
#include "core/limits.h"
#include "core/requests.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <tuple>

using namespace confab;

namespace {

using Bodies =
    std::tuple<RegisterRequest, LoginRequest, ProfileChange, RoomSettingsChange, NewRoom, RoomChange, MemberInvite,
               MemberChange, KickRequest, BanRequest, OutgoingMessage, MessageEdit, NewReaction, ReadMarker,
               PresenceChange, TypingChange, AccountErasure, PasswordChange, ReceiptSetting>;

template<typename Body> void roundTrip(const nlohmann::json &j)
{
    Body body;
    try {
        body = j.get<Body>();
    } catch (const DecodeError &) {
        return;
    }
    const nlohmann::json encoded = body;
    if (!(encoded.get<Body>() == body)) // must not throw: we wrote it ourselves
        std::abort();
}

template<size_t... I> void decodeAs(size_t which, const nlohmann::json &j, std::index_sequence<I...>)
{
    ((which == I ? roundTrip<std::tuple_element_t<I, Bodies>>(j) : void()), ...);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    constexpr size_t kCount = std::tuple_size_v<Bodies>;
    const size_t which = data[0] % kCount;
    nlohmann::json j;
    try {
        j = parseJsonDocument(fuzz::bytes(data + 1, size - 1), limits::kJsonDepthMax);
    } catch (const DecodeError &) {
        return 0;
    }
    decodeAs(which, j, std::make_index_sequence<kCount>());
    return 0;
}
