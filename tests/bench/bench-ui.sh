#!/usr/bin/env bash
# tests/bench/bench-ui.sh — the contacts list of issue 17 against its floors, in one run:
# TrustNet and each floor alternately, RUNS times each, medians and ratios on one screen.
# Prints figures; asserts nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-ui.sh [BUILD_DIR] [N] [RUNS]      (N contacts, default 100000; 5 runs)
# Needs a display: run it under xvfb-run -a dbus-run-session, or it re-runs itself so.
#   start             launch to first frame: trustnet against bench-floor first-frame (a bare
#                     GtkColumnView over the same rows read from SQLite)
#   keystroke         search keystroke to painted frame: bench-search against bench-floor
#                     keystroke (a plain GtkFilterListModel on keys folded beforehand)
#   filter, rating, Contacts page first shown, page switch, scrolling a page or to an end:
#                     bench-search (goal 16/16/100/16/16 ms)
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
count=${2:-100000}
runs=${3:-5}
binary="$build_dir/src/trustnet"
floor="$build_dir/tests/bench/bench-floor"
search="$build_dir/tests/bench/bench-search"

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$build_dir" "$count" "$runs"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
database="$work/bench.db"

export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1

/usr/bin/python3 "$source_dir/tests/bench/populate.py" "$binary" "$database" "$count"
echo "database: $count contacts, $runs runs of each, alternating; renderer ${GSK_RENDERER:-default}; load $(cut -d ' ' -f 1-3 /proc/loadavg)"

# Launch to first frame of COMMAND... in ms: it prints first-frame-realtime-us on stderr.
first_frame_ms () {
  local log="$work/first-frame.log" start_us frame_us pid
  start_us=$(( $(date +%s%N) / 1000 ))
  "$@" 2>"$log" &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q first-frame-realtime-us "$log" && break
    sleep 0.05
  done
  frame_us=$(awk '/first-frame-realtime-us/ {print $2; exit}' "$log")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # No frame within 30 s: no figure, rather than a wrong one.
  [ -n "$frame_us" ] && echo $(( (frame_us - start_us) / 1000 ))
}

median () {
  tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The value of KEY in the output file FILE.
figure () {
  awk -v key="$2" '$1 == key { print $2; exit }' "$1"
}

app_start="" floor_start=""
app_keys="" floor_keys="" app_worst="" floor_worst=""
filter="" rating="" first_shown="" switch="" scroll=""
for run in $(seq 1 "$runs"); do
  this_app=$(TRUSTNET_BENCH_FIRST_FRAME=quit first_frame_ms "$binary" --database "$database") || this_app=""
  this_floor=$(first_frame_ms "$floor" first-frame "$database") || this_floor=""
  app_start="$app_start $this_app"
  floor_start="$floor_start $this_floor"

  "$search" "$database" >"$work/app.txt" 2>/dev/null
  "$floor" keystroke "$database" >"$work/floor.txt" 2>/dev/null
  app_keys="$app_keys $(figure "$work/app.txt" keystroke-median-ms)"
  app_worst="$app_worst $(figure "$work/app.txt" keystroke-worst-ms)"
  floor_keys="$floor_keys $(figure "$work/floor.txt" keystroke-median-ms)"
  floor_worst="$floor_worst $(figure "$work/floor.txt" keystroke-worst-ms)"
  filter="$filter $(figure "$work/app.txt" filter-toggle-worst-ms)"
  rating="$rating $(figure "$work/app.txt" rating-worst-ms)"
  first_shown="$first_shown $(figure "$work/app.txt" contacts-first-shown-ms)"
  switch="$switch $(figure "$work/app.txt" page-switch-worst-ms)"
  scroll="$scroll $(figure "$work/app.txt" scroll-worst-ms)"
  this_keys=$(figure "$work/app.txt" keystroke-median-ms)
  this_floor_keys=$(figure "$work/floor.txt" keystroke-median-ms)
  echo "run $run: start ${this_app:-none} ms, floor ${this_floor:-none} ms; keystroke median $this_keys ms, floor $this_floor_keys ms"
done

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'
}

app=$(echo "$app_start" | median); base=$(echo "$floor_start" | median)
echo
echo "medians of $runs runs, $count contacts                TrustNet   floor    ratio  goal"
printf "launch to first frame (ms)                        %8s %8s %8s  <= 1.5x\n" "$app" "$base" "$(ratio "$app" "$base")"
app=$(echo "$app_keys" | median); base=$(echo "$floor_keys" | median)
printf "search keystroke to frame, median (ms)            %8s %8s %8s  <= 16 ms\n" "$app" "$base" "$(ratio "$app" "$base")"
app=$(echo "$app_worst" | median); base=$(echo "$floor_worst" | median)
printf "search keystroke to frame, worst (ms)             %8s %8s %8s  <= 16 ms\n" "$app" "$base" "$(ratio "$app" "$base")"
printf "filter toggle to frame, worst (ms)                %8s                    <= 16 ms\n" "$(echo "$filter" | median)"
printf "rating to frame, worst (ms)                       %8s                    <= 16 ms\n" "$(echo "$rating" | median)"
printf "Contacts page first shown (ms)                    %8s                    <= 100 ms\n" "$(echo "$first_shown" | median)"
printf "switching pages, worst (ms)                       %8s                    <= 16 ms\n" "$(echo "$switch" | median)"
printf "scrolling a page or to an end, worst (ms)         %8s                    <= 16 ms\n" "$(echo "$scroll" | median)"
