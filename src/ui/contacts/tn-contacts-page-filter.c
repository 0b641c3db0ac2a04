/* tn-contacts-page-filter.c — who the contacts table shows: the search, the trust and
 * overdue filters, and the counts and summary of the filter bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-contacts-page-private.h"
#include "tn-stats.h"
#include "tn-text.h"
#include "tn-trust-counts.h"

/* How many contacts get their search key folded per idle call, so a first
 * search over 100,000 contacts does not pay for all of them at once. */
#define WARM_BATCH 2000

/* The values of the contacts-filter setting, indexed by TnTrust. */
static const char * const filter_names[] = {
  [TN_TRUST_UNRATED] = "unrated",
  [TN_TRUST_COMPLETELY] = "completely",
  [TN_TRUST_MODERATELY] = "moderately",
  [TN_TRUST_VAGUELY] = "vaguely",
};

static const int count_props[] = {
  [TN_TRUST_UNRATED] = PROP_N_UNRATED,
  [TN_TRUST_COMPLETELY] = PROP_N_COMPLETELY,
  [TN_TRUST_MODERATELY] = PROP_N_MODERATELY,
  [TN_TRUST_VAGUELY] = PROP_N_VAGUELY,
};

/* Filtering */

/* Runs for each of up to 100,000 contacts per keystroke: no allocation here.
 * The query is folded once per keystroke and each contact keeps its folded key. */
static gboolean
filter_contact (gpointer item,
                gpointer user_data)
{
  TnContactsPage *self = user_data;
  TnContact *contact = item;

  if (self->trust_filter != FILTER_ALL &&
      tn_contact_get_trust (contact) != (TnTrust) self->trust_filter)
    return FALSE;

  if (self->overdue_only && !tn_cadence_is_overdue (&self->cadence, contact, self->today))
    return FALSE;

  return tn_contact_matches (contact, self->folded_query);
}

