// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/effects.h"

#include <functional>
#include <vector>

namespace confab::server {

// Carries deliveries from whoever produced them (the storage thread's commits, typing and
// presence on the network thread) to every node's connections. In-process now; a Redis
// implementation will carry the same Delivery between server nodes.
class EventBus {
public:
    using Subscriber = std::function<void(const Delivery &)>;
    virtual ~EventBus() = default;
    virtual void publish(const Delivery &delivery) = 0;
    virtual void subscribe(Subscriber subscriber) = 0;
};

// One process: publish hands the delivery straight to the subscribers, on the calling thread
// (the network thread).
class LocalEventBus final : public EventBus {
public:
    void publish(const Delivery &delivery) override
    {
        for (const auto &s : m_subscribers)
            s(delivery);
    }
    void subscribe(Subscriber subscriber) override { m_subscribers.push_back(std::move(subscriber)); }

private:
    std::vector<Subscriber> m_subscribers;
};

} // namespace confab::server
