// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

namespace confab::client {
class ApiClient;
class MessageModel;
} // namespace confab::client

namespace confab::bench {

class LiveProbe;

struct TimelineOptions {
    int width = 800;
    int height = 600;
    int wheelFrames = 150; // 120 px steps up from the bottom, like a mouse wheel
    int jumpFrames = 100;  // random positions over the whole range (rows never painted before)
    int liveMessages = 20; // live messages with the view attached and at the bottom
    int maxLiveMs = 40000; // no new live message after this long
};

// The real TimelineView (shown on the offscreen platform) over `model`: time to the first frame
// after attaching it, then milliseconds per frame (scroll bar moved, then grab()), then live
// messages from `sender` with the view following them. Prints as it goes; the figures go
// into report["timeline"], checkpointed after each phase.
void measureTimeline(client::MessageModel &model, LiveProbe &probe, client::ApiClient &sender,
                     const TimelineOptions &options, nlohmann::json &report);

} // namespace confab::bench
