#!/usr/bin/python3
# test-second-instance.py — TrustNet is single instance per database: starting it again
# while its window is open activates the running one (its window comes to the front) and
# exits at once, without a second window or a second store on the same database. Another
# database gets a TrustNet of its own, never a silent switch to the open one; and
# `--background` while the window is open hands the reminder to that window's process.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time

import dbus

from tn_e2e import (TRUSTNET, app_id, app_path, app_pid, notify_calls, quit_app, report_tap, setup,
                    start_mock_bus, stop_mock_bus, wait_for)

NOW = '2026-11-24T09:00:00'

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def trustnet_windows():
    done = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^TrustNet$'],
                          capture_output=True, text=True, timeout=10)
    return done.stdout.split()


def main():
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no display: run under xvfb-run')
        return 0

    server, mock, env = start_mock_bus()
    bus = dbus.SessionBus()
    tmp = tempfile.mkdtemp(prefix='test-second-instance-')
    env = dict(env, TRUSTNET_NOW=NOW)
    processes = []

    try:
        db = os.path.join(tmp, 'trustnet.db')
        name = app_id(db)
        setup(env, db, [['--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                        ['--with', 'Ada Lovelace', '--rate', '1']], NOW)

        first_err = os.path.join(tmp, 'first-stderr')
        first = subprocess.Popen([TRUSTNET, '--database', db], env=dict(env, G_MESSAGES_DEBUG='all'),
                                 stdout=subprocess.DEVNULL, stderr=open(first_err, 'w'), text=True)
        processes.append(first)
        check('the first trustnet takes the bus name', wait_for(lambda: app_pid(bus, name) == first.pid, 20),
              repr(app_pid(bus, name)))
        check('… and shows one window', wait_for(lambda: len(trustnet_windows()) == 1, 20),
              repr(trustnet_windows()))

        monitor = subprocess.Popen(['dbus-monitor', '--address', env['DBUS_SESSION_BUS_ADDRESS'],
                                    "type='method_call',interface='org.gtk.Application'"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        processes.append(monitor)
        time.sleep(0.5)   # dbus-monitor is listening

        started = time.monotonic()
        second = subprocess.run([TRUSTNET, '--database', db], env=env, capture_output=True, text=True,
                                timeout=30)
        took = time.monotonic() - started
        check('a second trustnet exits at once with status 0 (%.2f s)' % took,
              second.returncode == 0 and took < 10, second.stderr)
        check('… and says nothing', second.stdout == '' and second.stderr == '', second.stderr)

        time.sleep(0.5)
        monitor.terminate()
        monitored = monitor.communicate(timeout=5)[0]
        processes.remove(monitor)
        check('… it activated the running one (org.gtk.Application.Activate)',
              'member=Activate' in monitored and app_path(name) in monitored, monitored)
        check('the first still owns the name and runs', app_pid(bus, name) == first.pid and first.poll() is None,
              '%r %r %s' % (app_pid(bus, name), first.poll(), open(first_err).read()))
        check('still exactly one TrustNet window', len(trustnet_windows()) == 1, repr(trustnet_windows()))

        # Another database: a TrustNet of its own, with its own window.
        other_db = os.path.join(tmp, 'other.db')
        setup(env, other_db, [['--add', 'Grace Hopper']], NOW)
        other = subprocess.Popen([TRUSTNET, '--database', other_db], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        processes.append(other)
        check('a launch on another database starts its own TrustNet (%s)' % app_id(other_db),
              app_id(other_db) != name and wait_for(lambda: app_pid(bus, app_id(other_db)) == other.pid, 20),
              repr(app_pid(bus, app_id(other_db))))
        check('… with a window of its own beside the first',
              wait_for(lambda: len(trustnet_windows()) == 2, 20), repr(trustnet_windows()))
        quit_app(bus, app_id(other_db))
        other.wait(timeout=10)
        processes.remove(other)

        # --background while the window is open: the window's process sends the reminder.
        background = subprocess.run([TRUSTNET, '--database', db, '--background'],
                                    env=env,
                                    capture_output=True, text=True, timeout=30)
        check('--background with the window open hands over the reminder and exits 0',
              background.returncode == 0 and
              background.stdout == 'The running TrustNet now sends the weekly reminder\n',
              background.stdout + background.stderr)
        check('… the window\'s process sends it, suggesting Ada Lovelace',
              wait_for(lambda: len(notify_calls(mock)) == 1, 10) and
              'Ada Lovelace' in notify_calls(mock)[0]['body'] and app_pid(bus, name) == first.pid,
              repr(notify_calls(mock)))

        quit_app(bus, name)
        first.wait(timeout=10)
        processes.remove(first)
        check('the first quits cleanly and withdraws its reminder',
              first.returncode == 0 and len(mock.GetMethodCalls('CloseNotification')) == 1,
              open(first_err).read())
    except Exception as error:  # a failed setup is a failed test, with the reason
        check('setup', False, repr(error))
    finally:
        for process in processes:
            process.kill()
            process.wait()
        stop_mock_bus(server)
        shutil.rmtree(tmp, ignore_errors=True)

    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
