/* tn-test-sync.h — sync in tests: a store set up against a test server, and what another
 * client does to the address book (delete a card), seen from the server; a progress
 * listener that keeps every call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"
#include "tn-sync.h"
#include "tn-test-dav-server.h"
#include "tn-test-store.h"

G_BEGIN_DECLS

/* Two machines' stores and the server between them: a GTest fixture's core. server is
 * NULL (the test skipped) when the server program is missing. */
typedef struct
{
  TnTestDavServer *server;
  TnTestStore a;
  TnTestStore b;
} TnTestSyncPair;

void      tn_test_sync_pair_open       (TnTestSyncPair  *pair,
                                        TnTestDavServer *server,
                                        const char      *prefix);
void      tn_test_sync_pair_close      (TnTestSyncPair  *pair);
/* One sync of @store that must succeed; clear the report with tn_sync_report_clear(). */
TnSyncReport tn_test_sync_run          (TnTestDavServer *server,
                                        TnStore         *store);

char     *tn_test_sync_set_up          (TnTestDavServer *server,
                                        TnStore         *store);
char     *tn_test_sync_get_href        (TnStore         *store,
                                        const char      *uid);
void      tn_test_sync_delete_card     (TnTestDavServer *server,
                                        TnStore         *store,
                                        const char      *uid);
gboolean  tn_test_sync_server_has_card (TnTestDavServer *server,
                                        TnStore         *store,
                                        const char      *href);
void      tn_test_sync_record_progress (guint            received,
                                        guint            total,
                                        gpointer         calls);

G_END_DECLS
