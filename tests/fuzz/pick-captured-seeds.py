#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Picks seeds from traffic the server captured during a test run (CONFAB_CAPTURE_DIR, see
# scripts/fuzz.sh --capture): one connection's input per file, <pid>-<id>.http (requests, the
# WebSocket handshake included) or .ws (client frames after an upgrade). Keeps a few dozen of
# different kinds (by method and path of the first request), each cut to 8 KiB.
#   tests/fuzz/pick-captured-seeds.py CAPTURE_DIR
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
MAX_BYTES = 8 * 1024
captured = pathlib.Path(sys.argv[1])


def kind(data):
    line = data.split(b"\r\n", 1)[0]
    parts = line.split(b" ")
    path = parts[1].split(b"?")[0] if len(parts) > 1 else b""
    path = re.sub(rb"/[0-9a-zA-Z_-]{12,}", b"/ID", path)  # ids in paths
    requests = min(data.count(b" HTTP/1.1\r\n"), 3)
    return (parts[0], path, requests)


def pick(suffix, limit):
    chosen = {}
    for f in sorted(captured.glob(f"*.{suffix}"), key=lambda p: p.stat().st_size):
        data = f.read_bytes()[:MAX_BYTES]
        if not data:
            continue
        key = kind(data) if suffix == "http" else len(chosen)
        if key not in chosen:
            chosen[key] = data
        if len(chosen) >= limit:
            break
    seeds = list(chosen.values())
    # Few kinds: add the longest other connections (many requests on one keep-alive connection).
    for f in sorted(captured.glob(f"*.{suffix}"), key=lambda p: -p.stat().st_size):
        if len(seeds) >= limit:
            break
        data = f.read_bytes()[:MAX_BYTES]
        if data not in seeds:
            seeds.append(data)
    return seeds


def store(target, seeds, prefix=b""):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("captured-*"):
        old.unlink()
    for i, data in enumerate(seeds):
        (folder / f"captured-{i:02d}").write_bytes(prefix + data)
    print(f"{target}: {len(seeds)} captured seeds")


http = pick("http", 40)
store("http_parser", http)
store("http_connection", http[:30])
store("websocket_frames", pick("ws", 12), prefix=b"\x00")
