#!/usr/bin/env bash
# build-aux/screenshots.sh — the README's pictures, made again from the real app: each page
# (dashboard, contacts with a contact open, Who You Are) wide, wide and dark, and 360 px
# narrow, on the demo database of build-aux/demo-db.sh, under Xvfb.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/screenshots.sh [BUILD_DIR [OUT_DIR]]   (defaults: _build, data/screenshots)
# Needs xvfb-run, dbus-run-session, xdotool and ImageMagick (build-aux/deps.sh installs them).
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
out_dir=$(mkdir -p "${2:-$source_dir/data/screenshots}" && cd "${2:-$source_dir/data/screenshots}" && pwd)
trustnet="$build_dir/src/trustnet"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export GSETTINGS_BACKEND=memory
export TRUSTNET_NOW=2026-12-03T12:00:00Z
export NO_AT_BRIDGE=1

bash "$source_dir/build-aux/demo-db.sh" "$trustnet" "$scratch/demo.db"

# One run of the window: WIDTH HEIGHT SCHEME, then NAME=KEYS pairs: the keys are pressed
# (one xdotool call each, a pause after; "type:TEXT" types TEXT and "focused:KEY" presses
# KEY in whatever has the keyboard, as a dialog does; "pause" waits), then the window is
# saved as NAME.png. Without a
# window manager the window sits at 0,0 on a black screen: trimming the black leaves it.
shoot() {
  local width=$1 height=$2 scheme=$3
  shift 3
  ADW_DEBUG_COLOR_SCHEME=$scheme xvfb-run -a -s "-screen 0 $((width + 40))x$((height + 40))x24" \
    dbus-run-session -- bash -s "$trustnet" "$scratch/demo.db" "$width" "$height" "$out_dir" "$@" <<'EOF'
set -eu
trustnet=$1 database=$2 width=$3 height=$4 out_dir=$5
shift 5
"$trustnet" --database "$database" 2>/dev/null &
pid=$!
for _ in $(seq 50); do
  xdotool search --name 'TrustNet' >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2
# GTK also maps a 1x1 leader window with the title: size the big one, and aim at it.
window=""
for id in $(xdotool search --name 'TrustNet'); do
  if [ "$(xdotool getwindowgeometry "$id" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p')" -gt 100 ]; then
    window=$id
  fi
done
xdotool windowsize "$window" "$width" "$height"
sleep 1.5
# The first key only gives the window the keyboard: a Shift that does nothing.
xdotool key --window "$window" shift
sleep 0.5
for shot in "$@"; do
  name=${shot%%=*}
  for key in ${shot#*=}; do
    case $key in
      # Typed into whatever has the keyboard: the file chooser, once it opened.
      type:*) xdotool type --delay 20 "${key#type:}" ;;
      focused:*) xdotool key "${key#focused:}" ;;
      pause) sleep 2 ;;
      *) xdotool key --window "$window" "$key" ;;
    esac
    sleep 1.2
  done
  import -window root "$out_dir/$name.png.tmp.png"
  convert "$out_dir/$name.png.tmp.png" -fuzz 2% -trim +repage "$out_dir/$name.png"
  rm -f "$out_dir/$name.png.tmp.png"
done
kill "$pid"
wait "$pid" 2>/dev/null || true
EOF
}

# Contacts: the fourth person of the list, opened in the pane.
pages=(dashboard=alt+1 "contacts=alt+2 Down Down Down Return" who-you-are=alt+3)
shoot 1100 760 prefer-light "${pages[@]}"
shoot 1100 760 prefer-dark dashboard-dark=alt+1 "contacts-dark=alt+2 Down Down Down Return" who-you-are-dark=alt+3
shoot 360 720 prefer-light dashboard-narrow=alt+1 contacts-narrow=alt+2 who-you-are-narrow=alt+3

# Last, as it changes the database: an import of the same 300 cards and 5 more, through
# Ctrl+I and the file chooser, and the toast that says what happened.
python3 "$source_dir/tests/tools/gen-vcards" 305 --seed 7 > "$scratch/phone-export.vcf"
shoot 1100 760 prefer-light "import=alt+2 ctrl+i pause type:$scratch/phone-export.vcf focused:Return pause pause"

ls -1 "$out_dir"
