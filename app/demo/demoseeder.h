// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demoworld.h"

#include <QString>

#include <optional>

namespace confab::server {
class Server;
}

namespace confab::demo {

// Fills an empty data dir with the demo's users, rooms and a few days of history, through the
// service layer (the same rows and events as real use), and describes what is there with a fresh
// token for the demo user and each cast member. Needs the server's storage open; works before
// or after start(). Runs on the server's thread (it waits for the storage thread).
class DemoSeeder {
public:
    explicit DemoSeeder(server::Server &server) : m_server(server) {}

    // Seeds when no user exists yet, then describes the demo world. nullopt with a reason when the
    // data dir holds accounts that are not the demo's, or storage failed.
    std::optional<DemoWorld> prepare(QString *error);

    // The demo user's display name: $USER, capitalised, or "You".
    static QString humanDisplayName();

private:
    server::Server &m_server;
};

} // namespace confab::demo
