/* tn-sync-merge.c — the merge rules of sync, as one pure function per kind of data.
 *
 * A three-way merge: @base is the contact as both sides last agreed (the last card synced),
 * so each side's changes are what differs from it. Per field the later change wins (each
 * side knows when its field last changed); addresses are a union, less what one side
 * removed since the base; interactions a union by uid, less the deleted ones (tombstones);
 * the trust history a union; web pages as addresses; job changes a union by id, less what
 * one side removed since the base (an import undone), dismissed when either side
 * dismissed them (see tn_sync_job_changes_add()). Nothing a person wrote is lost without a trace: two notes
 * changed on both sides are both kept, the later first, and a rating changed on both sides
 * leaves both ratings in the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include <string.h>

#include "tn-duplicates.h"
#include "tn-sync-merge.h"
#include "tn-text.h"

/* Which side's change is the later one; on a tie, the same side on every machine. */
static gboolean
local_is_later (gint64      local_time,
                gint64      remote_time,
                const char *local_value,
                const char *remote_value)
{
  if (local_time != remote_time)
    return local_time > remote_time;

  return g_strcmp0 (local_value, remote_value) > 0;
}

/**
 * tn_sync_merge_notes:
 * @later: (nullable): the note changed last
 * @earlier: (nullable): the other side's note
 *
 * Two notes changed on both sides: the later one, then the earlier one, so that neither
 * is lost. A note that holds the other already is kept as it is.
 *
 * Returns: (transfer full) (nullable): the note
 */
char *
tn_sync_merge_notes (const char *later,
                     const char *earlier)
{
  if (later == NULL || *later == '\0')
    return g_strdup (earlier);
  if (earlier == NULL || *earlier == '\0' || strstr (later, earlier) != NULL)
    return g_strdup (later);
  if (strstr (earlier, later) != NULL)
    return g_strdup (earlier);

  return g_strconcat (later, "\n\n", earlier, NULL);
}

/* One field, the rule for every single-valued one: a side that left it as @base has it
 * changed by the other; changed on both sides (or with no base to tell), the later change
 * wins. Returns whether it was changed on both sides. */
static gboolean
merge_value (gboolean     has_base,
             const char  *base,
             const char  *mine,
             gint64       mine_time,
             const char  *theirs,
             gint64       theirs_time,
             const char **value,
             gint64      *changed_at)
{
  gboolean local_later;

  if (g_strcmp0 (mine, theirs) == 0)
    {
      *value = mine;
      *changed_at = MAX (mine_time, theirs_time);
      return FALSE;
    }
  if (has_base && g_strcmp0 (mine, base) == 0)
    {
      *value = theirs;
      *changed_at = theirs_time;
      return FALSE;
    }
  if (has_base && g_strcmp0 (theirs, base) == 0)
    {
      *value = mine;
      *changed_at = mine_time;
      return FALSE;
    }

  local_later = local_is_later (mine_time, theirs_time, mine, theirs);
  *value = local_later ? mine : theirs;
  *changed_at = local_later ? mine_time : theirs_time;
  return TRUE;
}

static void
merge_field (TnSyncContact       *merged,
             TnSyncField          field,
             const TnSyncContact *base,
             const TnSyncContact *local,
             const TnSyncContact *remote,
             guint               *n_conflicts)
{
  const char *mine = local->fields[field];
  const char *theirs = remote->fields[field];
  const char *value;
  gint64 changed_at;
  g_autofree char *note = NULL;

  if (!merge_value (base != NULL, base != NULL ? base->fields[field] : NULL, mine, local->times[field],
                    theirs, remote->times[field], &value, &changed_at))
    {
      tn_sync_contact_set (merged, field, value, changed_at);
      return;
    }

  /* Changed on both sides: two notes are both kept, the later first. */
  (*n_conflicts)++;
  if (field == TN_SYNC_FIELD_NOTE)
    {
      note = g_strcmp0 (value, mine) == 0 ? tn_sync_merge_notes (mine, theirs) : tn_sync_merge_notes (theirs, mine);
      tn_sync_contact_set (merged, field, note, MAX (local->times[field], remote->times[field]));
      return;
    }

  tn_sync_contact_set (merged, field, value, changed_at);
}

