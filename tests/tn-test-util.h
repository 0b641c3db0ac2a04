/* tn-test-util.h — what several test suites need: a scratch folder removed
 * afterwards, and a second program (the sqlite3 tool) reading the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  tn_test_remove_tree (const char *path);
char *tn_test_sqlite      (const char *path,
                           const char *sql);
char *tn_test_dump        (const char *path);

G_END_DECLS
