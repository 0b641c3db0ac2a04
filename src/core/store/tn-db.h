/* tn-db.h — the few SQLite habits every file of the store shares: one connection with its
 * path for messages, errors for people, statements prepared once, and transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* One connection, used by one thread. */
typedef struct
{
  sqlite3 *handle;
  char *path;             /* for messages */
  GHashTable *statements; /* static SQL text → its statement, prepared once */
} TnDb;

TnDb         *tn_db_open         (const char   *path,
                                  GError      **error);
void          tn_db_close        (TnDb         *db);

void          tn_db_set_error    (TnDb         *db,
                                  int           result,
                                  GError      **error);
gboolean      tn_db_exec         (TnDb         *db,
                                  const char   *sql,
                                  GError      **error);
sqlite3_stmt *tn_db_prepare      (TnDb         *db,
                                  const char   *sql,
                                  GError      **error);
sqlite3_stmt *tn_db_cached       (TnDb         *db,
                                  const char   *sql,
                                  GError      **error);
void          tn_db_reset_cached (TnDb         *db);
gboolean      tn_db_step_done    (TnDb         *db,
                                  sqlite3_stmt *statement,
                                  GError      **error);
gboolean      tn_db_finished     (TnDb         *db,
                                  int           result,
                                  GError      **error);
void          tn_db_bind_text    (sqlite3_stmt *statement,
                                  int           index,
                                  const char   *text);
void          tn_db_bind_static  (sqlite3_stmt *statement,
                                  int           index,
                                  const char   *text);

gboolean      tn_db_begin        (TnDb         *db,
                                  GError      **error);
gboolean      tn_db_commit       (TnDb         *db,
                                  GError      **error);
void          tn_db_rollback     (TnDb         *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnDb, tn_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
