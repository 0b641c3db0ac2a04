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
#   each figure with the default renderer and with cairo (BENCH_RENDERERS), and beside the
#   times the main thread's CPU time for the same changes and the painted frame alone; for
#   the frames that must stay under 16 ms, the median, 90th percentile and worst change of
#   each run (medians over the runs), and how far the runs' worsts lie apart
# BENCH_BEFORE_SEARCH=BINARY runs that bench-search for the build before instead of its own
# (one built from this source against the older build's libraries prints every figure).
# BENCH_BEFORE=OTHER_BUILD_DIR also runs that build's bench-search and its launch to first
# frame, alternating with this one's, each on a database the build made itself (an older
# build cannot open a newer schema), and prints its figures beside them: a change measured
# before and after in one run.
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
count=${2:-100000}
runs=${3:-5}
# Each renderer in turn: the default one (GL; llvmpipe under Xvfb), and cairo, which draws on
# the main thread. BENCH_RENDERERS="cairo" measures one.
renderers=${BENCH_RENDERERS:-default cairo}
binary="$build_dir/src/trustnet"
floor_binary="$build_dir/tests/bench/bench-floor"
search="$build_dir/tests/bench/bench-search"
before_search=${BENCH_BEFORE:+${BENCH_BEFORE_SEARCH:-$(cd "$BENCH_BEFORE" && pwd)/tests/bench/bench-search}}
before_binary=${BENCH_BEFORE:+$(cd "$BENCH_BEFORE" && pwd)/src/trustnet}

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
# The build before gets a database of its own, made by itself: an older build cannot open a
# database of a newer schema.
before_database="$work/before.db"
if [ -n "$before_search" ]; then
  /usr/bin/python3 "$source_dir/tests/bench/populate.py" "$before_binary" "$before_database" "$count"
fi
echo "database: $count contacts, $runs runs of each, alternating; renderers $renderers; load $(cut -d ' ' -f 1-3 /proc/loadavg)"

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
  tr ' ' '\n' | grep -v '^$' | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The value of KEY in the output file FILE.
figure () {
  awk -v key="$2" '$1 == key { print $2; exit }' "$1"
}

