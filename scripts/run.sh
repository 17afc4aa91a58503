#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start: installs what Confab needs, builds it, and starts the desktop client in demo mode:
# a bundled server in the background (embedded database, seeded rooms, lively demo users), signed
# in as the demo admin. On a machine with no display it runs the same demo as a headless server
# on http://127.0.0.1:8080 instead and prints how to look in with curl and a WebSocket client.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
CONFAB_BUILD_TARGETS="confab confab-server" \
  bash scripts/build.sh build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONFAB_BUILD_TESTS=OFF -DCONFAB_BUILD_BENCH=OFF
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/app/confab --demo "$@"
fi
echo "run.sh: no display; starting the demo as a headless server (the desktop client needs X11 or Wayland)"
exec ./build/app/confab-server --demo --data-dir "${CONFAB_DATA_DIR:-$PWD/confab-data}" --port "${CONFAB_PORT:-8080}" "$@"
