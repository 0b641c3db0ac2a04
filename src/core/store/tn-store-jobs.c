/* tn-store-jobs.c — the job changes imports record (see tn_import_writer_record_job_change()):
 * listing them for the dashboard, the history and the command line, dismissing them, and
 * taking them back with their import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-store-internal.h"
#include "tn-store-jobs.h"
#include "tn-store-reader-private.h"

/* The columns read_job_change() reads, in its order. 1s first, then 2s and 3s, unrated
 * last; the newest first within a rating. */
/* CROSS JOIN reads the job changes first, each contact by its id: with no statistics on
 * job_changes SQLite would otherwise walk all 100,000 contacts for a handful of changes. */
#define JOB_CHANGES_QUERY \
  "SELECT j.id, j.contact_id, c.uid, c.full_name, c.trust, j.from_organization, j.from_title," \
  "       j.to_organization, j.to_title, j.noticed_on, j.dismissed_at IS NOT NULL" \
  "  FROM job_changes AS j CROSS JOIN contacts AS c ON c.id = j.contact_id" \
  " WHERE c.removed_at IS NULL "
#define JOB_CHANGES_ORDER \
  " ORDER BY CASE c.trust WHEN 0 THEN 9 ELSE c.trust END, j.noticed_on DESC, j.id DESC"

void
tn_job_change_free (TnJobChange *change)
{
  if (change == NULL)
    return;

  g_free (change->uid);
  g_free (change->name);
  g_free (change->from_organization);
  g_free (change->from_title);
  g_free (change->to_organization);
  g_free (change->to_title);
  g_free (change->noticed_on);
  g_free (change);
}

/**
 * tn_job_change_describe_job:
 * @organization: (nullable): where someone works
 * @title: (nullable): as what
 *
 * Returns: (transfer full): the job in words: "CTO at Initech", "Initech", "CTO", or
 *   "no job given" when both are %NULL
 */
char *
tn_job_change_describe_job (const char *organization,
                            const char *title)
{
  if (organization != NULL && title != NULL)
    /* TRANSLATORS: a job: "CTO at Initech" */
    return g_strdup_printf (_("%s at %s"), title, organization);
  if (organization != NULL || title != NULL)
    return g_strdup (organization != NULL ? organization : title);

  return g_strdup (_("no job given"));
}

static TnJobChange *
read_job_change (sqlite3_stmt *statement)
{
  TnJobChange *change = g_new0 (TnJobChange, 1);
  int trust = sqlite3_column_int (statement, 4);

  change->id = sqlite3_column_int64 (statement, 0);
  change->contact_id = sqlite3_column_int64 (statement, 1);
  change->uid = g_strdup ((const char *) sqlite3_column_text (statement, 2));
  change->name = g_strdup ((const char *) sqlite3_column_text (statement, 3));
  change->trust = tn_trust_is_valid (trust) ? (TnTrust) trust : TN_TRUST_UNRATED;
  change->from_organization = g_strdup ((const char *) sqlite3_column_text (statement, 5));
  change->from_title = g_strdup ((const char *) sqlite3_column_text (statement, 6));
  change->to_organization = g_strdup ((const char *) sqlite3_column_text (statement, 7));
  change->to_title = g_strdup ((const char *) sqlite3_column_text (statement, 8));
  change->noticed_on = g_strdup ((const char *) sqlite3_column_text (statement, 9));
  change->dismissed = sqlite3_column_int (statement, 10) != 0;

  return change;
}

