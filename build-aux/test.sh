#!/usr/bin/env bash
# build-aux/test.sh — install what is missing, build, and run every test under
# Xvfb with a private D-Bus session. The last line is "N passed, N failed".
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build"
setup_options=""

# --sanitize: the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer in
# _build-asan; any invalid access or undefined behaviour fails its test, and so does a leak
# in the core, command line and fuzz suites (see build-aux/lsan.supp). Slower: every test gets three times
# its usual time.
sanitize=false
if [ "${1:-}" = "--sanitize" ]; then
  shift
  sanitize=true
  build_dir="$source_dir/_build-asan"
  setup_options="-Db_sanitize=address,undefined -Db_lundef=false"
  export LSAN_OPTIONS="suppressions=$source_dir/build-aux/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
  set -- --timeout-multiplier 3 "$@"
fi

finish () {
  echo "$1 passed, $2 failed"
  exit "$3"
}

bash "$source_dir/build-aux/deps.sh" --test || finish 0 1 1

# shellcheck disable=SC2086
if [ -d "$build_dir" ]; then
  meson setup --reconfigure "$build_dir" "$source_dir" $setup_options >/dev/null || finish 0 1 1
else
  meson setup "$build_dir" "$source_dir" $setup_options || finish 0 1 1
fi
meson compile -C "$build_dir" || finish 0 1 1

# Tests that need a display get Xvfb; the notification tests get their own bus.
run_tests () {
  xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- \
    meson test -C "$build_dir" --print-errorlogs --num-processes 2 "$@"
}

if $sanitize; then
  # GTK's cairo renderer keeps Mesa out: the unwinder ASan needs deadlocks in libgcc under
  # Mesa's JIT.
  export GSK_RENDERER=cairo
  # The core, the command line and the fuzz corpus, with leak checks.
  # fast_unwind_on_malloc=0: GLib has no frame pointers, and a leak's stack must reach the
  # function lsan.supp names.
  ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:${ASAN_OPTIONS:-}" \
    run_tests --no-suite ui --no-suite e2e --logbase sanitize "$@"
  status=$?
  # The window and the end-to-end tests (which start the window) without leak checks:
  # GTK, fontconfig and Mesa keep caches to the end.
  ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" \
    run_tests --suite ui --suite e2e --logbase sanitize-ui "$@" || status=$?
  logs="sanitize.json sanitize-ui.json"
else
  run_tests --no-suite e2e "$@"
  status=$?
  # The end-to-end tests start real TrustNet processes, servers and buses of their own:
  # they get a display and a session bus of their own too, which nothing the other suites
  # left behind can reach. (Run after the others in one session, test-second-instance's
  # window process went away twice for a reason not found yet; on its own it never did.)
  run_tests --suite e2e --logbase e2e "$@" || status=$?
  logs="testlog.json e2e.json"
fi

passed=0
failed=0
for log in $logs; do
  counts=$(/usr/bin/python3 "$source_dir/build-aux/count-tests.py" "$build_dir/meson-logs/$log") || finish 0 1 1
  read -r log_passed log_failed <<<"$counts"
  passed=$((passed + log_passed))
  failed=$((failed + log_failed))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
[ "$failed" -eq 0 ] && finish "$passed" "$failed" 0
finish "$passed" "$failed" 1
