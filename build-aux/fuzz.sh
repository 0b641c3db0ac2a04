#!/usr/bin/env bash
# build-aux/fuzz.sh — build the libFuzzer targets of tests/fuzz with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer, run each for a bounded time, and print what they did.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default 60 s, every target)
#
# The growing corpus lives in _build-fuzz/corpus/TARGET (kept between runs, so several
# bounded runs add up); it starts from tests/fuzz/corpus and tests/data/vcards/real.
# A crash, leak, timeout or sanitizer report leaves its input in _build-fuzz/artifacts/;
# copy it into tests/fuzz/reproducers once fixed, and the suite replays it forever.
# Runs under nice, one process per target, so a shared machine stays usable.
# FUZZ_MAX_LEN bounds the inputs (default 16384 bytes). FUZZ_LEAKS=0 skips LeakSanitizer's
# check after each input that allocated more than it freed (GLib's and EVCard's caches do,
# often): several times the executions, for long runs between shorter ones with leaks on.
set -u

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build-fuzz"
seconds="${1:-60}"
shift || true
targets="${*:-fuzz-parse fuzz-import fuzz-roundtrip}"
sanitizers="address,undefined"
corpus_dir="$build_dir/corpus"

# FUZZ_ASAN=0: UBSan only, in _build-fuzz-fast, on the same corpus. Several times the
# executions (ASan's allocator is most of the time spent) for bulk runs; crashes and
# assertions still stop it, invalid accesses that do not crash do not.
if [ "${FUZZ_ASAN:-1}" = 0 ]; then
  build_dir="$source_dir/_build-fuzz-fast"
  sanitizers="undefined"
fi

if [ ! -d "$build_dir" ]; then
  # -fsanitize=fuzzer-no-link gives the core library the coverage counters libFuzzer
  # steers by; the targets themselves link -fsanitize=fuzzer (tests/fuzz/meson.build).
  CC=clang meson setup "$build_dir" "$source_dir" \
    -Dfuzzing=true -Db_sanitize="$sanitizers" -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=all' >/dev/null || exit 1
fi
# shellcheck disable=SC2086
ninja -C "$build_dir" $(for t in $targets; do echo "tests/fuzz/$t"; done) >/dev/null || exit 1

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:malloc_context_size=10:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$source_dir/build-aux/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"

status=0
for target in $targets; do
  corpus="$corpus_dir/$target"
  artifacts="$build_dir/artifacts/$target/"
  log="$build_dir/$target.log"
  mkdir -p "$corpus" "$artifacts"
  started=$SECONDS

  nice -n 10 "$build_dir/tests/fuzz/$target" "$corpus" \
    "$source_dir/tests/fuzz/corpus" "$source_dir/tests/fuzz/reproducers" \
    "$source_dir/tests/data/vcards/real" \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-16384}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts" -print_final_stats=1 -detect_leaks="${FUZZ_LEAKS:-1}" >"$log" 2>&1
  result=$?

  # libFuzzer's last status line carries coverage ("cov", edges) and features ("ft").
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corpus_files=$(find "$corpus" -type f | wc -l)
  summary="$target: ${runs:-?} executions (${per_second:-?}/s) in $((SECONDS - started)) s, $sanitizers, leaks ${FUZZ_LEAKS:-1}; corpus $corpus_files files"
  echo "$summary"
  echo "  last: $last"
  # Every run's figures, so that several bounded runs can be added up.
  echo "$(date -u +%FT%TZ) exit $result $summary | $last" >>"$source_dir/_build-fuzz/runs.txt"
  if [ "$result" -ne 0 ]; then
    echo "  FINDING (exit $result): see $log and $artifacts"
    status=1
  fi
done
exit $status
