#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Confab server benchmarks, side by side with a Node `ws` peer. One command:
#
#   bench/run.sh            # full suite, about 8-10 minutes
#   bench/run.sh --quick    # smaller and shorter, about 2-3 minutes
#
# Options: --skip-build (use what is in $BUILD), --no-peer (also no socket.io peer and no floor), --no-history, --no-fanout (also no
# saturation), --no-write, --no-thumbnails, --no-upload, --client (then the client suite, bench/run-client.sh: 2-3 min more).
# Environment: CONFAB_BENCH_BUILD_DIR (default build-bench), CONFAB_BENCH_SERVER_CPU (0),
# CONFAB_BENCH_GEN_CPU (1), CONFAB_BENCH_OUT (default bench/results/latest.json).
#
# Prints every figure and writes a JSON result file. All traffic goes to 127.0.0.1; every server
# and loop started here is bounded in time and stopped on exit. See docs/performance.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${CONFAB_BENCH_BUILD_DIR:-$ROOT/build-bench}
OUT=${CONFAB_BENCH_OUT:-$ROOT/bench/results/latest.json}
SERVER_CPU=${CONFAB_BENCH_SERVER_CPU:-0}
GEN_CPU=${CONFAB_BENCH_GEN_CPU:-1}
QUICK=0 BUILD_IT=1 PEER=1 HISTORY=1 FANOUT=1 WRITE=1 THUMBS=1 UPLOAD=1 CLIENT=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --skip-build) BUILD_IT=0 ;;
    --no-peer) PEER=0 ;;
    --no-history) HISTORY=0 ;;
    --no-fanout) FANOUT=0 ;;
    --no-write) WRITE=0 ;;
    --no-thumbnails) THUMBS=0 ;;
    --no-upload) UPLOAD=0 ;;
    --client) CLIENT=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

# Scenario sizes. Rates keep about 50k deliveries/s at every size (50 msg/s x 1000 subscribers).
if [ "$QUICK" = 1 ]; then
  SIZES="100 1000"; USERS=1000; DURATION=4; SAT_STEPS=4; SAT_STEP_S=3; SAT_MAX_S=30
  WRITE_S=4; HIST_COUNT=100; SYNC_ROUNDS=3; THUMB_JPEGS=20; THUMB_PNGS=10; UPLOAD_MB=256
else
  SIZES="100 1000 5000"; USERS=5000; DURATION=10; SAT_STEPS=8; SAT_STEP_S=4; SAT_MAX_S=60
  WRITE_S=8; HIST_COUNT=400; SYNC_ROUNDS=10; THUMB_JPEGS=50; THUMB_PNGS=50; UPLOAD_MB=1024
fi
rate_for() { echo $(( 50000 / $1 )); }

# Pin the server (or the peer) and the generator to different cores when there are two.
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  ON_SERVER="taskset -c $SERVER_CPU"; ON_GEN="taskset -c $GEN_CPU"
else
  ON_SERVER=""; ON_GEN=""
  echo "note: fewer than 2 cores (or no taskset): server and generator share the CPU" >&2
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt 12000 ]; then echo "note: ulimit -n is $(ulimit -n); 5000 subscribers need ~10100 descriptors" >&2; fi

# ---- build ---------------------------------------------------------------------------------
if [ "$BUILD_IT" = 1 ]; then
  echo "== building (Release) in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONFAB_BUILD_TESTS=OFF \
        -DCONFAB_BUILD_CLIENT=OFF -DCONFAB_BUILD_BENCH=ON >/dev/null
  ninja -C "$BUILD" confab-server confab-loadgen confab-bench-floor confab-bench-thumbnails
