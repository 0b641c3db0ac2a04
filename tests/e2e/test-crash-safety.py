#!/usr/bin/python3
# test-crash-safety.py — nothing is ever half-written: `trustnet --import` of a large file,
# and the migration of a large old database, each killed with SIGKILL at random moments.
# After every kill the database passes PRAGMA integrity_check and is exactly as it was
# before, or exactly as an uninterrupted run leaves it — never anything in between.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The moments are random over the length of an uninterrupted run, from a seed printed in
# the TAP output; TRUSTNET_CRASH_SEED=N replays one run. (test-cli's /cli/import/killed
# kills an import into an empty database at fixed moments; this one starts from a database
# with contacts, compares whole states and also covers the migration.)

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

from tn_e2e import TRUSTNET, gen_vcards, report_tap

NOW = '2026-11-24T09:00:00Z'
N_CARDS = 30000
N_KILLS = 6
N_OLD_CONTACTS = 200000

# The schema the first migration of tn-store.c writes (user_version 1), filled with contacts,
# emails and interactions with plain SQL: large enough that migrating it takes a while.
SCHEMA_V1 = '''
CREATE TABLE contacts (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL,
  given_name TEXT, family_name TEXT, organization TEXT, title TEXT, note TEXT, birthday TEXT,
  trust INTEGER NOT NULL DEFAULT 0 CHECK (trust BETWEEN 0 AND 3), created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, removed_at INTEGER, vcard TEXT);
CREATE INDEX contacts_full_name ON contacts (full_name);
CREATE TABLE emails (contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL, value TEXT NOT NULL, normalized TEXT NOT NULL, kind TEXT,
  PRIMARY KEY (contact_id, position));
CREATE INDEX emails_normalized ON emails (normalized);
CREATE TABLE phones (contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL, value TEXT NOT NULL, normalized TEXT, kind TEXT,
  PRIMARY KEY (contact_id, position));
CREATE INDEX phones_normalized ON phones (normalized);
CREATE TABLE interactions (id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts (id)
  ON DELETE CASCADE, kind TEXT NOT NULL, happened_on TEXT NOT NULL, one_on_one INTEGER NOT NULL DEFAULT 1,
  gave_value INTEGER NOT NULL DEFAULT 0, note TEXT);
CREATE INDEX interactions_contact_day ON interactions (contact_id, happened_on);
CREATE TABLE trust_changes (id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts (id)
  ON DELETE CASCADE, trust INTEGER NOT NULL, changed_at INTEGER NOT NULL);
CREATE INDEX trust_changes_contact ON trust_changes (contact_id, changed_at);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
  INSERT INTO contacts (uid, full_name, trust, created_at, updated_at)
  SELECT 'uid-' || i, 'Person ' || i, i %% 4, 1, 1 FROM n;
INSERT INTO emails SELECT id, 0, 'p' || id || '@example.org', 'p' || id || '@example.org', NULL FROM contacts;
INSERT INTO interactions (contact_id, kind, happened_on) SELECT id, 'lunch', '2026-01-05' FROM contacts WHERE id %% 10 = 0;
PRAGMA user_version = 1;
''' % N_OLD_CONTACTS

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def sqlite(db, query):
    done = subprocess.run(['sqlite3', '-batch', db, query], capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or done.stderr:
        raise RuntimeError('sqlite3 %s: %s' % (query, done.stderr))
    return done.stdout.strip()


def state(db):
    """What the database holds, whole: its schema, its version and how many rows each
    table has. Two runs of the same import or migration give the same state."""
    tables = sqlite(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").split()
    counts = ['%s=%s' % (table, sqlite(db, 'SELECT count (*) FROM "%s"' % table)) for table in tables]
    return '\n'.join([sqlite(db, 'PRAGMA user_version'), sqlite(db, '.schema')] + counts)


def trustnet(db, *args):
    return [TRUSTNET, '--database', db, *args]


def timed_run(argv, env):
    started = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError('%s failed: %s' % (argv, done.stderr))
    return time.monotonic() - started


def kill_at_random_moments(name, rng, template, argv_for, env, duration, before, afters):
    """Copies template, runs argv_for(copy) and kills it at N_KILLS random moments; each
    time the copy must hold the state before, or one of the states afters."""
    n_before = n_after = 0
    for i in range(N_KILLS):
        db = template + '.killed-%d.db' % i
        shutil.copyfile(template, db)
        os.chmod(db, 0o600)
        # A little past the end too, so that some kills find the work committed.
        delay = rng.uniform(0.0, duration * 1.15)
        process = subprocess.Popen(argv_for(db), env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        running = process.poll() is None
        process.kill()
        process.wait()

        check('%s: killed at %.3f s of %.3f s%s: integrity' % (name, delay, duration, '' if running else ' (had ended)'),
              sqlite(db, 'PRAGMA integrity_check') == 'ok')
        now = state(db)
        n_before += now == before
        n_after += now in afters
        check('%s: killed at %.3f s: exactly before or after' % (name, delay),
              now == before or now in afters, now)
    print('# %s: %d kills left the state before, %d the state after' % (name, n_before, n_after))


def test_import(rng, tmp, env):
    big = os.path.join(tmp, 'big.vcf')
    small = os.path.join(tmp, 'small.vcf')
    gen_vcards(big, N_CARDS, '--seed', '7', '--dup-rate', '0.05')
    gen_vcards(small, 40, '--seed', '8')

    # A database with contacts and a rating already, so that "before" is not just empty.
    template = os.path.join(tmp, 'import.db')
    timed_run(trustnet(template, '--import', small), env)
    finished = os.path.join(tmp, 'import-finished.db')
    shutil.copyfile(template, finished)
    before = state(template)
    duration = timed_run(trustnet(finished, '--import', big), env)
    after = state(finished)
    check('import: the whole file adds contacts', before != after)

    kill_at_random_moments('import', rng, template, lambda db: trustnet(db, '--import', big),
                           env, duration, before, [after])


def test_migration(rng, tmp, env):
    template = os.path.join(tmp, 'old.db')
    sqlite(template, SCHEMA_V1)
    os.chmod(template, 0o600)
    finished = os.path.join(tmp, 'old-finished.db')
    shutil.copyfile(template, finished)
    os.chmod(finished, 0o600)
    before = state(template)
    # Any command opens the store, and opening migrates; the rating is quick after that.
    duration = timed_run(trustnet(finished, '--with', 'p10@example.org', '--rate', '1'), env)
    after_rate = state(finished)
    check('migration: the old database is migrated', before.split('\n')[0] == '1' and after_rate.split('\n')[0] != '1',
          after_rate.split('\n')[0])

    # The rating after the migration is its own transaction: a kill may land between the
    # two, so the migrated database without the rating is a valid "after" as well.
    migrated = os.path.join(tmp, 'old-migrated.db')
    shutil.copyfile(template, migrated)
    os.chmod(migrated, 0o600)
    timed_run(trustnet(migrated, '--list', '--json'), env)
    after_migration = state(migrated)

    kill_at_random_moments('migration', rng, template,
                           lambda db: trustnet(db, '--with', 'p10@example.org', '--rate', '1'),
                           env, duration, before, [after_migration, after_rate])


def main():
    seed = int(os.environ.get('TRUSTNET_CRASH_SEED', random.SystemRandom().randrange(1 << 30)))
    rng = random.Random(seed)
    print('# TRUSTNET_CRASH_SEED=%d' % seed)
    tmp = tempfile.mkdtemp(prefix='test-crash-safety-')
    env = dict(os.environ, TRUSTNET_NOW=NOW)
    try:
        test_import(rng, tmp, env)
        test_migration(rng, tmp, env)
    except Exception as error:  # a failed setup is a failed test, with the reason
        check('setup', False, repr(error))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
