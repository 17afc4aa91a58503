// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchdata.h"

#include <nlohmann/json.hpp>

namespace confab::bench {

// Cold start of the real desktop client (`confab`) to its first painted room list, from its
// local cache. Prepares an account the way a user would (signs in through Session, so the token
// goes to the keychain and the rooms and latest messages to the cache), then starts the binary
// `runs` times with CONFAB_TRACE_STARTUP=1 and private XDG folders, timing process start to the
// trace line. Needs a keychain on the session bus (bench/run-client.sh starts a throwaway one).
nlohmann::json runColdStart(const BenchContext &ctx, const QString &clientBinary, int runs);

} // namespace confab::bench
