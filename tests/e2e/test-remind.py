#!/usr/bin/python3
# test-remind.py — `trustnet --remind` end to end: the real binary on a temporary
# database, talking to python3-dbusmock's notification daemon on a private session bus.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile

import dbus
import dbusmock

from tn_e2e import report_tap, run, stop_mock_bus

MONDAY_AFTER_DUE = '2026-11-23T10:00:00'   # 2026-W48, after the default Monday 09:00
SUNDAY_SAME_WEEK = '2026-11-29T20:00:00'   # 2026-W48's Sunday: still the week already sent
NEXT_MONDAY_BEFORE_DUE = '2026-11-30T08:00:00'  # 2026-W49, before Monday 09:00
NINE_WEEKS_EARLIER = '2026-09-21'

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def mock_caps():
    bus = dbus.SessionBus()
    notifications = bus.get_object('org.freedesktop.Notifications', '/org/freedesktop/Notifications')
    return [str(c) for c in notifications.GetCapabilities(
        dbus_interface='org.freedesktop.Notifications')]


def main():
    dbusmock.DBusTestCase.start_session_bus()
    bus_address = os.environ['DBUS_SESSION_BUS_ADDRESS']
    server, obj = dbusmock.DBusTestCase.spawn_server_template(
        'notification_daemon', {}, stdout=subprocess.PIPE)
    mock = dbus.Interface(obj, dbusmock.MOCK_IFACE)
    tmp = tempfile.mkdtemp(prefix='test-remind-')

    try:
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=bus_address)
        db = os.path.join(tmp, 'trustnet.db')
        base = ['--database', db]

        for args in (['--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                     ['--with', 'Ada Lovelace', '--rate', '1'],
                     ['--with', 'Ada Lovelace', '--log', 'lunch', '--date', NINE_WEEKS_EARLIER]):
            setup = run(env, *base, *args, now=MONDAY_AFTER_DUE)
            if setup.returncode != 0:
                raise RuntimeError('setup %s failed: %s' % (args, setup.stderr))

        # 1. Due: sent, and the Notify call says everything.
        mock.ClearCalls()
        first = run(env, *base, '--remind', now=MONDAY_AFTER_DUE)
        check('--remind when due prints "sent: Ada Lovelace"',
              first.returncode == 0 and first.stdout.strip() == 'sent: Ada Lovelace',
              first.stdout + first.stderr)
        calls = mock.GetMethodCalls('Notify')
        check('exactly one Notify call', len(calls) == 1, repr(calls))
        if calls:
            app_name, _replaces, icon, summary, body, actions, hints, _timeout = calls[0][1]
            check('app name is TrustNet', str(app_name) == 'TrustNet', str(app_name))
            check('icon is the app icon', str(icon) == 'org.example.TrustNet', str(icon))
            check('summary', str(summary) == 'Lunch with someone this week', str(summary))
            check('body names Ada Lovelace and 9 weeks ago',
                  'Ada Lovelace' in body and '9 weeks ago' in body, str(body))
            pairs = dict(zip([str(a) for a in actions[0::2]], [str(a) for a in actions[1::2]]))
            # --remind exits right after sending: buttons would find nobody to serve them.
            check('no actions: --remind never offers a button nobody serves', pairs == {}, repr(pairs))
            check('desktop-entry hint',
                  str(hints.get('desktop-entry', '')) == 'org.example.TrustNet', repr(hints))
        else:
            for name in ('app name', 'icon', 'summary', 'body', 'actions', 'desktop-entry hint'):
                check(name, False, 'no Notify call')

        # 2. Same week again: not sent twice.
        mock.ClearCalls()
        again = run(env, *base, '--remind', now=MONDAY_AFTER_DUE)
        check('second --remind the same week: already sent',
              again.returncode == 0 and again.stdout.strip() == 'not due: already sent this week',
              again.stdout + again.stderr)
        check('no second Notify call', len(mock.GetMethodCalls('Notify')) == 0)

        # 3. The Sunday of the same week, then next Monday before 09:00: not due.
        mock.ClearCalls()
        sunday = run(env, *base, '--remind', now=SUNDAY_SAME_WEEK)
        check('Sunday of the week already sent: not due',
              sunday.returncode == 0 and sunday.stdout.strip() == 'not due: already sent this week',
              sunday.stdout + sunday.stderr)
        early = run(env, *base, '--remind', now=NEXT_MONDAY_BEFORE_DUE)
        check('next Monday before 09:00: not due yet',
              early.returncode == 0 and
              early.stdout.strip() == "not due: this week's reminder time has not come yet",
              early.stdout + early.stderr)

        # 4. A lunch logged this week: not due.
        db2 = os.path.join(tmp, 'lunch.db')
        run(env, '--database', db2, '--add', 'Ada Lovelace', now=MONDAY_AFTER_DUE)
        run(env, '--database', db2, '--with', 'Ada Lovelace', '--log', 'lunch', '--date', '2026-11-23',
            now=MONDAY_AFTER_DUE)
        lunch = run(env, '--database', db2, '--remind', now=MONDAY_AFTER_DUE)
        check('lunch logged this week: not due',
              lunch.returncode == 0 and lunch.stdout.strip() == 'not due: lunch already logged this week',
              lunch.stdout + lunch.stderr)
        check('no Notify call for the not-due cases', len(mock.GetMethodCalls('Notify')) == 0)

        # 5. No notification server: an error, and the week stays due.
        db3 = os.path.join(tmp, 'noserver.db')
        run(env, '--database', db3, '--add', 'Ada Lovelace', now=MONDAY_AFTER_DUE)
        noserver_env = dict(env, DBUS_SESSION_BUS_ADDRESS='unix:path=' + os.path.join(tmp, 'no-bus'))
        failed = run(noserver_env, '--database', db3, '--remind', now=MONDAY_AFTER_DUE)
        check('no notification server: exit 1 with one trustnet: line',
              failed.returncode == 1 and failed.stderr.startswith('trustnet: ') and failed.stdout == '',
              failed.stdout + failed.stderr)
        mock.ClearCalls()
        retry = run(env, '--database', db3, '--remind', now=MONDAY_AFTER_DUE)
        check('after a failed send the week is still due',
              retry.returncode == 0 and retry.stdout.strip() == 'sent: Ada Lovelace' and
              len(mock.GetMethodCalls('Notify')) == 1,
              retry.stdout + retry.stderr)

        # 6. The mock advertises "body-markup" (dbusmock's default capabilities): a name
        # that looks like markup reaches the server escaped, so it shows as typed.
        check('the mock server renders markup', 'body-markup' in mock_caps(), repr(mock_caps()))
        hostile = '<b>IT Security</b> AT&T <Support>'
        db4 = os.path.join(tmp, 'markup.db')
        for args in (['--add', hostile], ['--with', hostile, '--rate', '1']):
            run(env, '--database', db4, *args, now=MONDAY_AFTER_DUE)
        mock.ClearCalls()
        marked = run(env, '--database', db4, '--remind', now=MONDAY_AFTER_DUE)
        check('--remind with a markup-like name prints it as typed',
              marked.returncode == 0 and marked.stdout.strip() == 'sent: ' + hostile,
              marked.stdout + marked.stderr)
        calls = mock.GetMethodCalls('Notify')
        body = str(calls[0][1][4]) if calls else ''
        check('the Notify body holds the name escaped',
              '&lt;b&gt;IT Security&lt;/b&gt; AT&amp;T &lt;Support&gt;' in body and '<b>' not in body,
              body)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        stop_mock_bus(server)

    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
