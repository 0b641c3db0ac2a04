#!/usr/bin/python3
# tests/tools/fake-dav-server.py — a broken CardDAV server for the transport's tests: what
# it does wrong depends on the first path segment. Prints its port, then serves until killed.
#   /error500/...      500 with a text/plain explanation
#   /garbage/...       207 Multi-Status whose body is not XML
#   /huge/...          207 with a 50 MB body (Content-Length given)
#   /huge-chunked/...  207 with a 50 MB body sent in chunks, no Content-Length
#   /bigcard/...       207 multistatus holding one card of 9 MB
#   /up-front/...      403 unless the request itself carries Basic credentials for someone:secret
#                      (no challenge first); with them, an empty sync-collection answer
#   /removed-then-full/...  a sync-collection answer telling that /removed-then-full/book/gone.vcf
#                      was deleted, then 507 (storage full) for every card sent: a sync that fails
#                      after removing a contact
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import http.server
import sys

HUGE = 50 * 1024 * 1024
CHUNK = 1024 * 1024
MESSAGE = b'The address book storage is full (quota exceeded).'
UP_FRONT = 'Basic ' + base64.b64encode(b'someone:secret').decode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def huge(self, chunked):
        self.send_response(207)
        self.send_header('Content-Type', 'application/xml; charset=utf-8')
        if chunked:
            self.send_header('Transfer-Encoding', 'chunked')
        else:
            self.send_header('Content-Length', str(HUGE))
        self.end_headers()
        block = b'<' * CHUNK
        try:
            for _ in range(HUGE // CHUNK):
                if chunked:
                    self.wfile.write(b'%x\r\n%s\r\n' % (CHUNK, block))
                else:
                    self.wfile.write(block)
            if chunked:
                self.wfile.write(b'0\r\n\r\n')
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def big_card(self):
        card = b'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:big\r\nFN:Big\r\nNOTE:' + b'x' * (9 * 1024 * 1024) + b'\r\nEND:VCARD\r\n'
        body = (b'<?xml version="1.0"?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
                b'<response><href>/bigcard/big.vcf</href><propstat><prop><getetag>"1"</getetag>'
                b'<C:address-data>' + card + b'</C:address-data></prop><status>HTTP/1.1 200 OK</status>'
                b'</propstat></response></multistatus>')
        self.answer(207, 'application/xml; charset=utf-8', body)

    def up_front(self):
        if self.headers.get('Authorization') != UP_FRONT:
            self.answer(403, 'text/plain; charset=utf-8', b'The credentials did not come with the request.')
            return
        self.answer(207, 'application/xml; charset=utf-8',
                    b'<?xml version="1.0"?><multistatus xmlns="DAV:"><sync-token>up-front/1</sync-token></multistatus>')

    def removed_then_full(self):
        if self.command != 'REPORT':
            self.answer(507, 'text/plain; charset=utf-8', MESSAGE)
            return
        self.answer(207, 'application/xml; charset=utf-8',
                    b'<?xml version="1.0"?><multistatus xmlns="DAV:"><response>'
                    b'<href>/removed-then-full/book/gone.vcf</href><status>HTTP/1.1 404 Not Found</status>'
                    b'</response><sync-token>removed-then-full/2</sync-token></multistatus>')

    def handle_any(self):
        length = int(self.headers.get('Content-Length') or 0)
        if length:
            self.rfile.read(length)
        kind = self.path.strip('/').split('/')[0]
        if kind == 'error500':
            self.answer(500, 'text/plain; charset=utf-8', MESSAGE)
        elif kind == 'garbage':
            self.answer(207, 'application/xml; charset=utf-8', b'\x00\x01 this is <not xml &&& at all')
        elif kind == 'huge':
            self.huge(chunked=False)
        elif kind == 'huge-chunked':
            self.huge(chunked=True)
        elif kind == 'bigcard':
            self.big_card()
        elif kind == 'up-front':
            self.up_front()
        elif kind == 'removed-then-full':
            self.removed_then_full()
        else:
            self.answer(404, 'text/plain', b'no such test')

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCOL = do_OPTIONS = handle_any


def main():
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == '__main__':
    sys.exit(main())
