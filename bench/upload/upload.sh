#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Upload throughput: one file of SIZE MiB through POST /v1/files on 127.0.0.1 (curl streams it
# from disk), the server's resident memory sampled every 50 ms meanwhile. The server must keep
# it flat: the body goes to disk as it arrives (docs/performance.md, "Uploads").
#
#   bench/upload/upload.sh --server BUILD/app/confab-server [--size-mb 1024] [--out part.json]
#
# Starts its own server (port 0, a temporary data directory) and stops it; prints the figures
# and writes them as a part for `confab-loadgen report` ({"label": "upload", ...}) when --out is given.
set -euo pipefail
SERVER="" SIZE_MB=1024 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) SERVER=$2; shift 2 ;;
    --size-mb) SIZE_MB=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$SERVER" ] || { echo "usage: $0 --server PATH [--size-mb N] [--out FILE]" >&2; exit 2; }
WORK=$(mktemp -d /tmp/confab-upload.XXXXXX)
PID="" SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$SERVER" --data-dir "$WORK/data" --port 0 --insecure-fast-password-hashing --max-file-mb $((SIZE_MB + 1)) \
  --user-quota-mb 0 >"$WORK/server.log" 2>&1 &
PID=$!
PORT=""
for _ in $(seq 1 200); do
  PORT=$(grep -o 'listening on [0-9.:]*' "$WORK/server.log" | head -1 | sed 's/.*://') || true
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -sf -X POST "$BASE/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')

# Random bytes, so nothing along the way can shortcut zeros; written before the clock starts.
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom >"$WORK/file.bin"
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$PID/status"; }
BEFORE=$(rss_kib)
( while kill -0 "$PID" 2>/dev/null; do rss_kib >>"$WORK/rss.txt" || true; sleep 0.05; done ) &
SAMPLER=$!
# -T streams the file (--data-binary @file would read it all into curl's memory first).
RESULT=$(curl -s -X POST "$BASE/v1/files" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  -H 'X-Filename: bench.bin' -T "$WORK/file.bin" -w '\n%{http_code} %{time_total} %{speed_upload}')
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
STATUS=$(echo "$RESULT" | tail -1 | cut -d' ' -f1)
SECONDS_TOTAL=$(echo "$RESULT" | tail -1 | cut -d' ' -f2)
[ "$STATUS" = 201 ] || { echo "upload failed: $RESULT" >&2; exit 1; }
EXPECTED=$(sha256sum "$WORK/file.bin" | cut -d' ' -f1)
echo "$RESULT" | head -1 | grep -q "\"sha256\":\"$EXPECTED\"" || { echo "hash differs: $RESULT" >&2; exit 1; }
PEAK=$(sort -n "$WORK/rss.txt" | tail -1)
SAMPLES=$(wc -l <"$WORK/rss.txt")
MBPS=$(awk -v mb="$SIZE_MB" -v s="$SECONDS_TOTAL" 'BEGIN { printf "%.1f", mb / s }')
echo "upload: $SIZE_MB MiB in ${SECONDS_TOTAL}s = $MBPS MiB/s (hash checked); server RSS before $((BEFORE / 1024)) MiB," \
     "peak $((PEAK / 1024)) MiB over $SAMPLES samples"
if [ -n "$OUT" ]; then
  cat >"$OUT" <<JSON
{"label": "upload", "kind": "upload", "result": {"size_mib": $SIZE_MB, "seconds": $SECONDS_TOTAL, "mib_per_s": $MBPS,
 "rss_before_mib": $((BEFORE / 1024)), "rss_peak_mib": $((PEAK / 1024)), "rss_samples": $SAMPLES}}
JSON
fi