typedef char *(*Normalize) (const char *value);

static gboolean
list_has (GPtrArray  *list,
          const char *key,
          Normalize   normalize)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      g_autofree char *other = normalize (g_ptr_array_index (list, i));

      if (g_strcmp0 (key, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Whether @base had @key and @side no longer has it: removed there since the last sync. */
static gboolean
removed_on (GPtrArray  *base,
            GPtrArray  *side,
            const char *key,
            Normalize   normalize)
{
  return base != NULL && list_has (base, key, normalize) && !list_has (side, key, normalize);
}

/* Emails or phones: this side's in its order, then the other side's new ones; less what
 * either side removed since @base. */
static void
merge_list (GPtrArray *merged,
            GPtrArray *base,
            GPtrArray *local,
            GPtrArray *remote,
            Normalize  normalize)
{
  GPtrArray *sides[] = { local, remote };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      for (guint i = 0; i < sides[s]->len; i++)
        {
          const char *value = g_ptr_array_index (sides[s], i);
          g_autofree char *key = normalize (value);

          if (key == NULL)
            key = g_strdup (value);
          if (list_has (merged, key, normalize) ||
              removed_on (base, local, key, normalize) || removed_on (base, remote, key, normalize))
            continue;

          g_ptr_array_add (merged, g_strdup (value));
        }
    }
}

static const TnSyncInteraction *
find_interaction (const TnSyncContact *contact,
                  const char          *uid)
{
  for (guint i = 0; contact != NULL && i < contact->interactions->len; i++)
    {
      const TnSyncInteraction *interaction = g_ptr_array_index (contact->interactions, i);

      if (g_str_equal (interaction->uid, uid))
        return interaction;
    }

  return NULL;
}

static TnSyncTombstone *
find_tombstone (GPtrArray  *gone,
                const char *uid)
{
  for (guint i = 0; i < gone->len; i++)
    {
      TnSyncTombstone *tombstone = g_ptr_array_index (gone, i);

      if (g_str_equal (tombstone->uid, uid))
        return tombstone;
    }

  return NULL;
}

/* One interaction both sides have, different: as merge_field() does for a contact. */
static TnSyncInteraction *
merge_interaction (const TnSyncInteraction *base,
                   const TnSyncInteraction *mine,
                   const TnSyncInteraction *theirs,
                   guint                   *n_conflicts)
{
  TnSyncInteraction *merged;
  gboolean local_later;

  if (tn_sync_interaction_equal (mine, theirs))
    {
      merged = tn_sync_interaction_copy (mine);
      merged->changed_at = MAX (mine->changed_at, theirs->changed_at);
      return merged;
    }
  if (base != NULL && tn_sync_interaction_equal (mine, base))
    return tn_sync_interaction_copy (theirs);
  if (base != NULL && tn_sync_interaction_equal (theirs, base))
    return tn_sync_interaction_copy (mine);

  (*n_conflicts)++;
  local_later = local_is_later (mine->changed_at, theirs->changed_at, mine->note, theirs->note);
  merged = tn_sync_interaction_copy (local_later ? mine : theirs);
  g_free (merged->note);
  merged->note = tn_sync_merge_notes (local_later ? mine->note : theirs->note,
                                      local_later ? theirs->note : mine->note);
  merged->changed_at = MAX (mine->changed_at, theirs->changed_at);
  return merged;
}

static int
compare_interactions (gconstpointer a,
                      gconstpointer b)
{
  const TnSyncInteraction *x = *(TnSyncInteraction **) a, *y = *(TnSyncInteraction **) b;
  int by_day = g_strcmp0 (x->day, y->day);

  return by_day != 0 ? by_day : strcmp (x->uid, y->uid);
}

static void
merge_tombstones (GPtrArray *merged,
                  GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      const TnSyncTombstone *tombstone = g_ptr_array_index (from, i);
      TnSyncTombstone *known = find_tombstone (merged, tombstone->uid);

      if (known == NULL)
        g_ptr_array_add (merged, tn_sync_tombstone_new (tombstone->uid, tombstone->deleted_at));
      else
        known->deleted_at = MAX (known->deleted_at, tombstone->deleted_at);
    }
}

