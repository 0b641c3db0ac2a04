#!/usr/bin/env bash
# build-aux/valgrind.sh — run the core tests (and the fuzz corpus replays) under valgrind's
# memcheck: any invalid read or write, use of uninitialised memory or definite leak fails.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/valgrind.sh [MESON TEST ARGS…]   (default: the core and fuzz suites)
# Uses the normal _build; each process's report goes to _build/valgrind/. Prints one line
# per test program with its errors and definite leaks, then meson's counts.
set -u

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build"
log_dir="$build_dir/valgrind"

command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 1; }
ninja -C "$build_dir" >/dev/null || exit 1
rm -rf "$log_dir"
mkdir -p "$log_dir"

[ $# -eq 0 ] && set -- --suite core --suite fuzz

# G_SLICE=always-malloc and G_DEBUG=gc-friendly: let memcheck see GLib's allocations as
# they are. Children (the sqlite3 tool a test runs) are not traced.
G_SLICE=always-malloc meson test -C "$build_dir" --num-processes 2 --timeout-multiplier 20 --logbase valgrind \
  --wrapper "valgrind --tool=memcheck --error-exitcode=1 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=yes \
    --suppressions=$source_dir/build-aux/valgrind.supp --log-file=$log_dir/%p.log" \
  "$@" >"$log_dir/meson-test.txt" 2>&1
status=$?

for log in "$log_dir"/*.log; do
  program=$(sed -n 's/^==[0-9]*== Command: \([^ ]*\).*/\1/p' "$log" | head -n 1)
  # A test's children (the sqlite3 tool) leave a log with no summary: they are not traced.
  grep -q 'ERROR SUMMARY' "$log" || continue
  case "$program" in */sqlite3|"") continue ;; esac
  n_errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tail -n 1 | tr -d ,)
  lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -n 1 | tr -d ,)
  echo "$(basename "$program"): ${n_errors:-?} errors, ${lost:-0} bytes definitely lost"
done | sort
grep -E '^(Ok|Fail|Timeout):' "$log_dir/meson-test.txt"
echo "valgrind: see $log_dir (meson test exit $status)"
exit $status
