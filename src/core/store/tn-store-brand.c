/* tn-store-brand.c — who you are, in TnStore: brand statement versions, who heard the
 * statement, and linchpin self-checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-brand.h"
#include "tn-store-internal.h"

void
tn_brand_version_free (TnBrandVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->text);
  g_free (version);
}

static TnBrandVersion *
brand_version_from_row (sqlite3_stmt *statement)
{
  TnBrandVersion *version = g_new0 (TnBrandVersion, 1);

  version->id = sqlite3_column_int64 (statement, 0);
  version->text = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  version->created_at = sqlite3_column_int64 (statement, 2);
  return version;
}

/* Reads the versions newest first, at most @limit of them (-1 for all). Versions are
 * ordered by id, not by date: TRUSTNET_NOW or a clock change may set dates back. */
static GPtrArray *
read_brand_versions (TnStore  *self,
                     int       limit,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_brand_version_free);
  int result;

  statement = tn_db_prepare (self->db, "SELECT id, text, created_at FROM brand_statements ORDER BY id DESC LIMIT ?1", error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int (statement, 1, limit);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (versions, brand_version_from_row (statement));

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/**
 * tn_store_get_current_brand_statement:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the newest saved version, or %NULL: with @error set
 *   on failure, without when no statement was ever saved
 */
TnBrandVersion *
tn_store_get_current_brand_statement (TnStore  *self,
                                      GError  **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  versions = read_brand_versions (self, 1, error);
  if (versions == NULL || versions->len == 0)
    return NULL;

  return g_ptr_array_steal_index (versions, 0);
}

/**
 * tn_store_list_brand_statements:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type TnBrandVersion) (nullable): every saved
 *   version, newest (the current one) first, or %NULL with @error set
 */
GPtrArray *
tn_store_list_brand_statements (TnStore  *self,
                                GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_brand_versions (self, -1, error);
}

/**
 * tn_store_save_brand_statement:
 * @self: a store
 * @text: the statement; white space is cleaned up as tn_brand_clean_text() does
 * @id_out: (out) (optional): the current version's id afterwards
 * @error: return location for a #GError
 *
 * Saves @text as a new version, which becomes the current one. Saving the text of the
 * current version again writes nothing and succeeds. An empty statement, or one longer
 * than %TN_BRAND_MAX_CHARS characters, is refused with %TN_STORE_ERROR_INVALID.
 * Emits #TnStore::brand-changed after a new version is committed.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_save_brand_statement (TnStore     *self,
                               const char  *text,
                               gint64      *id_out,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem = tn_brand_find_problem (text);
  if (problem != NULL)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  clean = tn_brand_clean_text (text);

  if (!tn_db_begin (self->db, error))
    return FALSE;

  /* Read under the lock, so two processes saving the same text make one version. */
  current = read_brand_versions (self, 1, error);
  if (current == NULL)
    goto failed;

  if (current->len > 0 && g_strcmp0 (((TnBrandVersion *) current->pdata[0])->text, clean) == 0)
    {
      tn_db_rollback (self->db);
      if (id_out != NULL)
        *id_out = ((TnBrandVersion *) current->pdata[0])->id;
      return TRUE;
    }

  statement = tn_db_prepare (self->db, "INSERT INTO brand_statements (text, created_at) VALUES (?1, ?2)", error);
  if (statement == NULL)
    goto failed;

  tn_db_bind_text (statement, 1, clean);
  sqlite3_bind_int64 (statement, 2, _tn_store_now_unix ());
  if (!tn_db_step_done (self->db, statement, error))
    goto failed;

  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (self->db->handle);

  if (!tn_db_commit (self->db, error))
    return FALSE;

  g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_BRAND_CHANGED], 0);
  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_restore_brand_statement:
 * @self: a store
 * @id: the id of a saved version
 * @error: return location for a #GError
 *
 * Makes an old version current again by saving its text as a new version: history is
 * never rewritten, and whom you told the restored text starts again from nobody.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_restore_brand_statement (TnStore  *self,
                                  gint64    id,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *text = NULL;
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  statement = tn_db_prepare (self->db, "SELECT text FROM brand_statements WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  else if (result == SQLITE_DONE)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("This version of your statement is no longer in the database"));
      return FALSE;
    }
  else
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return tn_store_save_brand_statement (self, text, NULL, error);
}