/* Interactions: a union by uid. A deleted one stays deleted unless it was edited after it
 * was deleted: then the edit, made by someone who did not know, brings it back. */
static void
merge_interactions (TnSyncContact       *merged,
                    const TnSyncContact *base,
                    const TnSyncContact *local,
                    const TnSyncContact *remote,
                    guint               *n_conflicts)
{
  const TnSyncContact *sides[] = { local, remote };

  merge_tombstones (merged->gone, local->gone);
  merge_tombstones (merged->gone, remote->gone);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      for (guint i = 0; i < sides[s]->interactions->len; i++)
        {
          const TnSyncInteraction *interaction = g_ptr_array_index (sides[s]->interactions, i);
          const TnSyncInteraction *mine = find_interaction (local, interaction->uid);
          const TnSyncInteraction *theirs = find_interaction (remote, interaction->uid);
          TnSyncTombstone *tombstone = find_tombstone (merged->gone, interaction->uid);
          TnSyncInteraction *result;

          if (find_interaction (merged, interaction->uid) != NULL)
            continue;

          result = mine != NULL && theirs != NULL
                     ? merge_interaction (find_interaction (base, interaction->uid), mine, theirs, n_conflicts)
                     : tn_sync_interaction_copy (interaction);

          if (tombstone != NULL && tombstone->deleted_at >= result->changed_at)
            {
              tn_sync_interaction_free (result);
              continue;
            }
          if (tombstone != NULL)
            g_ptr_array_remove (merged->gone, tombstone);
          g_ptr_array_add (merged->interactions, result);
        }
    }

  g_ptr_array_sort (merged->interactions, compare_interactions);
}

static gboolean
has_job_change (const TnSyncContact *contact,
                const char          *id)
{
  for (guint i = 0; contact != NULL && i < contact->job_changes->len; i++)
    if (g_str_equal (((TnSyncJobChange *) g_ptr_array_index (contact->job_changes, i))->id, id))
      return TRUE;

  return FALSE;
}

/* Job changes: a union by id, as addresses are: one the base had and one side no longer has
 * was taken back there (its import undone) and stays gone. The same change on both sides
 * is one (tn_sync_job_changes_add() folds them). Nothing else edits a job change, so no
 * tombstones are needed: the base tells. */
static void
merge_job_changes (TnSyncContact       *merged,
                   const TnSyncContact *base,
                   const TnSyncContact *local,
                   const TnSyncContact *remote)
{
  const TnSyncContact *sides[] = { local, remote };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      const TnSyncContact *other = sides[1 - s];

      for (guint i = 0; i < sides[s]->job_changes->len; i++)
        {
          const TnSyncJobChange *change = g_ptr_array_index (sides[s]->job_changes, i);

          if (has_job_change (base, change->id) && !has_job_change (other, change->id))
            continue;

          tn_sync_job_changes_add (merged->job_changes, tn_sync_job_change_copy (change));
        }
    }
}

/**
 * tn_sync_merge_contact:
 * @base: (nullable): the contact as last synced, %NULL when the two sides never agreed
 * @local: the contact here
 * @remote: the contact on the server
 * @n_conflicts: (out) (optional): how many fields and interactions both sides changed
 *
 * The contact both sides end up with. The result is written over @remote's card, so the
 * properties other clients put there stay.
 *
 * Returns: (transfer full): the merged contact
 */
