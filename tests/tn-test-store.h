/* tn-test-store.h — what the suites that test against a real store share: a store in a
 * scratch folder, and adding contacts and interactions that must succeed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-store.h"

G_BEGIN_DECLS

/**
 * TnTestStore:
 * @dir: the scratch folder, removed with everything in it by tn_test_store_close()
 * @path: the database file in it
 * @store: the store open on it
 */
typedef struct
{
  char *dir;
  char *path;
  TnStore *store;
} TnTestStore;

void       tn_test_store_open  (TnTestStore       *test_store,
                                const char        *prefix);
void       tn_test_store_close (TnTestStore       *test_store);

TnContact *tn_test_add_contact (TnStore           *store,
                                const char        *name,
                                TnTrust            trust);
void       tn_test_log         (TnStore           *store,
                                TnContact         *contact,
                                TnInteractionKind  kind,
                                const char        *day);

G_END_DECLS
