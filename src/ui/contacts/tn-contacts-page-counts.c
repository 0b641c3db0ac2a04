/* tn-contacts-page-counts.c — the counts on the filter buttons, which say how many people a
 * click shows (given the search and the other filter), who is overdue, and the summary.
 *
 * The list keeps each contact's class (its rating and whether it is overdue) and whether the
 * search finds it, so counting is one pass over two bytes a contact, made at once after a
 * keystroke, a rating or any change of the store; only when many classes are not known
 * yet (the list just filled or sorted anew) is it left until they are asked while idle. A filter
 * toggle only combines the counts already made. Before the list has the contacts, the
 * store's are counted one by one, by the same classes.
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

  tn_contact_filter_list_forget_classes (self->shown);
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
  const TnTrustCounts *late = &self->found[1];
  const TnTrustCounts *on_time = &self->found[0];
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

/* More contacts changed at once than this (an import, a sync, an import undone), or more
 * classes not known, are counted later (once painted, or once the classes are asked while
 * idle); fewer are counted at once. */
#define BULK_CHANGE 64

/**
 * _tn_contacts_page_classify:
 * @contact: a contact of the page's store
 * @user_data: the page
 *
 * The one rule for the class the list keeps of a contact: its rating (CLASS_NOT_A_RATING for
 * a rating outside #TnTrust), plus CLASS_OVERDUE when it is overdue.
 *
 * Returns: the class, below TN_CONTACT_N_CLASSES
 */
guint
_tn_contacts_page_classify (TnContact *contact,
                            gpointer   user_data)
{
  TnContactsPage *self = user_data;
  int trust = tn_contact_get_trust (contact);

  return (tn_trust_is_valid (trust) ? (guint) trust : CLASS_NOT_A_RATING) |
         (_tn_contacts_page_is_overdue (self, contact) ? CLASS_OVERDUE : 0);
}

/* Per class to per rating: every contact into @total, those found into @found, [1] the
 * overdue. CLASS_NOT_A_RATING is no rating: counted as a contact only. */
static void
add_classes (const guint    all[TN_CONTACT_N_CLASSES],
             const guint    found[TN_CONTACT_N_CLASSES],
             TnTrustCounts *total,
             TnTrustCounts  found_counts[2])
{
  *total = (TnTrustCounts) { 0 };
  found_counts[0] = found_counts[1] = (TnTrustCounts) { 0 };

  for (guint class = 0; class < TN_CONTACT_N_CLASSES; class++)
    {
      int trust = class & ~CLASS_OVERDUE;

      tn_trust_counts_add (total, trust, all[class]);
      tn_trust_counts_add (&found_counts[(class & CLASS_OVERDUE) != 0], trust, found[class]);
    }
}

/* Before the list has them: each contact of the store, classified and searched here. */
static void
count_store (TnContactsPage *self,
             guint           all[TN_CONTACT_N_CLASSES],
             guint           found[TN_CONTACT_N_CLASSES])
{
  GListModel *contacts = self->store != NULL ? tn_store_get_contacts (self->store) : NULL;
  guint n_items = contacts != NULL ? g_list_model_get_n_items (contacts) : 0;

  memset (all, 0, TN_CONTACT_N_CLASSES * sizeof (guint));
  memset (found, 0, TN_CONTACT_N_CLASSES * sizeof (guint));
  for (guint i = 0; i < n_items; i++)
    {
      TnContact *contact = tn_contact_list_get (TN_CONTACT_LIST (contacts), i);
      guint class = _tn_contacts_page_classify (contact, self);

      all[class]++;
      found[class] += _tn_contacts_page_is_found (self, contact);
    }
}

/**
 * _tn_contacts_page_recount:
 * @self: a page
 *
 * Counts every contact, and those the search finds, per rating and whether overdue, from
 * what the list keeps (no contact searched again), and drops a count still waiting.
 */
void
_tn_contacts_page_recount (TnContactsPage *self)
{
  guint all[TN_CONTACT_N_CLASSES];
  guint found[TN_CONTACT_N_CLASSES];

  tn_after_paint_cancel (&self->recount);

  if (self->model_attached)
    tn_contact_filter_list_count_classes (self->shown, all, found);
  else
    count_store (self, all, found);

  add_classes (all, found, &self->total, self->found);
  _tn_contacts_page_update_counts (self);
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

  /* Once the list has the contacts, it says when to count (on_list_counts_changed_cb()). */
  if (self->model_attached)
    ;
  else if (removed + added > BULK_CHANGE || tn_after_paint_is_pending (&self->recount))
    _tn_contacts_page_queue_recount (self);
  else
    _tn_contacts_page_recount (self);

  /* Leaving or reaching the empty state shows at once. */
  if (was_empty != is_empty)
    {
      self->total.n_contacts = g_list_model_get_n_items (contacts);
      _tn_contacts_page_update_stack (self);
    }
}

/* Who is found or the classes changed in the list: counted at once, unless many classes
 * are to be asked first (the list just filled or sorted anew, an import): those are asked
 * while idle, a few milliseconds at a time, and counted when all are known
 * (_tn_contacts_page_warm_search_keys()), where asking 100,000 at once was one step of
 * about 20M instructions after the frame. */
static void
on_list_counts_changed_cb (TnContactsPage      *self,
                           TnContactFilterList *list)
{
  if (!self->model_attached || tn_after_paint_is_pending (&self->recount))
    return;

  if (tn_contact_filter_list_get_n_unclassified (list) > BULK_CHANGE)
    _tn_contacts_page_warm_search_keys (self);
  else
    _tn_contacts_page_recount (self);
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
  self->today = tn_clock_now ();
  tn_cadence_init_from_settings (&self->cadence, self->settings);

  tn_contact_filter_list_set_classify (self->shown, _tn_contacts_page_classify, self);
  g_signal_connect_object (self->shown, "counts-changed", G_CALLBACK (on_list_counts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" TN_SELF_SETTINGS_GOAL,
                           G_CALLBACK (on_trusted_goal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_cadence_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
