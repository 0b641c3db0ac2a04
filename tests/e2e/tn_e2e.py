# tests/e2e/tn_e2e.py — what the end-to-end tests share: the TAP report, the private
# bus with its mock notification server, running the real binary, and reading the
# database with the sqlite3 tool.
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import os
import signal
import subprocess
import sys
import time

import dbus
import dbusmock

TRUSTNET = os.environ.get('TRUSTNET_BIN', 'trustnet')
NOTIFICATIONS = 'org.freedesktop.Notifications'
APP_ID = 'org.example.TrustNet'


def start_mock_bus():
    """Starts a private session bus with the notification_daemon mock on it.

    Returns (server process, mock interface, environment for children)."""
    dbusmock.DBusTestCase.start_session_bus()
    server, obj = dbusmock.DBusTestCase.spawn_server_template(
        'notification_daemon', {}, stdout=subprocess.PIPE)
    mock = dbus.Interface(obj, dbusmock.MOCK_IFACE)
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=os.environ['DBUS_SESSION_BUS_ADDRESS'])
    return server, mock, env


def stop_mock_bus(server):
    """Stops the notification_daemon mock and the private session bus."""
    server.terminate()
    server.wait()
    dbusmock.DBusTestCase.stop_dbus(dbusmock.DBusTestCase.session_bus_pid)


def run(env, *args, now):
    """Runs trustnet to the end with TRUSTNET_NOW=now."""
    return subprocess.run([TRUSTNET, *args], env=dict(env, TRUSTNET_NOW=now),
                          capture_output=True, text=True, timeout=20)


def setup(env, db, steps, now):
    """Runs trustnet --database db with each argument list of steps; raises on failure."""
    for args in steps:
        done = run(env, '--database', db, *args, now=now)
        if done.returncode != 0:
            raise RuntimeError('setup %s failed: %s' % (args, done.stderr))


def gen_vcards(path, n, *options):
    """Writes n generated cards to path with tests/tools/gen-vcards."""
    tool = os.environ.get('TRUSTNET_GEN_VCARDS',
                          os.path.join(os.path.dirname(__file__), '..', 'tools', 'gen-vcards'))
    with open(path, 'w') as out:
        subprocess.run([sys.executable, tool, str(n), *options], stdout=out, check=True)


def sql(db, query):
    return subprocess.run(['sqlite3', db, query], capture_output=True, text=True, timeout=10).stdout.strip()


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def app_id(db):
    """The application id of the one TrustNet of database db (src/tn-application.c):
    the default database has APP_ID, any other an id derived from its absolute path."""
    path = os.path.abspath(db)
    data_home = os.environ.get('XDG_DATA_HOME') or os.path.expanduser('~/.local/share')
    if path == os.path.join(data_home, 'trustnet', 'trustnet.db'):
        return APP_ID
    return APP_ID + '.Database_' + hashlib.sha256(path.encode()).hexdigest()[:16]


def app_path(name):
    return '/' + name.replace('.', '/')


def app_pid(bus, name=APP_ID):
    """The pid of the process owning the TrustNet bus name (app_id(db)), or None."""
    try:
        return int(bus.get_object('org.freedesktop.DBus', '/org/freedesktop/DBus').GetConnectionUnixProcessID(
            name, dbus_interface='org.freedesktop.DBus'))
    except dbus.exceptions.DBusException:
        return None


def quit_app(bus, name=APP_ID):
    """Asks the running TrustNet (app_id(db)) to quit (app.quit); kills it if it does not."""
    pid = app_pid(bus, name)
    if pid is None:
        return
    try:
        bus.get_object(name, app_path(name)).ActivateAction(
            'quit', dbus.Array([], signature='v'), dbus.Dictionary({}, signature='sv'),
            dbus_interface='org.freedesktop.Application')
    except dbus.exceptions.DBusException:
        pass
    if not wait_for(lambda: app_pid(bus, name) is None, 5):
        os.kill(pid, signal.SIGKILL)


def notify_calls(mock):
    """The recorded Notify calls as dicts: replaces_id, summary, body, actions (a dict)."""
    calls = []
    for _time, args in mock.GetMethodCalls('Notify'):
        app_name, replaces_id, icon, summary, body, actions, hints, _timeout = args
        calls.append({
            'app_name': str(app_name), 'replaces_id': int(replaces_id), 'icon': str(icon),
            'summary': str(summary), 'body': str(body),
            'actions': dict(zip([str(a) for a in actions[0::2]], [str(a) for a in actions[1::2]])),
            'hints': hints,
        })
    return calls


def invoke(mock, notification_id, action):
    """What a click on an action of the notification does: the server's ActionInvoked."""
    mock.EmitSignal(NOTIFICATIONS, 'ActionInvoked', 'us', [dbus.UInt32(notification_id), action])


def report_tap(results):
    """Prints (name, ok, detail) results as TAP; returns the exit status.

    A detail of ('skip', reason) with ok reports the test as skipped."""
    print('1..%d' % len(results))
    for number, (name, ok, detail) in enumerate(results, 1):
        if ok and isinstance(detail, tuple) and detail and detail[0] == 'skip':
            print('ok %d - %s # SKIP %s' % (number, name, detail[1]))
            continue
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        if not ok and detail:
            for line in str(detail).splitlines():
                print('# ' + line)
    return 0 if all(ok for _name, ok, _detail in results) else 1
