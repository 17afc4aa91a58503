#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# libFuzzer runs of the targets in tests/fuzz (docs/testing.md). Builds them first, with clang,
# ASan and UBSan, in their own folder (build-fuzz, or $CONFAB_FUZZ_BUILD_DIR): only the fuzz
# targets and the libraries they need.
#   scripts/fuzz.sh TARGET MINUTES   one target for a long local run
#   scripts/fuzz.sh --ci [SECONDS]   every target for SECONDS each (default 12): what test.sh runs
#   scripts/fuzz.sh --list           the targets
#   scripts/fuzz.sh --capture        refresh the HTTP targets' seeds from the test suite's traffic
#                                    (needs build-test with confab-server and those tests built)
# New inputs go to <build>/corpus/TARGET (the committed seeds in tests/fuzz/corpus stay as they
# are); a crash, leak or timeout leaves its input in <build>/findings/TARGET and fails the run:
# fix it, then keep the input in tests/fuzz/regressions/TARGET (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${CONFAB_FUZZ_BUILD_DIR:-build-fuzz}
# The list lives in one place: tests/fuzz/CMakeLists.txt.
targets=$(sed -n '/^set(CONFAB_FUZZ_TARGETS/,/)/p' tests/fuzz/CMakeLists.txt | sed 's/set(CONFAB_FUZZ_TARGETS//; s/)//' | xargs)

build() {
  CONFAB_BUILD_TARGETS=confab_fuzz_targets bash scripts/build.sh "$build_dir" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER=clang++ -DCONFAB_FUZZ=ON -DCONFAB_BUILD_TESTS=OFF -DCONFAB_BUILD_CLIENT=OFF \
    -DCONFAB_BUILD_BENCH=OFF >"$build_dir.log" 2>&1 || { tail -40 "$build_dir.log"; return 1; }
}

# run TARGET SECONDS: prints "TARGET: N executions in S s" and fails on a finding.
run() {
  local target=$1 seconds=$2
  local corpus="$build_dir/corpus/$target" findings="$build_dir/findings/$target"
  mkdir -p "$corpus" "$findings"
  local log="$build_dir/fuzz-$target.log"
  local status=0
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" \
  QT_QPA_PLATFORM=offscreen \
    "$build_dir/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict="tests/fuzz/dict/$target.dict" -artifact_prefix="$findings/" -print_final_stats=1 \
      "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "$target: ${execs:-?} executions in $seconds s"
  if [[ $status -ne 0 ]]; then
    grep -m1 -A30 -E '^==[0-9]+==|runtime error|ERROR: libFuzzer' "$log" || tail -30 "$log"
    echo "$target: FINDING, input kept in $findings (log: $log)"
    return 1
  fi
}

capture() {
  local dir
  dir=$(mktemp -d)
  CONFAB_CAPTURE_DIR=$dir ctest --test-dir "${CONFAB_TEST_BUILD_DIR:-build-test}" -R 'test_server_(rest|realtime|security)$' \
    --output-on-failure >/dev/null || true
  python3 tests/fuzz/pick-captured-seeds.py "$dir"
  rm -rf "$dir"
}

case "${1:-}" in
  --list) echo $targets ;;
  --capture) capture ;;
  --ci)
    seconds=${2:-12}
    start=$SECONDS
    build
    echo "fuzz build: $((SECONDS - start)) s"
    failed=0
    for t in $targets; do run "$t" "$seconds" || failed=1; done
    echo "fuzzing took $((SECONDS - start)) s in all"
    exit $failed
    ;;
  ""|-*) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  *)
    target=$1
    minutes=${2:?usage: scripts/fuzz.sh TARGET MINUTES}
    grep -qw -- "$target" <<<"$targets" || { echo "unknown target $target; one of: $targets" >&2; exit 2; }
    build
    run "$target" $((minutes * 60))
    ;;
esac
