/* tn-suggestion.h — whom to have lunch with this week, and why, in words: the weekly
 * reminder and the dashboard's "This week" both show this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tn-cadence.h"
#include "tn-reminder.h"
#include "tn-store.h"

G_BEGIN_DECLS

/* A 1 who changed jobs this many days ago or less is the best person to call: the seeds'
 * advice is to reconnect when someone starts somewhere new. */
#define TN_SUGGESTION_JOB_CHANGE_DAYS 30

/**
 * TnSuggestion:
 * @contact_id: the suggested contact's id, 0 when there is no one to suggest
 * @name: (nullable): the suggested contact's name
 * @body: why, or what to do when there is no one ("Ada Lovelace trusts you completely —
 *   you last met 9 weeks ago.")
 * @reason: which branch of the rule chose them (see tn_reminder_suggest())
 */
typedef struct
{
  gint64 contact_id;
  char *name;
  char *body;
  TnReminderReason reason;
} TnSuggestion;

/**
 * TnSuggestionNameFunc:
 * @contact_id: the chosen contact's id
 * @user_data: what was given with the function
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the contact's name, %NULL with @error set on failure
 */
typedef char *(*TnSuggestionNameFunc) (gint64    contact_id,
                                       gpointer  user_data,
                                       GError  **error);

gboolean tn_suggestion_compute (TnSuggestion     *suggestion,
                                TnStore          *store,
                                const TnCadence  *cadence,
                                GDateTime        *now,
                                guint             skip,
                                GError          **error);
void     tn_suggestion_choose  (TnSuggestion     *suggestion,
                                GArray           *candidates,
                                GPtrArray        *changes,
                                GDateTime        *now,
                                guint             skip);
gboolean tn_suggestion_choose_named (TnSuggestion        *suggestion,
                                     GArray              *candidates,
                                     GPtrArray           *changes,
                                     GDateTime           *now,
                                     guint                skip,
                                     TnSuggestionNameFunc name_of,
                                     gpointer             user_data,
                                     GError             **error);
void     tn_suggestion_clear   (TnSuggestion     *suggestion);
char    *tn_suggestion_describe_job_change (const char *name,
                                            const char *organization,
                                            const char *title);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnSuggestion, tn_suggestion_clear)

G_END_DECLS
