# tests/e2e/tn_e2e.py — what the end-to-end tests share: the TAP report and
# stopping the private bus with its mock notification server.
# SPDX-License-Identifier: GPL-3.0-or-later
import dbusmock


def stop_mock_bus(server):
    """Stops the notification_daemon mock and the private session bus."""
    server.terminate()
    server.wait()
    dbusmock.DBusTestCase.stop_dbus(dbusmock.DBusTestCase.session_bus_pid)


def report_tap(results):
    """Prints (name, ok, detail) results as TAP; returns the exit status."""
    print('1..%d' % len(results))
    for number, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        if not ok and detail:
            for line in str(detail).splitlines():
                print('# ' + line)
    return 0 if all(ok for _name, ok, _detail in results) else 1
