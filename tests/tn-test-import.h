/* tn-test-import.h — what the import, duplicate, merge and export suites share: files
 * written to a scratch folder, imports that must succeed, and reading back what they did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-importer.h"
#include "tn-store.h"
#include "tn-vcard.h"
#include "tn-test-store.h"
#include "tn-test-util.h"

G_BEGIN_DECLS

/* Ada (every field), Grace (an email) and Alan (vCard 2.1, no FN, no UID). */
extern const char tn_test_three_cards[];

char               *tn_test_write_file   (const char          *dir,
                                          const char          *name,
                                          const char          *data,
                                          gssize               len);
TnImportResult     *tn_test_import_paths (TnStore             *store,
                                          const char          *first,
                                          ...) G_GNUC_NULL_TERMINATED;
TnImportResult     *tn_test_import_text  (TnTestStore         *test_store,
                                          const char          *name,
                                          const char          *text);
TnImportFileResult *tn_test_file_result  (TnImportResult      *result,
                                          guint                index);

guint               tn_test_n_contacts   (TnStore             *store);
TnContact          *tn_test_contact_at   (TnStore             *store,
                                          guint                index);
TnContact          *tn_test_lookup       (TnStore             *store,
                                          const char          *who);
TnContact          *tn_test_add_person   (TnStore             *store,
                                          const char          *full_name,
                                          const char          *email,
                                          const char          *phone);

void                tn_test_assert_query (const char          *path,
                                          const char          *sql,
                                          const char          *expected);

/* Cards hold GStrv; the shared check takes what contacts return. */
#define tn_test_assert_gstrv(strv, ...) tn_test_assert_strv ((const char * const *) (strv), __VA_ARGS__)

GPtrArray          *tn_test_parse_vcard_bytes       (const char   *data,
                                                     gsize         len,
                                                     GPtrArray   **problems);
GPtrArray          *tn_test_parse_vcard_text        (const char   *text,
                                                     GPtrArray   **problems);
TnVcardCard        *tn_test_card_at                 (GPtrArray    *cards,
                                                     guint         index);
gboolean            tn_test_has_problem_at          (GPtrArray    *problems,
                                                     guint         line,
                                                     const char   *words);
void                tn_test_assert_one_card_and_skip (GPtrArray  *cards,
                                                      const char *name,
                                                      GPtrArray  *problems,
                                                      guint       line,
                                                      const char *words);
char               *tn_test_kept_value              (const char   *vcard,
                                                     const char   *name);
gsize               tn_test_kept_photo_size         (const char   *vcard);
void                tn_test_assert_card_round_trips (TnVcardCard  *card);

G_END_DECLS
