/* tn-db.c — the SQLite plumbing under TnStore, its import writer and the dashboard figures,
 * written once so that every query fails the same way, with a message for the person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-db.h"
#include "tn-store.h"

/* How long a write waits for another program's lock before giving up
 * with a clear message instead of failing at once. */
#define BUSY_TIMEOUT_MS 2000

/* SQLite counts the memory it allocates under a global mutex unless told not to; nothing
 * here reads the counts, and an import's threads would wait on each other for them. This
 * must come before SQLite's first use. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/**
 * tn_db_open:
 * @path: an existing database file
 * @error: return location for a #GError
 *
 * Opens @path for reading and writing, never creating it: whoever calls this created the
 * file with the right permissions first.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with @error set
 */
TnDb *
tn_db_open (const char  *path,
            GError     **error)
{
  g_autoptr(TnDb) db = NULL;
  int result;

  g_return_val_if_fail (path != NULL, NULL);

  configure_sqlite ();

  db = g_new0 (TnDb, 1);
  db->path = g_strdup (path);
  result = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (result != SQLITE_OK)
    {
      tn_db_set_error (db, result, error);
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);

  /* Every write that fires the change feed's triggers keeps a statement journal; in a
   * file that is a write per page touched, 900,000 of them for an import of 20,000
   * cards (six times the time). In memory it costs a few pages per statement. */
  if (!tn_db_exec (db, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  return g_steal_pointer (&db);
}

/**
 * tn_db_close:
 * @db: (nullable) (transfer full): a connection
 *
 * Rolls back what was not committed, closes the connection and frees @db.
 */
void
tn_db_close (TnDb *db)
{
  if (db == NULL)
    return;

  /* SQLite refuses to close a connection whose statements are still alive. */
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    tn_db_rollback (db);
  g_clear_pointer (&db->handle, sqlite3_close);
  g_free (db->path);
  g_free (db);
}

/**
 * tn_db_set_error:
 * @db: the connection that failed
 * @result: the SQLite result code
 * @error: return location for a #GError
 *
 * Says in a #TnStoreError what went wrong and what the person can do about it.
 */
void
tn_db_set_error (TnDb    *db,
                 int      result,
                 GError **error)
{
  const char *path;
  int code = result & 0xff;

  g_return_if_fail (db != NULL);

  path = db->path;

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_BUSY,
                   _("The database %s is in use by another program; try again in a moment"),
                   path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be written; check that you may change it and its folder"),
                   path);
      break;
    case SQLITE_FULL:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_DISK_FULL,
                   _("The disk holding %s is full; nothing was changed"),
                   path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a TrustNet database, or it is damaged"),
                   path);
      break;
    default:
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_FAILED,
                   _("The database %s reported an error: %s"),
                   path, sqlite3_errstr (result));
      break;
    }
}

/**
 * tn_db_exec:
 * @db: an open #TnDb
 * @sql: statements with no parameters and no rows
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
tn_db_exec (TnDb        *db,
            const char  *sql,
            GError     **error)
{
  g_return_val_if_fail (db != NULL && db->handle != NULL, FALSE);

  if (sqlite3_exec (db->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      tn_db_set_error (db, sqlite3_extended_errcode (db->handle), error);
      return FALSE;
    }

  return TRUE;
}

/**
 * tn_db_prepare:
 * @db: an open #TnDb
 * @sql: one statement
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL with @error set
 */
sqlite3_stmt *
tn_db_prepare (TnDb        *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int result;

  g_return_val_if_fail (db != NULL && db->handle != NULL, NULL);

  result = sqlite3_prepare_v2 (db->handle, sql, -1, &statement, NULL);
  if (result != SQLITE_OK)
    {
      tn_db_set_error (db, result, error);
      return NULL;
    }

  return statement;
}

static void
statement_free (gpointer statement)
{
  sqlite3_finalize (statement);
}

/**
 * tn_db_cached:
 * @db: an open #TnDb
 * @sql: one statement, in memory that outlives @db: its address is the cache key
 * @error: return location for a #GError
 *
 * For statements run once per row of an import: preparing them costs more than running
 * them. The caller resets the statement when done with its rows.
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL with @error set
 */
sqlite3_stmt *
tn_db_cached (TnDb        *db,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (db != NULL && db->handle != NULL, NULL);

  if (db->statements == NULL)
    db->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);

  statement = g_hash_table_lookup (db->statements, sql);
  if (statement == NULL)
    {
      statement = tn_db_prepare (db, sql, error);
      if (statement != NULL)
        g_hash_table_insert (db->statements, (gpointer) sql, statement);
    }

  return statement;
}

