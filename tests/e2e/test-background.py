#!/usr/bin/python3
# test-background.py — `trustnet --background` end to end: started 2 seconds before the
# due time with a moving clock, it sends the reminder once, handles "Log lunch" and
# "Remind me tomorrow" invoked through python3-dbusmock's notification daemon, and
# exits 0 on SIGTERM. Its output is quiet: a verdict only when it changes, not at every
# hourly check. Waiting for the due time, it follows what the command line changes
# meanwhile, and names the person right at the moment it fires.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import dbus
import dbusmock

from tn_e2e import TRUSTNET, report_tap, run, setup, sql, stop_mock_bus, wait_for

SETUP_NOW = '2026-11-20T10:00:00'
BEFORE_DUE = '2026-11-23T08:59:58'   # 2026-W48's Monday, 2 s before the default 09:00
TODAY = '2026-11-23'
# Time enough for three runs of the command line before the due time.
WELL_BEFORE_DUE = '2026-11-23T08:59:54'

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def check_follows_changes(env, tmp, mock):
    """6. Started before the due time, the reminder hears what the command line writes
    meanwhile: Ada, whom it would have suggested, is rated 3 (not due for months), and a
    new 1 nobody has met is added. When 09:00 comes, it names the new 1."""
    db = os.path.join(tmp, 'changes.db')
    setup(env, db, [['--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                    ['--with', 'Ada Lovelace', '--rate', '1'],
                    ['--with', 'Ada Lovelace', '--log', 'lunch', '--date', '2026-09-21']], SETUP_NOW)
    mock.ClearCalls()
    background = subprocess.Popen(
        [TRUSTNET, '--database', db, '--background'],
        env=dict(env, TRUSTNET_NOW=WELL_BEFORE_DUE, TRUSTNET_NOW_MOVES='1'),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        setup(env, db, [['--with', 'ada@example.org', '--rate', '3'],
                        ['--add', 'Hedy Lamarr', '--email', 'hedy@example.org'],
                        ['--with', 'hedy@example.org', '--rate', '1']], WELL_BEFORE_DUE)
        check('setup: the changes were made before the due time',
              len(mock.GetMethodCalls('Notify')) == 0, repr(mock.GetMethodCalls('Notify')))
        fired = wait_for(lambda: len(mock.GetMethodCalls('Notify')) >= 1, 15)
        calls = mock.GetMethodCalls('Notify')
        body = str(calls[0][1][4]) if calls else ''
        check('changes meanwhile: the reminder is sent once', fired and len(calls) == 1, repr(calls))
        check('… naming the new 1 never met, Hedy Lamarr', 'Hedy Lamarr' in body, body)
        check('… not Ada Lovelace, rated 3 meanwhile', 'Ada Lovelace' not in body, body)
        background.send_signal(signal.SIGTERM)
        status = background.wait(timeout=2)
        stderr = background.stderr.read()
        check('… exit 0, nothing on stderr', status == 0 and stderr == '', '%r %s' % (status, stderr))
        background = None
    finally:
        if background is not None:
            background.kill()
            background.wait()


def main():
    dbusmock.DBusTestCase.start_session_bus()
    bus_address = os.environ['DBUS_SESSION_BUS_ADDRESS']
    server, obj = dbusmock.DBusTestCase.spawn_server_template(
        'notification_daemon', {}, stdout=subprocess.PIPE)
    mock = dbus.Interface(obj, dbusmock.MOCK_IFACE)
    tmp = tempfile.mkdtemp(prefix='test-background-')
    background = None

    try:
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=bus_address)
        db = os.path.join(tmp, 'trustnet.db')
        base = ['--database', db]

        for args in (['--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                     ['--with', 'Ada Lovelace', '--rate', '1'],
                     ['--with', 'Ada Lovelace', '--log', 'lunch', '--date', '2026-09-21']):
            setup = run(env, *base, *args, now=SETUP_NOW)
            if setup.returncode != 0:
                raise RuntimeError('setup %s failed: %s' % (args, setup.stderr))

        mock.ClearCalls()
        out_path = os.path.join(tmp, 'stdout')
        with open(out_path, 'w') as out:
            background = subprocess.Popen(
                [TRUSTNET, *base, '--background'],
                env=dict(env, TRUSTNET_NOW=BEFORE_DUE, TRUSTNET_NOW_MOVES='1'),
                stdout=out, stderr=subprocess.PIPE, text=True)

        # 1. Fires once when 09:00 comes, and not again.
        fired = wait_for(lambda: len(mock.GetMethodCalls('Notify')) >= 1, 10)
        check('--background sends the reminder when the due time comes', fired)
        time.sleep(2)
        calls = mock.GetMethodCalls('Notify')
        check('exactly one Notify call, 2 s later too', len(calls) == 1, repr(calls))
        if calls:
            check('it suggests Ada Lovelace', 'Ada Lovelace' in calls[0][1][4], str(calls[0][1][4]))
            actions = calls[0][1][5]
            pairs = dict(zip([str(a) for a in actions[0::2]], [str(a) for a in actions[1::2]]))
            check('actions it serves: log-lunch, someone-else, snooze, default',
                  pairs.get('log-lunch') == 'Log lunch' and
                  pairs.get('someone-else') == 'Someone else' and
                  pairs.get('snooze') == 'Remind me tomorrow' and
                  'default' in pairs, repr(pairs))
        else:
            check('it suggests Ada Lovelace', False, 'no Notify call')
            check('actions it serves: log-lunch, someone-else, snooze, default', False, 'no Notify call')

        # The mock numbers notifications from 1; this is its first.
        notification_id = dbus.UInt32(1)

        # 2. "Log lunch": a one-on-one lunch with Ada Lovelace today.
        lunch_query = ("SELECT count(*) FROM interactions JOIN contacts ON contacts.id = contact_id "
                       "WHERE kind = 'lunch' AND happened_on = '%s' AND one_on_one = 1" % TODAY)
        mock.EmitSignal('org.freedesktop.Notifications', 'ActionInvoked', 'us',
                        [notification_id, 'log-lunch'])
        logged = wait_for(lambda: sql(db, lunch_query) == '1', 5)
        check('"log-lunch" logs a lunch today', logged, sql(db, lunch_query))
        ada_query = ("SELECT count(*) FROM interactions WHERE happened_on = '%s' AND contact_id = "
                     "(SELECT contact_id FROM emails WHERE value = 'ada@example.org')" % TODAY)
        check('… with Ada Lovelace', sql(db, ada_query) == '1', sql(db, ada_query))

        # 3. "Remind me tomorrow": the snooze is recorded, a day from now.
        snooze_query = "SELECT value FROM meta WHERE key = 'reminder-snoozed-until'"
        mock.EmitSignal('org.freedesktop.Notifications', 'ActionInvoked', 'us',
                        [notification_id, 'snooze'])
        snoozed = wait_for(lambda: sql(db, snooze_query) not in ('', '0'), 5)
        value = sql(db, snooze_query)
        expected = int(time.mktime(time.strptime('2026-11-24T09:00:00', '%Y-%m-%dT%H:%M:%S')))
        check('"snooze" records snoozed until about a day later',
              snoozed and value.isdigit() and abs(int(value) - expected) < 60, value)

        # 4. SIGTERM: exit 0 within 2 s, having said what it did.
        background.send_signal(signal.SIGTERM)
        try:
            status = background.wait(timeout=2)
        except subprocess.TimeoutExpired:
            status = None
        stderr = background.stderr.read()
        with open(out_path) as out:
            stdout = out.read()
        check('SIGTERM: exit status 0 within 2 s', status == 0, '%r %s' % (status, stderr))
        check('nothing on stderr', stderr == '', stderr)
        check('stdout says what happened, one line each',
              stdout.splitlines() == [
                  "not due: this week's reminder time has not come yet",
                  'next check: 2026-11-23 09:00 (every hour at most; reminder time: Monday 09:00)',
                  'sent: Ada Lovelace',
                  'logged lunch: Ada Lovelace',
                  'snoozed until 2026-11-24 09:00'], stdout)
        background = None

        # 5. Quiet: checks every 100 ms (instead of every hour) for 2 s print the verdict
        # once, and again only when it changes (a lunch logged meanwhile).
        db2 = os.path.join(tmp, 'quiet.db')
        for args in (['--add', 'Ada Lovelace'], ['--with', 'Ada Lovelace', '--rate', '1']):
            run(env, '--database', db2, *args, now=SETUP_NOW)
        sent = run(env, '--database', db2, '--remind', now='2026-11-23T10:00:00')
        check('setup: --remind sent this week\'s reminder', sent.stdout.strip() == 'sent: Ada Lovelace',
              sent.stdout + sent.stderr)
        quiet_path = os.path.join(tmp, 'quiet')
        with open(quiet_path, 'w') as out:
            background = subprocess.Popen(
                [TRUSTNET, '--database', db2, '--background'],
                env=dict(env, TRUSTNET_NOW='2026-11-23T10:00:00', TRUSTNET_CHECK_EVERY_MS='100'),
                stdout=out, stderr=subprocess.PIPE, text=True)
        time.sleep(1)
        run(env, '--database', db2, '--with', 'Ada Lovelace', '--log', 'coffee', '--date', TODAY,
            now='2026-11-23T10:00:00')
        time.sleep(1)
        background.send_signal(signal.SIGTERM)
        status = background.wait(timeout=2)
        stderr = background.stderr.read()
        with open(quiet_path) as out:
            quiet = out.read()
        check('about 20 checks: the verdict once, the change once, and when the next check is',
              quiet.splitlines() == [
                  'not due: already sent this week',
                  'next check: 2026-11-23 10:00 (every hour at most; reminder time: Monday 09:00)',
                  'not due: lunch already logged this week'], quiet)
        check('… exit 0, nothing on stderr', status == 0 and stderr == '', '%r %s' % (status, stderr))
        background = None

        check_follows_changes(env, tmp, mock)
    finally:
        if background is not None:
            background.kill()
            background.wait()
        shutil.rmtree(tmp, ignore_errors=True)
        stop_mock_bus(server)

    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
