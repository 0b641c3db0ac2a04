#!/usr/bin/env bash
# build-aux/test.sh — install what is missing, build, and run every test under
# Xvfb with a private D-Bus session. The last line is "N passed, N failed".
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build"

finish () {
  echo "$1 passed, $2 failed"
  exit "$3"
}

bash "$source_dir/build-aux/deps.sh" --test || finish 0 1 1

if [ -d "$build_dir" ]; then
  meson setup --reconfigure "$build_dir" "$source_dir" >/dev/null || finish 0 1 1
else
  meson setup "$build_dir" "$source_dir" || finish 0 1 1
fi
meson compile -C "$build_dir" || finish 0 1 1

# Tests that need a display get Xvfb; the notification tests get their own bus.
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$build_dir" --print-errorlogs --num-processes 2 "$@"
status=$?

counts=$(/usr/bin/python3 "$source_dir/build-aux/count-tests.py" "$build_dir/meson-logs/testlog.json") || finish 0 1 1
read -r passed failed <<<"$counts"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
[ "$failed" -eq 0 ] && finish "$passed" "$failed" 0
finish "$passed" "$failed" 1
