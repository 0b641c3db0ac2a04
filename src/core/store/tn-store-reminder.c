/* tn-store-reminder.c — the weekly reminder's state in TnStore: sent, claimed, snoozed, and
 * who may be suggested, so every process sees one answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-store"

#include "config.h"


#include <glib/gi18n-lib.h>

#include "tn-cadence.h"
#include "tn-local-days.h"
#include "tn-store-internal.h"
#include "tn-store-reader-private.h"

/* The weekly reminder's state lives in the meta table under these keys, as decimal text,
 * each written only when it changed (_tn_store_set_meta_int()). */
#define META_SENT_YEAR "reminder-sent-year"
#define META_SENT_WEEK "reminder-sent-week"
#define META_SNOOZED_UNTIL "reminder-snoozed-until"

static gboolean
read_meta_int (TnStore     *self,
               const char  *key,
               gint64      *value,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (self->db, "SELECT value FROM meta WHERE key = ?1", error);
  int result;

  *value = 0;
  if (statement == NULL)
    return FALSE;

  tn_db_bind_text (statement, 1, key);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (statement, 0);

      *value = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
      return TRUE;
    }
  if (result != SQLITE_DONE)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_sent_and_snooze (TnStore          *self,
                      TnReminderState  *state,
                      GError          **error)
{
  gint64 year, week;

  if (!read_meta_int (self, META_SENT_YEAR, &year, error) ||
      !read_meta_int (self, META_SENT_WEEK, &week, error) ||
      !read_meta_int (self, META_SNOOZED_UNTIL, &state->snoozed_until, error))
    return FALSE;

  state->sent_year = (int) year;
  state->sent_week = (int) week;
  return TRUE;
}

/* "YYYY-MM-DD" of @when's local calendar day plus @days. */
char *
_tn_store_local_day_plus (GDateTime *when,
                          int        days)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (local, days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

/**
 * tn_store_get_reminder_state:
 * @self: a store
 * @state: (out caller-allocates): filled with what the database knows
 * @now: the current time; its local ISO week is "this week"
 * @error: return location for a #GError
 *
 * Fills @state's @sent_year, @sent_week and @snoozed_until from the meta table, and
 * @lunch_this_week from the interactions: a lunch or coffee with anyone on a day from
 * @now's local Monday to Sunday. @enabled is left alone: it is a setting, not data.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_get_reminder_state (TnStore          *self,
                             TnReminderState  *state,
                             GDateTime        *now,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *sunday = NULL;
  int weekday;

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_sent_and_snooze (self, state, error))
    return FALSE;

  local = g_date_time_to_local (now);
  weekday = g_date_time_get_day_of_week (local); /* 1 = Monday */
  monday = _tn_store_local_day_plus (local, 1 - weekday);
  sunday = _tn_store_local_day_plus (local, 7 - weekday);

  /* Days compare as text: YYYY-MM-DD sorts by date. */
  statement = tn_db_prepare (self->db,
                             "SELECT EXISTS (SELECT 1 FROM interactions"
                             "  WHERE kind IN ('lunch', 'coffee') AND happened_on BETWEEN ?1 AND ?2)",
                             error);
  if (statement == NULL)
    return FALSE;
  tn_db_bind_text (statement, 1, monday);
  tn_db_bind_text (statement, 2, sunday);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      tn_db_set_error (self->db, sqlite3_extended_errcode (self->db->handle), error);
      return FALSE;
    }
  state->lunch_this_week = sqlite3_column_int (statement, 0) != 0;

  return TRUE;
}

/**
 * tn_store_claim_reminder:
 * @self: a store
 * @iso_year: the ISO week-numbering year of the reminder about to be sent
 * @iso_week: its ISO week
 * @claimed: (out): whether this caller may send it
 * @error: return location for a #GError
 *
 * Records that the reminder of @iso_year-W@iso_week is being sent, in one
 * `BEGIN IMMEDIATE` transaction that reads the week recorded before writing it, so two
 * processes that both found it due never both send it: the second gets @claimed
 * %FALSE. A snooze pending in the same week (set after that week's reminder was
 * sent, and run out by the time tn_reminder_check() said due) is a second chance:
 * the claim then succeeds and clears it, so again only one process sends.
 *
 * Returns: %TRUE on success, whatever @claimed says; on failure nothing was written
 */
