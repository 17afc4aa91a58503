#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the seed corpora of the fuzz targets that are built from the test fixtures
# (tests/fixtures/core) and from small hand-written cases. The HTTP targets' seeds are captured
# from the test suite's real traffic instead (scripts/fuzz.sh --capture, docs/testing.md).
#   tests/fuzz/make-seeds.py        (rewrites corpus/<target>/seed-* for those targets)
import base64
import json
import os
import pathlib
import random
import shutil
import struct
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "core"
CORPUS = HERE / "corpus"
rng = random.Random(20)  # the same seeds on every run


def reset(target):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*"):
        old.unlink()
    return folder


def write(folder, name, data):
    if isinstance(data, str):
        data = data.encode()
    (folder / f"seed-{name}").write_bytes(data)


def fixtures(kind):
    return sorted((FIXTURES / kind).glob("*.json"))


def compact(path):
    return json.dumps(json.loads(path.read_text()), separators=(",", ":"), ensure_ascii=False).encode()


def client_frame(payload, opcode=0x1, fin=True, mask=True):
    head = bytes([(0x80 if fin else 0) | opcode])
    n = len(payload)
    m = 0x80 if mask else 0
    if n < 126:
        head += bytes([m | n])
    elif n <= 0xFFFF:
        head += bytes([m | 126]) + struct.pack(">H", n)
    else:
        head += bytes([m | 127]) + struct.pack(">Q", n)
    if not mask:
        return head + payload
    key = bytes(rng.randrange(256) for _ in range(4))
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def chunk_tail(lengths):
    # fuzzinput.h's ChunkedStream: chunk lengths read backwards, then their count.
    return bytes(reversed(lengths)) + bytes([len(lengths)])


def frames():
    folder = reset("frames")
    for kind in ("client", "server"):
        for path in fixtures(kind):
            write(folder, f"{kind}-{path.stem}", compact(path))


def rest_bodies():
    # The target's order of body types (fuzz_rest_bodies.cpp, Bodies).
    order = ["register", "login", "profile_change", "room_settings_change", "new_room", "room_change",
             "member_invite", "member_change", "kick", "ban", "outgoing_message", "message_edit", "reaction",
             "read_marker", "presence_change", "typing_change", "account_erasure", "password_change"]
    folder = reset("rest_bodies")
    for path in fixtures("requests"):
        base = path.stem
        for prefix in sorted(order, key=len, reverse=True):
            if base.startswith(prefix):
                write(folder, base, bytes([order.index(prefix)]) + compact(path))
                break
    write(folder, "receipt_setting", bytes([18]) + b'{"sendReadReceipts":false}')


def websocket_frames():
    folder = reset("websocket_frames")
    payloads = [compact(p) for p in fixtures("client")[:6]]
    stream = b"".join(client_frame(p) for p in payloads)
    write(folder, "masked-text", b"\x00" + stream)
    write(folder, "masked-text-chunked", b"\x00" + stream + chunk_tail([1, 2, 3, 7, 40]))
    write(folder, "ping-pong", b"\x00" + client_frame(b"hi", 0x9) + client_frame(b"", 0xA) + client_frame(payloads[0]))
    write(folder, "close-looked-for", b"\x01" + client_frame(payloads[1]) + client_frame(struct.pack(">H", 1000) + b"bye", 0x8))
    write(folder, "fragmented", b"\x00" + client_frame(payloads[2][:5], 0x1, fin=False) +
          client_frame(b"x", 0x9) + client_frame(payloads[2][5:], 0x0))
    write(folder, "unmasked", b"\x00" + client_frame(payloads[0], mask=False))
    write(folder, "length-16", b"\x00" + client_frame(b"a" * 300))
    write(folder, "length-64", b"\x01" + client_frame(b"b" * 70000)[:40] + chunk_tail([10, 10]))
    write(folder, "writer-text", b"\x80" + payloads[3])
    write(folder, "writer-close", b"\x80" + struct.pack(">H", 4001) + "session replaced: signed in elsewhere".encode())
    write(folder, "writer-close-utf8", b"\x80" + struct.pack(">H", 1008) + ("é" * 80).encode())
    write(folder, "writer-long", b"\x80" + b"z" * 200)


