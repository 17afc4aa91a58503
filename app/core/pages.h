#pragma once

// The pages of the listings with offset pagination (GET /v1/chat/rooms and
// /v1/chat/rooms/{roomId}/members), the same for the server that fills them and the client that
// reads them.

#include "types.h"

#include <vector>

namespace confab {

struct RoomPage {
    std::vector<Room> rooms;
    OffsetPagination pagination;
    bool operator==(const RoomPage &) const = default;
};

struct MemberPage {
    std::vector<Member> members;
    OffsetPagination pagination;
    bool operator==(const MemberPage &) const = default;
};

} // namespace confab
