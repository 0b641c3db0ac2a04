#!/usr/bin/env bash
# tests/bench/bench-import.sh — every import and dashboard figure of issue 17 on one screen:
# the 100,000-card file (gen-vcards --dup-rate 0.05) read by EVCard alone (bench-parse, the
# floor) and imported by `trustnet --import`, turn about, RUNS times each; a second import
# of the same file (all duplicates); 20,000 new cards (the change feed's cost); and the
# dashboard's figures over 100,000 contacts and 1,000,000 interactions (bench-stats).
# Prints medians, ratios to the floor measured in the same run, CPU seconds and peak RSS.
# Asserts nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-import.sh [BUILD_DIR] [CARDS] [RUNS]
#   BENCH_BASELINE=OTHER_BUILD_DIR also imports with that build's trustnet, turn about with
#   this one, for figures before and after a change.
# Needs /usr/bin/time (Debian package "time"; build-aux/deps.sh --test installs it).
# The dashboard's database takes minutes to write; it is kept as BUILD_DIR/bench-stats.db.
# BENCH_NO_DASHBOARD=1 leaves the dashboard out (for figures of the import alone).
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
cards=${2:-100000}
runs=${3:-5}
gen_vcards=${TRUSTNET_GEN_VCARDS:-$source_dir/tests/tools/gen-vcards}
trustnet="$build_dir/src/trustnet"
bench_parse="$build_dir/tests/bench/bench-parse"
bench_stats="$build_dir/tests/bench/bench-stats"
baseline=${BENCH_BASELINE:+$(cd "$BENCH_BASELINE" && pwd)/src/trustnet}

for tool in "$trustnet" "$bench_parse" "$bench_stats" /usr/bin/time ${baseline:+"$baseline"}; do
  if [ ! -x "$tool" ]; then
    echo "bench-import: $tool is missing; build first (and install the package \"time\")" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build_dir/data"
# The importer's debug line says where an import's time went (parsing and writing, how long
# the writer waited for the parser, the commit with its index rebuild, the checkpoint) and
# how much CPU the writer and the parser thread each used: on a busy machine the wall clock
# says little, and whichever thread used more sets the pace.
export G_MESSAGES_DEBUG=tn-importer

"$gen_vcards" "$cards" --dup-rate 0.05 > "$work/cards.vcf"
"$gen_vcards" 20000 --seed 7 > "$work/new.vcf"
# Read once, so that every program finds the files in the page cache.
cat "$work/cards.vcf" "$work/new.vcf" > /dev/null

# Runs "$@" under /usr/bin/time and appends "wall_ms cpu_ms rss_kb" to the file $series;
# the output of its last run is kept as $series.log.
measure () {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/$series.log" 2>&1
  end=$(date +%s%N)
  read -r _ user sys rss_kb < "$work/time"
  echo "$(( (end - start) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') $rss_kb" \
    >> "$work/$series"
  # The importer's own CPU figures: its writer thread, then its parser and keys threads.
  sed -n 's/.*CPU: writer \([0-9]*\) ms, parser and keys threads \([0-9]*\) ms.*/\1 \2/p' "$work/$series.log" \
    >> "$work/$series.threads"
}

