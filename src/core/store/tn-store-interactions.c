/* tn-store-interactions.c — the interaction log of TnStore: lunches, calls and the rest, and
 * each contact's last meeting that follows from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-clock.h"
#include "tn-contact-private.h"
#include "tn-interaction-private.h"
#include "tn-store-internal.h"

/* A day the person can have lived: a real date, and not after today. Days compare as
 * text, since YYYY-MM-DD sorts by date. */
static gboolean
check_interaction_is_valid (TnInteraction  *interaction,
                            GError        **error)
{
  const char *day = tn_interaction_get_day (interaction);
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (!tn_interaction_day_is_valid (day))
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                   _("“%s” is not a day; write it as YYYY-MM-DD"), day != NULL ? day : "");
      return FALSE;
    }

  if (strcmp (day, today) > 0)
    {
      g_set_error (error, TN_STORE_ERROR, TN_STORE_ERROR_INVALID,
                   _("%s is in the future; log what already happened"), day);
      return FALSE;
    }

  return TRUE;
}

/* Parameters ?2 to ?6 of an INSERT or UPDATE of interactions, in the same order as both
 * write them: kind, happened_on, one_on_one, gave_value, note. */
static void
bind_interaction_fields (sqlite3_stmt  *statement,
                         TnInteraction *interaction)
{
  tn_db_bind_text (statement, 2, tn_interaction_kind_to_string (tn_interaction_get_kind (interaction)));
  tn_db_bind_text (statement, 3, tn_interaction_get_day (interaction));
  sqlite3_bind_int (statement, 4, tn_interaction_get_one_on_one (interaction));
  sqlite3_bind_int (statement, 5, tn_interaction_get_gave_value (interaction));
  tn_db_bind_text (statement, 6, tn_interaction_get_note (interaction));
}

/* After an interaction was edited or deleted, the contact's last contact is whatever
 * day is now the latest; the list announces it if it moved. */
static gboolean
refresh_last_contact (TnStore    *self,
                      TnContact  *contact,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  const char *last;

  statement = tn_db_prepare (self->db, "SELECT max (happened_on) FROM interactions WHERE contact_id = ?1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  last = (const char *) sqlite3_column_text (statement, 0);
  if (g_strcmp0 (last, tn_contact_get_last_contact (contact)) != 0)
    {
      _tn_contact_set_last_contact (contact, last);
      _tn_store_announce_changed (self, contact);
    }

  return TRUE;
}


/**
 * tn_store_log_interaction_with_brand:
 * @self: a store
 * @contact: a contact of this store
 * @interaction: a new interaction (from tn_interaction_new())
 * @heard_brand: whether you also told @contact your current brand statement
 * @error: return location for a #GError
 *
 * Records @interaction with @contact in one transaction, and with @heard_brand marks in
 * the same transaction that @contact heard the current statement (refused when there is
 * none, see tn_store_set_heard_brand()). The contact's
 * last contact moves to its day if that is later, and the list announces
 * the change, so "Last contact" and anything filtering on it follow.
 * A day that is not a real date, or is after today, is refused.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_log_interaction_with_brand (TnStore        *self,
                                     TnContact      *contact,
                                     TnInteraction  *interaction,
                                     gboolean        heard_brand,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gboolean heard_changed = FALSE;
  const char *day;
  const char *last;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_id (interaction) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_tn_store_check_contact_is_here (self, contact, error) || !check_interaction_is_valid (interaction, error))
    return FALSE;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db,
                             "INSERT INTO interactions (contact_id, kind, happened_on, one_on_one, gave_value, note) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  if (statement == NULL)
    goto failed;

  day = tn_interaction_get_day (interaction);
  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  bind_interaction_fields (statement, interaction);
  if (!tn_db_step_done (self->db, statement, error))
    goto failed;

  if (heard_brand && !_tn_store_write_heard_brand (self, contact, TRUE, &heard_changed, error))
    goto failed;

  if (!tn_db_commit (self->db, error))
    return FALSE;

  _tn_interaction_set_ids (interaction, sqlite3_last_insert_rowid (self->db->handle), tn_contact_get_id (contact));

  last = tn_contact_get_last_contact (contact);
  if (last == NULL || strcmp (day, last) > 0)
    {
      _tn_contact_set_last_contact (contact, day);
      _tn_store_announce_changed (self, contact);
    }

  g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_INTERACTIONS_CHANGED], 0, contact);
  if (heard_changed)
    g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_BRAND_CHANGED], 0);
  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_list_interactions:
 * @self: a store
 * @contact: a contact of this store
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type TnInteraction) (nullable):
 *   @contact's interactions, newest first, or %NULL with @error set
 */
GPtrArray *
tn_store_list_interactions (TnStore    *self,
                            TnContact  *contact,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) interactions = g_ptr_array_new_with_free_func (g_object_unref);
  int result;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (TN_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = tn_db_prepare (self->db,
                             "SELECT id, kind, happened_on, one_on_one, gave_value, note FROM interactions "
                             " WHERE contact_id = ?1 ORDER BY happened_on DESC, id DESC",
                             error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, tn_contact_get_id (contact));
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (statement, 2);
      TnInteractionKind kind;
      TnInteraction *interaction;

      /* The schema's CHECK constraint allows only known kinds; a day
       * written by hand may still be off, and is shown as it is. */
      if (!tn_interaction_kind_parse ((const char *) sqlite3_column_text (statement, 1), &kind))
        kind = TN_INTERACTION_MEETING;

      interaction = g_object_new (TN_TYPE_INTERACTION, "kind", kind, "day", day, NULL);
      tn_interaction_set_one_on_one (interaction, sqlite3_column_int (statement, 3));
      tn_interaction_set_gave_value (interaction, sqlite3_column_int (statement, 4));
      tn_interaction_set_note (interaction, (const char *) sqlite3_column_text (statement, 5));
      _tn_interaction_set_ids (interaction, sqlite3_column_int64 (statement, 0), tn_contact_get_id (contact));
      g_ptr_array_add (interactions, interaction);
    }

  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return NULL;
    }

  return g_steal_pointer (&interactions);
}

