/* tn-contacts-page-counts.c — the counts on the filter buttons, which say how many people a
 * click shows (given the search and the other filter), who is overdue, and the summary.
 *
 * Counting reads every contact, so it happens when the search changes or many contacts
 * change at once, after the list is painted; a few contacts changed (a rating, one added
 * or deleted) move between the counts kept (TnTrustTally); a filter toggle only combines
 * the counts already made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-contact-list.h"
#include "tn-contacts-page-private.h"
#include "tn-self-settings.h"
#include "tn-stats.h"

static const int count_props[] = {
  [TN_TRUST_UNRATED] = PROP_N_UNRATED,
  [TN_TRUST_COMPLETELY] = PROP_N_COMPLETELY,
  [TN_TRUST_MODERATELY] = PROP_N_MODERATELY,
  [TN_TRUST_VAGUELY] = PROP_N_VAGUELY,
};

/* Who is overdue */

gboolean
_tn_contacts_page_is_overdue (TnContactsPage *self,
                              TnContact      *contact)
{
  gpointer known = g_hash_table_lookup (self->overdue_cache, contact);
  gboolean overdue;

  if (known != NULL)
    return GPOINTER_TO_INT (known) == 2;

  overdue = tn_cadence_is_overdue (&self->cadence, contact, self->today);
  g_hash_table_insert (self->overdue_cache, g_object_ref (contact), GINT_TO_POINTER (overdue ? 2 : 1));
  return overdue;
}

/* Who is overdue changes with the day and with the intervals in Preferences. */
void
_tn_contacts_page_reconsider_overdue (TnContactsPage *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = g_steal_pointer (&now);
  tn_cadence_init_from_settings (&self->cadence, self->settings);
  g_hash_table_remove_all (self->overdue_cache);

  _tn_contacts_page_recount (self);
  if (self->overdue_only)
    _tn_contacts_page_refilter (self, TN_FILTER_STAGE_FILTERS, TN_FILTER_CHANGE_DIFFERENT);
  _tn_contacts_page_update_stack (self);
}

/* The summary */

static void
update_summary (TnContactsPage *self)
{
  guint trusted = self->total.by_trust[TN_TRUST_COMPLETELY];
  int goal = g_settings_get_int (self->settings, TN_SELF_SETTINGS_GOAL);
  g_autofree char *summary = NULL;

  /* Nothing to count yet: the empty page says what to do instead. */
  if (self->total.n_contacts > 0)
    summary = tn_stats_describe_trusted (trusted, goal);

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  _tn_contacts_page_notify (self, PROP_SUMMARY);
}

/* Counting */

static void
set_count (TnContactsPage *self,
           guint          *count,
           guint           value,
           guint           prop_id)
{
  if (*count == value)
    return;

  *count = value;
  _tn_contacts_page_notify (self, prop_id);
}

/**
 * _tn_contacts_page_update_counts:
 * @self: a page
 *
 * What each button would show if clicked, from the counts of the search's finds: a trust
 * button keeps the Overdue filter, Overdue keeps the trust filter. Cheap: every filter
 * change calls it.
 */
void
_tn_contacts_page_update_counts (TnContactsPage *self)
{
  const TnTrustCounts *late = tn_trust_tally_get_found (self->tally, TRUE);
  const TnTrustCounts *on_time = tn_trust_tally_get_found (self->tally, FALSE);
  g_autofree char *result = NULL;
  guint n_shown;

  g_object_freeze_notify (G_OBJECT (self));

  for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
    set_count (self, &self->counts[trust],
               late->by_trust[trust] + (self->overdue_only ? 0 : on_time->by_trust[trust]),
               count_props[trust]);

  set_count (self, &self->n_contacts,
             late->n_contacts + (self->overdue_only ? 0 : on_time->n_contacts),
             PROP_N_CONTACTS);
  set_count (self, &self->n_overdue,
             self->trust_filter == FILTER_ALL ? late->n_contacts : late->by_trust[self->trust_filter],
             PROP_N_OVERDUE);

  n_shown = self->trust_filter == FILTER_ALL ? self->n_contacts : self->counts[self->trust_filter];
  result = g_strdup_printf (ngettext ("%u found", "%u found", n_shown), n_shown);
  gtk_label_set_label (self->result_count, result);

  update_summary (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* More contacts changed at once than this (an import, a sync, an import undone) are
 * counted anew once painted; fewer move between the counts kept, at once. */
#define BULK_CHANGE 64

static TnTallyEntry
tally_entry (TnContactsPage *self,
             TnContact      *contact,
             gboolean        found)
{
  return (TnTallyEntry) { tn_contact_get_trust (contact), found, _tn_contacts_page_is_overdue (self, contact) };
}

static void
on_tally_changed (TnContactsPage *self)
{
  self->total = *tn_trust_tally_get_total (self->tally);
  _tn_contacts_page_update_counts (self);
}

static void
add_to_set (gpointer contact,
            gpointer set)
{
  g_hash_table_add (set, contact);
}

/**
 * _tn_contacts_page_recount:
 * @self: a page
 *
 * Counts every contact, and those the search finds, per rating and whether overdue. Who
 * is found the list already knows: no contact is searched again here.
 */
void
_tn_contacts_page_recount (TnContactsPage *self)
{
  GListModel *contacts = self->store != NULL ? tn_store_get_contacts (self->store) : NULL;
  guint n_items = contacts != NULL ? g_list_model_get_n_items (contacts) : 0;
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (TnTallyEntry), n_items);
  TnTallyEntry *entry;
  g_autoptr(GHashTable) found = NULL;

  tn_after_paint_cancel (&self->recount);

  /* Before the list has the contacts (tn_contacts_page_load()), each is searched here. */
  if (self->model_attached && !tn_search_is_empty (self->search))
    {
      found = g_hash_table_new (g_direct_hash, g_direct_equal);
      tn_contact_filter_list_foreach_found (self->shown, add_to_set, found);
    }

  /* Written in place: an append per contact was a sixth of this count after every keystroke. */
  g_array_set_size (entries, n_items);
  entry = (TnTallyEntry *) entries->data;
  for (guint i = 0; i < n_items; i++)
    {
      TnContact *contact = tn_contact_list_get (TN_CONTACT_LIST (contacts), i);

      entry[i] = tally_entry (self, contact, found != NULL ? g_hash_table_contains (found, contact)
                                                           : _tn_contacts_page_is_found (self, contact));
    }

  tn_trust_tally_clear (self->tally);
  tn_trust_tally_splice (self->tally, 0, 0, (const TnTallyEntry *) entries->data, entries->len);
  on_tally_changed (self);
}

/* A few contacts changed: what was counted of those at @position goes, what they are now
 * is counted. */
static void
keep_count (TnContactsPage *self,
            GListModel     *contacts,
            guint           position,
            guint           removed,
            guint           added)
{
  TnTallyEntry entries[BULK_CHANGE];

  for (guint i = 0; i < added; i++)
    {
      TnContact *contact = tn_contact_list_get (TN_CONTACT_LIST (contacts), position + i);

      entries[i] = tally_entry (self, contact, _tn_contacts_page_is_found (self, contact));
    }

  tn_trust_tally_splice (self->tally, position, removed, entries, added);
  on_tally_changed (self);
}

/* Counts anew, drops a count still waiting, and shows whether anyone is found. */
static void
recount_and_show (TnContactsPage *self)
{
  _tn_contacts_page_recount (self);
  _tn_contacts_page_update_stack (self);
}

/* After the frame that shows the rows (tn-after-paint.c): a keystroke or a rating is
 * painted first, and an import of thousands of rows is counted once it is over. A page
 * off the screen counts in the next idle turn. */
void
_tn_contacts_page_queue_recount (TnContactsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !tn_after_paint_queue (&self->recount, GTK_WIDGET (self)))
    tn_after_paint_queue_idle (&self->recount);
}

