// SPDX-License-Identifier: GPL-3.0-or-later
// What the soak's parts share: the accounts and rooms made at setup, and the messages the
// server acknowledged so far (the action mix edits, reacts to and votes on recent ones).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace bench::soak {

// The room of a room event frame: named at the top, in its message, or in its room.
std::string eventRoomId(const nlohmann::json &frame);

struct SoakUser {
    std::string id;
    std::string token;
};

struct AckedMessage {
    std::string messageId;
    int room = 0;   // index into SoakWorld::rooms
    int author = 0; // index into SoakWorld::users
    int64_t seq = 0;
    bool poll = false;
};

class SoakWorld {
public:
    std::vector<SoakUser> users; // 0..subscribers-1 stay connected; the rest come and go
    std::vector<std::string> rooms;
    int subscribers = 0;

    // Every message the server acknowledged (a WebSocket ack or a REST 201), for the check.
    void addAcked(AckedMessage m);
    std::vector<AckedMessage> acked() const;
    // One of the last few hundred acknowledged messages (polls only if wantPoll); false if none.
    bool pickRecent(uint32_t random, bool wantPoll, AckedMessage *out) const;

private:
    mutable std::mutex m_mutex;
    std::vector<AckedMessage> m_acked;
    std::vector<size_t> m_polls; // indices into m_acked
};

} // namespace bench::soak