/* Marks (or unmarks) that @contact heard the current version, inside the caller's
 * transaction; @changed says whether a row was written. */
gboolean
_tn_store_write_heard_brand (TnStore    *self,
                             TnContact  *contact,
                             gboolean    heard,
                             gboolean   *changed,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) current = read_brand_versions (self, 1, error);

  *changed = FALSE;
  if (current == NULL)
    return FALSE;

  if (current->len == 0)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("Save your brand statement first, then mark who heard it"));
      return FALSE;
    }

  statement = tn_db_prepare (self->db,
                             heard
                             ? "INSERT OR IGNORE INTO brand_heard (statement_id, contact_id, heard_at) VALUES (?1, ?2, ?3)"
                             : "DELETE FROM brand_heard WHERE statement_id = ?1 AND contact_id = ?2",
                             error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, ((TnBrandVersion *) current->pdata[0])->id);
  sqlite3_bind_int64 (statement, 2, tn_contact_get_id (contact));
  if (heard)
    sqlite3_bind_int64 (statement, 3, _tn_store_now_unix ());
  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;

  *changed = sqlite3_changes (self->db->handle) > 0;
  return TRUE;
}

/**
 * tn_store_set_heard_brand:
 * @self: a store
 * @contact: a contact of this store
 * @heard: whether you told @contact your current statement
 * @error: return location for a #GError
 *
 * Records whether @contact heard the current version. With no statement saved yet this
 * is refused with %TN_STORE_ERROR_INVALID. Emits #TnStore::brand-changed when it changed.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_set_heard_brand (TnStore    *self,
                          TnContact  *contact,
                          gboolean    heard,
                          GError    **error)
{
  gboolean changed;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_tn_store_check_contact_is_here (self, contact, error) || !tn_db_begin (self->db, error))
    return FALSE;

  if (!_tn_store_write_heard_brand (self, contact, heard, &changed, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  if (!tn_db_commit (self->db, error))
    return FALSE;

  if (changed)
    g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_BRAND_CHANGED], 0);
  return TRUE;
}

/**
 * tn_store_get_heard_brand:
 * @self: a store
 * @contact: a contact of this store
 *
 * Returns: whether @contact heard the current version; %FALSE when there is none, or
 *   when the database cannot be read
 */
gboolean
tn_store_get_heard_brand (TnStore   *self,
                          TnContact *contact)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);

  statement = tn_db_prepare (self->db,
                             "SELECT EXISTS (SELECT 1 FROM brand_heard WHERE contact_id = ?1"
                             "  AND statement_id = (SELECT max (id) FROM brand_statements))",
                             NULL);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  return sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_int (statement, 0) != 0;
}