/* The page leaves the screen: a frame may never come, count without waiting for one. */
void
_tn_contacts_page_unmap_counts (TnContactsPage *self)
{
  tn_after_paint_stop_waiting (&self->recount);
}

void
_tn_contacts_page_store_items_changed_cb (TnContactsPage *self,
                                          guint           position,
                                          guint           removed,
                                          guint           added,
                                          GListModel     *contacts)
{
  gboolean was_empty = self->total.n_contacts == 0;
  gboolean is_empty = g_list_model_get_n_items (contacts) == 0;

  /* A changed contact comes back as itself: what was known of it may no longer hold. It
   * runs before the list's models hear of the change, so their filter sees it fresh. */
  for (guint i = position; i < position + added; i++)
    g_hash_table_remove (self->overdue_cache, tn_contact_list_get (TN_CONTACT_LIST (contacts), i));

  /* The kept counts follow the store position by position, unless a count anew is due. */
  if (removed + added > BULK_CHANGE || tn_after_paint_is_pending (&self->recount) ||
      tn_trust_tally_get_n_entries (self->tally) != g_list_model_get_n_items (contacts) + removed - added)
    _tn_contacts_page_queue_recount (self);
  else
    keep_count (self, contacts, position, removed, added);

  /* Leaving or reaching the empty state shows at once. */
  if (was_empty != is_empty)
    {
      self->total.n_contacts = g_list_model_get_n_items (contacts);
      _tn_contacts_page_update_stack (self);
    }
}

/* The day and the settings */

static void
on_day_changed_cb (TnContactsPage *self)
{
  _tn_contacts_page_reconsider_overdue (self);
}

TnClock *
tn_contacts_page_get_clock (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->clock;
}

void
tn_contacts_page_set_clock (TnContactsPage *self,
                            TnClock        *clock)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));
  g_return_if_fail (clock == NULL || TN_IS_CLOCK (clock));

  if (tn_clock_set_followed (&self->clock, clock, G_CALLBACK (on_day_changed_cb), self))
    _tn_contacts_page_notify (self, PROP_CLOCK);
}

static void
on_cadence_changed_cb (TnContactsPage *self,
                       const char     *key,
                       GSettings      *settings)
{
  if (g_str_has_prefix (key, "cadence-weeks-"))
    _tn_contacts_page_reconsider_overdue (self);
}

static void
on_trusted_goal_changed_cb (TnContactsPage *self,
                            const char     *key,
                            GSettings      *settings)
{
  update_summary (self);
}

void
_tn_contacts_page_init_counts (TnContactsPage *self)
{
  tn_after_paint_init (&self->recount, (TnAfterPaintFunc) recount_and_show, self);
  self->overdue_cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  /* Freed with the page. */
  self->tally = tn_trust_tally_new ();
  g_object_set_data_full (G_OBJECT (self), "tn-trust-tally", self->tally, (GDestroyNotify) tn_trust_tally_free);
  self->today = tn_clock_now ();
  tn_cadence_init_from_settings (&self->cadence, self->settings);

  g_signal_connect_object (self->settings, "changed::" TN_SELF_SETTINGS_GOAL,
                           G_CALLBACK (on_trusted_goal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_cadence_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
