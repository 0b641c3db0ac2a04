/* tn-suggestion.c — the reminder's rule (tn_reminder_suggest()) over the store's
 * contacts, with the words that explain the choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-suggestion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-clock.h"

#include "tn-store-jobs.h"
#include "tn-suggestion.h"

/**
 * tn_suggestion_describe_job_change:
 * @name: who changed jobs
 * @organization: (nullable): where they work now
 * @title: (nullable): as what
 *
 * Returns: (transfer full): why they are this week's suggestion, for example "Ada
 *   Lovelace started at Initech as CTO — a good week to have lunch."
 */
char *
tn_suggestion_describe_job_change (const char *name,
                                   const char *organization,
                                   const char *title)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (organization != NULL && title != NULL)
    return g_strdup_printf (_("%s started at %s as %s — a good week to have lunch."), name, organization, title);
  if (organization != NULL)
    return g_strdup_printf (_("%s started at %s — a good week to have lunch."), name, organization);
  if (title != NULL)
    return g_strdup_printf (_("%s is now %s — a good week to have lunch."), name, title);

  return g_strdup_printf (_("%s changed jobs — a good week to have lunch."), name);
}

/* The 1 whose job change is the newest of the last TN_SUGGESTION_JOB_CHANGE_DAYS days and
 * who was not met since it was noticed, or NULL. The candidates are indexed by id only
 * when there is such a change: most weeks there is none, and 100,000 people are many. */
static const TnReminderCandidate *
find_job_changer (GArray      *candidates,
                  GPtrArray   *changes,
                  GDateTime   *now,
                  TnJobChange **change)
{
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -TN_SUGGESTION_JOB_CHANGE_DAYS);
  g_autofree char *first_day = g_date_time_format (since, "%Y-%m-%d");
  g_autoptr(GHashTable) by_id = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      TnJobChange *candidate_change = g_ptr_array_index (changes, i);
      g_autoptr(GDateTime) noticed = NULL;
      const TnReminderCandidate *c;

      if (candidate_change->trust != TN_TRUST_COMPLETELY || g_strcmp0 (candidate_change->noticed_on, first_day) < 0)
        continue;

      if (by_id == NULL)
        {
          by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
          for (guint j = 0; j < candidates->len; j++)
            {
              c = &g_array_index (candidates, TnReminderCandidate, j);
              g_hash_table_insert (by_id, (gpointer) &c->id, (gpointer) c);
            }
        }

      noticed = tn_clock_parse_iso8601 (candidate_change->noticed_on, NULL);
      c = g_hash_table_lookup (by_id, &candidate_change->contact_id);
      if (c != NULL && noticed != NULL && (c->last_met == 0 || c->last_met < g_date_time_to_unix (noticed)))
        {
          *change = candidate_change;
          return c;
        }
    }

  return NULL;
}

/* The name of @chosen: the candidate's own, else @name_of's. */
static char *
name_of_chosen (const TnReminderCandidate  *chosen,
                TnSuggestionNameFunc        name_of,
                gpointer                    user_data,
                GError                    **error)
{
  if (chosen->name != NULL || name_of == NULL)
    return g_strdup (chosen->name != NULL ? chosen->name : "");

  return name_of (chosen->id, user_data, error);
}

/**
 * tn_suggestion_choose_named:
 * @suggestion: (out caller-allocates): where to put it; clear it with tn_suggestion_clear()
 * @candidates: (element-type TnReminderCandidate): as for tn_suggestion_choose(), but
 *   the names may be %NULL
 * @changes: (element-type TnJobChange): as for tn_suggestion_choose()
 * @now: the current time
 * @skip: how many people to pass over ("Someone else" asks for the next one)
 * @name_of: (scope call) (nullable): gives the chosen contact's name when its candidate has none
 * @user_data: for @name_of
 * @error: return location for a #GError, from @name_of
 *
 * tn_suggestion_choose() for a reader that looks up only the chosen contact's name: the
 * dashboard's worker reads thousands of candidates and shows one.
 *
 * Returns: %TRUE on success; on failure @suggestion is left cleared
 */