/**
 * tn_db_reset_cached:
 * @db: an open #TnDb
 *
 * Resets every statement of the cache: one left mid-step keeps its transaction's read
 * lock after a rollback.
 */
void
tn_db_reset_cached (TnDb *db)
{
  GHashTableIter iter;
  gpointer statement;

  g_return_if_fail (db != NULL);

  if (db->statements == NULL)
    return;

  g_hash_table_iter_init (&iter, db->statements);
  while (g_hash_table_iter_next (&iter, NULL, &statement))
    sqlite3_reset (statement);
}

/**
 * tn_db_step_done:
 * @db: the connection of @statement
 * @statement: a statement that returns no rows
 * @error: return location for a #GError
 *
 * Runs @statement, then resets it for reuse.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
tn_db_step_done (TnDb          *db,
                 sqlite3_stmt  *statement,
                 GError       **error)
{
  int result;

  g_return_val_if_fail (db != NULL && statement != NULL, FALSE);

  result = sqlite3_step (statement);
  sqlite3_reset (statement);
  return tn_db_finished (db, result, error);
}

/**
 * tn_db_finished:
 * @db: the connection that stepped
 * @result: what the last sqlite3_step() returned
 * @error: return location for a #GError
 *
 * For the end of a loop over rows: anything but %SQLITE_DONE is a failure.
 *
 * Returns: %TRUE when the statement ran to its end, %FALSE with @error set
 */
gboolean
tn_db_finished (TnDb    *db,
                int      result,
                GError **error)
{
  g_return_val_if_fail (db != NULL && db->handle != NULL, FALSE);

  if (result == SQLITE_DONE)
    return TRUE;

  tn_db_set_error (db, sqlite3_extended_errcode (db->handle), error);
  return FALSE;
}

static void
bind_text_with (sqlite3_stmt            *statement,
                int                      index,
                const char              *text,
                sqlite3_destructor_type  destructor)
{
  if (text == NULL)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_text (statement, index, text, -1, destructor);
}

/**
 * tn_db_bind_text:
 * @statement: a statement
 * @index: the parameter, from 1
 * @text: (nullable): the value, copied; %NULL binds NULL
 */
void
tn_db_bind_text (sqlite3_stmt *statement,
                 int           index,
                 const char   *text)
{
  g_return_if_fail (statement != NULL);

  bind_text_with (statement, index, text, SQLITE_TRANSIENT);
}

/**
 * tn_db_bind_static:
 * @statement: a statement
 * @index: the parameter, from 1
 * @text: (nullable): the value, not copied; %NULL binds NULL
 *
 * For an import's hot path: @text must stay valid until @statement has run and its
 * bindings are cleared.
 */
void
tn_db_bind_static (sqlite3_stmt *statement,
                   int           index,
                   const char   *text)
{
  g_return_if_fail (statement != NULL);

  bind_text_with (statement, index, text, SQLITE_STATIC);
}

/**
 * tn_db_begin:
 * @db: an open #TnDb
 * @error: return location for a #GError
 *
 * Writes take the lock at the start, so a busy database fails before anything is
 * half-done, and wait BUSY_TIMEOUT_MS for it first.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
tn_db_begin (TnDb    *db,
             GError **error)
{
  g_return_val_if_fail (db != NULL && db->handle != NULL, FALSE);

  return tn_db_exec (db, "BEGIN IMMEDIATE", error);
}

/**
 * tn_db_commit:
 * @db: an open #TnDb inside a transaction
 * @error: return location for a #GError
 *
 * Commits, or rolls back when the commit fails, so the database is left as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
tn_db_commit (TnDb    *db,
              GError **error)
{
  g_return_val_if_fail (db != NULL && db->handle != NULL, FALSE);

  if (tn_db_exec (db, "COMMIT", error))
    return TRUE;

  tn_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * tn_db_rollback:
 * @db: an open #TnDb
 *
 * Rolls back the transaction in progress, if there is one.
 */
void
tn_db_rollback (TnDb *db)
{
  g_return_if_fail (db != NULL && db->handle != NULL);

  if (!sqlite3_get_autocommit (db->handle))
    tn_db_exec (db, "ROLLBACK", NULL);
}
