/* tn-test-sync.h — sync in tests: a store set up against a test server, and what another
 * client does to the address book (delete a card), seen from the server; a progress
 * listener that keeps every call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"
#include "tn-test-dav-server.h"

G_BEGIN_DECLS

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