gboolean
tn_store_claim_reminder (TnStore   *self,
                         int        iso_year,
                         int        iso_week,
                         gboolean  *claimed,
                         GError   **error)
{
  TnReminderState before = { 0 };

  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (iso_year > 0 && iso_week >= 1 && iso_week <= 53, FALSE);
  g_return_val_if_fail (claimed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *claimed = FALSE;
  if (!tn_db_begin (self->db, error))
    return FALSE;

  if (!read_sent_and_snooze (self, &before, error))
    goto failed;

  if (before.sent_year != iso_year || before.sent_week != iso_week || before.snoozed_until != 0)
    {
      if (!_tn_store_set_meta_int (self, META_SENT_YEAR, iso_year, error) ||
          !_tn_store_set_meta_int (self, META_SENT_WEEK, iso_week, error) ||
          !_tn_store_set_meta_int (self, META_SNOOZED_UNTIL, 0, error))
        goto failed;
      *claimed = TRUE;
    }

  if (!tn_db_commit (self->db, error))
    {
      *claimed = FALSE;
      return FALSE;
    }

  return TRUE;

failed:
  tn_db_rollback (self->db);
  return FALSE;
}

/**
 * tn_store_unclaim_reminder:
 * @self: a store
 * @before: the state read before tn_store_claim_reminder()
 * @error: return location for a #GError
 *
 * Puts back the sent week and snooze of @before, in one transaction: for a caller whose
 * claim succeeded but whose notification could not be shown, so the reminder stays due.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_unclaim_reminder (TnStore               *self,
                           const TnReminderState *before,
                           GError               **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tn_db_begin (self->db, error))
    return FALSE;

  if (!_tn_store_set_meta_int (self, META_SENT_YEAR, before->sent_year, error) ||
      !_tn_store_set_meta_int (self, META_SENT_WEEK, before->sent_week, error) ||
      !_tn_store_set_meta_int (self, META_SNOOZED_UNTIL, before->snoozed_until, error))
    {
      tn_db_rollback (self->db);
      return FALSE;
    }

  return tn_db_commit (self->db, error);
}

/**
 * tn_store_snooze_reminder:
 * @self: a store
 * @until_unix: when the reminder may come back ("Remind me tomorrow"), 0 to clear
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
tn_store_snooze_reminder (TnStore  *self,
                          gint64    until_unix,
                          GError  **error)
{
  g_return_val_if_fail (TN_IS_STORE (self), FALSE);
  g_return_val_if_fail (until_unix >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _tn_store_set_meta_int (self, META_SNOOZED_UNTIL, until_unix, error);
}

/**
 * tn_store_list_reminder_candidates:
 * @self: a store
 * @cadence: the keep-in-touch interval per trust rating
 * @error: return location for a #GError
 *
 * Every contact in the list as tn_reminder_suggest() wants it: its last contact day at
 * local midnight (0 if never met), when it was added, and its cadence (its own, else its
 * tier's; none for the unrated without one).
 *
 * The names are borrowed from the store's contacts: they stay valid while the store is
 * alive and those contacts are not changed or removed, so use the array at once and do
 * not keep it across a return to the main loop.
 *
 * Returns: (transfer full) (element-type TnReminderCandidate): the candidates, by id
 */
GArray *
tn_store_list_reminder_candidates (TnStore         *self,
                                   const TnCadence *cadence,
                                   GError         **error)
{
  g_autoptr(TnLocalDays) days = NULL;
  GListModel *contacts;
  GArray *candidates;
  guint n_items;

  g_return_val_if_fail (TN_IS_STORE (self), NULL);
  g_return_val_if_fail (cadence != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contacts = G_LIST_MODEL (self->contacts);
  n_items = g_list_model_get_n_items (contacts);
  candidates = g_array_sized_new (FALSE, TRUE, sizeof (TnReminderCandidate), n_items);
  /* The local zone taken once, each day's midnight made once: not a GDateTime per contact. */
  days = tn_local_days_new (NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      TnReminderCandidate candidate = { 0 };
      int trust = tn_contact_get_trust (contact);

      candidate.id = tn_contact_get_id (contact);
      candidate.name = tn_contact_get_full_name (contact);
      candidate.trust = trust;
      candidate.last_met = tn_local_days_midnight (days, tn_local_days_parse (tn_contact_get_last_contact (contact)));
      candidate.added_at = tn_contact_get_created_unix (contact);
      candidate.cadence_weeks = tn_cadence_weeks_for (cadence, contact);
      g_array_append_val (candidates, candidate);
    }

  return candidates;
}


/* The columns read_candidates() takes, in its order; the name, when read, comes last. */
#define CANDIDATE_COLUMNS "id, trust, last_met, created_at, cadence_weeks"

/* Appends @statement's rows (CANDIDATE_COLUMNS, then full_name if @names is given) to
 * @candidates, each as tn_store_list_reminder_candidates() makes it from a contact. */
static gboolean
read_candidates (TnDb             *db,
                 sqlite3_stmt     *statement,
                 const TnCadence  *cadence,
                 TnLocalDays      *days,
                 GStringChunk     *names,
                 GArray           *candidates,
                 GError          **error)
{
  int result;

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      int trust = sqlite3_column_int (statement, 1);
      int own = sqlite3_column_int (statement, 4);
      TnReminderCandidate candidate = {
        .id = sqlite3_column_int64 (statement, 0),
        .trust = trust,
        .last_met = tn_local_days_midnight (days, tn_local_days_parse ((const char *) sqlite3_column_text (statement, 2))),
        .added_at = sqlite3_column_int64 (statement, 3),
        /* tn_cadence_weeks_for() on a row: its own interval, else its rating's. */
        .cadence_weeks = own > 0 ? own : tn_cadence_weeks_for_trust (cadence, tn_trust_is_valid (trust) ? trust : TN_TRUST_UNRATED),
      };

      if (names != NULL)
        {
          const char *name = (const char *) sqlite3_column_text (statement, 5);

          candidate.name = g_string_chunk_insert (names, name != NULL ? name : "");
        }
      g_array_append_val (candidates, candidate);
    }

  return tn_db_finished (db, result, error);
}

/**
 * _tn_store_read_reminder_candidates:
 * @db: a connection of a worker's own
 * @cadence: the keep-in-touch interval per trust rating
 * @names: where the names are kept, as long as the candidates are used
 * @error: return location for a #GError
 *
 * tn_store_list_reminder_candidates() read from the database instead of the store's
 * contacts in memory, which belong to the window's thread.
 *
 * Returns: (transfer full) (element-type TnReminderCandidate): the candidates, by id
 */
GArray *
_tn_store_read_reminder_candidates (TnDb             *db,
                                    const TnCadence  *cadence,
                                    GStringChunk     *names,
                                    GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(TnLocalDays) days = tn_local_days_new (NULL);
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (TnReminderCandidate));

  statement = tn_db_prepare (db,
                             "SELECT " CANDIDATE_COLUMNS ", full_name FROM contacts"
                             "  WHERE removed_at IS NULL ORDER BY id",
                             error);
  if (statement == NULL || !read_candidates (db, statement, cadence, days, names, candidates, error))
    return NULL;

  return g_steal_pointer (&candidates);
}