gboolean
tn_suggestion_choose_named (TnSuggestion          *suggestion,
                            GArray                *candidates,
                            GPtrArray             *changes,
                            GDateTime             *now,
                            guint                  skip,
                            TnSuggestionNameFunc   name_of,
                            gpointer               user_data,
                            GError               **error)
{
  const TnReminderCandidate *chosen = NULL;
  TnJobChange *change = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (suggestion != NULL, FALSE);
  g_return_val_if_fail (candidates != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *suggestion = (TnSuggestion) { 0 };

  chosen = find_job_changer (candidates, changes, now, &change);
  if (chosen != NULL && skip == 0)
    {
      suggestion->contact_id = chosen->id;
      /* The job change was read with its contact's name. */
      suggestion->name = g_strdup (chosen->name != NULL ? chosen->name : change->name);
      suggestion->body = tn_suggestion_describe_job_change (suggestion->name, change->to_organization, change->to_title);
      suggestion->reason = TN_REMINDER_REASON_CHANGED_JOBS;
      return TRUE;
    }

  /* "Someone else" after the job changer goes on with the rule from its start. */
  if (chosen != NULL)
    skip--;
  chosen = NULL;

  id = tn_reminder_suggest ((const TnReminderCandidate *) (gpointer) candidates->data, candidates->len,
                            now, skip, &suggestion->reason);
  for (guint i = 0; id != 0 && i < candidates->len; i++)
    {
      if (g_array_index (candidates, TnReminderCandidate, i).id == id)
        chosen = &g_array_index (candidates, TnReminderCandidate, i);
    }

  if (chosen != NULL)
    {
      name = name_of_chosen (chosen, name_of, user_data, error);
      if (name == NULL)
        {
          *suggestion = (TnSuggestion) { 0 };
          return FALSE;
        }
      suggestion->contact_id = chosen->id;
      suggestion->body = tn_reminder_describe_suggestion (name, chosen->trust, chosen->last_met, now);
      suggestion->name = g_steal_pointer (&name);
    }
  else if (suggestion->reason == TN_REMINDER_REASON_NO_CANDIDATES)
    suggestion->body = g_strdup (_("Import your contacts to get a suggestion: drag vCard files onto TrustNet."));
  else
    suggestion->body = g_strdup (_("You have already met everyone this week. Who else could you invite?"));

  return TRUE;
}

/**
 * tn_suggestion_choose:
 * @suggestion: (out caller-allocates): where to put it; clear it with tn_suggestion_clear()
 * @candidates: (element-type TnReminderCandidate): everyone, as
 *   tn_store_list_reminder_candidates() lists them
 * @changes: (element-type TnJobChange): the job changes not dismissed, as
 *   tn_store_list_job_changes() lists them
 * @now: the current time
 * @skip: how many people to pass over ("Someone else" asks for the next one)
 *
 * A 1 who changed jobs lately comes first (%TN_REMINDER_REASON_CHANGED_JOBS); then the
 * reminder's rule, tn_reminder_suggest(). For a reader that has the lists already, such
 * as a worker thread reading the database.
 */
void
tn_suggestion_choose (TnSuggestion *suggestion,
                      GArray       *candidates,
                      GPtrArray    *changes,
                      GDateTime    *now,
                      guint         skip)
{
  /* With every name given, nothing can fail. */
  tn_suggestion_choose_named (suggestion, candidates, changes, now, skip, NULL, NULL, NULL);
}

/**
 * tn_suggestion_compute:
 * @suggestion: (out caller-allocates): where to put it; clear it with tn_suggestion_clear()
 * @store: the database
 * @cadence: the keep-in-touch intervals per trust rating
 * @now: the current time
 * @skip: how many people to pass over ("Someone else" asks for the next one)
 * @error: return location for a #GError
 *
 * tn_suggestion_choose() over the store's contacts and job changes.
 *
 * Returns: %TRUE on success, %FALSE with @error set if the store could not be read
 */
gboolean
tn_suggestion_compute (TnSuggestion     *suggestion,
                       TnStore          *store,
                       const TnCadence  *cadence,
                       GDateTime        *now,
                       guint             skip,
                       GError          **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (suggestion != NULL, FALSE);
  g_return_val_if_fail (TN_IS_STORE (store), FALSE);
  g_return_val_if_fail (cadence != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *suggestion = (TnSuggestion) { 0 };

  candidates = tn_store_list_reminder_candidates (store, cadence, error);
  if (candidates == NULL)
    return FALSE;

  changes = tn_store_list_job_changes (store, TN_JOB_CHANGES_FLAGS_NOT_DISMISSED, error);
  if (changes == NULL)
    return FALSE;

  tn_suggestion_choose (suggestion, candidates, changes, now, skip);
  return TRUE;
}

/**
 * tn_suggestion_clear:
 * @suggestion: a suggestion from tn_suggestion_compute()
 */
void
tn_suggestion_clear (TnSuggestion *suggestion)
{
  g_return_if_fail (suggestion != NULL);

  g_clear_pointer (&suggestion->name, g_free);
  g_clear_pointer (&suggestion->body, g_free);
  suggestion->contact_id = 0;
}
