#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed-package test: builds the .debs (scripts/package.sh), installs them with apt-get,
# runs the installed server with its systemd unit's command line as the confab user against a
# temporary data dir, and registers, sends and reads a message with curl; verifies the unit, the
# desktop file and the metainfo; then reinstalls (an upgrade keeps data and configuration), removes
# (keeps them) and purges (removes them), checking what is left after each step.
#   scripts/test-packages.sh [BUILD_DIR]       (default build-rel)
# Needs root or sudo, and a machine where Confab is not installed: it refuses otherwise. It leaves
# the machine as it found it (packages purged, the confab user removed if it created it).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-rel}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
started=$(date +%s)

fail() {
    echo "test-packages: FAIL: $*" >&2
    exit 1
}
check() { # check "what" command...: the command must succeed
    local what=$1
    shift
    if "$@"; then echo "ok: $what"; else fail "$what"; fi
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
json() { # json data.user.role < answer: prints that field (numbers index arrays)
    python3 -c '
import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v[int(k)] if k.lstrip("-").isdigit() else v[k]
print(v)' "$1"
}

for p in confab confab-server; do
    if installed "$p"; then fail "$p is already installed here; this test installs and purges it"; fi
done
for d in /var/lib/confab /etc/confab; do
    if [ -e "$d" ]; then fail "$d exists (an earlier Confab install?); this test would purge it"; fi
done
user_existed=no
if getent passwd confab >/dev/null; then user_existed=yes; fi

bash scripts/package.sh "$build_dir"
server_deb=$(realpath "$build_dir"/packages/confab-server_*.deb)
client_deb=$(realpath "$build_dir"/packages/confab_*.deb)
version=$(dpkg-deb -f "$server_deb" Version)

work=$(mktemp -d)
chmod 0755 "$work" # the confab user reaches its data dir inside
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    # dpkg, not apt-get: apt cannot name a removed package that no repository has
    $SUDO dpkg --purge confab confab-server >/dev/null 2>&1 || true
    if [ "$user_existed" = no ] && getent passwd confab >/dev/null; then
        $SUDO deluser --quiet --system confab >/dev/null 2>&1 || true
    fi
    if [ "$user_existed" = no ] && getent group confab >/dev/null; then
        $SUDO delgroup --quiet --system confab >/dev/null 2>&1 || true
    fi
    $SUDO rm -rf "$work"
}
trap cleanup EXIT

apt_get() { # apt-get, its chatter in $work/apt.log unless it fails
    if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o Dpkg::Use-Pty=0 "$@" >>"$work/apt.log" 2>&1; then
        cat "$work/apt.log" >&2
        fail "apt-get $*"
    fi
}

echo "== install"
apt_get install --no-install-recommends "$server_deb" "$client_deb"
check "confab-server --version says $version" sh -c "confab-server --version | grep -qx 'confab-server $version'"
check "confab --version" sh -c "QT_QPA_PLATFORM=offscreen confab --version | grep -q '$version'"
check "confab-cli --help" sh -c "confab-cli --help | grep -q 'Confab chat from a terminal'"
check "confab system user with no login shell" sh -c "getent passwd confab | grep -q ':/var/lib/confab:/usr/sbin/nologin$'"
check "/var/lib/confab owned by confab, mode 750" sh -c "[ \"\$(stat -c '%U:%G %a' /var/lib/confab)\" = 'confab:confab 750' ]"
check "/etc/confab/server.ini is a conffile" sh -c "dpkg-query -W -f='\${Conffiles}' confab-server | grep -q '/etc/confab/server.ini'"
check "unit enabled" test -L /etc/systemd/system/multi-user.target.wants/confab-server.service
unit=/lib/systemd/system/confab-server.service
check "systemd-analyze verify $unit" systemd-analyze verify "$unit"
desktop=/usr/share/applications/org.confab.Confab.desktop
check "desktop-file-validate $desktop" desktop-file-validate "$desktop"
check "appstreamcli validate" appstreamcli validate --no-net /usr/share/metainfo/org.confab.Confab.metainfo.xml
check "icons in hicolor" test -f /usr/share/icons/hicolor/scalable/apps/org.confab.Confab.svg -a \
    -f /usr/share/icons/hicolor/48x48/apps/org.confab.Confab.png