/**
 * _tn_store_read_first_reminder_candidates:
 * @db: a connection of a worker's own
 * @cadence: the keep-in-touch interval per trust rating
 * @error: return location for a #GError
 *
 * Of _tn_store_read_reminder_candidates(), only those that tn_suggestion_choose() can
 * choose with no "Someone else" (skip 0): every 1 and 2, and of everyone else only the
 * first in "not met for longest" order. Anyone else is a %TN_REMINDER_REASON_LONGEST,
 * which only the first of that order can win, whether overdue or not; and a job changer
 * is a 1. Reading 15,000 of 100,000 from an index instead of the whole table is most of
 * what the dashboard's refresh saves.
 *
 * "Not met for longest" is tn_reminder_suggest()'s order: the never met first, oldest
 * added first, then by last meeting; ties by smaller id. Days sort as text, and a later
 * day has a later local midnight, so the days' text gives that order.
 *
 * The names are not read (%NULL): only the chosen one's is needed, from
 * _tn_store_read_contact_name().
 *
 * Returns: (transfer full) (element-type TnReminderCandidate): the candidates
 */
GArray *
_tn_store_read_first_reminder_candidates (TnDb             *db,
                                          const TnCadence  *cadence,
                                          GError          **error)
{
  g_autoptr(sqlite3_stmt) rated = NULL;
  g_autoptr(sqlite3_stmt) first_other = NULL;
  g_autoptr(TnLocalDays) days = tn_local_days_new (NULL);
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (TnReminderCandidate));

  /* From the index contacts_timed alone (schema 11): the 1s and 2s are in it. "trust > 0"
   * is its own condition, spelled out so that SQLite sees the index may serve. */
  rated = tn_db_prepare (db,
                         "SELECT " CANDIDATE_COLUMNS " FROM contacts"
                         "  WHERE removed_at IS NULL AND trust > 0 AND trust IN (1, 2)",
                         error);
  if (rated == NULL || !read_candidates (db, rated, cadence, days, NULL, candidates, error))
    return NULL;

  /* No index holds the unrated: one pass over the table, keeping the first. */
  first_other = tn_db_prepare (db,
                               "SELECT " CANDIDATE_COLUMNS " FROM contacts"
                               "  WHERE removed_at IS NULL AND trust NOT IN (1, 2)"
                               "  ORDER BY last_met IS NOT NULL, CASE WHEN last_met IS NULL THEN created_at END,"
                               "           last_met, id"
                               "  LIMIT 1",
                               error);
  if (first_other == NULL || !read_candidates (db, first_other, cadence, days, NULL, candidates, error))
    return NULL;

  return g_steal_pointer (&candidates);
}

/**
 * _tn_store_read_contact_name:
 * @id: a contact's id
 * @db: (type TnDb): a connection of a worker's own
 * @error: return location for a #GError: %TN_STORE_ERROR_NOT_FOUND when there is no such
 *   contact
 *
 * A #TnSuggestionNameFunc: tn_suggestion_choose_named() asks it for the chosen contact's
 * name, with the connection as its data.
 *
 * Returns: (transfer full): the contact's full name
 */
char *
_tn_store_read_contact_name (gint64    id,
                             gpointer  db,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = tn_db_prepare (db, "SELECT full_name FROM contacts WHERE id = ?1", error);
  int result;

  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, id);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (statement, 0));
  if (result == SQLITE_DONE)
    g_set_error_literal (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND, _("This contact is no longer in the database"));
  else
    tn_db_set_error (db, sqlite3_extended_errcode (((TnDb *) db)->handle), error);
  return NULL;
}
