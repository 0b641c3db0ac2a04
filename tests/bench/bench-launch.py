#!/usr/bin/python3
# tests/bench/bench-launch.py — what starting TrustNet's programs costs, in CPU time (user +
# system of the whole process, which a busy machine disturbs far less than wall-clock time):
#   --version and --list --json (a small database): `trustnet`, which links no GTK, against
#     the floor of a program that links only GLib and GIO (`gio version`);
#   the window, launch to first frame (then it quits): `trustnet`, which execs
#     `trustnet-window`, against `trustnet-window` started directly: the exec's price.
# Every command runs once a round, in turn, RUNS rounds; medians. Prints figures; asserts
# nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-launch.py [BUILD_DIR] [RUNS]      (default _build, 20 runs)
# BENCH_BEFORE=OTHER_BUILD_DIR runs that build's `trustnet` in the same rounds (say, one
# from before a change) and prints its figures beside this build's.
# The window needs a display: without one, only the command line is measured (run it under
# xvfb-run -a dbus-run-session for both).
import os
import statistics
import subprocess
import sys
import tempfile

source_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(source_dir, '_build'))
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
before_dir = os.environ.get('BENCH_BEFORE')


def cpu_ms(argv, env):
    """Runs argv to its end; its user + system CPU time in milliseconds."""
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit('bench-launch: %s exited with %d' % (' '.join(argv), process.returncode))
    return (usage.ru_utime + usage.ru_stime) * 1000


def main():
    trustnet = os.path.join(build_dir, 'src', 'trustnet')
    before = os.path.join(os.path.abspath(before_dir), 'src', 'trustnet') if before_dir else None
    work = tempfile.mkdtemp(prefix='bench-launch-')
    database = os.path.join(work, 'small.db')
    before_database = os.path.join(work, 'small-before.db')
    # Each build fills a database of its own: an older one cannot open a newer schema.
    for program, path in ((trustnet, database), (before, before_database)):
        if program:
            subprocess.run([sys.executable, os.path.join(source_dir, 'tests', 'bench', 'populate.py'), program,
                            path, '100'], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=os.path.join(build_dir, 'data'), GSETTINGS_BACKEND='memory',
               NO_AT_BRIDGE='1')
    window_env = dict(env, TRUSTNET_BENCH_FIRST_FRAME='quit')

    commands = {
        'floor: gio version (GLib and GIO only)': (['gio', 'version'], env),
        'trustnet --version': ([trustnet, '--version'], env),
        'trustnet --list --json, 100 contacts': ([trustnet, '--database', database, '--list', '--json'], env),
    }
    if before:
        commands['before: trustnet --version'] = ([before, '--version'], env)
        commands['before: trustnet --list --json'] = ([before, '--database', before_database, '--list', '--json'], env)
    if os.environ.get('DISPLAY'):
        commands['window to first frame: trustnet (exec)'] = ([trustnet, '--database', database], window_env)
        commands['window to first frame: trustnet-window'] = ([trustnet + '-window', '--database', database],
                                                              window_env)
        if before:
            commands['before: window to first frame'] = ([before, '--database', before_database], window_env)
    else:
        print('no display: the window is not measured (run under xvfb-run -a dbus-run-session)')

    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, command_env) in commands.items():
            times[name].append(cpu_ms(argv, command_env))

    print('CPU time (user + system), medians of %d runs, in turn; load %s'
          % (runs, ' '.join(open('/proc/loadavg').read().split()[:3])))
    for name, values in times.items():
        print('  %-45s %7.1f ms' % (name, statistics.median(values)))
    floor = statistics.median(times['floor: gio version (GLib and GIO only)'])
    print('  trustnet --version / floor: %.2f' % (statistics.median(times['trustnet --version']) / floor))
    if os.environ.get('DISPLAY'):
        print('  window: trustnet / trustnet-window: %.3f'
              % (statistics.median(times['window to first frame: trustnet (exec)'])
                 / statistics.median(times['window to first frame: trustnet-window'])))
    subprocess.run(['rm', '-rf', work], check=True)


main()