# The figures of one renderer (GSK_RENDERER; "default" leaves GTK's choice): RUNS runs of
# TrustNet and its floors, alternating, then the medians on one screen. Each time is also
# given as the main thread's CPU time: the rest is the renderer drawing (with the GL
# renderer, llvmpipe's threads under Xvfb) or a busy machine.
measure () {
  local renderer=$1
  if [ "$renderer" = default ]; then unset GSK_RENDERER; else export GSK_RENDERER=$renderer; fi

  # Every figure bench-search prints (KEY-ms), and bench-floor's keystroke figures.
  local groups="keystroke filter-toggle rating page-switch scroll" names="" group clock stat
  for group in $groups; do
    for clock in "" -cpu -all-cpu -frame; do
      for stat in median p90 worst; do names="$names $group$clock-$stat"; done
    done
  done
  names="$names keystroke-after-frame-cpu-worst contacts-first-shown contacts-first-shown-cpu contacts-first-shown-all-cpu contacts-first-shown-frame contacts-first-shown-after-frame-cpu search-keys-folded-after"
  local app_start="" floor_start="" before_start="" name
  declare -A app floor before
  for name in $names; do app[$name]=""; floor[$name]=""; before[$name]=""; done

  for run in $(seq 1 "$runs"); do
    this_app=$(TRUSTNET_BENCH_FIRST_FRAME=quit first_frame_ms "$binary" --database "$database") || this_app=""
    this_floor=$(first_frame_ms "$floor_binary" first-frame "$database") || this_floor=""
    if [ -n "$before_search" ]; then
      this_before=$(TRUSTNET_BENCH_FIRST_FRAME=quit first_frame_ms "$before_binary" --database "$before_database") || this_before=""
      before_start="$before_start $this_before"
    fi
    app_start="$app_start $this_app"
    floor_start="$floor_start $this_floor"

    # A run that dies (libadwaita 1.2's toast animation can, after quick ratings) gives the
    # figures it printed so far; the medians are of the runs that have each.
    "$search" "$database" >"$work/app.txt" 2>/dev/null || echo "$renderer run $run: bench-search failed (exit $?)"
    "$floor_binary" keystroke "$database" >"$work/floor.txt" 2>/dev/null || echo "$renderer run $run: bench-floor failed (exit $?)"
    : >"$work/before.txt"
    if [ -n "$before_search" ]; then
      "$before_search" "$before_database" >"$work/before.txt" 2>/dev/null || echo "$renderer run $run: the build before failed (exit $?)"
    fi
    for name in $names; do
      app[$name]="${app[$name]} $(figure "$work/app.txt" "$name-ms")"
      floor[$name]="${floor[$name]} $(figure "$work/floor.txt" "$name-ms")"
      before[$name]="${before[$name]} $(figure "$work/before.txt" "$name-ms")"
    done
    echo "$renderer run $run: start ${this_app:-none} ms, floor ${this_floor:-none} ms;" \
         "keystroke median $(figure "$work/app.txt" keystroke-median-ms) ms, floor $(figure "$work/floor.txt" keystroke-median-ms) ms;" \
         "scroll CPU worst $(figure "$work/app.txt" scroll-cpu-worst-ms) ms; load $(cut -d ' ' -f 1 /proc/loadavg)"
  done

  echo
  echo "renderer $renderer, $count contacts: each figure is the median over $runs runs of that run's figure"
  echo "  (median, p90 = 90th percentile, worst: of the changes of one run; a run times"
  echo "  $(figure "$work/app.txt" page-switch-steps) page switches and $(figure "$work/app.txt" scroll-steps) scroll steps)."
  echo "  to frame: from the change to its frame painted, waiting for the frame clock included;"
  echo "  CPU: the main thread's CPU time for the same; all threads' CPU: with llvmpipe's threads"
  echo "  (the default GL renderer under Xvfb draws in them); the rest of a time is waiting, for"
  echo "  those threads or a busy machine; frame: the frame alone, before-paint to after-paint, wall."
  echo "  The floor (bench-floor) is a bare GtkColumnView of GtkLabels over the same rows."
  echo "                                                   TrustNet    floor    ratio  goal"
  row "launch to first frame (ms)" "$app_start" "$floor_start" "<= 1.5x"
  for name in keystroke-median keystroke-worst keystroke-cpu-median keystroke-cpu-worst keystroke-all-cpu-median keystroke-frame-median \
              scroll-median scroll-worst scroll-cpu-median scroll-cpu-worst scroll-all-cpu-median scroll-frame-median; do
    row "$name (ms)" "${app[$name]}" "${floor[$name]}" "<= 16 ms"
  done
  row "  rows held back, CPU after the frame, worst (ms)" "${app[keystroke-after-frame-cpu-worst]}" "" ""
  row "Contacts page first shown, to frame (ms)" "${app[contacts-first-shown]}" "" "<= 100 ms"
  row "  main thread CPU (ms)" "${app[contacts-first-shown-cpu]}" "" ""
  row "  all threads' CPU (ms)" "${app[contacts-first-shown-all-cpu]}" "" ""
  row "  the frame alone (ms)" "${app[contacts-first-shown-frame]}" "" ""
  row "  rows held back, CPU after the frame (ms)" "${app[contacts-first-shown-after-frame-cpu]}" "" ""
  row "  search keys folded in idle time, done after (ms)" "${app[search-keys-folded-after]}" "" ""
  echo
  printf "%-42s %8s %8s %8s %13s  %s\n" "worst frames (ms)" median p90 worst "worst: range" goal
  for group in filter-toggle rating page-switch scroll; do
    spread_row "$group, to frame" "$group" ""
    spread_row "  main thread CPU" "$group" -cpu
    spread_row "  all threads' CPU" "$group" -all-cpu
    spread_row "  the frame alone" "$group" -frame
  done
  echo

  if [ -n "$before_search" ]; then
    echo "renderer $renderer: this build against $BENCH_BEFORE (medians over runs; - = not printed by that build)"
    printf "%-42s %8s %8s %8s\n" "" now before ratio
    row "launch to first frame (ms)" "$app_start" "$before_start" ""
    for name in $names; do
      row "$name (ms)" "${app[$name]}" "${before[$name]}" ""
    done
    echo
  fi
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) printf "%.2fx", a / b; else print "-" }'
}

# One line of the table: LABEL, TrustNet's figures, the floor's (or none), the goal.
row () {
  local app base
  app=$(echo "$2" | median)
  if [ -n "${3// /}" ]; then
    base=$(echo "$3" | median)
    printf "%-50s %8s %8s %8s  %s\n" "$1" "$app" "$base" "$(ratio "$app" "$base")" "$4"
  else
    printf "%-50s %8s %26s\n" "$1" "$app" "$4"
  fi
}

# One line of the worst-frames table: LABEL, the group, the clock ("", -cpu or -frame): the
# medians over runs of each run's median, p90 and worst, and the fewest and most of the
# runs' worsts (how far one run's worst can be from another's).
spread_row () {
  local median p90 worst range goal=""
  median=$(echo "${app[$2$3-median]}" | median)
  p90=$(echo "${app[$2$3-p90]}" | median)
  worst=$(echo "${app[$2$3-worst]}" | median)
  range=$(echo "${app[$2$3-worst]}" | tr ' ' '\n' | grep -v '^$' | sort -n | awk 'NR == 1 { a = $1 } { b = $1 } END { if (NR) printf "%s-%s", a, b; else print "-" }')
  [ -z "$3" ] && goal="<= 16 ms"
  printf "%-42s %8s %8s %8s %13s  %s\n" "$1" "$median" "$p90" "$worst" "$range" "$goal"
}

for renderer in $renderers; do
  measure "$renderer"
done
