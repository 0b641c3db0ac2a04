/* tn-test-dav-server.h — a real CardDAV server for a test: Radicale or xandikos on
 * 127.0.0.1, a free port and a scratch folder, started and stopped by the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _TnTestDavServer TnTestDavServer;

/* kind: "radicale" or "xandikos"; 127.0.0.1, a free port, a temp folder, authentication required
 * (radicale --auth-type htpasswd, plain htpasswd file); returns NULL and skips the test
 * (g_test_skip) only if the server program is missing.
 * xandikos has no authentication of its own: it serves anyone, so the user and password are
 * only carried along (libsoup sends them only when challenged). Test refusals on Radicale. */
TnTestDavServer *tn_test_dav_server_start (const char *kind);
const char *tn_test_dav_server_get_url (TnTestDavServer *);      /* server root, e.g. http://127.0.0.1:PORT/ */
const char *tn_test_dav_server_get_user (TnTestDavServer *);
const char *tn_test_dav_server_get_password (TnTestDavServer *);
void tn_test_dav_server_stop (TnTestDavServer *);    /* can be restarted with _restart() on the same port and data */
void tn_test_dav_server_restart (TnTestDavServer *);
void tn_test_dav_server_free (TnTestDavServer *);

/* Whether the server asks for a password (Radicale does, xandikos does not). */
gboolean tn_test_dav_server_requires_auth (TnTestDavServer *);
/* The same, Radicale logging each request's XML too (its level "debug"). */
TnTestDavServer *tn_test_dav_server_start_logging_bodies (const char *kind);
/* Radicale's log since it (re)started (a file; "info": a line for each request). */
char *tn_test_dav_server_read_log (TnTestDavServer *);
/* The requests Radicale logged since it (re)started. */
guint tn_test_dav_server_count_requests (TnTestDavServer *);
/* The scratch folder the server keeps its data in. */
const char *tn_test_dav_server_get_folder (TnTestDavServer *);
/* The address book xandikos makes with --defaults, or NULL (Radicale starts empty). */
const char *tn_test_dav_server_get_default_book (TnTestDavServer *);

/* A launcher whose children get SIGTERM when the test process dies (a failed assertion
 * aborts it): no server outlives its test and holds the test runner's output open. */
GSubprocessLauncher *tn_test_server_launcher_new (GSubprocessFlags flags);

/* tests/tools/fake-dav-server.py started, with its URL ("http://127.0.0.1:PORT/"): a
 * server broken in the way each first path segment says. Stop it with SIGTERM. */
GSubprocess *tn_test_fake_dav_server_start (char **url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnTestDavServer, tn_test_dav_server_free)

G_END_DECLS
