#!/usr/bin/python3
# tests/bench/bench-carddav.py — the CardDAV transport against a local Radicale holding N
# cards (default 10,000), next to the floor measured in the same run: one bare
# addressbook-multiget of every card with curl. Prints the figures and their ratios.
#
#   python3 tests/bench/bench-carddav.py [N] [BUILD-DIR]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
import tn_e2e  # noqa: E402

CARD = ('BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-{n}\r\nFN:Person {n}\r\nN:{n};Person;;;\r\n'
        'EMAIL:person{n}@example.org\r\nTEL:+49 30 {n:07d}\r\nORG:Company {m}\r\n'
        'NOTE:Met at a conference; likes long lunches.\r\nEND:VCARD\r\n')


def fill_book(server, n):
    """Writes the address book straight into Radicale's folder: n PUTs would take minutes."""
    book = os.path.join(server.dir, 'collections', 'collection-root', server.user, 'bench')
    os.makedirs(book)
    with open(os.path.join(book, '.Radicale.props'), 'w') as props:
        json.dump({'tag': 'VADDRESSBOOK', 'D:displayname': 'Bench'}, props)
    for i in range(n):
        with open(os.path.join(book, 'bench-%d.vcf' % i), 'w', newline='') as card:
            card.write(CARD.format(n=i, m=i % 97))
    return server.url + server.user + '/bench/'


def curl(server, book_url, method, depth, body):
    done = subprocess.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}',
                           '-u', '%s:%s' % (server.user, server.password), '-X', method,
                           '-H', 'Depth: ' + depth, '-H', 'Content-Type: application/xml; charset=utf-8',
                           '--data-binary', body, book_url],
                          capture_output=True, text=True, check=True)
    if done.stdout != '207':
        raise RuntimeError('curl %s answered %s' % (method, done.stdout))


def warm_up(server, book_url):
    curl(server, book_url, 'PROPFIND', '1', '<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>')
    curl(server, book_url, 'REPORT', '0',
         '<sync-collection xmlns="DAV:"><sync-token/><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>')


def curl_multiget(server, book_url, n):
    path = book_url[len(server.url) - 1:]
    body = ['<?xml version="1.0" encoding="utf-8"?>',
            '<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">',
            '<D:prop><D:getetag/><C:address-data/></D:prop>']
    body += ['<D:href>%sbench-%d.vcf</D:href>' % (path, i) for i in range(n)]
    body.append('</C:addressbook-multiget>')
    request = os.path.join(server.dir, 'multiget.xml')
    with open(request, 'w') as out:
        out.write('\n'.join(body))
    start = time.monotonic()
    done = subprocess.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}',
                           '-u', '%s:%s' % (server.user, server.password), '-X', 'REPORT',
                           '-H', 'Depth: 1', '-H', 'Content-Type: application/xml; charset=utf-8',
                           '--data-binary', '@' + request, book_url],
                          capture_output=True, text=True, check=True)
    elapsed = (time.monotonic() - start) * 1000
    status, size = done.stdout.split()
    if status != '207':
        raise RuntimeError('curl multiget answered %s' % status)
    return elapsed, int(size)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    build = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', '_build')
    program = os.path.join(build, 'tests', 'bench', 'bench-carddav')
    with tn_e2e.dav_server('radicale') as server:
        book_url = fill_book(server, n)
        # The first requests after the files appear make Radicale build its caches (item
        # cache, sync history): not part of any figure.
        warm_up(server, book_url)
        floor, size = curl_multiget(server, book_url, n)
        done = subprocess.run([program, book_url, server.user, server.password],
                              capture_output=True, text=True, check=True,
                              env=dict(os.environ, GIO_USE_PROXY_RESOLVER='dummy'))
        print('cards %d, one bare multiget with curl: %.0f ms (%.1f MB)' % (n, floor, size / 1e6))
        for line in done.stdout.splitlines():
            name, ms, count = line.split()
            print('%-32s %8.0f ms  %6s items  %.2fx the curl multiget' % (name, float(ms), count, float(ms) / floor))


if __name__ == '__main__':
    main()
