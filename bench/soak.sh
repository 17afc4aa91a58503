#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Soak: one release-built confab-server (fresh data dir, demo bots chatting in its demo rooms)
# under a steady mix of every action from bench/soak (confab-soak) for MINUTES minutes.
#
#   bench/soak.sh MINUTES [--skip-build] [--no-demo]      e.g. bench/soak.sh 30, bench/soak.sh 0.5
#
# Every 10 s a CSV row: server RSS, open descriptors, threads, queue gauges from /metrics and the
# p99 send-to-ack latency. At the end: every acknowledged message delivered to every subscriber
# exactly once and in seq order, RSS and descriptors flat (the rule is in bench/soak/growthcheck.h),
# no 5xx, and the server stops cleanly; exit status 1 if any of it fails. Draws soak.png (gnuplot)
# of RSS, descriptors and p99 over time. Results in $CONFAB_SOAK_OUT (default bench/results/soak).
# Environment: CONFAB_SOAK_BUILD_DIR (default build-rel, RelWithDebInfo), CONFAB_SOAK_ARGS (more
# confab-soak options, e.g. "--rate 50 --actions 16"). All traffic stays on 127.0.0.1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${CONFAB_SOAK_BUILD_DIR:-$ROOT/build-rel}
OUT=${CONFAB_SOAK_OUT:-$ROOT/bench/results/soak}
MINUTES="" BUILD_IT=1 DEMO=1
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) BUILD_IT=0 ;;
    --no-demo) DEMO=0 ;;
    --minutes) shift; MINUTES=${1:-} ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
    *) MINUTES=$1 ;;
  esac
  shift
done
if ! [[ "$MINUTES" =~ ^[0-9]+([.][0-9]+)?$ ]] || [ "$(awk -v m="$MINUTES" 'BEGIN { print (m > 0) }')" != 1 ]; then
  echo "soak.sh: MINUTES must be a number above 0 (got \"$MINUTES\"); usage: bench/soak.sh MINUTES" >&2
  exit 2
fi

if [ "$BUILD_IT" = 1 ]; then
  echo "== building confab-server and confab-soak (RelWithDebInfo) in $BUILD"
  CONFAB_BUILD_TARGETS="confab-server confab-soak" bash "$ROOT/scripts/build.sh" "$BUILD" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONFAB_BUILD_CLIENT_TESTS=OFF >/dev/null
fi
SERVER_BIN="$BUILD/app/confab-server"
SOAK_BIN="$BUILD/bench/confab-soak"
[ -x "$SERVER_BIN" ] && [ -x "$SOAK_BIN" ] || { echo "soak.sh: missing $SERVER_BIN or $SOAK_BIN" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/confab-soak.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -9 "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The rate limits are raised (the generator's users send more than people do); everything else
# is the server's default. --demo seeds the demo's rooms and keeps its bots talking in them.
SERVER_ARGS=(--bind 127.0.0.1 --port 0 --data-dir "$WORK/data" --insecure-fast-password-hashing
             --message-rate 100000 --message-burst 100000 --request-rate 100000 --request-burst 100000)
[ "$DEMO" = 1 ] && SERVER_ARGS+=(--demo)
"$SERVER_BIN" "${SERVER_ARGS[@]}" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 300); do
  PORT=$(grep -o 'listening on [0-9.:]*' "$OUT/server.log" | head -1 | sed 's/.*://') || true
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "soak.sh: the server did not start:" >&2; cat "$OUT/server.log" >&2; exit 1; }
echo "== server pid $SERVER_PID on 127.0.0.1:$PORT; soaking for $MINUTES min (log: $OUT/server.log)"

STATUS=0
# shellcheck disable=SC2086
"$SOAK_BIN" --port "$PORT" --server-pid "$SERVER_PID" --minutes "$MINUTES" --csv "$OUT/soak.csv" \
  --summary "$OUT/soak-summary.json" ${CONFAB_SOAK_ARGS:-} || STATUS=$?

# A clean stop is part of the verdict: SIGTERM, then it must exit 0 within 10 s.
kill -TERM "$SERVER_PID"
for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "soak.sh: FAILED: the server did not stop within 10 s of SIGTERM" >&2; STATUS=1
else
  SERVER_RC=0; wait "$SERVER_PID" || SERVER_RC=$?
  if [ "$SERVER_RC" != 0 ]; then echo "soak.sh: FAILED: the server exited with status $SERVER_RC" >&2; STATUS=1; fi
fi
SERVER_PID=""

if command -v gnuplot >/dev/null; then
  gnuplot -e "csv='$OUT/soak.csv'; png='$OUT/soak.png'; heading='Confab soak: $MINUTES min, one server, $(nproc) cores (shared)'" \
    "$ROOT/bench/soak/soak.gp"
  echo "== plot: $OUT/soak.png"
else
  echo "soak.sh: gnuplot is not installed (apt-get install gnuplot-nox): no plot" >&2
fi
echo "== CSV: $OUT/soak.csv; summary: $OUT/soak-summary.json"
[ "$STATUS" = 0 ] && echo "== soak PASSED" || echo "== soak FAILED" >&2
exit "$STATUS"
