#!/usr/bin/env bash
# build-aux/demo-db.sh — makes the demo database the screenshots show, through the
# command line only: 300 generated cards, ratings, a year of lunches and coffees, a
# brand statement. Same arguments, same database (the clock is TRUSTNET_NOW).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/demo-db.sh TRUSTNET DATABASE
set -eu

trustnet=$1
database=$2
source_dir=$(cd "$(dirname "$0")/.." && pwd)
export TRUSTNET_NOW=${TRUSTNET_NOW:-2026-12-03T12:00:00Z}
now=$TRUSTNET_NOW

rm -f "$database" "$database-wal" "$database-shm"
cards=$(mktemp --suffix=.vcf)
trap 'rm -f "$cards"' EXIT
python3 "$source_dir/tests/tools/gen-vcards" 300 --seed 7 > "$cards"
"$trustnet" --database "$database" --import "$cards" >/dev/null

tn() {
  "$trustnet" --database "$database" "$@" >/dev/null
}

# The generated addresses are "first.last.N@example.org": person N of the file. A few
# cards have no address (or a folded one); the loops below pass over them.
email_of() {
  grep -o "[^:]*\.$1@example\.org" "$cards" | head -n 1
}

# Ratings: every 11th person a 1, every 7th a 2, every 13th a 3.
for n in $(seq 0 299); do
  if [ $((n % 11)) -eq 0 ]; then rating=1
  elif [ $((n % 7)) -eq 0 ]; then rating=2
  elif [ $((n % 13)) -eq 0 ]; then rating=3
  else continue
  fi
  email=$(email_of "$n")
  [ -n "$email" ] || continue
  # Rated over the past year, so that the chart of trust over time climbs.
  TRUSTNET_NOW=$(date -u -d "$now - $(( (n * 37) % 330 )) days" +%Y-%m-%dT%H:%M:%SZ) \
    tn --with "$email" --rate $rating
done

# A year of meetings, mostly with the 1s, older the further down the list; a few
# people met long ago so that some are overdue.
day=0
for n in $(seq 0 11 299) $(seq 0 7 140); do
  day=$(( (day + 9) % 360 ))
  date=$(date -u -d "$now - $day days" +%Y-%m-%d)
  kind=lunch
  [ $((n % 2)) -eq 0 ] && kind=coffee
  extra=()
  [ $((n % 3)) -eq 0 ] && extra+=(--gave-value)
  [ $((n % 5)) -eq 0 ] && extra+=(--group)
  email=$(email_of "$n")
  [ -n "$email" ] || continue
  tn --with "$email" --log $kind --date "$date" "${extra[@]}"
done
tn --with "$(email_of 22)" --log coffee --date "$(date -u -d "$now - 1 day" +%Y-%m-%d)"

tn --brand "I help hospital IT teams in Ohio cut their cloud bills by a third within six months."
