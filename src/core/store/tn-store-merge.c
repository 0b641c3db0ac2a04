/* tn-store-merge.c — taking an import back, merging two contacts by hand, and the groups
 * of contacts that may be one person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-contact-private.h"
#include "tn-duplicates.h"
#include "tn-store-internal.h"
#include "tn-text.h"

/* ---- Undoing an import ------------------------------------------------------------------ */

static gboolean
check_batch_can_be_undone (TnStore  *self,
                           gint64    batch_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, "SELECT undone_at IS NOT NULL FROM import_batches WHERE id = ?1", error);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  result = sqlite3_step (statement);
  if (result == SQLITE_DONE)
    {
      /* The number is formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *batch_text = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                   _("There is no import %s to undo"), batch_text);
      return FALSE;
    }
  if (result != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }
  if (sqlite3_column_int (statement, 0) != 0)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("This import was already undone"));
      return FALSE;
    }

  return TRUE;
}

/* Appends the ids the first column of @sql gives, with ?1 bound to @id. */
static gboolean
collect_ids (TnStore     *self,
             const char  *sql,
             gint64       id,
             GArray      *ids,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, sql, error);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 found = sqlite3_column_int64 (statement, 0);

      g_array_append_val (ids, found);
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return TRUE;
}

/* Takes back one thing a batch added to a contact that was already there, if the contact
 * still has it as the batch left it: a field the person has edited since stays. */
static gboolean
take_back_change (TnStore        *self,
                  gint64          contact_id,
                  TnImportField   field,
                  const char     *value,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *sql = NULL;

  if (field == TN_IMPORT_FIELD_EMAIL)
    sql = g_strdup ("DELETE FROM emails WHERE contact_id = ?1 AND value = ?2");
  else if (field == TN_IMPORT_FIELD_PHONE)
    sql = g_strdup ("DELETE FROM phones WHERE contact_id = ?1 AND value = ?2");
  else if (field == TN_IMPORT_FIELD_URL)
    sql = g_strdup ("DELETE FROM urls WHERE contact_id = ?1 AND value = ?2");
  else
    sql = g_strdup_printf ("UPDATE contacts SET %s = NULL WHERE id = ?1 AND %s = ?2",
                           _tn_import_field_columns[field], _tn_import_field_columns[field]);

  statement = tn_db_prepare (self->db, sql, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  tn_db_bind_text (statement, 2, value);
  return tn_db_step_done (self->db, statement, error);
}

static gboolean
take_back_changes (TnStore  *self,
                   gint64    batch_id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) statement =
    tn_db_prepare (self->db, "SELECT contact_id, what, value FROM batch_changes WHERE batch_id = ?1", error);
  int result;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, batch_id);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      TnImportField field;

      /* The CHECK constraint allows no other names. */
      if (!_tn_import_parse_field_name ((const char *) sqlite3_column_text (statement, 1), &field))
        g_assert_not_reached ();

      if (!take_back_change (self, sqlite3_column_int64 (statement, 0), field,
                             (const char *) sqlite3_column_text (statement, 2), error))
        return FALSE;
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_for_id (TnStore     *self,
             const char  *sql,
             gint64       id,
             gint64       now,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, sql, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int64 (statement, 2, now);
  return tn_db_step_done (self->db, statement, error);
}

/* Undoing a large import deletes rows all over every table and index: with SQLite's
 * default cache of 2 MiB it reads again the pages it has just changed, and takes twice as
 * long (2 s instead of 1 for 100,000 contacts). The cache is this large only meanwhile. */
#define UNDO_CACHE_KIB    16384
#define DEFAULT_CACHE_KIB 2000

static void
set_cache_size (TnStore *self,
                int      kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);

  /* Only a matter of speed: a failure changes nothing else. */
  tn_db_exec (self->db, sql, NULL);
}