# The median of column $2 (1 wall, 2 cpu, 3 rss) of series $1.
median () {
  awk -v c="$2" '{ print $c }' "$work/$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

most () {
  awk -v c="$2" '{ print $c }' "$work/$1" | sort -n | tail -n 1
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

fresh_import () {
  rm -f "$work/$1.db" "$work/$1.db-wal" "$work/$1.db-shm"
  measure "$2" --database "$work/$1.db" --import "$3"
}

for run in $(seq 1 "$runs"); do
  series=parse measure "$bench_parse" "$work/cards.vcf"
  series=import fresh_import first "$trustnet" "$work/cards.vcf"
  if [ -n "$baseline" ]; then
    series=baseline fresh_import before "$baseline" "$work/cards.vcf"
  fi
done
summary=$(grep -v DEBUG "$work/import.log" | head -n 1)

# The same file again into the database the first import made: every card is there.
for run in $(seq 1 "$runs"); do
  series=again measure "$trustnet" --database "$work/first.db" --import "$work/cards.vcf"
  if [ -n "$baseline" ]; then
    series=baseline_again measure "$baseline" --database "$work/before.db" --import "$work/cards.vcf"
  fi
done

# 20,000 new cards into an empty database: what issue 12's change feed added to an import.
for run in $(seq 1 "$runs"); do
  series=new_parse measure "$bench_parse" "$work/new.vcf"
  series=new fresh_import new "$trustnet" "$work/new.vcf"
  if [ -n "$baseline" ]; then
    series=baseline_new fresh_import new-before "$baseline" "$work/new.vcf"
  fi
done

if [ -z "${BENCH_NO_DASHBOARD:-}" ]; then
  BENCH_STATS_DB="$build_dir/bench-stats.db" "$bench_stats" 100000 1000000 9 > "$work/stats.log"
fi

mib () {
  echo $(( $1 / 1024 ))
}

echo "Issue 17, import and dashboard — medians of $runs runs, turn about; cpu = user + system"
echo "file: $cards cards, $(( $(stat -c %s "$work/cards.vcf") / 1024 / 1024 )) MiB, --dup-rate 0.05 ($summary)"
printf '%-44s %8s %8s %9s\n' "" "wall ms" "cpu ms" "peak MiB"
row () {
  printf '%-44s %8s %8s %9s\n' "$1" "$(median "$2" 1)" "$(median "$2" 2)" "$(mib "$(most "$2" 3)")"
}
row "(a) floor: bench-parse (EVCard, FN, EMAIL)" parse
row "(b) trustnet --import" import
[ -n "$baseline" ] && row "(b0) the same, BENCH_BASELINE's trustnet" baseline
row "(c) second import, all duplicates" again
[ -n "$baseline" ] && row "(c0) the same, BENCH_BASELINE's trustnet" baseline_again
row "(d) floor: bench-parse of 20,000 new cards" new_parse
row "(e) trustnet --import of 20,000 new cards" new
[ -n "$baseline" ] && row "(e0) the same, BENCH_BASELINE's trustnet" baseline_new

echo "import (b)/(a): wall $(ratio "$(median import 1)" "$(median parse 1)") (goal <= 2.0, then 1.3)," \
     "cpu $(ratio "$(median import 2)" "$(median parse 2)"); peak RSS $(mib "$(most import 3)") MiB (goal <= 150)"
echo "second import (c)/(a): wall $(ratio "$(median again 1)" "$(median parse 1)")"
# Where the last run of each spent its time (the importer's debug line).
stages () {
  echo "$(grep -o 'read and written.*' "$work/$1.log" || echo "not reported"), $(grep -o 'checkpointed in.*' "$work/$1.log")"
}
echo "stages of (b): $(stages import)"
echo "stages of (c): $(stages again)"
# On a busy machine the wall clock says little; the writer thread's CPU is the import's
# critical path (it waits for nothing but the parser), medians of the runs.
threads () {
  if [ -s "$work/$1.threads" ]; then
    echo "writer $(median "$1.threads" 1) ms, parser and keys threads $(median "$1.threads" 2) ms"
  else
    echo "not reported"
  fi
}
echo "thread CPU of (b): $(threads import)${baseline:+; (b0): $(threads baseline)}"
echo "thread CPU of (c): $(threads again)${baseline:+; (c0): $(threads baseline_again)}"
echo "20,000 new cards (e)/(d): wall $(ratio "$(median new 1)" "$(median new_parse 1)")" \
     "(issue 12: 0.76 s with the feed against 0.54 s before it, 1.38x)"
if [ -n "$baseline" ]; then
  echo "this build against BENCH_BASELINE: import $(ratio "$(median import 1)" "$(median baseline 1)")," \
       "second import $(ratio "$(median again 1)" "$(median baseline_again 1)")," \
       "20,000 new cards $(ratio "$(median new 1)" "$(median baseline_new 1)") (wall)"
fi
if [ -z "${BENCH_NO_DASHBOARD:-}" ]; then
  echo "dashboard, 100,000 contacts and 1,000,000 interactions (goal <= 16 ms):"
  sed 's/^/  /' "$work/stats.log"
fi
