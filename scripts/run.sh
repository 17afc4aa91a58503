#!/usr/bin/env bash
# Quick start: installs what Confab needs, builds it, and starts it.
# Until the desktop client's demo mode exists, this runs the server in demo mode (seeded rooms and
# lively demo users) on an embedded database in ./confab-data, listening on http://127.0.0.1:8080
# (REST under /v1, WebSocket at /chat); it prints the demo user's token and how to look in.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
CONFAB_BUILD_TARGETS=confab-server bash scripts/build.sh build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONFAB_BUILD_TESTS=OFF
exec ./build/app/confab-server --demo --data-dir "${CONFAB_DATA_DIR:-$PWD/confab-data}" --port "${CONFAB_PORT:-8080}" "$@"
