#!/usr/bin/env bash
# Installs what Confab needs, builds everything with AddressSanitizer and UBSan, and runs the
# whole test suite (CTest). Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=${CONFAB_TEST_BUILD_DIR:-build-test}
bash scripts/build.sh "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DCONFAB_SANITIZE=ON
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
ctest --test-dir "$build_dir" --output-on-failure --parallel 2 --timeout 300
