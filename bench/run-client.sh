#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Confab client benchmarks: MessageModel, MessageDelegate, TimelineView, memory and the cold start
# of the desktop client, against a real confab-server on 127.0.0.1. One command, 1.5-3 minutes:
#
#   bench/run-client.sh                 # build (Release) and run everything
#   bench/run-client.sh --skip-build    # use what is in $BUILD
#
# Any other option goes to confab-bench-client (e.g. --messages 20000, --only history,delegate;
# `confab-bench-client --help` lists them). Environment: CONFAB_BENCH_CLIENT_BUILD_DIR (default build-bench-client),
# CONFAB_BENCH_CLIENT_OUT (default bench/results/client-latest.json).
#
# The cold start signs in through the keychain like a user: it runs inside a private D-Bus
# session with a throwaway gnome-keyring (dbus-run-session, gnome-keyring-daemon), with HOME and
# the XDG folders in a temporary directory, so nothing of the user's own keyring or settings is
# touched. Without those two programs the cold start is skipped. See docs/performance.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${CONFAB_BENCH_CLIENT_BUILD_DIR:-$ROOT/build-bench-client}
OUT=${CONFAB_BENCH_CLIENT_OUT:-$ROOT/bench/results/client-latest.json}
BUILD_IT=1
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) BUILD_IT=0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) ARGS+=("$arg") ;;
  esac
done

if [ "$BUILD_IT" = 1 ]; then
  echo "== building (Release) in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONFAB_BUILD_TESTS=OFF \
        -DCONFAB_BUILD_CLIENT=ON -DCONFAB_BUILD_BENCH=ON >/dev/null
  ninja -C "$BUILD" confab-bench-client   # also builds confab-server and confab
fi
BENCH="$BUILD/bench/client/confab-bench-client"
[ -x "$BENCH" ] || { echo "missing $BENCH" >&2; exit 1; }

WORK=$(mktemp -d /tmp/confab-bench-client.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/run" && chmod 700 "$WORK/run"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config" \
       XDG_CACHE_HOME="$WORK/home/.cache" XDG_RUNTIME_DIR="$WORK/run" QT_QPA_PLATFORM=offscreen
mkdir -p "$(dirname "$OUT")"

# Bounded: the benchmark itself stops each scenario at its own time limit; this is the backstop.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # shellcheck disable=SC2016
  timeout 600 dbus-run-session -- bash -c '
    printf "bench" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$0" --cold-start --out "$1" "${@:2}"' "$BENCH" "$OUT" "${ARGS[@]}"
else
  echo "note: no dbus-run-session or gnome-keyring-daemon: the cold start is skipped" >&2
  timeout 600 "$BENCH" --out "$OUT" "${ARGS[@]}"
fi