fi
SERVER_BIN="$BUILD/app/confab-server"
LOADGEN="$BUILD/bench/confab-loadgen"
FLOOR="$BUILD/bench/confab-bench-floor"
THUMBNAILS="$BUILD/bench/confab-bench-thumbnails"
[ -x "$SERVER_BIN" ] && [ -x "$LOADGEN" ] || { echo "missing $SERVER_BIN or $LOADGEN" >&2; exit 1; }
if [ "$PEER" = 1 ]; then
  command -v node >/dev/null || { echo "node is needed for the peer (or pass --no-peer)" >&2; exit 1; }
  echo "== installing the peer (npm ci)"
  (cd "$ROOT/bench/peer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

WORK=$(mktemp -d /tmp/confab-bench.XXXXXX)
PARTS="$WORK/parts"; mkdir -p "$PARTS"
SERVER_PID=""
cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; fi
  if [ "$status" -ne 0 ]; then echo "failed (exit $status): server logs and data kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# start <log> <command...>: starts a server pinned to SERVER_CPU, waits for "listening on" (20 s).
start() {
  local log=$1; shift
  # shellcheck disable=SC2086
  $ON_SERVER "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  PORT=""
  for _ in $(seq 1 200); do
    PORT=$(grep -o 'listening on [0-9.:]*' "$log" | head -1 | sed 's/.*://') || true
    [ -n "$PORT" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "server did not start:" >&2; cat "$log" >&2; exit 1
}
stop() {
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
FAST=(--insecure-fast-password-hashing --message-rate 100000 --message-burst 100000
      --request-rate 100000 --request-burst 100000 --presence-grace-seconds 0)
gen() { $ON_GEN "$LOADGEN" "$@"; }
room_spec() { local s=""; for n in $SIZES; do s="$s,fan$n:$n"; done; echo "${s#,},write1:1,write8:8"; }

# ---- machine ---------------------------------------------------------------------------------
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/"/ /g')
MEM_MIB=$(awk '/MemTotal/ {printf "%d", $2/1024}' /proc/meminfo)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo true || echo false)
NODE_VERSION=$(node --version 2>/dev/null || echo none)
echo "== machine: $(nproc) cores, $CPU_MODEL, ${MEM_MIB} MiB; load average $LOAD_BEFORE; commit $COMMIT"

# ---- 1. fan-out, write path -------------------------------------------------------------------
if [ "$FANOUT" = 1 ] || [ "$WRITE" = 1 ]; then
echo "== Confab: fan-out and write path"
start "$WORK/server-a.log" "$SERVER_BIN" --port 0 --data-dir "$WORK/data-a" "${FAST[@]}"
gen setup --port "$PORT" --users "$USERS" --rooms "$(room_spec)" --state "$WORK/state-a.json"
for n in $SIZES; do
  [ "$FANOUT" = 1 ] || break
  gen fanout --port "$PORT" --server-pid "$SERVER_PID" --state "$WORK/state-a.json" --room "fan$n" \
      --subscribers "$n" --senders 10 --rate "$(rate_for "$n")" --duration "$DURATION" \
      --label "confab-fanout-$n" --out "$PARTS/confab-fanout-$n.json"
done
if [ "$FANOUT" = 1 ]; then
gen fanout --port "$PORT" --server-pid "$SERVER_PID" --state "$WORK/state-a.json" --room fan1000 \
    --subscribers 1000 --senders 10 --rate 50 --saturate --steps "$SAT_STEPS" --step-duration "$SAT_STEP_S" \
    --max-seconds "$SAT_MAX_S" --label "confab-saturation-1000" --out "$PARTS/confab-saturation-1000.json"
fi
for k in 1 8; do
  [ "$WRITE" = 1 ] || break
  gen write --port "$PORT" --server-pid "$SERVER_PID" --state "$WORK/state-a.json" --room "write$k" \
      --senders "$k" --duration "$WRITE_S" --label "write-$k-senders" --out "$PARTS/write-$k.json"
done
stop

fi

# (The server runs Qt's own event dispatcher, not GLib's, since QT_NO_GLIB became its default:
# the separate "-noglib" run of earlier versions measured the same thing.)

# ---- 3. the peer: Node ws broadcast server, same generator, same N and rates ----------------
if [ "$PEER" = 1 ] && [ "$FANOUT" = 1 ]; then
  echo "== peer: Node $NODE_VERSION + ws"
  start "$WORK/peer.log" node "$ROOT/bench/peer/server.js" 0
  for n in $SIZES; do
    gen fanout --peer --port "$PORT" --server-pid "$SERVER_PID" --subscribers "$n" --senders 10 \
        --rate "$(rate_for "$n")" --duration "$DURATION" --label "peer-fanout-$n" --out "$PARTS/peer-fanout-$n.json"
  done
  gen fanout --peer --port "$PORT" --server-pid "$SERVER_PID" --subscribers 1000 --senders 10 --rate 50 \
      --saturate --steps "$SAT_STEPS" --step-duration "$SAT_STEP_S" --max-seconds "$SAT_MAX_S" \
      --label "peer-saturation-1000" --out "$PARTS/peer-saturation-1000.json"
  stop
fi

# ---- 3a. the second peer: socket.io 4 (bench/peer/socketio.js), same generator and sizes ----
if [ "$PEER" = 1 ] && [ "$FANOUT" = 1 ]; then
  echo "== peer: Node $NODE_VERSION + socket.io"
  start "$WORK/socketio.log" node "$ROOT/bench/peer/socketio.js" 0
  for n in $SIZES; do
    gen fanout --peer --socketio --port "$PORT" --server-pid "$SERVER_PID" --subscribers "$n" --senders 10 \
        --rate "$(rate_for "$n")" --duration "$DURATION" --label "socketio-fanout-$n" --out "$PARTS/socketio-fanout-$n.json"
  done
  stop
fi

# ---- 3b. the floor: a bare epoll C++ broadcast server (bench/floor), same generator -----------
# What one send() per delivery per connection costs with nothing else around it: no server of
# that design gets more deliveries per CPU-second on this machine.
if [ "$PEER" = 1 ] && [ "$FANOUT" = 1 ] && [ -x "$FLOOR" ]; then
  echo "== floor: confab-bench-floor (epoll, one send() per delivery, nothing else)"
  start "$WORK/floor.log" "$FLOOR" 0
  for n in $SIZES; do
    gen fanout --peer --port "$PORT" --server-pid "$SERVER_PID" --subscribers "$n" --senders 10 \
        --rate "$(rate_for "$n")" --duration "$DURATION" --label "floor-fanout-$n" --out "$PARTS/floor-fanout-$n.json"
  done
  stop
fi

# ---- 4. history, search and sync at 1M messages -----------------------------------------------
if [ "$HISTORY" = 1 ]; then
  echo "== history: 1,000,000 messages in one room"
  command -v sqlite3 >/dev/null || { echo "sqlite3 (the CLI) is needed for the history data (or --no-history)" >&2; exit 1; }
  start "$WORK/server-c.log" "$SERVER_BIN" --port 0 --data-dir "$WORK/data-c" "${FAST[@]}"
  gen setup --port "$PORT" --users 1 --rooms hist:1 --prefix hu --state "$WORK/state-c.json" >/dev/null
  stop
  read -r ROOM AUTHOR < <("$LOADGEN" room-info --state "$WORK/state-c.json" --room hist)
  t0=$(date +%s)
  sed -e "s/@ROOM@/$ROOM/g" -e "s/@AUTHOR@/$AUTHOR/g" "$ROOT/bench/seed-history.sql" | sqlite3 "$WORK/data-c/confab.db" >/dev/null
  echo "   seeded in $(( $(date +%s) - t0 )) s ($(du -m "$WORK/data-c/confab.db" | cut -f1) MiB)"
  start "$WORK/server-c2.log" "$SERVER_BIN" --port 0 --data-dir "$WORK/data-c" "${FAST[@]}" --sync-replay-max 10000
  gen history --port "$PORT" --server-pid "$SERVER_PID" --state "$WORK/state-c.json" --room hist --count "$HIST_COUNT" --messages 1000000 \
      --sync-missed 10000 --sync-rounds "$SYNC_ROUNDS" --out "$PARTS/history.json"
  stop
fi

# ---- 5. thumbnails per second (confab_media, the file store's image work) ----------------------
# Not pinned: the 2-thread run needs both cores.
if [ "$THUMBS" = 1 ] && [ -x "$THUMBNAILS" ]; then
  echo "== thumbnails: $THUMB_JPEGS JPEGs and $THUMB_PNGS PNGs of 4000x3000 on 1 and 2 threads"
  "$THUMBNAILS" --jpegs "$THUMB_JPEGS" --pngs "$THUMB_PNGS" --size 4000x3000 --threads 1,2 \
      --dir "$WORK/thumbnails" --out "$PARTS/thumbnails.json"
  rm -rf "$WORK/thumbnails"
fi

# ---- 6. upload throughput: one big file through POST /v1/files, server RSS sampled meanwhile -----
if [ "$UPLOAD" = 1 ]; then
  echo "== upload: one $UPLOAD_MB MiB file through POST /v1/files"
  "$ROOT/bench/upload/upload.sh" --server "$SERVER_BIN" --size-mb "$UPLOAD_MB" --out "$PARTS/upload.json"
fi

# ---- report ------------------------------------------------------------------------------------
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
cat >"$WORK/meta.json" <<EOF
{"cores": $(nproc), "cpu_model": "$CPU_MODEL", "memory_mib": $MEM_MIB, "kernel": "$(uname -r)",
 "load_average_before": "$LOAD_BEFORE", "load_average_after": "$LOAD_AFTER", "commit": "$COMMIT",
 "worktree_dirty": $DIRTY, "node": "$NODE_VERSION", "quick": $([ "$QUICK" = 1 ] && echo true || echo false),
 "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "server_cpu": "$SERVER_CPU", "generator_cpu": "$GEN_CPU"}
EOF
mkdir -p "$(dirname "$OUT")"
"$LOADGEN" report --dir "$PARTS" --meta "$WORK/meta.json" --out "$OUT"
echo "load average before $LOAD_BEFORE, after $LOAD_AFTER"

# ---- the client side: its own script, build folder and result file (docs/performance.md, "Client")
if [ "$CLIENT" = 1 ]; then
  "$ROOT/bench/run-client.sh" $([ "$BUILD_IT" = 1 ] || echo --skip-build)
fi
