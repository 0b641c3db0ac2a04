#!/usr/bin/python3
# tests/test-stands-alone.py — fails when a file of the repository reaches for the folder
# beside the checkout, which a newcomer's clone does not have.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-stands-alone.py SOURCE_DIR
# With git, only tracked files count (a build folder may hold anything); a tarball without
# .git is walked instead, skipping build folders.
import os
import subprocess
import sys

# Spelt in two halves so that this file does not find itself.
NEEDLE = '..' + '/shared'
SKIPPED_DIRS = {'.git', '__pycache__'}


def tracked_files(source_dir):
    done = subprocess.run(['git', '-C', source_dir, 'ls-files', '-z'],
                          capture_output=True, check=True)
    return [os.path.join(source_dir, name)
            for name in done.stdout.decode('utf-8', 'surrogateescape').split('\0') if name]


def walked_files(source_dir):
    for root, dirs, files in os.walk(source_dir):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith('_build')]
        for name in files:
            yield os.path.join(root, name)


def main():
    source_dir = os.path.abspath(sys.argv[1])
    if os.path.exists(os.path.join(source_dir, '.git')):
        files = tracked_files(source_dir)
    else:
        files = walked_files(source_dir)

    found = []
    needle = NEEDLE.encode()
    for path in files:
        try:
            with open(path, 'rb') as f:
                lines = f.read().splitlines()
        except (FileNotFoundError, IsADirectoryError):
            # Tracked but deleted in the work tree, or a submodule.
            continue
        for number, line in enumerate(lines, 1):
            if needle in line:
                found.append('%s:%d: %s' % (os.path.relpath(path, source_dir), number,
                                            line.decode('utf-8', 'replace').strip()))

    for line in found:
        print(line)
    if found:
        print('%d line(s) refer to %s, which a clone does not have' % (len(found), NEEDLE))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