/**
 * tn_store_update_interaction:
 * @self: a store
 * @contact: the contact @interaction is with
 * @interaction: a stored interaction
 * @changes: a draft from tn_interaction_copy() with the edited fields
 * @error: return location for a #GError
 *
 * Writes the draft's fields; only then does @interaction take them. The contact's
 * last contact follows if the day moved.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_update_interaction (TnStore        *self,
                             TnContact      *contact,
                             TnInteraction  *interaction,
                             TnInteraction  *changes,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_contact_id (interaction) == tn_contact_get_id (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (changes), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_tn_store_check_contact_is_here (self, contact, error) || !check_interaction_is_valid (changes, error))
    return FALSE;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db,
                             "UPDATE interactions SET kind = ?2, happened_on = ?3, one_on_one = ?4, "
                             "gave_value = ?5, note = ?6 WHERE id = ?1",
                             error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, tn_interaction_get_id (interaction));
  bind_interaction_fields (statement, changes);
  if (!tn_db_step_done (self->db, statement, error))
    goto failed;

  if (sqlite3_changes (self->db->handle) != 1)
    {
      g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND,
                           _("This entry is no longer in the database"));
      goto failed;
    }

  if (!tn_db_commit (self->db, error))
    return FALSE;

  _tn_interaction_assign (interaction, changes);
  /* The row is written; a failed read here only leaves "Last contact" stale. */
  refresh_last_contact (self, contact, NULL);
  g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_INTERACTIONS_CHANGED], 0, contact);
  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_remove_interaction:
 * @self: a store
 * @contact: the contact @interaction is with
 * @interaction: a stored interaction
 * @error: return location for a #GError
 *
 * Deletes @interaction from the database. The object keeps its fields, so
 * tn_store_restore_interaction() can bring it back for Undo.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_remove_interaction (TnStore        *self,
                             TnContact      *contact,
                             TnInteraction  *interaction,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_contact_id (interaction) == tn_contact_get_id (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_tn_store_check_contact_is_here (self, contact, error))
    return FALSE;

  if (!tn_db_begin (self->db, error))
    return FALSE;

  statement = tn_db_prepare (self->db, "DELETE FROM interactions WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;

  sqlite3_bind_int64 (statement, 1, tn_interaction_get_id (interaction));
  if (!tn_db_step_done (self->db, statement, error) || !tn_db_commit (self->db, error))
    goto failed;

  _tn_interaction_set_ids (interaction, 0, 0);
  refresh_last_contact (self, contact, NULL);
  g_signal_emit (self, _tn_store_signals[TN_STORE_SIGNAL_INTERACTIONS_CHANGED], 0, contact);
  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_restore_interaction:
 * @self: a store
 * @contact: the contact @interaction was with
 * @interaction: an interaction tn_store_remove_interaction() removed
 * @error: return location for a #GError
 *
 * Undo for tn_store_remove_interaction(): records @interaction again, with a new id.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
tn_store_restore_interaction (TnStore        *self,
                              TnContact      *contact,
                              TnInteraction  *interaction,
                              GError        **error)
{
  g_return_val_if_fail (TN_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (tn_interaction_get_id (interaction) == 0, FALSE);

  return tn_store_log_interaction (self, contact, interaction, error);
}


/**
 * tn_store_log_interaction:
 * @self: a store
 * @contact: a contact of this store
 * @interaction: a new interaction (from tn_interaction_new())
 * @error: return location for a #GError
 *
 * tn_store_log_interaction_with_brand() without marking the statement heard.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
tn_store_log_interaction (TnStore        *self,
                          TnContact      *contact,
                          TnInteraction  *interaction,
                          GError        **error)
{
  return tn_store_log_interaction_with_brand (self, contact, interaction, FALSE, error);
}
