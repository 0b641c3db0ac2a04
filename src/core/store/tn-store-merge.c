/* tn-store-merge.c — taking an import back, and merging two contacts by hand with an undo
 * (the pairs to offer are in tn-store-duplicates.c).
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

/* How many of a contact's own fields a merge may fill. */
#define N_MERGED_FIELDS 7

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

/* Runs @sql with ?1 @id and, when it has one, ?2 @value (a time, a position, an id). */
static gboolean
exec_for_id (TnStore     *self,
             const char  *sql,
             gint64       id,
             gint64       value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, sql, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int64 (statement, 2, value);
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

  /* Removed, not deleted: undo brings it back; the next start purges it, as it does a
   * contact deleted with undo offered. */
  return exec_for_id (self, "UPDATE contacts SET removed_at = ?2 WHERE id = ?1", absorb_id, now, error);
}

/* ---- Merging by hand, and undoing it ----------------------------------------------------- */

/* What a merge changes, to put back: @keep's own fields as they were, how many addresses it
 * had, its last rating change, and which interactions came from @absorb. */
struct _TnMergeUndo
{
  gint64 keep_id;
  gint64 absorb_id;
  char *fields[N_MERGED_FIELDS];
  int trust;
  gint64 updated_at;
  gint64 last_email_position;
  gint64 last_phone_position;
  gint64 last_trust_change;
  GArray *interactions; /* gint64 */
};

/* The columns absorb_contact() may fill, in this order. */
static const char * const merged_fields[N_MERGED_FIELDS] = {
  "given_name", "family_name", "organization", "title", "note", "birthday", "vcard",
};

/**
 * tn_merge_undo_free:
 * @undo: (nullable): what tn_store_merge_contacts_undoable() returned
 */
void
tn_merge_undo_free (TnMergeUndo *undo)
{
  if (undo == NULL)
    return;

  for (guint i = 0; i < N_MERGED_FIELDS; i++)
    g_free (undo->fields[i]);
  g_clear_pointer (&undo->interactions, g_array_unref);
  g_free (undo);
}

/* One number from @sql with ?1 bound to @id; -1 for NULL. */
static gboolean
read_number (TnStore     *self,
             const char  *sql,
             gint64       id,
             gint64      *number,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, sql, error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  *number = sqlite3_column_type (statement, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (statement, 0);
  return TRUE;
}

/* Inside the merge's transaction, before anything changed. */
static gboolean
remember_before_merge (TnStore      *self,
                       TnMergeUndo  *undo,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *columns = g_strjoinv (", ", (char **) merged_fields);

  sql = g_strdup_printf ("SELECT %s, trust, updated_at FROM contacts WHERE id = ?1", columns);
  statement = tn_db_prepare (self->db, sql, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, undo->keep_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }
  for (guint i = 0; i < N_MERGED_FIELDS; i++)
    undo->fields[i] = g_strdup ((const char *) sqlite3_column_text (statement, i));
  undo->trust = sqlite3_column_int (statement, N_MERGED_FIELDS);
  undo->updated_at = sqlite3_column_int64 (statement, N_MERGED_FIELDS + 1);

  return read_number (self, "SELECT max (position) FROM emails WHERE contact_id = ?1", undo->keep_id,
                      &undo->last_email_position, error) &&
         read_number (self, "SELECT max (position) FROM phones WHERE contact_id = ?1", undo->keep_id,
                      &undo->last_phone_position, error) &&
         read_number (self, "SELECT max (id) FROM trust_changes WHERE contact_id = ?1", undo->keep_id,
                      &undo->last_trust_change, error) &&
         collect_ids (self, "SELECT id FROM interactions WHERE contact_id = ?1", undo->absorb_id,
                      undo->interactions, error);
}

static gboolean
check_pair (TnStore    *self,
            TnContact  *keep,
            TnContact  *absorb,
            GError    **error)
{
  if (keep == absorb || tn_contact_get_id (keep) == tn_contact_get_id (absorb))
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                           _("A contact cannot be merged with itself"));
      return FALSE;
    }

  return _tn_store_check_contact_is_here (self, keep, error) &&
         _tn_store_check_contact_is_here (self, absorb, error);
}

/**
 * tn_store_merge_contacts_undoable:
 * @self: a store
 * @keep: the contact that stays
 * @absorb: the contact that is the same person and goes
 * @error: return location for a #GError
 *
 * Makes two contacts one, as an import merges a duplicate: @keep gains the email addresses
 * and phone numbers of @absorb it lacks, its empty fields are filled from @absorb, and it
 * takes @absorb's rating only if it has none; nothing @keep has is overwritten. @absorb's
 * interactions move to @keep, and @absorb leaves the list (kept in the database until the
 * next start, for tn_store_undo_merge()). One transaction; the list follows.
 *
 * Returns: (transfer full) (nullable): what tn_store_undo_merge() needs to put both back,
 *   or %NULL with @error set, and nothing changed
 */