def search_syntax():
    folder = reset("search_syntax")
    cases = ["hello world", "from:alice lunch", "in:general before:2026-01-31 after:2025-12-01",
             "has:file report", 'from:"bob" "exact phrase"', "before:yesterday", "NEAR(a b) OR c*",
             "in: from: has:", "\u00e9t\u00e9 \u6f22\u5b57 \U0001F600", "a\x01b\x02c", '"""', "-x +y ^z",
             "after:2026-02-30", "from:alice from:bob"]
    for i, text in enumerate(cases):
        write(folder, str(i), text)


def markdown_preview():
    folder = reset("markdown_preview")
    cases = ["**bold** and _it_", "> quoted\nreply", "# Title\n\ntext", "```\ncode\n```\nafter",
             "- a\n- b\n  - c", "[link](http://x) ![img](y)", "`code` ~~gone~~", "<b>not html</b>",
             "\n\n\n   \n", "1. one\n2. two", "| a | b |\n|---|---|\n| 1 | 2 |", "\\*escaped\\*",
             "***", "__*nested*__", "line\r\nbreak"]
    for path in fixtures("client"):
        j = json.loads(path.read_text())
        if isinstance(j.get("content"), str):
            cases.append(j["content"])
    for i, text in enumerate(cases):
        write(folder, str(i), text)


def event_cursor():
    folder = reset("event_cursor")

    def cursor(obj):
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).rstrip(b"=")

    write(folder, "rooms", cursor({"s": "st_1", "r": {"room_a": 12, "room_b": 0}}))
    write(folder, "no-stream", cursor({"r": {"r1": 9007199254740993}}))
    write(folder, "empty", cursor({"r": {}}))
    write(folder, "negative", cursor({"r": {"x": -1}}))
    write(folder, "not-json", base64.urlsafe_b64encode(b"hello"))
    write(folder, "padded", base64.urlsafe_b64encode(b'{"r":{}}'))


def byte_range():
    folder = reset("byte_range")
    cases = [(1000, "bytes=0-99"), (1000, "bytes=-500"), (1000, "bytes=500-"), (10, "bytes=5-2"),
             (10, "bytes=10-"), (0, "bytes=0-0"), (1 << 31, "bytes=0-99999999999999999999"),
             (100, "bytes=1-2,3-4"), (100, " bytes = 3 - 9 "), (100, "items=0-1"), (100, "bytes=-0")]
    for i, (size, header) in enumerate(cases):
        write(folder, str(i), struct.pack(">I", size) + header.encode())


def media():
    folder = reset("media")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        made = []
        for name, args in [("png", ["-size", "6x4", "gradient:red-blue"]),
                           ("jpg", ["-size", "8x6", "plasma:", "-quality", "50"]),
                           ("gif", ["-size", "5x5", "xc:green"]),
                           ("webp", ["-size", "4x4", "xc:white"]),
                           ("bmp", ["-size", "3x3", "xc:black"])]:
            out = tmp / f"small.{name}"
            if subprocess.run(["convert", *args, str(out)], capture_output=True).returncode == 0:
                made.append(out)
        jpg = tmp / "small.jpg"
        if jpg.exists() and shutil.which("exiftool"):
            gps = tmp / "gps.jpg"
            shutil.copy(jpg, gps)
            subprocess.run(["exiftool", "-q", "-overwrite_original", "-GPSLatitude=48.85", "-GPSLatitudeRef=N",
                            "-GPSLongitude=2.35", "-GPSLongitudeRef=E", "-Make=Confab", "-Model=Fuzz",
                            "-Orientation#=6", str(gps)], check=True)
            made.append(gps)
        for path in made:
            data = path.read_bytes()
            stem = path.name.replace(".", "-")
            write(folder, f"thumb-{stem}", b"\x00" + data)
            write(folder, f"strip-{stem}", b"\x01" + data)
        if jpg.exists():
            data = jpg.read_bytes()
            write(folder, "thumb-truncated-jpg", b"\x00" + data[: len(data) // 2])
        write(folder, "thumb-not-image", b"\x00not an image at all")


for make in (frames, rest_bodies, websocket_frames, search_syntax, markdown_preview, event_cursor, byte_range, media):
    make()