void
_tn_contacts_page_update_stack (TnContactsPage *self)
{
  /* Rows not in the list yet are not "no matches". */
  guint n_visible = self->model_attached ? g_list_model_get_n_items (G_LIST_MODEL (self->filter_model))
                                         : self->n_contacts;

  gtk_widget_set_visible (self->filter_bar, self->n_contacts > 0);

  if (self->n_contacts == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (n_visible == 0)
    {
      const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      g_autofree char *description = NULL;

      /* A status page's description is markup: the query is escaped. */
      if (self->overdue_only && *self->folded_query == '\0')
        description = g_strdup (_("No one is overdue. You are keeping in touch with everyone."));
      else if (self->overdue_only)
        description = g_markup_printf_escaped (_("No one overdue matches “%s”."), query);
      else if (*self->folded_query != '\0' && self->trust_filter == FILTER_ALL)
        description = g_markup_printf_escaped (_("No one matches “%s”. Try another name, organization or email."), query);
      else if (*self->folded_query != '\0')
        description = g_markup_printf_escaped (_("No one with this rating matches “%s”."), query);
      else
        description = g_strdup (_("No one has this rating yet."));

      adw_status_page_set_description (self->no_matches_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-matches");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* A selected row that the new filter hides would make the selection look
 * for it among every row the change brings in: let go of it first, and
 * autoselect picks the first match instead. */
void
_tn_contacts_page_refilter (TnContactsPage  *self,
                            GtkFilterChange  change)
{
  gboolean had_focus = _tn_contacts_page_list_has_focus (self);

  if (change != GTK_FILTER_CHANGE_LESS_STRICT &&
      self->selected_contact != NULL &&
      !filter_contact (self->selected_contact, self))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  _tn_contacts_page_rescue_focus (self, had_focus);
}

void
_tn_contacts_page_set_folded_query (TnContactsPage *self,
                                    char           *folded_query)
{
  g_autofree char *old = g_steal_pointer (&self->folded_query);
  GtkFilterChange change;

  self->folded_query = folded_query;

  if (g_str_equal (old, folded_query))
    return;

  /* Matching is a substring test, so a longer query only ever hides rows
   * and a shorter one only ever brings them back. */
  if (strstr (folded_query, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, folded_query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  _tn_contacts_page_refilter (self, change);
}

static void
on_search_changed_cb (TnContactsPage *self,
                      GtkSearchEntry *entry)
{
  _tn_contacts_page_set_folded_query (self, tn_text_fold_for_search (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
on_search_activate_cb (TnContactsPage *self,
                       GtkSearchEntry *entry)
{
  tn_contacts_page_focus_list (self);
}

static gboolean
warm_search_keys_cb (gpointer user_data)
{
  TnContactsPage *self = user_data;
  GListModel *contacts;
  guint n_items;
  guint end;

  if (self->store == NULL)
    goto done;

  contacts = tn_store_get_contacts (self->store);
  n_items = g_list_model_get_n_items (contacts);
  end = MIN (self->warm_position + WARM_BATCH, n_items);

  for (; self->warm_position < end; self->warm_position++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, self->warm_position);

      tn_contact_get_search_key (contact);
    }

  if (self->warm_position < n_items)
    return G_SOURCE_CONTINUE;

done:
  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

void
_tn_contacts_page_warm_search_keys (TnContactsPage *self)
{
  self->warm_position = 0;
  if (self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_search_keys_cb, self, NULL);
}

static void
on_search_mode_notify_cb (TnContactsPage *self,
                          GParamSpec     *pspec,
                          GtkSearchBar   *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closing the search shows everyone again and hands the keys back to the list. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _tn_contacts_page_set_folded_query (self, g_strdup (""));
  tn_contacts_page_focus_list (self);
}

/* Counting, for the filter buttons and the summary; who is overdue follows the day */

static void
update_summary (TnContactsPage *self)
{
  guint trusted = self->counts[TN_TRUST_COMPLETELY];
  int goal = g_settings_get_int (self->settings, "trusted-goal");
  g_autofree char *summary = NULL;

  /* Nothing to count yet: the empty page says what to do instead. */
  if (self->n_contacts == 0)
    summary = NULL;
  else
    summary = tn_stats_describe_trusted (trusted, goal);

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  _tn_contacts_page_notify (self, PROP_SUMMARY);
}

void
_tn_contacts_page_recount (TnContactsPage *self)
{
  TnTrustCounts counts;

  tn_trust_counts_count_model (&counts,
                               self->store != NULL ? tn_store_get_contacts (self->store) : NULL,
                               &self->cadence, self->today);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->n_overdue != counts.n_overdue)
    {
      self->n_overdue = counts.n_overdue;
      _tn_contacts_page_notify (self, PROP_N_OVERDUE);
    }

  for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
    {
      if (self->counts[trust] != counts.by_trust[trust])
        {
          self->counts[trust] = counts.by_trust[trust];
          _tn_contacts_page_notify (self, count_props[trust]);
        }
    }

  if (self->n_contacts != counts.n_contacts)
    {
      self->n_contacts = counts.n_contacts;
      _tn_contacts_page_notify (self, PROP_N_CONTACTS);
    }

  update_summary (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
recount_cb (gpointer user_data)
{
  TnContactsPage *self = user_data;

  self->recount_source = 0;
  _tn_contacts_page_recount (self);
  _tn_contacts_page_update_stack (self);

  return G_SOURCE_REMOVE;
}

void
_tn_contacts_page_store_items_changed_cb (TnContactsPage *self,
                                          guint           position,
                                          guint           removed,
                                          guint           added,
                                          GListModel     *contacts)
{
  gboolean was_empty = self->n_contacts == 0;
  gboolean is_empty = g_list_model_get_n_items (contacts) == 0;

  /* An import changes thousands of rows: count once when it is over. */
  if (self->recount_source == 0)
    self->recount_source = g_idle_add (recount_cb, self);

  /* Leaving or reaching the empty state shows at once. */
  if (was_empty != is_empty)
    {
      self->n_contacts = g_list_model_get_n_items (contacts);
      _tn_contacts_page_notify (self, PROP_N_CONTACTS);
      _tn_contacts_page_update_stack (self);
    }
}

/* Who is overdue changes with the day and with the intervals in Preferences. */
static void
reconsider_overdue (TnContactsPage *self)
{
  g_autoptr(GDateTime) now = tn_clock_now ();

  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = g_steal_pointer (&now);
  tn_cadence_init_from_settings (&self->cadence, self->settings);

  _tn_contacts_page_recount (self);
  if (self->overdue_only)
    _tn_contacts_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_day_changed_cb (TnContactsPage *self)
{
  reconsider_overdue (self);
  _tn_contacts_page_update_stack (self);
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
    {
      reconsider_overdue (self);
      _tn_contacts_page_update_stack (self);
    }
}

static void
on_trusted_goal_changed_cb (TnContactsPage *self,
                            const char     *key,
                            GSettings      *settings)
{
  update_summary (self);
}

/* The filters and the search, as properties */

const char *
tn_contacts_page_get_trust_filter (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  if (self->trust_filter == FILTER_ALL)
    return "all";

  return filter_names[self->trust_filter];
}

/**
 * tn_contacts_page_set_trust_filter:
 * @self: a page
 * @trust_filter: "all", "completely", "moderately", "vaguely" or "unrated"
 */
void
tn_contacts_page_set_trust_filter (TnContactsPage *self,
                                   const char     *trust_filter)
{
  int old;
  int wanted = FILTER_ALL;

  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  if (trust_filter != NULL && !g_str_equal (trust_filter, "all"))
    {
      for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
        {
          if (g_str_equal (trust_filter, filter_names[trust]))
            wanted = trust;
        }

      if (wanted == FILTER_ALL)
        {
          g_warning ("Unknown trust filter “%s”", trust_filter);
          return;
        }
    }

  if (self->trust_filter == wanted)
    return;

  old = self->trust_filter;
  self->trust_filter = wanted;

  if (self->filter != NULL)
    {
      if (old == FILTER_ALL)
        _tn_contacts_page_refilter (self, GTK_FILTER_CHANGE_MORE_STRICT);
      else if (wanted == FILTER_ALL)
        _tn_contacts_page_refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
      else
        _tn_contacts_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
    }

  _tn_contacts_page_notify (self, PROP_TRUST_FILTER);
}

gboolean
tn_contacts_page_get_overdue_only (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->overdue_only;
}

/**
 * tn_contacts_page_set_overdue_only:
 * @self: a page
 * @overdue_only: whether to show only the contacts whose keep-in-touch interval has passed
 */
void
tn_contacts_page_set_overdue_only (TnContactsPage *self,
                                   gboolean        overdue_only)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;

  self->overdue_only = overdue_only;
  if (self->filter != NULL)
    _tn_contacts_page_refilter (self, overdue_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);

  _tn_contacts_page_notify (self, PROP_OVERDUE_ONLY);
}

gboolean
tn_contacts_page_get_search_mode (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->search_mode;
}

/**
 * tn_contacts_page_set_search_mode:
 * @self: a page
 * @search_mode: whether the search bar is open
 *
 * Opening the search bar puts the keyboard focus in its entry.
 */
void
tn_contacts_page_set_search_mode (TnContactsPage *self,
                                  gboolean        search_mode)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  _tn_contacts_page_notify (self, PROP_SEARCH_MODE);
}

/**
 * tn_contacts_page_get_summary:
 * @self: a page
 *
 * Returns: "12 of 20 people trust you completely"
 */
const char *
tn_contacts_page_get_summary (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->summary;
}

/**
 * tn_contacts_page_get_filtered:
 * @self: a page
 *
 * Returns: whether a search or the trust filter is in effect, so that the
 *   list may show only some of the contacts (see tn_contacts_page_get_visible_model())
 */
gboolean
tn_contacts_page_get_filtered (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->trust_filter != FILTER_ALL || *self->folded_query != '\0';
}

void
_tn_contacts_page_class_bind_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_notify_cb);

  gtk_widget_class_install_property_action (widget_class, "contacts.filter", "trust-filter");
  gtk_widget_class_install_property_action (widget_class, "contacts.overdue-only", "overdue-only");
}

void
_tn_contacts_page_init_filters (TnContactsPage *self)
{
  gtk_custom_filter_set_filter_func (self->filter, filter_contact, self, NULL);

  /* Typing while the list has the focus starts a search; the list's own
   * keys (1 2 3 0 j k Delete) are taken before they get here. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (self->settings, "changed::trusted-goal",
                           G_CALLBACK (on_trusted_goal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_cadence_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->today = tn_clock_now ();
  tn_cadence_init_from_settings (&self->cadence, self->settings);
}
