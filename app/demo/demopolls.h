// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QObject>

#include <functional>
#include <vector>

namespace confab::demo {

class DemoBot;

// The demo's polls: now and then a bot asks the room something, and whenever a poll appears
// (theirs or the human's) the other bots vote on it one by one over the next minute, so the
// counts move live. Everything goes over the bots' WebSockets (send_message, poll_vote).
class DemoPolls : public QObject {
    // No Q_OBJECT: no signals or slots, only timers with this as their context.
public:
    // scaled: the cast's delay scaling (DemoCast::Options::timeFactor).
    DemoPolls(std::function<int(int)> scaled, QObject *parent = nullptr);

    void ask(DemoBot *bot, const QString &roomId);
    void pollSeen(const Message &poll, const std::vector<DemoBot *> &voters);

private:
    std::function<int(int)> m_scaled;
};

} // namespace confab::demo
