#!/usr/bin/python3
# test-open-contact.py — a click on the reminder (its "default" action) end to end:
# `trustnet --background` asks TrustNet over D-Bus (org.freedesktop.Application's
# ActivateAction "show-contact" with the contact's id) to open the window on the
# suggested person. With a window already running, that instance is reused; with none
# (and no D-Bus activation on this private bus), the background process starts one.
#
# What is asserted: the ActivateAction call with the right id, seen with dbus-monitor;
# its successful reply ("opened: Ada Lovelace" is printed only then); who owns the app's
# name. That the window then shows the contact is tn_window_show_contact()'s part; the
# screenshots saved in the build folder show it for people to look at.
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

from tn_e2e import (APP_ID, TRUSTNET, app_pid, invoke, notify_calls, quit_app, report_tap, setup, sql,
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
        setup(env, db, [['--add', 'Grace Hopper'],
                        ['--add', 'Ada Lovelace', '--email', 'ada@example.org'],
                        ['--with', 'Ada Lovelace', '--rate', '1'],
                        ['--with', 'Ada Lovelace', '--log', 'lunch', '--date', '2026-09-21']],
              MONDAY_AFTER_DUE)
        ada = sql(db, "SELECT contact_id FROM emails WHERE value = 'ada@example.org'")

        monitor_path = os.path.join(tmp, 'monitor')
        monitor = subprocess.Popen(
            ['dbus-monitor', '--session', "type='method_call',interface='org.freedesktop.Application'"],
            env=env, stdout=open(monitor_path, 'w'), stderr=subprocess.DEVNULL)
        processes.append(monitor)

        out_path = os.path.join(tmp, 'stdout')
        background = subprocess.Popen([TRUSTNET, '--database', db, '--background'],
                                      env=dict(env, TRUSTNET_NOW=MONDAY_AFTER_DUE),
                                      stdout=open(out_path, 'w'), stderr=subprocess.PIPE, text=True)
        processes.append(background)
        sent = wait_for(lambda: len(notify_calls(mock)) == 1, 10)
        check('the reminder is sent, suggesting Ada Lovelace',
              sent and 'Ada Lovelace' in notify_calls(mock)[0]['body'], repr(notify_calls(mock)))
        check('no TrustNet window runs yet', app_pid(bus) is None)

        # 1. No TrustNet running: the click starts it, then asks it to show Ada Lovelace.
        time.sleep(0.5)   # dbus-monitor is listening
        invoke(mock, 1, 'default')
        opened = wait_for(lambda: 'opened: Ada Lovelace' in read(out_path), 20)
        stdout = read(out_path)
        started_pid = app_pid(bus)
        check('the click starts TrustNet (its name is owned) and says so',
              started_pid is not None and 'starting TrustNet\n' in stdout, stdout)
        check('… the started app took the action: "opened: Ada Lovelace"', opened, stdout)
        monitored = read(monitor_path)
        check('… through ActivateAction("show-contact", [<int64 %s>]) to %s' % (ada, APP_ID),
              'member=ActivateAction' in monitored and 'string "show-contact"' in monitored and
              'int64 %s' % ada in monitored, monitored)
        time.sleep(1.5)   # the window has drawn the pane
        screenshot('open-contact-started.png')

        # 2. TrustNet already running: the same instance gets the action; nothing is started.
        invoke(mock, 1, 'default')
        opened_again = wait_for(lambda: read(out_path).count('opened: Ada Lovelace') == 2, 10)
        stdout = read(out_path)
        check('a second click reuses the running TrustNet',
              opened_again and stdout.count('starting TrustNet') == 1 and app_pid(bus) == started_pid,
              stdout)
        quit_app(bus)

        # 3. A window the person opened: the click goes to it.
        window = subprocess.Popen([TRUSTNET, '--database', db], env=dict(env, TRUSTNET_NOW=MONDAY_AFTER_DUE),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        processes.append(window)
        check('trustnet (the window) takes its bus name', wait_for(lambda: app_pid(bus) == window.pid, 15),
              repr(app_pid(bus)))
        time.sleep(1)
        invoke(mock, 1, 'default')
        opened_in_window = wait_for(lambda: read(out_path).count('opened: Ada Lovelace') == 3, 10)
        stdout = read(out_path)
        check('a click with the window open: it shows Ada Lovelace, nothing else is started',
              opened_in_window and stdout.count('starting TrustNet') == 1 and app_pid(bus) == window.pid,
              stdout)
        time.sleep(1.5)
        screenshot('open-contact-running.png')
        monitored = read(monitor_path)
        # The first click's first call found no one; its second went to the started app.
        check('four show-contact calls in all (the first found no TrustNet)',
              monitored.count('string "show-contact"') == 4, monitored)
        quit_app(bus)
        window.wait(timeout=5)
        processes.remove(window)

        background.send_signal(signal.SIGTERM)
        status = background.wait(timeout=5)
        processes.remove(background)
        stderr = background.stderr.read()
        check('--background: exit 0, nothing on stderr', status == 0 and stderr == '', '%r %s' % (status, stderr))
    finally:
        quit_app(bus)
        for process in processes:
            process.kill()
            process.wait()
        shutil.rmtree(tmp, ignore_errors=True)
        stop_mock_bus(server)

    return report_tap(results)


if __name__ == '__main__':
    sys.exit(main())
