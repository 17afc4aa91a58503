#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package that Confab's build, tests and packaging need.
# Idempotent; run as root (or through sudo). Nothing is downloaded but Debian packages.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build ccache pkg-config clang-format
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
  # Qt 6 and libraries
  qt6-base-dev qt6-websockets-dev qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n qt6-qpa-plugins
  libgl-dev libxkbcommon-dev libssl-dev
  nlohmann-json3-dev libsodium-dev libhttp-parser-dev libhiredis-dev
  # PostgreSQL storage (--database) runs on QPSQL (above); libpq's headers for bench/pgdriver
  libpq-dev
  # sd_notify for the systemd unit's Type=notify and watchdog (CONFAB_WITH_SYSTEMD)
  libsystemd-dev
  # files: EXIF privacy (Exiv2), WebP/TIFF readers; exiftool writes GPS into test photos, zlib
  # deflates the test's PNG bomb
  libexiv2-dev qt6-image-formats-plugins libimage-exiftool-perl zlib1g-dev
  # the emoji table is generated from Unicode's emoji list and CLDR's keywords (python3 runs it)
  unicode-data unicode-cldr-core python3
  # tests: headless display, keychain, real servers, WebSocket CLI for manual checks
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools redis-server postgresql
  python3-websockets curl
  # screenshots, fonts so CJK and emoji render
  imagemagick fonts-noto-color-emoji fonts-wqy-microhei
  # icons rendered from SVG at build time
  librsvg2-bin
  # packaging checks; packages (dpkg-shlibdeps) and the installed-package test (scripts/test-packages.sh:
  # systemd-analyze and man-db for its Documentation= check, adduser for the package's postinst)
  lintian appstream desktop-file-utils dpkg-dev systemd adduser man-db
  # benchmarks (optional): gnuplot draws bench/soak.sh's plot; without it the soak skips only the plot
  gnuplot-nox
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
