#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Confab needs and builds two trees: a Debug one with AddressSanitizer and UBSan,
# on which the whole test suite (CTest) runs, and an optimised RelWithDebInfo one (what the README
# builds by hand and what ships: -O2 with _FORTIFY_SOURCE finds what Debug does not), on which
# the core and server tests run, and from which the Debian packages are built, installed and
# exercised (scripts/test-packages.sh). Exits non-zero if anything fails. The whole suite's summary is
# the last thing printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/format.sh --check
bash scripts/licence-headers.sh --check
build_dir=${CONFAB_TEST_BUILD_DIR:-build-test}
release_dir=${CONFAB_RELEASE_BUILD_DIR:-build-rel}
# Shared libraries in the test tree: ~100 test executables would otherwise each carry every
# library (~200 MB apiece under ASan; a CI machine ran out of disk).
bash scripts/build.sh "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DCONFAB_SANITIZE=ON -DCONFAB_SHARED_LIBS=ON
# Prefix /usr: the tree the packages are made from (scripts/package.sh). Only the core and
# server tests run on it, so the others are not built, nor the benchmarks (the sanitized tree
# builds them; bench/run.sh makes its own optimised tree): CI stays within its 30 minutes.
bash scripts/build.sh "$release_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
  -DCONFAB_BUILD_CLIENT_TESTS=OFF -DCONFAB_BUILD_BENCH=OFF

# libFuzzer, bounded: every target of tests/fuzz for a few seconds, in its own clang build folder
# (docs/testing.md). A finding fails the run, after the suites below have run too.
echo "== fuzzing: every target for ${CONFAB_FUZZ_SECONDS:-12} s"
fuzz_status=0
bash scripts/fuzz.sh --ci "${CONFAB_FUZZ_SECONDS:-12}" || fuzz_status=$?

echo "== optimised build ($release_dir): core and server tests"
ctest --test-dir "$release_dir" --output-on-failure --parallel 2 --timeout 300 -L 'core|server'

# It installs and purges the packages (root or sudo): CONFAB_SKIP_PACKAGE_TEST=1 skips it on a
# machine where that is not wanted.
if [ "${CONFAB_SKIP_PACKAGE_TEST:-0}" = 1 ]; then
    echo "== packages: skipped (CONFAB_SKIP_PACKAGE_TEST=1)"
else
    echo "== packages from the optimised build: lintian, install, run, remove, purge"
    bash scripts/test-packages.sh "$release_dir"
fi

# Every test includes the `postgres` label: the core server tests again on a throw-away PostgreSQL
# cluster that CTest starts and stops (tests/support/pgcluster.sh, docs/scale-out.md).
echo "== sanitized build ($build_dir): every test (the postgres label too)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
suite_status=0
ctest --test-dir "$build_dir" --output-on-failure --parallel 2 --timeout 300 || suite_status=$?
if [[ $fuzz_status -ne 0 ]]; then
  echo "fuzzing found something: see \"== fuzzing\" above"
fi
exit $((suite_status || fuzz_status))
