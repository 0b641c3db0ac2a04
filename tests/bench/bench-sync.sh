#!/usr/bin/env bash
# tests/bench/bench-sync.sh — issue 18's sync figures against a local Radicale:
#  1. the first sync of N contacts (default 10,000) from the server into an empty database,
#     against the floor of fetching the same cards with one bare addressbook-multiget (curl);
#     goal: a ratio of at most 2;
#  2. a sync with nothing changed: how many requests it makes (goal: 1) and its time (goal:
#     at most 100 ms).
# Medians of RUNS runs, measured in the same run. Prints figures; asserts nothing. Radicale's
# own time for each request (from its log) is printed too: on a busy machine the whole
# process time says little about where it went.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-sync.sh [BUILD_DIR] [CARDS] [RUNS]
# Needs radicale and curl (build-aux/deps.sh --test installs them).
# TRUSTNET_BENCH_SYNC_BOOK=DIR keeps the address book Radicale has read (and cached) in DIR
# for the next run: Radicale's first reading of 10,000 cards takes minutes on a busy machine.
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
cards=${2:-10000}
runs=${3:-3}
gen_vcards=${TRUSTNET_GEN_VCARDS:-$source_dir/tests/tools/gen-vcards}
trustnet="$build_dir/src/trustnet"
python=/usr/bin/python3

for tool in "$trustnet" radicale curl "$python"; do
  if ! command -v "$tool" > /dev/null; then
    echo "bench-sync: $tool is missing" >&2
    exit 1
  fi
done

work=$(mktemp -d)
kept=${TRUSTNET_BENCH_SYNC_BOOK:-}
server_pid=
cleanup () {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user=bench
password=bench-password
book_path=/$user/book/
book_url="http://127.0.0.1:$port$book_path"

# The book is written straight into Radicale's storage (one file per card, as Radicale keeps
# them): PUTting 10,000 cards would take Radicale longer than everything measured here.
storage="$work/collections/collection-root/$user/book"
mkdir -p "$storage"
if [ -n "$kept" ] && [ -f "$kept/$cards/.Radicale.props" ]; then
  cp -a "$kept/$cards/." "$storage/"
else
echo '{"tag": "VADDRESSBOOK", "D:displayname": "Bench"}' > "$storage/.Radicale.props"
"$gen_vcards" "$cards" --seed 18 | "$python" -c '
import re, sys
folder = sys.argv[1]
for number, card in enumerate(re.findall(r"BEGIN:VCARD.*?END:VCARD\r?\n", sys.stdin.read(), re.S)):
    with open("%s/card-%05d.vcf" % (folder, number), "w", newline="") as out:
        out.write(card)
' "$storage"
fi
echo "book: $cards cards, $(du -sm "$storage" | cut -f1) MiB"

echo "$user:$password" > "$work/users"
cat > "$work/config" <<CONFIG
[server]
hosts = 127.0.0.1:$port
[auth]
type = htpasswd
htpasswd_filename = $work/users
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = $work/collections
[web]
type = none
[logging]
level = info
CONFIG
radicale --config "$work/config" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done

# Radicale reads and caches every card on its first listing, and builds its sync history
# on the first sync-collection: both once, before any timing (the history is the server's,
# kept for every client, not a cost of one client's first sync).
curl -s -o /dev/null -u "$user:$password" -X PROPFIND -H 'Depth: 1' "$book_url"
curl -s -o /dev/null -u "$user:$password" -X REPORT -H 'Depth: 0' -H 'Content-Type: application/xml' \
     --data '<sync-collection xmlns="DAV:"><sync-token/><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>' \
     "$book_url"
if [ -n "$kept" ] && [ ! -f "$kept/$cards/.Radicale.props" ]; then
  mkdir -p "$kept/$cards" && cp -a "$storage/." "$kept/$cards/"
fi

# The floor: every card in one addressbook-multiget, as bare as a client can ask.
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
  echo '<D:prop><D:getetag/><C:address-data/></D:prop>'
  for file in "$storage"/*.vcf; do echo "<D:href>$book_path$(basename "$file")</D:href>"; done
  echo '</C:addressbook-multiget>'
} > "$work/multiget.xml"

now_ms () { date +%s%3N; }
# Radicale's own seconds for the requests logged after line $1, summed.
server_ms () { tail -n +"$(( $1 + 1 ))" "$work/server.log" | sed -n 's/.* in \([0-9.]*\) seconds.*/\1/p' | awk '{ s += $1 } END { printf "%d\n", s * 1000 }'; }
log_lines () { wc -l < "$work/server.log"; }
median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export TRUSTNET_SYNC_PASSWORD="$password"

: > "$work/floor"
: > "$work/first"
: > "$work/first-server"
: > "$work/first-requests"
for run in $(seq "$runs"); do
  start=$(now_ms)
  curl -s -o "$work/multiget.out" -u "$user:$password" -X REPORT -H 'Depth: 1' \
       -H 'Content-Type: application/xml' --data-binary @"$work/multiget.xml" "$book_url"
  echo $(( $(now_ms) - start )) >> "$work/floor"

  db="$work/db-$run/trustnet.db"
  "$trustnet" --database "$db" --sync-setup "$book_url" --user "$user" > /dev/null 2>&1
  before=$(log_lines)
  start=$(now_ms)
  "$trustnet" --database "$db" --sync > "$work/sync.out"
  echo $(( $(now_ms) - start )) >> "$work/first"
  server_ms "$before" >> "$work/first-server"
  tail -n +"$(( before + 1 ))" "$work/server.log" | grep -c ' request for ' >> "$work/first-requests" || true
done
got=$(grep -c '<C:address-data\|address-data>' "$work/multiget.out" || true)
floor_ms=$(median < "$work/floor")
first_ms=$(median < "$work/first")
echo "floor: one addressbook-multiget of $cards cards with curl: $floor_ms ms (median of $runs)"
echo "first sync into an empty database: $first_ms ms (median of $runs; Radicale's own time $(median < "$work/first-server") ms, $(median < "$work/first-requests") request(s)); $(cat "$work/sync.out")"
echo "contacts in the database: $("$trustnet" --database "$db" --list --json | "$python" -c 'import json, sys; print(len(json.load(sys.stdin)))')"
awk -v a="$first_ms" -v b="$floor_ms" 'BEGIN { printf "ratio first sync / multiget floor: %.2f (goal: at most 2)\n", a / b }'

# Nothing changed: the requests Radicale logs for one sync, and its time.
: > "$work/quiet"
: > "$work/quiet-server"
# The first sync after the first leaves Radicale one more token to write: not timed.
"$trustnet" --database "$db" --sync > /dev/null
for run in $(seq 5); do
  before=$(log_lines)
  requests_before=$(grep -c ' request for ' "$work/server.log" || true)
  start=$(now_ms)
  "$trustnet" --database "$db" --sync > /dev/null
  echo $(( $(now_ms) - start )) >> "$work/quiet"
  server_ms "$before" >> "$work/quiet-server"
  after=$(grep -c ' request for ' "$work/server.log" || true)
done
cp "$work/server.log" "${TMPDIR:-/tmp}/bench-sync-server.log"
quiet_ms=$(median < "$work/quiet")
quiet_server_ms=$(median < "$work/quiet-server")
echo "sync with nothing changed: $(( after - requests_before )) request(s), $quiet_ms ms (median of 5, whole process; goals: 1 request, at most 100 ms)"
echo "  of which Radicale answering: $quiet_server_ms ms; TrustNet's own (start, database, the rest): $(( quiet_ms - quiet_server_ms )) ms"
