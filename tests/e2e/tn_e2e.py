# tests/e2e/tn_e2e.py — what the end-to-end tests share: the TAP report, the private
# bus with its mock notification server, running the real binary, reading the
# database with the sqlite3 tool, and a real CardDAV server (dav_server).
# SPDX-License-Identifier: GPL-3.0-or-later
import contextlib
import hashlib
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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


class DavServerMissing(Exception):
    """The server program of dav_server(kind) is not installed: skip the test."""


class DavServer:
    """A real CardDAV server on 127.0.0.1, a free port and a scratch folder (the twin of
    tests/tn-test-dav-server.c): Radicale with a plain htpasswd file, so it asks for the
    password; xandikos has no authentication and serves anyone."""

    def __init__(self, kind):
        self.kind = kind
        program = shutil.which(kind)
        if program is None:
            raise DavServerMissing('%s is not installed' % kind)
        self.dir = tempfile.mkdtemp(prefix='tn-dav-')
        with socket.socket() as probe:
            probe.bind(('127.0.0.1', 0))
            self.port = probe.getsockname()[1]
        self.url = 'http://127.0.0.1:%d/' % self.port
        self.user = 'tn-test'
        self.password = 'pw-%08x' % random.getrandbits(32)
        self.requires_auth = kind == 'radicale'
        self.default_book = None
        if kind == 'radicale':
            self.argv = [program, '--config', self._radicale_config()]
        else:
            self.default_book = self.url + 'user/contacts/addressbook/'
            self.argv = [program, '--defaults', '-d', os.path.join(self.dir, 'data'),
                         '-l', '127.0.0.1', '-p', str(self.port)]
        self.process = None

    def _radicale_config(self):
        users = os.path.join(self.dir, 'users')
        with open(users, 'w') as out:
            out.write('%s:%s\n' % (self.user, self.password))
        config = os.path.join(self.dir, 'config')
        with open(config, 'w') as out:
            out.write('[server]\nhosts = 127.0.0.1:%d\n'
                      '[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\ndelay = 0\n'
                      '[rights]\ntype = owner_only\n'
                      '[storage]\nfilesystem_folder = %s\n'
                      '[web]\ntype = none\n[logging]\nlevel = warning\n'
                      % (self.port, users, os.path.join(self.dir, 'collections')))
        return config

    def _answers(self):
        try:
            with socket.create_connection(('127.0.0.1', self.port), timeout=1):
                return True
        except OSError:
            return False

    def start(self):
        # HOME: xandikos's git library reads the user's git configuration.
        env = dict(os.environ, HOME=self.dir)
        env.pop('XDG_CONFIG_HOME', None)
        # Its log (xandikos logs every request) goes to a file, shown when it fails to start.
        log_path = os.path.join(self.dir, 'server.log')
        with open(log_path, 'ab') as log:
            self.process = subprocess.Popen(self.argv, env=env, stdout=log, stderr=log)
        if not wait_for(lambda: self._answers() or self.process.poll() is not None, 20) or not self._answers():
            with open(log_path) as log:
                raise RuntimeError('%s did not start on port %d:\n%s' % (self.kind, self.port, log.read()))

    def stop(self):
        """Stops the server; restart() brings it back on the same port with the same data."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def restart(self):
        self.stop()
        self.start()


@contextlib.contextmanager
def dav_server(kind):
    """A running DavServer of kind 'radicale' or 'xandikos', stopped and removed afterwards.
    Raises DavServerMissing when the program is not installed."""
    server = DavServer(kind)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.dir, ignore_errors=True)
