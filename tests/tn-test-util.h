/* tn-test-util.h — what several test suites need: a scratch folder removed afterwards, a
 * second program (the sqlite3 tool) reading the database, the real-world vCard corpus, and
 * local times written as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void   tn_test_init        (int                *argc,
                            char             ***argv);
void   tn_test_remove_tree (const char         *path);
char  *tn_test_sqlite      (const char         *path,
                            const char         *sql);
char  *tn_test_dump        (const char         *path);

char  *tn_test_real_dir    (void);
GFile *tn_test_real_files  (GPtrArray          *files);

void   tn_test_assert_strv (const char * const *strv,
                            ...) G_GNUC_NULL_TERMINATED;

GDateTime *tn_test_local_time (const char    *iso8601);

G_END_DECLS