TnSyncContact *
tn_sync_merge_contact (const TnSyncContact *base,
                       const TnSyncContact *local,
                       const TnSyncContact *remote,
                       guint               *n_conflicts)
{
  TnSyncContact *merged;
  guint conflicts = 0;

  g_return_val_if_fail (local != NULL, NULL);
  g_return_val_if_fail (remote != NULL, NULL);

  merged = tn_sync_contact_new (local->uid != NULL ? local->uid : remote->uid);
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    merge_field (merged, i, base, local, remote, &conflicts);

  merge_list (merged->emails, base ? base->emails : NULL, local->emails, remote->emails, tn_text_normalize_email);
  merge_list (merged->phones, base ? base->phones : NULL, local->phones, remote->phones, tn_text_normalize_phone);
  merge_list (merged->urls, base ? base->urls : NULL, local->urls, remote->urls, tn_duplicates_url_key);
  merge_job_changes (merged, base, local, remote);

  for (guint i = 0; i < local->trust_history->len; i++)
    {
      const TnSyncTrustChange *change = &g_array_index (local->trust_history, TnSyncTrustChange, i);

      tn_sync_contact_add_trust_change (merged, change->trust, change->changed_at);
    }
  for (guint i = 0; i < remote->trust_history->len; i++)
    {
      const TnSyncTrustChange *change = &g_array_index (remote->trust_history, TnSyncTrustChange, i);

      tn_sync_contact_add_trust_change (merged, change->trust, change->changed_at);
    }

  merge_interactions (merged, base, local, remote, &conflicts);
  merged->vcard = g_strdup (remote->vcard != NULL ? remote->vcard : local->vcard);

  if (n_conflicts != NULL)
    *n_conflicts = conflicts;
  return merged;
}

static char *
goal_text (int goal)
{
  return goal > 0 ? g_strdup_printf ("%d", goal) : NULL;
}

/* The goal as text, so that merge_value() is the one rule for it too. */
static void
merge_goal (TnSyncSelf       *merged,
            const TnSyncSelf *base,
            const TnSyncSelf *local,
            const TnSyncSelf *remote)
{
  g_autofree char *base_goal = base != NULL ? goal_text (base->goal) : NULL;
  g_autofree char *mine = goal_text (local->goal);
  g_autofree char *theirs = goal_text (remote->goal);
  const char *goal;

  merge_value (base != NULL, base_goal, mine, local->goal_changed_at, theirs, remote->goal_changed_at,
               &goal, &merged->goal_changed_at);
  merged->goal = goal != NULL ? (int) g_ascii_strtoll (goal, NULL, 10) : 0;
}

/**
 * tn_sync_merge_self:
 * @base: (nullable): the person's data as last synced
 * @local: the data here
 * @remote: the data on the server
 *
 * Statement versions and self-checks only grow: a union. Goal and employer are fields, as
 * a contact's are: the later change wins, a clearing too (see merge_value()).
 *
 * Returns: (transfer full): the merged data
 */
TnSyncSelf *
tn_sync_merge_self (const TnSyncSelf *base,
                    const TnSyncSelf *local,
                    const TnSyncSelf *remote)
{
  TnSyncSelf *merged;
  const TnSyncSelf *sides[] = { local, remote };
  const char *employer;

  g_return_val_if_fail (local != NULL, NULL);
  g_return_val_if_fail (remote != NULL, NULL);

  merged = tn_sync_self_new ();
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      for (guint i = 0; i < sides[s]->statements->len; i++)
        {
          const TnSyncStatement *statement = g_ptr_array_index (sides[s]->statements, i);

          tn_sync_self_add_statement (merged, statement->text, statement->created_at);
        }
      for (guint i = 0; i < sides[s]->checks->len; i++)
        {
          const TnSyncSelfCheck *check = &g_array_index (sides[s]->checks, TnSyncSelfCheck, i);

          tn_sync_self_add_check (merged, check->answers, check->taken_at);
        }
    }

  merge_goal (merged, base, local, remote);
  merge_value (base != NULL, base != NULL ? base->employer : NULL, local->employer, local->employer_changed_at,
               remote->employer, remote->employer_changed_at, &employer, &merged->employer_changed_at);
  merged->employer = g_strdup (employer);
  merged->vcard = g_strdup (remote->vcard != NULL ? remote->vcard : local->vcard);
  return merged;
}
