#!/usr/bin/python3
# test-full-disk.py — no room to write: `trustnet --import` of a large file into a database
# on a full disk (a small tmpfs in a private mount namespace) and under a file size limit
# (`ulimit -f`). Each time: exit status 1, one `trustnet: …` line, and the database exactly
# as before, passing PRAGMA integrity_check.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile

from tn_e2e import TRUSTNET, gen_vcards, report_tap, sql

NOW = '2026-11-24T09:00:00Z'

# Run inside the namespace: the database is copied onto a tmpfs with little room beyond it,
# the import fills it, and the dump before and after are printed for the test to compare.
FULL_DISK_SCRIPT = r'''
set -u
mount -t tmpfs -o size=$((($(stat -c %s "$1") + 262143) / 262144 * 256 + 128))k tmpfs "$2" || exit 77
cp "$1" "$2/trustnet.db"
sqlite3 "$2/trustnet.db" .dump > "$2/../before.sql"
"$3" --database "$2/trustnet.db" --import "$4" > "$2/../out" 2> "$2/../err"
echo $? > "$2/../status"
sqlite3 "$2/trustnet.db" .dump > "$2/../after.sql"
sqlite3 "$2/trustnet.db" "PRAGMA integrity_check" > "$2/../check"
'''

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def read(path):
    with open(path) as f:
        return f.read()


def check_refused(name, status, err, before, after, integrity, mentions):
    lines = err.splitlines()
    check('%s: exit status 1' % name, status == 1, repr(status))
    check('%s: one line on stderr, "trustnet: …"' % name,
          len(lines) == 1 and lines[0].startswith('trustnet: ') and mentions in lines[0], err)
    check('%s: the database is exactly as before' % name, before == after and before != '')
    check('%s: integrity_check ok' % name, integrity.strip() == 'ok', integrity)


def test_full_disk(tmp, big, template, env):
    mount_point = os.path.join(tmp, 'disk', 'mnt')
    os.makedirs(mount_point)
    done = subprocess.run(['unshare', '--map-root-user', '--mount', 'sh', '-c', FULL_DISK_SCRIPT, 'sh',
                           template, mount_point, TRUSTNET, big], env=env, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        check('full disk', True, ('skip', 'no private mount namespace here: %s' % done.stderr.strip()))
        return
    disk = os.path.dirname(mount_point)
    check_refused('full disk', int(read(os.path.join(disk, 'status'))), read(os.path.join(disk, 'err')),
                  read(os.path.join(disk, 'before.sql')), read(os.path.join(disk, 'after.sql')),
                  read(os.path.join(disk, 'check')), 'is full; nothing was changed')


def test_file_size_limit(tmp, big, template, env):
    db = os.path.join(tmp, 'limited.db')
    shutil.copyfile(template, db)
    os.chmod(db, 0o600)
    before = sql(db, '.dump')
    # SIGXFSZ ignored, so that a write past the limit fails with EFBIG instead of killing.
    limit_kb = os.path.getsize(db) // 1024 + 64
    done = subprocess.run(['sh', '-c', 'trap "" XFSZ; ulimit -f %d; exec "$@"' % limit_kb, 'sh',
                           TRUSTNET, '--database', db, '--import', big],
                          env=env, capture_output=True, text=True, timeout=120)
    check_refused('file size limit', done.returncode, done.stderr, before, sql(db, '.dump'),
                  sql(db, 'PRAGMA integrity_check'), db)


def main():
    tmp = tempfile.mkdtemp(prefix='test-full-disk-')
    env = dict(os.environ, TRUSTNET_NOW=NOW)
    try:
        big = os.path.join(tmp, 'big.vcf')
        gen_vcards(big, 20000, '--seed', '3')
        template = os.path.join(tmp, 'template.db')
        subprocess.run([TRUSTNET, '--database', template, '--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                       env=env, check=True, capture_output=True)
        test_full_disk(tmp, big, template, env)
        test_file_size_limit(tmp, big, template, env)
    except Exception as error:  # a failed setup is a failed test, with the reason
        check('setup', False, repr(error))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