static GPtrArray *
list_job_changes (TnDb        *db,
                  const char  *sql,
                  gint64       contact_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (db, sql, error);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_job_change_free);
  int result;

  if (statement == NULL)
    return NULL;

  if (contact_id > 0)
    sqlite3_bind_int64 (statement, 1, contact_id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (changes, read_job_change (statement));

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (db, sqlite3_extended_errcode (db->handle), error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/* tn_store_list_job_changes() on a connection of a worker's own. */
GPtrArray *
_tn_store_list_job_changes_on (TnDb               *db,
                               TnJobChangesFlags   flags,
                               GError            **error)
{
  if (flags & TN_JOB_CHANGES_FLAGS_NOT_DISMISSED)
    return list_job_changes (db, JOB_CHANGES_QUERY "AND j.dismissed_at IS NULL" JOB_CHANGES_ORDER, 0, error);

  return list_job_changes (db, JOB_CHANGES_QUERY JOB_CHANGES_ORDER, 0, error);
}

/**
 * tn_store_list_job_changes:
 * @self: a store
 * @flags: which
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TnJobChange) (nullable): the job changes of the
 *   contacts in the list, 1s first, then 2s, 3s and unrated; the newest first within each
 */
GPtrArray *
tn_store_list_job_changes (TnStore            *self,
                           TnJobChangesFlags   flags,
                           GError            **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _tn_store_list_job_changes_on (self->db, flags, error);
}

/**
 * tn_store_list_contact_job_changes:
 * @self: a store
 * @contact: a contact of @self
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TnJobChange) (nullable): @contact's job changes,
 *   the newest first, dismissed ones included: they are part of the contact's history
 */
GPtrArray *
tn_store_list_contact_job_changes (TnStore    *self,
                                   TnContact  *contact,
                                   GError    **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_job_changes (self->db,
                           JOB_CHANGES_QUERY "AND j.contact_id = ?1 ORDER BY j.noticed_on DESC, j.id DESC",
                           tn_contact_get_id (contact), error);
}

/**
 * tn_store_dismiss_job_change:
 * @self: a store
 * @id: a job change's id
 * @error: return location for a #GError: %TN_STORE_ERROR_NOT_FOUND when there is no such
 *   change (its import was undone meanwhile)
 *
 * Takes a job change off the dashboard; the contact's history keeps it.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_dismiss_job_change (TnStore  *self,
                             gint64    id,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  statement = tn_db_prepare (self->db,
                             "UPDATE job_changes SET dismissed_at = coalesce (dismissed_at, ?2) WHERE id = ?1",
                             error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  sqlite3_bind_int64 (statement, 2, _tn_store_now_unix ());
  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;

  if (sqlite3_changes (self->db->handle) == 0)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("That job change is no longer there; nothing was changed"));
      return FALSE;
    }

  return TRUE;
}

/* Inside undo_batch()'s transaction: each job change of the batch, the newest first, gives
 * the contact back the organization and title it had, unless the person edited them
 * since; then the changes are gone. */
gboolean
_tn_store_take_back_job_changes (TnStore  *self,
                                 gint64    batch_id,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) restore = NULL;
  g_autoptr(sqlite3_stmt) forget = NULL;

  restore = tn_db_prepare (self->db,
                           /* Back to before the batch's first change of a contact, when the
                            * contact is as its last change left it. */
                           "UPDATE contacts SET organization = first.from_organization, title = first.from_title"
                           "  FROM (SELECT contact_id, min (id) AS first_id, max (id) AS last_id"
                           "          FROM job_changes WHERE batch_id = ?1 GROUP BY contact_id) AS j"
                           "  JOIN job_changes AS first ON first.id = j.first_id"
                           "  JOIN job_changes AS last ON last.id = j.last_id"
                           " WHERE contacts.id = j.contact_id"
                           "   AND contacts.organization IS last.to_organization AND contacts.title IS last.to_title",
                           error);
  if (restore == NULL)
    return FALSE;

  sqlite3_bind_int64 (restore, 1, batch_id);
  if (!tn_db_step_done (self->db, restore, error))
    return FALSE;

  forget = tn_db_prepare (self->db, "DELETE FROM job_changes WHERE batch_id = ?1", error);
  if (forget == NULL)
    return FALSE;

  sqlite3_bind_int64 (forget, 1, batch_id);
  return tn_db_step_done (self->db, forget, error);
}