TnMergeUndo *
tn_store_merge_contacts_undoable (TnStore    *self,
                                  TnContact  *keep,
                                  TnContact  *absorb,
                                  GError    **error)
{
  g_autoptr(TnMergeUndo) undo = NULL;
  gint64 ids[2];
  gint64 now = _tn_store_now_unix ();

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (keep), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (absorb), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_pair (self, keep, absorb, error))
    return NULL;

  undo = g_new0 (TnMergeUndo, 1);
  undo->keep_id = tn_contact_get_id (keep);
  undo->absorb_id = tn_contact_get_id (absorb);
  undo->interactions = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!tn_db_begin (self->db, error))
    return NULL;

  if (!remember_before_merge (self, undo, error) ||
      !merge_addresses (self, keep, absorb, error) ||
      !absorb_contact (self, keep, absorb, now, error))
    {
      tn_db_rollback (self->db);
      return NULL;
    }

  if (!tn_db_commit (self->db, error))
    return NULL;

  ids[0] = undo->keep_id;
  ids[1] = undo->absorb_id;
  if (!tn_store_refresh_contacts (self, ids, G_N_ELEMENTS (ids), error))
    return NULL;

  return g_steal_pointer (&undo);
}

/**
 * tn_store_merge_contacts:
 * @self: a store
 * @keep: the contact that stays
 * @absorb: the contact that is the same person and goes
 * @error: return location for a #GError
 *
 * tn_store_merge_contacts_undoable(), for when no undo is offered.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_merge_contacts (TnStore    *self,
                         TnContact  *keep,
                         TnContact  *absorb,
                         GError    **error)
{
  g_autoptr(TnMergeUndo) undo = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);

  undo = tn_store_merge_contacts_undoable (self, keep, absorb, error);
  return undo != NULL;
}

static gboolean
put_back_keep (TnStore            *self,
               const TnMergeUndo  *undo,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GString) sql = g_string_new ("UPDATE contacts SET ");

  for (guint i = 0; i < N_MERGED_FIELDS; i++)
    g_string_append_printf (sql, "%s = ?%u, ", merged_fields[i], i + 2);
  g_string_append_printf (sql, "trust = ?%u, updated_at = ?%u WHERE id = ?1", N_MERGED_FIELDS + 2, N_MERGED_FIELDS + 3);

  statement = tn_db_prepare (self->db, sql->str, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, undo->keep_id);
  for (guint i = 0; i < N_MERGED_FIELDS; i++)
    sqlite3_bind_text (statement, i + 2, undo->fields[i], -1, SQLITE_STATIC);
  sqlite3_bind_int (statement, N_MERGED_FIELDS + 2, undo->trust);
  sqlite3_bind_int64 (statement, N_MERGED_FIELDS + 3, undo->updated_at);
  return tn_db_step_done (self->db, statement, error);
}

static gboolean
undo_merge_in_transaction (TnStore            *self,
                           const TnMergeUndo  *undo,
                           GError            **error)
{
  if (!exec_for_id (self, "UPDATE contacts SET removed_at = NULL WHERE id = ?1 AND removed_at IS NOT NULL",
                    undo->absorb_id, 0, error))
    return FALSE;

  if (sqlite3_changes (self->db->handle) == 0)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("This merge can no longer be undone"));
      return FALSE;
    }

  for (guint i = 0; i < undo->interactions->len; i++)
    if (!exec_for_id (self, "UPDATE interactions SET contact_id = ?1 WHERE id = ?2", undo->absorb_id,
                           g_array_index (undo->interactions, gint64, i), error))
      return FALSE;

  return put_back_keep (self, undo, error) &&
         exec_for_id (self, "DELETE FROM emails WHERE contact_id = ?1 AND position > ?2", undo->keep_id,
                           undo->last_email_position, error) &&
         exec_for_id (self, "DELETE FROM phones WHERE contact_id = ?1 AND position > ?2", undo->keep_id,
                           undo->last_phone_position, error) &&
         exec_for_id (self, "DELETE FROM trust_changes WHERE contact_id = ?1 AND id > ?2", undo->keep_id,
                           undo->last_trust_change, error);
}

/**
 * tn_store_undo_merge:
 * @self: a store
 * @undo: what tn_store_merge_contacts_undoable() returned
 * @error: return location for a #GError
 *
 * Puts both contacts back as they were before the merge: the absorbed one returns to the
 * list with its interactions, the kept one loses the addresses, fields and rating it
 * gained. Possible until the store is closed.
 *
 * Returns: %TRUE if both are back; on failure nothing changed
 */
gboolean
tn_store_undo_merge (TnStore            *self,
                     const TnMergeUndo  *undo,
                     GError            **error)
{
  gint64 ids[2];

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tn_db_begin (self->db, error))
    return FALSE;

  if (!undo_merge_in_transaction (self, undo, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  if (!tn_db_commit (self->db, error))
    return FALSE;

  ids[0] = undo->keep_id;
  ids[1] = undo->absorb_id;
  return tn_store_refresh_contacts (self, ids, G_N_ELEMENTS (ids), error);
}