check "man pages" test -f /usr/share/man/man1/confab-server.1.gz -a -f /usr/share/man/man1/confab.1.gz

echo "== the unit's command line, as the confab user, on a temporary data dir"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
case "$exec_start" in
    /usr/bin/confab-server\ *) ;;
    *) fail "unexpected ExecStart in $unit: $exec_start" ;;
esac
data="$work/data"
$SUDO install -d -o confab -g confab -m 0750 "$data"
# shellcheck disable=SC2086 # ExecStart is a plain word list (no quotes in it)
set -- ${exec_start//\/var\/lib\/confab/$data}
# Port 0: the server picks a free one and prints it. CONFAB_PORT (not a flag) keeps the command
# line the unit's own; the environment is reset and the umask set as the unit's User= and UMask= do.
$SUDO sh -c 'umask 0077; exec "$@"' sh setpriv --reuid=confab --regid=confab --init-groups --reset-env \
    env CONFAB_PORT=0 "$@" >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 600); do # up to 60 s on a busy machine
    port=$(sed -n 's/^confab-server listening on .*:\([0-9]*\)$/\1/p' "$work/server.log")
    if [ -n "$port" ] || ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
done
if [ -z "$port" ]; then
    cat "$work/server.log" >&2
    fail "the installed server did not start"
fi
echo "ok: installed server listening on 127.0.0.1:$port"
base="http://127.0.0.1:$port"
register=$(curl -sS -X POST "$base/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"alice","password":"correct-horse-battery","displayName":"Alice"}')
token=$(echo "$register" | json data.token)
check "first account is an admin" test "$(echo "$register" | json data.user.role)" = admin
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
room=$(curl -sS -X POST "$base/v1/chat/rooms" "${auth[@]}" -d '{"name":"general","type":"public"}' |
    json data.roomId)
text="Hello from the installed package $version"
curl -sS -X POST "$base/v1/chat/rooms/$room/messages" "${auth[@]}" -d "{\"content\":\"$text\"}" >/dev/null
read_back=$(curl -sS "$base/v1/chat/rooms/$room/messages" "${auth[@]}" | json data.messages.-1.content)
check "message sent and read back" test "$read_back" = "$text"
kill -TERM "$server_pid"
rc=0
wait "$server_pid" || rc=$?
server_pid=""
check "server stopped cleanly on SIGTERM" test "$rc" -eq 0
check "everything in the data dir belongs to confab" test -z "$(find "$data" ! -user confab)"

echo "== /etc/confab/server.ini is the installed server's default configuration"
(cd / && $SUDO runuser -u confab -- confab-server admin users >/dev/null)
check "admin command without flags used data-dir from server.ini" test -f /var/lib/confab/confab.db

echo "== upgrade (reinstall), remove, purge"
echo "message-rate = 6 # edited by test-packages" | $SUDO tee -a /etc/confab/server.ini >/dev/null
apt_get install --reinstall --no-install-recommends "$server_deb"
check "upgrade keeps the edited server.ini" grep -q 'edited by test-packages' /etc/confab/server.ini
check "upgrade keeps the data" test -f /var/lib/confab/confab.db
apt_get remove confab confab-server
check "remove takes the programs" test ! -e /usr/bin/confab-server -a ! -e /usr/bin/confab -a ! -e "$unit"
check "remove keeps the configuration" grep -q 'edited by test-packages' /etc/confab/server.ini
check "remove keeps the data" test -f /var/lib/confab/confab.db
$SUDO dpkg --purge confab confab-server >>"$work/apt.log" 2>&1 || fail "dpkg --purge"
left=$(find /etc /var/lib /lib/systemd /usr/bin /usr/share/doc /usr/share/man/man1 /usr/share/applications \
    /usr/share/metainfo /usr/share/icons/hicolor /usr/share/lintian/overrides \
    \( -iname '*confab*' -o -name 'org.confab.*' \) 2>/dev/null || true)
if [ -n "$left" ]; then
    echo "$left" >&2
    fail "purge left files behind"
fi
echo "ok: purge left nothing behind"
echo "test-packages: passed in $(($(date +%s) - started)) s"