static gboolean
undo_batch (TnStore  *self,
            gint64    batch_id,
            GArray   *affected,
            GError  **error)
{
  gint64 now = _tn_store_now_unix ();

  if (!tn_db_begin (self->db, error))
    return FALSE;

  if (!check_batch_can_be_undone (self, batch_id, error) ||
      !collect_ids (self,
                    "SELECT id FROM contacts WHERE batch_id = ?1 "
                    "UNION SELECT contact_id FROM batch_changes WHERE batch_id = ?1 "
                    "UNION SELECT contact_id FROM job_changes WHERE batch_id = ?1",
                    batch_id, affected, error) ||
      !take_back_changes (self, batch_id, error) ||
      !_tn_store_take_back_job_changes (self, batch_id, error) ||
      !exec_for_id (self,
                    "UPDATE contacts SET updated_at = ?2 "
                    " WHERE id IN (SELECT contact_id FROM batch_changes WHERE batch_id = ?1)",
                    batch_id, now, error) ||
      !exec_for_id (self,
                    "UPDATE contacts SET batch_id = NULL WHERE batch_id = ?1 AND "
                    " (trust != 0 OR EXISTS (SELECT 1 FROM interactions WHERE contact_id = contacts.id))",
                    batch_id, now, error) ||
      !exec_for_id (self, "DELETE FROM contacts WHERE batch_id = ?1", batch_id, now, error) ||
      !exec_for_id (self, "DELETE FROM batch_changes WHERE batch_id = ?1", batch_id, now, error) ||
      !exec_for_id (self, "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1", batch_id, now, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  return tn_db_commit (self->db, error);
}

/**
 * tn_store_undo_import:
 * @self: a store
 * @batch_id: an import batch, from #TnImportFileResult
 * @error: return location for a #GError
 *
 * Takes back one import, in one transaction: the contacts it created are deleted, and from
 * the contacts it merged into, the addresses it added are removed and the empty fields it
 * filled are emptied again. The list follows.
 *
 * What the person did since is kept: a created contact they have rated or logged an
 * interaction with stays (it is simply no longer part of the batch), and a filled field
 * they have edited keeps their text.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_undo_import (TnStore  *self,
                      gint64    batch_id,
                      GError  **error)
{
  g_autoptr(GArray) affected = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean undone;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_cache_size (self, UNDO_CACHE_KIB);
  undone = undo_batch (self, batch_id, affected, error);
  set_cache_size (self, DEFAULT_CACHE_KIB);

  if (!undone)
    return FALSE;

  return tn_store_refresh_contacts (self, (const gint64 *) (gpointer) affected->data, affected->len, error);
}

/* ---- Merging two contacts by hand ------------------------------------------------------- */

static gboolean
append_value (TnStore        *self,
              gint64          contact_id,
              TnImportField   field,
              const char     *value,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *normalized = NULL;

  if (field == TN_IMPORT_FIELD_EMAIL)
    {
      statement = tn_db_prepare (self->db,
                                 "INSERT INTO emails (contact_id, position, value, normalized) VALUES "
                                 "(?1, (SELECT coalesce (max (position) + 1, 0) FROM emails WHERE contact_id = ?1), ?2, ?3)",
                                 error);
      normalized = tn_text_normalize_email (value);
      /* emails.normalized is NOT NULL: an unparseable address matches only itself. */
      if (normalized == NULL)
        normalized = g_strdup (value);
    }
  else
    {
      statement = tn_db_prepare (self->db,
                                 "INSERT INTO phones (contact_id, position, value, normalized) VALUES "
                                 "(?1, (SELECT coalesce (max (position) + 1, 0) FROM phones WHERE contact_id = ?1), ?2, ?3)",
                                 error);
      normalized = tn_text_normalize_phone (value);
    }

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, contact_id);
  tn_db_bind_text (statement, 2, value);
  tn_db_bind_text (statement, 3, normalized);
  return tn_db_step_done (self->db, statement, error);
}

static gboolean
has_email (const char * const *emails,
           const char         *email)
{
  g_autofree char *wanted = tn_duplicates_email_key (email);

  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *key = tn_duplicates_email_key (emails[i]);

      if (g_strcmp0 (key, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_phone (const char * const *phones,
           const char         *phone)
{
  for (guint i = 0; phones[i] != NULL; i++)
    {
      if (tn_duplicates_phones_match (phones[i], phone))
        return TRUE;
    }

  return FALSE;
}

/* Gives @keep the addresses of @absorb it does not have yet. */
static gboolean
merge_addresses (TnStore    *self,
                 TnContact  *keep,
                 TnContact  *absorb,
                 GError    **error)
{
  const char * const *emails = tn_contact_get_emails (absorb);
  const char * const *phones = tn_contact_get_phones (absorb);

  for (guint i = 0; emails[i] != NULL; i++)
    {
      if (!has_email (tn_contact_get_emails (keep), emails[i]) &&
          !append_value (self, tn_contact_get_id (keep), TN_IMPORT_FIELD_EMAIL, emails[i], error))
        return FALSE;
    }

  for (guint i = 0; phones[i] != NULL; i++)
    {
      if (!has_phone (tn_contact_get_phones (keep), phones[i]) &&
          !append_value (self, tn_contact_get_id (keep), TN_IMPORT_FIELD_PHONE, phones[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Fills @keep's empty fields from @absorb, and its rating if it has none; what @keep has
 * stays. Then @absorb's interactions become @keep's, and @absorb goes. */
static gboolean
absorb_contact (TnStore    *self,
                TnContact  *keep,
                TnContact  *absorb,
                gint64      now,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 keep_id = tn_contact_get_id (keep);
  gint64 absorb_id = tn_contact_get_id (absorb);

  statement = tn_db_prepare (self->db,
                             "UPDATE contacts SET"
                             "  given_name = coalesce (given_name, (SELECT given_name FROM contacts WHERE id = ?2)),"
                             "  family_name = coalesce (family_name, (SELECT family_name FROM contacts WHERE id = ?2)),"
                             "  organization = coalesce (organization, (SELECT organization FROM contacts WHERE id = ?2)),"
                             "  title = coalesce (title, (SELECT title FROM contacts WHERE id = ?2)),"
                             "  note = coalesce (note, (SELECT note FROM contacts WHERE id = ?2)),"
                             "  birthday = coalesce (birthday, (SELECT birthday FROM contacts WHERE id = ?2)),"
                             "  vcard = coalesce (vcard, (SELECT vcard FROM contacts WHERE id = ?2)),"
                             "  trust = CASE trust WHEN 0 THEN (SELECT trust FROM contacts WHERE id = ?2) ELSE trust END,"
                             "  updated_at = ?3"
                             " WHERE id = ?1",
                             error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, absorb_id);
  sqlite3_bind_int64 (statement, 3, now);
  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;

  if (tn_contact_get_trust (keep) == TN_TRUST_UNRATED && tn_contact_get_trust (absorb) != TN_TRUST_UNRATED &&
      !_tn_store_record_trust_change (self, keep_id, tn_contact_get_trust (absorb), now, error))
    return FALSE;

  g_clear_pointer (&statement, sqlite3_finalize);
  statement = tn_db_prepare (self->db, "UPDATE interactions SET contact_id = ?1 WHERE contact_id = ?2", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, keep_id);
  sqlite3_bind_int64 (statement, 2, absorb_id);
  if (!tn_db_step_done (self->db, statement, error))
    return FALSE;

  return exec_for_id (self, "DELETE FROM contacts WHERE id = ?1", absorb_id, now, error);
}

/**
 * tn_store_merge_contacts:
 * @self: a store
 * @keep: the contact that stays
 * @absorb: the contact that is the same person and goes
 * @error: return location for a #GError
 *
 * Makes two contacts one, as an import merges a duplicate: @keep gains the email addresses
 * and phone numbers of @absorb it lacks, its empty fields are filled from @absorb, and it
 * takes @absorb's rating only if it has none; nothing @keep has is overwritten. @absorb's
 * interactions move to @keep, and @absorb is deleted. One transaction; the list follows.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_merge_contacts (TnStore    *self,
                         TnContact  *keep,
                         TnContact  *absorb,
                         GError    **error)
{
  gint64 ids[2];
  gint64 now = _tn_store_now_unix ();

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (keep), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (absorb), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep == absorb)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("A contact cannot be merged with itself"));
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      TnContact *contact = i == 0 ? keep : absorb;

      if (!_tn_store_check_contact_is_here (self, contact, error))
        return FALSE;
    }

  if (!tn_db_begin (self->db, error))
    return FALSE;

  if (!merge_addresses (self, keep, absorb, error) ||
      !absorb_contact (self, keep, absorb, now, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  if (!tn_db_commit (self->db, error))
    return FALSE;

  ids[0] = tn_contact_get_id (keep);
  ids[1] = tn_contact_get_id (absorb);
  return tn_store_refresh_contacts (self, ids, G_N_ELEMENTS (ids), error);
}

/* ---- Possible duplicates -------------------------------------------------------------- */

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  GPtrArray *group_a = *(GPtrArray * const *) a;
  GPtrArray *group_b = *(GPtrArray * const *) b;

  return _tn_store_compare_by_id (g_ptr_array_index (group_a, 0), g_ptr_array_index (group_b, 0), NULL);
}

/**
 * tn_store_list_possible_duplicates:
 * @self: a store
 *
 * Contacts that may be one person: the same full name, ignoring case and surrounding
 * blanks. An import merges only on a uid, email address or phone number in common, so
 * namesakes stay apart until the person decides with tn_store_merge_contacts().
 *
 * Returns: (transfer full) (element-type GPtrArray): groups of two or more #TnContact with
 *   the same name, each ordered by when they were added, the groups by their first contact
 */
GPtrArray *
tn_store_list_possible_duplicates (TnStore *self)
{
  GListModel *model;
  g_autoptr(GHashTable) by_name = NULL;
  GPtrArray *groups;
  GHashTableIter iter;
  gpointer value;
  guint n_items;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);

  model = G_LIST_MODEL (self->contacts);
  n_items = g_list_model_get_n_items (model);
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (model, i);
      char *key = tn_duplicates_name_key (tn_contact_get_full_name (contact));
      GPtrArray *group;

      if (key == NULL)
        continue;

      group = g_hash_table_lookup (by_name, key);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_name, key, group);
        }
      else
        g_free (key);

      g_ptr_array_add (group, g_object_ref (contact));
    }

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *group = value;

      if (group->len >= 2)
        g_ptr_array_add (groups, g_ptr_array_ref (group));
    }

  g_ptr_array_sort (groups, compare_groups);
  return groups;
}

