#!/usr/bin/python3
# test-someone-else.py — the reminder's "Someone else" action end to end: invoked through
# python3-dbusmock's notification daemon, `trustnet --background` replaces the shown
# notification (same id) with the next person of the suggestion rule, wraps around after
# the last, logs nothing; with only one person, the body says there is no one else.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile

from tn_e2e import (TRUSTNET, invoke, notify_calls, report_tap, setup, sql, start_mock_bus,
                    stop_mock_bus, wait_for)

MONDAY_AFTER_DUE = '2026-11-23T10:00:00'   # 2026-W48 (even: no "could become a 1" first)

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def start_background(env, db, tmp, name):
    out = open(os.path.join(tmp, name + '.stdout'), 'w+')
    process = subprocess.Popen([TRUSTNET, '--database', db, '--background'],
                               env=dict(env, TRUSTNET_NOW=MONDAY_AFTER_DUE),
                               stdout=out, stderr=subprocess.PIPE, text=True)
    return process, out


def stop_background(process, out):
    process.send_signal(signal.SIGTERM)
    status = process.wait(timeout=5)
    stderr = process.stderr.read()
    out.seek(0)
    return status, out.read(), stderr


def main():
    server, mock, env = start_mock_bus()
    tmp = tempfile.mkdtemp(prefix='test-someone-else-')
    processes = []

    try:
        # Three overdue 1s: the rule suggests the one not met for longest first.
        db = os.path.join(tmp, 'three.db')
        steps = []
        for name, met in (('Ada Lovelace', '2026-09-21'), ('Grace Hopper', '2026-10-05'),
                          ('Alan Turing', '2026-10-19')):
            steps += [['--add', name], ['--with', name, '--rate', '1'],
                      ['--with', name, '--log', 'lunch', '--date', met]]
        setup(env, db, steps, MONDAY_AFTER_DUE)
        interactions_before = sql(db, 'SELECT count(*) FROM interactions')

        mock.ClearCalls()
        background, out = start_background(env, db, tmp, 'three')
        processes.append(background)
        sent = wait_for(lambda: len(notify_calls(mock)) == 1, 10)
        calls = notify_calls(mock)
        check('the reminder is sent and suggests Ada Lovelace (not met for longest)',
              sent and 'Ada Lovelace' in calls[0]['body'], repr(calls))
        first_id = 1   # the mock numbers new notifications from 1

        # 1. "Someone else": the same notification, now about Grace Hopper.
        invoke(mock, first_id, 'someone-else')
        replaced = wait_for(lambda: len(notify_calls(mock)) == 2, 5)
        calls = notify_calls(mock)
        second = calls[1] if replaced else {}
        check('"someone-else" sends a second Notify call', replaced, repr(calls))
        check('… which replaces the first notification (replaces_id = its id)',
              second.get('replaces_id') == first_id, repr(second))
        check('… whose body names the next person, Grace Hopper, and not Ada Lovelace',
              'Grace Hopper' in second.get('body', '') and 'Ada Lovelace' not in second.get('body', ''),
              repr(second))
        check('… with the same summary and actions',
              second.get('summary') == 'Lunch with someone this week' and
              set(second.get('actions', {})) == {'log-lunch', 'someone-else', 'snooze', 'default'},
              repr(second))

        # 2. Again: Alan Turing; then it wraps around to Ada Lovelace.
        invoke(mock, first_id, 'someone-else')
        wait_for(lambda: len(notify_calls(mock)) == 3, 5)
        invoke(mock, first_id, 'someone-else')
        wait_for(lambda: len(notify_calls(mock)) == 4, 5)
        calls = notify_calls(mock)
        bodies = [call['body'] for call in calls]
        check('then Alan Turing, then back to Ada Lovelace (wraps around)',
              len(calls) == 4 and 'Alan Turing' in bodies[2] and 'Ada Lovelace' in bodies[3],
              repr(bodies))
        check('every replacement keeps the same notification id',
              all(call['replaces_id'] == first_id for call in calls[1:]), repr(calls))

        # 3. Only a new suggestion: no lunch was logged.
        check('"someone-else" logged nothing',
              sql(db, 'SELECT count(*) FROM interactions') == interactions_before,
              sql(db, 'SELECT count(*) FROM interactions'))

        status, stdout, stderr = stop_background(background, out)
        processes.remove(background)
        check('stdout says who was suggested',
              stdout.splitlines()[:1] == ['sent: Ada Lovelace'] and
              'suggested: Grace Hopper\nsuggested: Alan Turing\nsuggested: Ada Lovelace\n' in stdout,
              stdout)
        check('exit 0 on SIGTERM, nothing on stderr', status == 0 and stderr == '', '%r %s' % (status, stderr))

        # 4. Only one person: the notification is replaced with a body that says so.
        db1 = os.path.join(tmp, 'one.db')
        setup(env, db1, [['--add', 'Ada Lovelace'], ['--with', 'Ada Lovelace', '--rate', '1'],
                         ['--with', 'Ada Lovelace', '--log', 'lunch', '--date', '2026-09-21']],
              MONDAY_AFTER_DUE)
        mock.ClearCalls()
        background, out = start_background(env, db1, tmp, 'one')
        processes.append(background)
        wait_for(lambda: len(notify_calls(mock)) == 1, 10)
        lone_id = 2   # the mock's second new notification
        invoke(mock, lone_id, 'someone-else')
        replaced = wait_for(lambda: len(notify_calls(mock)) == 2, 5)
        calls = notify_calls(mock)
        lone = calls[1] if replaced else {}
        check('only one person: "someone-else" replaces the notification',
              replaced and lone.get('replaces_id') == lone_id, repr(calls))
        check('… saying there is no one else, and still suggesting Ada Lovelace',
              lone.get('body', '').startswith('No one else to suggest this week.') and
              'Ada Lovelace' in lone.get('body', ''), repr(lone))
        check('… nothing logged', sql(db1, 'SELECT count(*) FROM interactions') == '1',
              sql(db1, 'SELECT count(*) FROM interactions'))
        status, stdout, stderr = stop_background(background, out)
        processes.remove(background)
        check('stdout: "no one else to suggest: Ada Lovelace"',
              'no one else to suggest: Ada Lovelace\n' in stdout and status == 0 and stderr == '',
              stdout + stderr)
    finally:
        for process in processes:
            process.kill()
            process.wait()
        shutil.rmtree(tmp, ignore_errors=True)
        stop_mock_bus(server)

    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
