#!/usr/bin/python3
# test-open-contact.py — the reminder runs inside the one TrustNet of its database:
# `trustnet --background` owns the application's bus name without a window; a click on
# the reminder (its "default" action) opens the window on the suggested person in that
# same process; a later plain launch opens nothing new; closing the window leaves the
# reminder running; "Log lunch" for someone deleted meanwhile logs nothing and says so;
# SIGTERM withdraws the notification.
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

from tn_e2e import (TRUSTNET, app_id, app_pid, invoke, notify_calls, quit_app, report_tap, setup, sql,
                    start_mock_bus, stop_mock_bus, wait_for)
MONDAY_AFTER_DUE = '2026-11-23T10:00:00'

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def screenshot(name):
    folder = os.path.join(os.environ.get('G_TEST_BUILDDIR', '.'), 'screenshots')
    os.makedirs(folder, exist_ok=True)
    subprocess.run(['import', '-window', 'root', os.path.join(folder, name)], timeout=20,
                   capture_output=True)


def read(path):
    with open(path) as f:
        return f.read()


def trustnet_windows():
    done = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^TrustNet$'],
                          capture_output=True, text=True, timeout=10)
    return done.stdout.split()


def biggest_window():
    """The main window, not GTK's 1x1 leader window that has the same title."""
    best, best_area = None, -1
    for window in trustnet_windows():
        done = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', window],
                              capture_output=True, text=True, timeout=10)
        fields = dict(line.split('=', 1) for line in done.stdout.split() if '=' in line)
        area = int(fields.get('WIDTH', 0)) * int(fields.get('HEIGHT', 0))
        if area > best_area:
            best, best_area = window, area
    return best


def main():
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no display: run under xvfb-run')
        return 0

    server, mock, env = start_mock_bus()
    bus = dbus.SessionBus()
    tmp = tempfile.mkdtemp(prefix='test-open-contact-')
    processes = []

    try:
        db = os.path.join(tmp, 'trustnet.db')
        name = app_id(db)
        env = dict(env, TRUSTNET_NOW=MONDAY_AFTER_DUE)
        setup(env, db, [['--add', 'Grace Hopper'],
                        ['--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                        ['--with', 'Ada Lovelace', '--rate', '1'],
                        ['--with', 'Ada Lovelace', '--log', 'lunch', '--date', '2026-09-21']],
              MONDAY_AFTER_DUE)

        out_path = os.path.join(tmp, 'stdout')
        background = subprocess.Popen([TRUSTNET, '--database', db, '--background'], env=env,
                                      stdout=open(out_path, 'w'), stderr=subprocess.PIPE, text=True)
        processes.append(background)
        sent = wait_for(lambda: len(notify_calls(mock)) == 1, 10)
        check('the reminder is sent, suggesting Ada Lovelace',
              sent and 'Ada Lovelace' in notify_calls(mock)[0]['body'], repr(notify_calls(mock)))
        check('--background is the TrustNet of its database (owns %s), without a window' % name,
              app_pid(bus, name) == background.pid and trustnet_windows() == [],
              '%r %r' % (app_pid(bus, name), trustnet_windows()))

        # 1. The click opens the window on Ada Lovelace in the same process.
        invoke(mock, 1, 'default')
        opened = wait_for(lambda: 'opened: Ada Lovelace' in read(out_path), 20)
        check('a click opens TrustNet on Ada Lovelace: "opened: Ada Lovelace"', opened, read(out_path))
        check('… in the background process itself: one window, no new process',
              wait_for(lambda: len(trustnet_windows()) >= 1, 10) and app_pid(bus, name) == background.pid,
              '%r %r' % (app_pid(bus, name), trustnet_windows()))
        time.sleep(1.5)   # the window has drawn the pane
        screenshot('open-contact-started.png')

        # 2. A launch from the menu: the same window comes forward, nothing else starts.
        again = subprocess.run([TRUSTNET, '--database', db], env=env, capture_output=True, text=True,
                               timeout=30)
        check('a plain launch exits 0 at once and the same process keeps the window',
              again.returncode == 0 and app_pid(bus, name) == background.pid and
              len(trustnet_windows()) == 1, again.stderr + repr(trustnet_windows()))

        # 3. Closing the window leaves the reminder running: its buttons still work.
        # Ctrl+W, as a person closes it; xdotool's windowclose would destroy the X window
        # under GTK's feet.
        window = biggest_window()
        subprocess.run(['xdotool', 'windowfocus', '--sync', window], timeout=10)
        time.sleep(0.5)
        subprocess.run(['xdotool', 'key', '--window', window, 'ctrl+w'], timeout=10)
        closed = wait_for(lambda: trustnet_windows() == [], 10)
        check('closing the window leaves the reminder running',
              closed and background.poll() is None and app_pid(bus, name) == background.pid,
              repr(trustnet_windows()))
        invoke(mock, 1, 'log-lunch')
        check('… "Log lunch" still logs it: "logged lunch: Ada Lovelace"',
              wait_for(lambda: 'logged lunch: Ada Lovelace' in read(out_path), 10), read(out_path))

        # 4. Ada deleted elsewhere (as the window's Delete does): Log lunch logs nothing.
        before = sql(db, 'SELECT count (*) FROM interactions')
        sql(db, "UPDATE contacts SET removed_at = strftime ('%s', 'now') WHERE full_name = 'Ada Lovelace'")
        invoke(mock, 1, 'log-lunch')
        time.sleep(1)
        check('"Log lunch" for a contact deleted since logs nothing',
              sql(db, 'SELECT count (*) FROM interactions') == before and
              read(out_path).count('logged lunch') == 1, read(out_path))

        # 5. SIGTERM: exit 0, the notification withdrawn.
        background.send_signal(signal.SIGTERM)
        status = background.wait(timeout=5)
        processes.remove(background)
        stderr = background.stderr.read()
        check('… and says so on stderr',
              'trustnet: The suggested contact was deleted; nothing was logged' in stderr, stderr)
        check('SIGTERM: exit 0, and the notification is withdrawn (CloseNotification)',
              status == 0 and len(mock.GetMethodCalls('CloseNotification')) == 1,
              '%r %r' % (status, mock.GetMethodCalls('CloseNotification')))
    finally:
        quit_app(bus, app_id(os.path.join(tmp, 'trustnet.db')))
        for process in processes:
            process.kill()
            process.wait()
        stop_mock_bus(server)
        shutil.rmtree(tmp, ignore_errors=True)

    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
