#!/usr/bin/env bash
# tests/bench/bench-startup.sh — launch-to-first-frame time and peak RSS of the real
# window over a database of N contacts (default 100,000). Prints figures; asserts nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-startup.sh [BUILD_DIR] [N] [RUNS]
# Needs a display: run it under xvfb-run -a dbus-run-session, or it re-runs itself so.
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
count=${2:-100000}
runs=${3:-5}
binary="$build_dir/src/trustnet"

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$build_dir" "$count" "$runs"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
database="$work/bench.db"

populate_start=$(date +%s%N)
/usr/bin/python3 "$source_dir/tests/bench/populate.py" "$binary" "$database" "$count"
populate_end=$(date +%s%N)
echo "database: $count contacts, $(( $(stat -c %s "$database") / 1024 / 1024 )) MiB, written in $(( (populate_end - populate_start) / 1000000 )) ms"

export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1

for run in $(seq 1 "$runs"); do
  log="$work/run-$run.log"
  start_us=$(( $(date +%s%N) / 1000 ))
  TRUSTNET_BENCH_FIRST_FRAME=1 "$binary" --database "$database" 2>"$log" &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q first-frame-realtime-us "$log" && break
    sleep 0.05
  done
  frame_us=$(awk '/first-frame-realtime-us/ {print $2; exit}' "$log")
  sleep 0.5
  rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$frame_us" ]; then
    echo "run $run: no first frame within 15 s"; cat "$log"; continue
  fi
  echo "run $run: launch to first frame $(( (frame_us - start_us) / 1000 )) ms, peak RSS $(( rss_kb / 1024 )) MiB"
done
