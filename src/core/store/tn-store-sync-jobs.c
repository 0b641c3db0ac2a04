/* tn-store-sync-jobs.c — a contact's job changes as sync carries them: read from the
 * job_changes table with the id every machine gives them (tn_sync_job_change_new()), and
 * written back as a sync left them, matched by that id, inside the contact's transaction.
 *
 * The table has no column for the id: it is made of the jobs themselves, so rows written
 * by imports before sync existed have it too, and no migration was needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include "tn-store-internal.h"
#include "tn-store-sync-private.h"

/* The columns read_row() reads, in its order. */
#define JOB_CHANGE_COLUMNS \
  "id, from_organization, from_title, to_organization, to_title, noticed_on, coalesce (dismissed_at, 0)"

/* One row, as sync carries it. */
static TnSyncJobChange *
read_row (sqlite3_stmt *statement)
{
  TnSyncJobChange *change = tn_sync_job_change_new ((const char *) sqlite3_column_text (statement, 1),
                                                    (const char *) sqlite3_column_text (statement, 2),
                                                    (const char *) sqlite3_column_text (statement, 3),
                                                    (const char *) sqlite3_column_text (statement, 4),
                                                    (const char *) sqlite3_column_text (statement, 5));

  change->dismissed_at = sqlite3_column_int64 (statement, 6);
  return change;
}

/* The rows of contact @id: their row ids in @row_ids (nullable), the job changes in
 * @changes, in the same order. Read whole before anything is written: a table changed
 * while a SELECT walks it may be walked in any way. */
static gboolean
read_rows (TnStore    *self,
           gint64      id,
           GArray     *row_ids,
           GPtrArray  *changes,
           GError    **error)
{
  sqlite3_stmt *statement =
    tn_db_cached (self->db, "SELECT " JOB_CHANGE_COLUMNS " FROM job_changes WHERE contact_id = ?1 ORDER BY id", error);
  gboolean ok;
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (statement, 0);

      if (row_ids != NULL)
        g_array_append_val (row_ids, row_id);
      g_ptr_array_add (changes, read_row (statement));
    }

  ok = tn_db_finished (self->db, result, error);
  sqlite3_reset (statement);
  return ok;
}

/**
 * _tn_store_sync_read_job_changes:
 * @self: a store
 * @id: a contact's row id
 * @contact: where the job changes go
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_tn_store_sync_read_job_changes (TnStore        *self,
                                 gint64          id,
                                 TnSyncContact  *contact,
                                 GError        **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  if (!read_rows (self, id, NULL, changes, error))
    {
      g_ptr_array_set_free_func (changes, (GDestroyNotify) tn_sync_job_change_free);
      return FALSE;
    }

  /* Two rows of one change (the same move made twice) are one job change. */
  for (guint i = 0; i < changes->len; i++)
    tn_sync_job_changes_add (contact->job_changes, g_ptr_array_index (changes, i));
  return TRUE;
}

/* ---- writing ------------------------------------------------------------------------- */

static const TnSyncJobChange *
find_change (const TnSyncContact *contact,
             const char          *id)
{
  for (guint i = 0; i < contact->job_changes->len; i++)
    {
      const TnSyncJobChange *change = g_ptr_array_index (contact->job_changes, i);

      if (g_str_equal (change->id, id))
        return change;
    }

  return NULL;
}

static gboolean
run_statement (TnStore                *self,
               const char             *sql,
               gint64                  id,
               const TnSyncJobChange  *change,
               GError                **error)
{
  sqlite3_stmt *statement = tn_db_cached (self->db, sql, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  if (change != NULL)
    {
      tn_db_bind_text (statement, 2, change->from_organization);
      tn_db_bind_text (statement, 3, change->from_title);
      tn_db_bind_text (statement, 4, change->to_organization);
      tn_db_bind_text (statement, 5, change->to_title);
      tn_db_bind_text (statement, 6, change->noticed_on);
      if (change->dismissed_at != 0)
        sqlite3_bind_int64 (statement, 7, change->dismissed_at);
      else
        sqlite3_bind_null (statement, 7);
    }
  return tn_db_step_done (self->db, statement, error);
}

/* A row the sync's list has is made the same as it (the day and spelling both machines
 * keep, the dismissal); a second row of an id already kept, or one the list no longer has
 * (its import undone on another machine), goes. */
static gboolean
write_row (TnStore                *self,
           gint64                  row_id,
           const TnSyncJobChange  *row,
           const TnSyncContact    *contact,
           GHashTable             *kept,
           GError                **error)
{
  const TnSyncJobChange *wanted = find_change (contact, row->id);

  if (wanted == NULL || g_hash_table_contains (kept, wanted->id))
    return run_statement (self, "DELETE FROM job_changes WHERE id = ?1", row_id, NULL, error);

  g_hash_table_add (kept, wanted->id);
  if (tn_sync_job_change_equal (row, wanted))
    return TRUE;

  return run_statement (self,
                        "UPDATE job_changes SET from_organization = ?2, from_title = ?3, to_organization = ?4,"
                        " to_title = ?5, noticed_on = ?6, dismissed_at = ?7 WHERE id = ?1",
                        row_id, wanted, error);
}

/**
 * _tn_store_sync_write_job_changes:
 * @self: a store, inside a transaction
 * @id: a contact's row id
 * @contact: the contact as the sync leaves it
 * @error: return location for a #GError
 *
 * Makes the contact's job changes those of @contact: rows matched by id are changed to
 * match, missing ones added (with no import batch: an Undo here does not take back what
 * another machine's import noticed), the others deleted.
 *
 * Returns: %TRUE on success
 */
gboolean
_tn_store_sync_write_job_changes (TnStore              *self,
                                  gint64                id,
                                  const TnSyncContact  *contact,
                                  GError              **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_sync_job_change_free);

  if (!read_rows (self, id, row_ids, rows, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (!write_row (self, g_array_index (row_ids, gint64, i), g_ptr_array_index (rows, i), contact, kept, error))
      return FALSE;

  for (guint i = 0; i < contact->job_changes->len; i++)
    {
      const TnSyncJobChange *change = g_ptr_array_index (contact->job_changes, i);

      if (!g_hash_table_contains (kept, change->id) &&
          !run_statement (self,
                          "INSERT INTO job_changes (contact_id, from_organization, from_title, to_organization,"
                          "                         to_title, noticed_on, dismissed_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          id, change, error))
        return FALSE;
    }

  return TRUE;
}