/**
 * tn_store_count_brand_reach:
 * @self: a store
 * @heard: (out): how many of @trusted heard the current version
 * @trusted: (out): how many contacts trust you completely (rated 1)
 * @error: return location for a #GError
 *
 * "12 of 17 of your 1s know what you do now". Removed contacts do not count; with no
 * statement saved, @heard is 0.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_count_brand_reach (TnStore  *self,
                            guint    *heard,
                            guint    *trusted,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (heard != NULL && trusted != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *heard = *trusted = 0;
  statement = tn_db_prepare (self->db,
                             "SELECT count (*), count (h.contact_id) FROM contacts c"
                             "  LEFT JOIN brand_heard h ON h.contact_id = c.id"
                             "    AND h.statement_id = (SELECT max (id) FROM brand_statements)"
                             "  WHERE c.trust = 1 AND c.removed_at IS NULL",
                             error);
  if (statement == NULL)
    return FALSE;

  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  *trusted = (guint) sqlite3_column_int64 (statement, 0);
  *heard = (guint) sqlite3_column_int64 (statement, 1);
  return TRUE;
}

/**
 * tn_store_save_linchpin_check:
 * @self: a store
 * @answers: bit i set: question i answered "yes" (see #TnLinchpinQuestion)
 * @error: return location for a #GError
 *
 * Records a self-check taken now, with its score from tn_linchpin_score(). Answers with
 * bits beyond the six questions are refused with %TN_STORE_ERROR_INVALID. Emits
 * #TnStore::brand-changed.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_save_linchpin_check (TnStore  *self,
                              guint     answers,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tn_linchpin_answers_are_valid (answers))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                   _("%u is not a set of answers to the six questions"), answers);
      return FALSE;
    }

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db, "INSERT INTO linchpin_checks (taken_at, answers, score) VALUES (?1, ?2, ?3)", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, _tn_store_now_unix ());
  sqlite3_bind_int (statement, 2, (int) answers);
  sqlite3_bind_int (statement, 3, tn_linchpin_score (answers));
  if (!tn_db_step_done (self->db, statement, error) || !tn_db_commit (self->db, error))
    goto failed;

  g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_BRAND_CHANGED], 0);
  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_list_linchpin_checks:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TnLinchpinCheck) (nullable): every self-check,
 *   newest first, or %NULL with @error set
 */
GArray *
tn_store_list_linchpin_checks (TnStore  *self,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GArray) checks = g_array_new (FALSE, TRUE, sizeof (TnLinchpinCheck));
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = tn_db_prepare (self->db, "SELECT id, taken_at, answers, score FROM linchpin_checks ORDER BY id DESC", error);
  if (statement == NULL)
    return NULL;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnLinchpinCheck check = {
        .id = sqlite3_column_int64 (statement, 0),
        .taken_at = sqlite3_column_int64 (statement, 1),
        .answers = (guint) sqlite3_column_int (statement, 2),
        .score = sqlite3_column_int (statement, 3),
      };

      g_array_append_val (checks, check);
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return NULL;
    }

  return g_steal_pointer (&checks);
}

/**
 * tn_store_count_one_on_one:
 * @self: a store
 * @since: the first day to count (its local calendar day)
 * @one_on_one: (out): how many of the interactions were one-on-one
 * @total: (out): how many interactions were logged from that day on
 * @error: return location for a #GError
 *
 * What TrustNet knows for the self-check's question about group events: of the
 * interactions logged with contacts still in the list, how many were one-on-one.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_count_one_on_one (TnStore    *self,
                           GDateTime  *since,
                           guint      *one_on_one,
                           guint      *total,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *first_day = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (since != NULL, FALSE);
  g_return_val_if_fail (one_on_one != NULL && total != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *one_on_one = *total = 0;
  /* interaction_days holds each day's sums: 90 rows, not a walk over every interaction
   * of the period (400 ms with a million of them). Removed contacts, few and waiting to
   * be purged or brought back, are taken out by their own interactions (CROSS JOIN keeps
   * SQLite starting from those few contacts rather than from every interaction). */
  statement = tn_db_prepare (self->db,
                             "SELECT (SELECT coalesce (sum (n), 0) FROM interaction_days WHERE day >= ?1)"
                             "       - (SELECT count (*) FROM contacts c CROSS JOIN interactions i ON i.contact_id = c.id"
                             "           WHERE c.removed_at IS NOT NULL AND i.happened_on >= ?1),"
                             "       (SELECT coalesce (sum (one_on_one), 0) FROM interaction_days WHERE day >= ?1)"
                             "       - (SELECT coalesce (sum (i.one_on_one != 0), 0) FROM contacts c"
                             "           CROSS JOIN interactions i ON i.contact_id = c.id"
                             "           WHERE c.removed_at IS NOT NULL AND i.happened_on >= ?1)",
                             error);
  if (statement == NULL)
    return FALSE;

  first_day = _tn_store_local_day_plus (since, 0);
  tn_db_bind_text (statement, 1, first_day);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  *total = (guint) sqlite3_column_int64 (statement, 0);
  *one_on_one = (guint) sqlite3_column_int64 (statement, 1);
  return TRUE;
}
