#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds Confab into a build folder. Used by run.sh and test.sh.
#   scripts/build.sh <build-dir> [extra cmake args...]
# CONFAB_BUILD_TARGETS="a b" builds only those targets.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:?usage: scripts/build.sh BUILD_DIR [cmake args...]}
shift
# ccache hits across clones and build folders need a base dir and no working directory in the
# hash (it is only there for debug info's compilation directory).
export CCACHE_BASEDIR="$PWD"
export CCACHE_NOHASHDIR=1
cmake -S . -B "$build_dir" -G Ninja "$@"
targets=()
for t in ${CONFAB_BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
