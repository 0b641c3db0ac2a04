/* tn-store-meta.c — the one way the store writes its `meta` table (settings kept as text
 * under a key: the reminder's state, dismissed duplicates, sync's view of the book).
 *
 * Every write of a meta row is a 'setting' in the change feed (the table's triggers), which
 * wakes other windows and moves the position sync sends from: a value is written only when
 * it changed, so saving the same state again leaves the database and the feed as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include "tn-store-internal.h"

/* Plain statements: an INSERT OR REPLACE or an upsert would hand its conflict policy down to
 * the feed's triggers (SQLite does), and REPLACE writes the row even when nothing changed. */
#define UPDATE_CHANGED "UPDATE meta SET value = ?2 WHERE key = ?1 AND value IS NOT ?2"
#define INSERT_MISSING "INSERT INTO meta (key, value) SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = ?1)"
#define DELETE_KEY     "DELETE FROM meta WHERE key = ?1"

static gboolean
run_statement (TnStore     *self,
               const char  *sql,
               const char  *key,
               const char  *value,
               GError     **error)
{
  sqlite3_stmt *statement = tn_db_cached (self->db, sql, error);

  if (statement == NULL)
    return FALSE;
  tn_db_bind_text (statement, 1, key);
  if (value != NULL)
    tn_db_bind_text (statement, 2, value);
  return tn_db_step_done (self->db, statement, error);
}

/* @value NULL removes the key. Inside or outside a transaction: the caller's. */
gboolean
_tn_store_set_meta (TnStore     *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  if (value == NULL)
    return run_statement (self, DELETE_KEY, key, NULL, error);

  return run_statement (self, UPDATE_CHANGED, key, value, error) &&
         (sqlite3_changes (self->db->handle) > 0 || run_statement (self, INSERT_MISSING, key, value, error));
}

/* The same with a number, written as decimal text. */
gboolean
_tn_store_set_meta_int (TnStore     *self,
                        const char  *key,
                        gint64       value,
                        GError     **error)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  return _tn_store_set_meta (self, key, text, error);
}
