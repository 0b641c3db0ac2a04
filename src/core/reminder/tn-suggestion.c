/* tn-suggestion.c — the reminder's rule (tn_reminder_suggest()) over the store's
 * contacts, with the words that explain the choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-suggestion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-suggestion.h"

/**
 * tn_suggestion_compute:
 * @suggestion: (out caller-allocates): where to put it; clear it with tn_suggestion_clear()
 * @store: the database
 * @cadence: the keep-in-touch intervals per trust rating
 * @now: the current time
 * @skip: how many people to pass over ("Someone else" asks for the next one)
 * @error: return location for a #GError
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
  const TnReminderCandidate *chosen = NULL;
  gint64 id;

  g_return_val_if_fail (suggestion != NULL, FALSE);
  g_return_val_if_fail (TN_IS_STORE (store), FALSE);
  g_return_val_if_fail (cadence != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *suggestion = (TnSuggestion) { 0 };

  candidates = tn_store_list_reminder_candidates (store, cadence, error);
  if (candidates == NULL)
    return FALSE;

  id = tn_reminder_suggest ((const TnReminderCandidate *) (gpointer) candidates->data, candidates->len,
                            now, skip, &suggestion->reason);
  for (guint i = 0; id != 0 && i < candidates->len; i++)
    {
      if (g_array_index (candidates, TnReminderCandidate, i).id == id)
        chosen = &g_array_index (candidates, TnReminderCandidate, i);
    }

  if (chosen != NULL)
    {
      suggestion->contact_id = chosen->id;
      suggestion->name = g_strdup (chosen->name);
      suggestion->body = tn_reminder_describe_suggestion (chosen->name, chosen->trust, chosen->last_met, now);
    }
  else if (suggestion->reason == TN_REMINDER_REASON_NO_CANDIDATES)
    suggestion->body = g_strdup (_("Import your contacts to get a suggestion: drag vCard files onto TrustNet."));
  else
    suggestion->body = g_strdup (_("You have already met everyone this week. Who else could you invite?"));

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
