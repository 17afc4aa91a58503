#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Measures the server's memory (VmRSS) before and during a data export of an account with 100,000
# messages (issue 17, point 3): the export is streamed a page at a time, so the peak must not grow
# with the account. Seeds the messages straight into the database (bench/seed-history.sql, scaled
# down), reads the export slowly (curl --limit-rate) and samples /proc/PID/status meanwhile.
#   bench/export-rss.sh [SERVER_BIN] [MESSAGES]
# Prints the figures; asserts nothing about time.
set -euo pipefail
[ -n "${DEBUG:-}" ] && set -x
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_BIN=${1:-$ROOT/build-test/app/confab-server}
MESSAGES=${2:-100000}
WORK=$(mktemp -d)
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

start() {
  "$SERVER_BIN" --port 0 --bind 127.0.0.1 --data-dir "$WORK/data" --insecure-fast-password-hashing \
    --request-rate 1000 >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 200); do
    PORT=$(grep -o 'listening on [^ ]*:[0-9]*' "$WORK/server.log" | head -1 | grep -o '[0-9]*$' || true)
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "server did not start" >&2; cat "$WORK/server.log" >&2; exit 1
}
stop() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
api() { curl -sf -H "Content-Type: application/json" ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$@"; }

start
BASE="http://127.0.0.1:$PORT"
TOKEN=$(api -X POST "$BASE/v1/auth/register" -d '{"username":"exporter","password":"correct horse"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["token"])')
read -r ROOM AUTHOR < <(api -X POST "$BASE/v1/chat/rooms" -d '{"name":"archive","type":"public"}' |
  python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d["roomId"], d["createdBy"])')
stop

t0=$(date +%s)
sed -e "s/@ROOM@/$ROOM/g" -e "s/@AUTHOR@/$AUTHOR/g" -e "s/1000000/$MESSAGES/g" "$ROOT/bench/seed-history.sql" |
  sqlite3 "$WORK/data/confab.db" >/dev/null
echo "seeded $MESSAGES messages in $(($(date +%s) - t0)) s ($(du -m "$WORK/data/confab.db" | cut -f1) MiB database)"

start
BASE="http://127.0.0.1:$PORT"
api "$BASE/v1/me" >/dev/null
for format in json zip; do
  before=$(rss_kb)
  peak=$before
  curl -sf --limit-rate 4M -H "Authorization: Bearer $TOKEN" -o "$WORK/export.$format" \
    "$BASE/v1/me/export?format=$format" &
  CURL=$!
  while kill -0 "$CURL" 2>/dev/null; do
    now=$(rss_kb)
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.2
  done
  wait "$CURL"
  after=$(rss_kb)
  size=$(stat -c %s "$WORK/export.$format")
  if [ "$format" = json ]; then
    count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["messages"]))' "$WORK/export.json")
  else
    count=$(python3 -c 'import json,sys,zipfile; print(len(json.loads(zipfile.ZipFile(sys.argv[1]).read("export.json"))["messages"]))' "$WORK/export.zip")
  fi
  echo "$format: $size bytes, $count messages; server RSS before $((before / 1024)) MiB, peak during $((peak / 1024)) MiB, after $((after / 1024)) MiB"
done
stop
