#!/usr/bin/env bash
# build-aux/run.sh — install what is missing, build, install and start TrustNet.
# SPDX-License-Identifier: GPL-3.0-or-later
# As root it installs into /usr/local; otherwise into ~/.local. Arguments go to trustnet.
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir="$source_dir/_build"

bash "$source_dir/build-aux/deps.sh"

if [ "$(id -u)" -eq 0 ]; then
  prefix=/usr/local
else
  prefix="$HOME/.local"
fi

if [ -d "$build_dir" ]; then
  meson setup --reconfigure --prefix="$prefix" "$build_dir" "$source_dir" >/dev/null
else
  meson setup --prefix="$prefix" "$build_dir" "$source_dir"
fi
meson compile -C "$build_dir"
meson install -C "$build_dir" --quiet

# A prefix outside the system's data folders needs to be on the search path
# for GSettings to find the schema and the shell to find the icon.
case ":${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:" in
  *":$prefix/share:"*) ;;
  *) export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" ;;
esac

exec "$prefix/bin/trustnet" "$@"
