/* tn-contacts-page.c — the contacts table over the store's list: sorted by
 * the column headers, filtered by trust and search, rated in place and from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-cadence.h"
#include "tn-clock.h"
#include "tn-contacts-page-private.h"
#include "tn-stats.h"
#include "tn-enums.h"
#include "tn-text.h"
#include "tn-trust-chooser.h"
#include "tn-trust-counts.h"

/* How many contacts get their search key folded per idle call, so a first
 * search over 100,000 contacts does not pay for all of them at once. */
#define WARM_BATCH 2000

/* How many frames to wait for the row of a newly selected contact to exist. */
#define FOCUS_TRIES 6

#define FILTER_ALL (-1)

/* The Trust column: the buttons and the word, or the buttons alone. */
#define TRUST_COLUMN_WIDE 210
#define TRUST_COLUMN_NARROW 112

struct _TnContactsPage
{
  GtkWidget parent_instance;

  TnStore *store;
  gulong items_changed_id;
  /* Whether the store's contacts are in the sort model yet. Sorting 100,000 names the
   * first time makes a collation key for each (a few hundred milliseconds): when the
   * page is not what the window shows first, that waits until the first frame is
   * painted, or until the page is shown (tn_contacts_page_load()) or its rows are
   * needed, whichever comes first. */
  gboolean model_attached;
  gulong after_paint_id;
  guint attach_source;
  GSettings *settings;

  int trust_filter;
  /* Only those whose keep-in-touch interval has passed, by the rule of tn-cadence, on
   * the day @today (refreshed when @clock says the day changed). */
  gboolean overdue_only;
  TnCadence cadence;
  GDateTime *today;
  TnClock *clock;
  char *folded_query;
  gboolean search_mode;
  gboolean compact;
  gboolean narrow;
  char *summary;
  TnContact *selected_contact;

  guint counts[TN_TRUST_N_RATINGS];
  guint n_overdue;
  guint n_contacts;
  guint recount_source;

  guint warm_source;
  guint warm_position;

  guint focus_tick;
  guint focus_tries;

  /* Template children */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkWidget *filter_bar;
  GtkStack *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkCustomSorter *name_sorter;
  GtkColumnViewColumn *trust_column;
  GtkColumnViewColumn *organization_column;
  GtkColumnViewColumn *email_column;
  AdwStatusPage *no_matches_page;
  GtkSortListModel *sort_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (TnContactsPage, tn_contacts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TRUST_FILTER,
  PROP_OVERDUE_ONLY,
  PROP_SEARCH_MODE,
  PROP_COMPACT,
  PROP_SUMMARY,
  PROP_SELECTED_CONTACT,
  PROP_N_CONTACTS,
  PROP_N_COMPLETELY,
  PROP_N_MODERATELY,
  PROP_N_VAGUELY,
  PROP_N_UNRATED,
  PROP_N_OVERDUE,
  PROP_CLOCK,
  N_PROPS
};

enum {
  CONTACT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean list_has_focus (TnContactsPage *self);
static void     attach_model   (TnContactsPage *self);
static void     rescue_focus   (TnContactsPage *self,
                                gboolean        had_focus);

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

static void
show_error (TnContactsPage *self,
            const GError   *error)
{
  /* The window shows it as a toast; on its own (in a test) the page can only log it. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message))
    g_message ("%s", error->message);
}

/* Expression closures used by the .ui file */

static guint
trust_sort_rank_cb (gpointer unused,
                    TnTrust  trust)
{
  return tn_trust_get_sort_rank (trust);
}

static char *
format_count_cb (gpointer unused,
                 guint    count)
{
  return g_strdup_printf ("%u", count);
}

static GDateTime *
parse_day (const char *day)
{
  if (day == NULL || *day == '\0')
    return NULL;

  return tn_clock_parse_iso8601 (day, NULL);
}

static char *
format_last_contact_cb (gpointer    unused,
                        const char *last_contact)
{
  g_autoptr(GDateTime) then = parse_day (last_contact);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  gint64 days;

  if (then == NULL)
    return g_strdup (last_contact == NULL ? _("Never") : last_contact);

  now = tn_clock_now ();
  today = g_date_time_new_local (g_date_time_get_year (now),
                                 g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now),
                                 0, 0, 0);
  /* Rounded, so a change to summer time does not make yesterday two days ago. */
  days = (g_date_time_difference (today, then) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days > 1 && days < 7)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", (int) days), (int) days);
  if (days >= 7 && days < 8 * 7)
    return g_strdup_printf (ngettext ("%d week ago", "%d weeks ago", (int) (days / 7)), (int) (days / 7));

  /* TRANSLATORS: a day in the "Last contact" column, see g_date_time_format() */
  return g_date_time_format (then, _("%-d %b %Y"));
}

/* Asked for when the pointer rests on the cell, rather than set on every
 * row: setting a tooltip costs a round trip to the display server. */
static gboolean
on_last_contact_query_tooltip_cb (GtkWidget   *label,
                                  int          x,
                                  int          y,
                                  gboolean     keyboard_mode,
                                  GtkTooltip  *tooltip,
                                  GtkListItem *list_item)
{
  TnContact *contact = gtk_list_item_get_item (list_item);
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *text = NULL;

  if (contact == NULL)
    return FALSE;

  then = parse_day (tn_contact_get_last_contact (contact));
  if (then == NULL)
    {
      gtk_tooltip_set_text (tooltip, _("No lunch, coffee, call or meeting logged yet"));
      return TRUE;
    }

  /* TRANSLATORS: the full date in the "Last contact" tooltip, see g_date_time_format() */
  text = g_date_time_format (then, _("%A, %-d %B %Y"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

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

/* Names sort by collation keys the contacts keep: a GtkStringSorter would
 * fold and key all 100,000 names again each time the list is sorted. */
static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int order = strcmp (tn_contact_get_sort_key ((TnContact *) a), tn_contact_get_sort_key ((TnContact *) b));

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_stack (TnContactsPage *self)
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
static void
refilter (TnContactsPage  *self,
          GtkFilterChange  change)
{
  gboolean had_focus = list_has_focus (self);

  if (change != GTK_FILTER_CHANGE_LESS_STRICT &&
      self->selected_contact != NULL &&
      !filter_contact (self->selected_contact, self))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  rescue_focus (self, had_focus);
}

static void
set_folded_query (TnContactsPage *self,
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

  refilter (self, change);
}

static void
on_search_changed_cb (TnContactsPage *self,
                      GtkSearchEntry *entry)
{
  set_folded_query (self, tn_text_fold_for_search (gtk_editable_get_text (GTK_EDITABLE (entry))));
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

static void
warm_search_keys (TnContactsPage *self)
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
  set_folded_query (self, g_strdup (""));
  tn_contacts_page_focus_list (self);
}

/* Counting, for the filter buttons and the summary */

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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
recount (TnContactsPage *self)
{
  TnTrustCounts counts;

  tn_trust_counts_count_model (&counts,
                               self->store != NULL ? tn_store_get_contacts (self->store) : NULL,
                               &self->cadence, self->today);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->n_overdue != counts.n_overdue)
    {
      self->n_overdue = counts.n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
    }

  for (TnTrust trust = TN_TRUST_UNRATED; trust <= TN_TRUST_LAST; trust++)
    {
      if (self->counts[trust] != counts.by_trust[trust])
        {
          self->counts[trust] = counts.by_trust[trust];
          g_object_notify_by_pspec (G_OBJECT (self), properties[count_props[trust]]);
        }
    }

  if (self->n_contacts != counts.n_contacts)
    {
      self->n_contacts = counts.n_contacts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONTACTS]);
    }

  update_summary (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
recount_cb (gpointer user_data)
{
  TnContactsPage *self = user_data;

  self->recount_source = 0;
  recount (self);
  update_stack (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_items_changed_cb (TnContactsPage *self,
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONTACTS]);
      update_stack (self);
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

  recount (self);
  if (self->overdue_only)
    refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_day_changed_cb (TnContactsPage *self)
{
  reconsider_overdue (self);
  update_stack (self);
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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
on_cadence_changed_cb (TnContactsPage *self,
                       const char     *key,
                       GSettings      *settings)
{
  if (g_str_has_prefix (key, "cadence-weeks-"))
    {
      reconsider_overdue (self);
      update_stack (self);
    }
}

static void
on_trusted_goal_changed_cb (TnContactsPage *self,
                            const char     *key,
                            GSettings      *settings)
{
  update_summary (self);
}

/* Selection and focus */

static GtkWidget *
get_list_view (TnContactsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* GTK 4.8 has no API to focus the row of an item, so find the row through
 * the trust chooser it shows, which knows its contact. */
static GtkWidget *
find_chooser (GtkWidget *widget,
              TnContact *contact)
{
  if (TN_IS_TRUST_CHOOSER (widget))
    return tn_trust_chooser_get_contact (TN_TRUST_CHOOSER (widget)) == contact ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;

      found = find_chooser (child, contact);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
focus_row_of (TnContactsPage *self,
              TnContact      *contact)
{
  GtkWidget *list_view = get_list_view (self);
  GtkWidget *row;

  if (list_view == NULL || contact == NULL)
    return FALSE;

  row = find_chooser (list_view, contact);
  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);

  if (row == NULL || !gtk_widget_get_child_visible (row))
    return FALSE;

  return gtk_widget_grab_focus (row);
}

static gboolean
focus_selected_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  TnContactsPage *self = user_data;

  if (focus_row_of (self, gtk_single_selection_get_selected_item (self->selection)) ||
      ++self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Scrolls to the selected row and gives it the keyboard focus, once it is
 * laid out: after a rating has moved or hidden it, or after j/k. */
static void
focus_selected (TnContactsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkWidget *list_view = get_list_view (self);

  /* Never focus a list that is not shown (the empty state): GTK would
   * send every key to it, and no shortcut of the window would work. */
  if (position == GTK_INVALID_LIST_POSITION)
    {
      if (gtk_widget_is_drawable (GTK_WIDGET (self->column_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return;
    }

  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);

  self->focus_tries = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                     focus_selected_tick_cb, self, NULL);
}

static gboolean
list_has_focus (TnContactsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self->column_view) ||
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)));
}

/* When a change takes the focused row away, GTK 4.8 can leave the focus on
 * a row that is no longer shown, or on nothing: every key after that is
 * lost. Put it back on the list at once, and on the selected row as soon
 * as that row is laid out. */
static void
rescue_focus (TnContactsPage *self,
              gboolean        had_focus)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean lost;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (focus == NULL)
    lost = had_focus;
  else if (gtk_widget_get_root (focus) != root)
    lost = TRUE; /* a row already taken out of the list */
  else
    lost = list_has_focus (self) && !gtk_widget_is_drawable (focus);

  if (!lost)
    return;

  if (!focus_row_of (self, gtk_single_selection_get_selected_item (self->selection)) &&
      gtk_widget_is_drawable (GTK_WIDGET (self->column_view)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      focus = gtk_root_get_focus (root);
      /* The list itself may hand the focus straight back to the hidden row. */
      if (focus != NULL && !gtk_widget_is_drawable (focus))
        gtk_root_set_focus (root, GTK_WIDGET (self->column_view));
    }

  focus_selected (self);
}

static void
select_position (TnContactsPage *self,
                 guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  focus_selected (self);
}

static void
on_selected_item_notify_cb (TnContactsPage     *self,
                            GParamSpec         *pspec,
                            GtkSingleSelection *selection)
{
  if (g_set_object (&self->selected_contact, gtk_single_selection_get_selected_item (selection)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CONTACT]);
}

static void
on_filter_model_items_changed_cb (TnContactsPage *self,
                                  guint           position,
                                  guint           removed,
                                  guint           added,
                                  GListModel     *model)
{
  update_stack (self);

  /* A rating or a deletion that hides the focused row. */
  if (removed > 0)
    rescue_focus (self, FALSE);
}

static void
on_column_view_activate_cb (TnContactsPage *self,
                            guint           position,
                            GtkColumnView  *column_view)
{
  g_autoptr(TnContact) contact = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (contact != NULL)
    g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, contact);
}

/* Rating */

static void
rate_contact (TnContactsPage *self,
              TnContact      *contact,
              TnTrust         trust)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!tn_store_set_trust (self->store, contact, trust, &error))
    show_error (self, error);
}

static void
on_row_rate_cb (TnTrustChooser *chooser,
                TnTrust         trust,
                gpointer        user_data)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (chooser), TN_TYPE_CONTACTS_PAGE);
  TnContact *contact = tn_trust_chooser_get_contact (chooser);

  if (page == NULL || contact == NULL)
    return;

  rate_contact (TN_CONTACTS_PAGE (page), contact, trust);
}

static void
rate_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  g_autoptr(TnContact) contact = NULL;
  int trust = g_variant_get_int32 (parameter);

  if (!tn_trust_is_valid (trust) || self->selected_contact == NULL)
    return;

  /* Held: a rating that moves the row out of the filter drops the selection's reference. */
  contact = g_object_ref (self->selected_contact);
  rate_contact (self, contact, trust);

  /* The selection stays on the contact, or moves on to the next row when
   * the filter now hides it; either way the next key goes to the list. */
  focus_selected (self);
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n_items == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (position + 1 < n_items)
    position++;

  select_position (self, position);
}

static void
select_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n_items == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (position > 0)
    position--;

  select_position (self, position);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);

  if (self->selected_contact == NULL)
    return;

  /* The window removes it and offers Undo in a toast. */
  gtk_widget_activate_action (widget, "win.delete-contact", "x", tn_contact_get_id (self->selected_contact));
  focus_selected (self);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);

  tn_contacts_page_set_trust_filter (self, "all");
  tn_contacts_page_set_search_mode (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  set_folded_query (self, g_strdup (""));
  tn_contacts_page_focus_list (self);
}

/* Putting the contacts in the list */

static void
attach_model (TnContactsPage *self)
{
  if (self->model_attached || self->store == NULL || self->sort_model == NULL)
    return;

  self->model_attached = TRUE;
  g_clear_handle_id (&self->attach_source, g_source_remove);
  gtk_sort_list_model_set_model (self->sort_model, tn_store_get_contacts (self->store));
  warm_search_keys (self);
  update_stack (self);
}

static gboolean
attach_model_cb (gpointer user_data)
{
  TnContactsPage *self = user_data;

  self->attach_source = 0;
  attach_model (self);
  return G_SOURCE_REMOVE;
}

static void
on_window_painted_cb (GdkFrameClock  *frame_clock,
                      TnContactsPage *self)
{
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  if (!self->model_attached && self->attach_source == 0)
    self->attach_source = g_idle_add_full (G_PRIORITY_LOW, attach_model_cb, self, NULL);
}

static void
tn_contacts_page_realize (GtkWidget *widget)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (tn_contacts_page_parent_class)->realize (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (!self->model_attached && self->after_paint_id == 0 && frame_clock != NULL)
    self->after_paint_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_window_painted_cb), self);
}

static void
tn_contacts_page_unrealize (GtkWidget *widget)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  if (frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, frame_clock);

  GTK_WIDGET_CLASS (tn_contacts_page_parent_class)->unrealize (widget);
}

/* GObject */

static void
tn_contacts_page_constructed (GObject *object)
{
  TnContactsPage *self = (TnContactsPage *) object;

  G_OBJECT_CLASS (tn_contacts_page_parent_class)->constructed (object);

  g_settings_bind (self->settings, "contacts-filter", self, "trust-filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "contacts-overdue-only", self, "overdue-only", G_SETTINGS_BIND_DEFAULT);
}

static void
tn_contacts_page_dispose (GObject *object)
{
  TnContactsPage *self = (TnContactsPage *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->items_changed_id, tn_store_get_contacts (self->store));

  /* Taking the column view apart re-sorts and so re-filters the list: the
   * page must not hear of it once its template children are going. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);

  /* The tick callback belongs to the column view, which goes with the template. */
  self->focus_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_CONTACTS_PAGE);

  g_clear_handle_id (&self->recount_source, g_source_remove);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_handle_id (&self->attach_source, g_source_remove);
  g_clear_object (&self->clock);
  g_clear_object (&self->selected_contact);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tn_contacts_page_parent_class)->dispose (object);
}

static void
tn_contacts_page_finalize (GObject *object)
{
  TnContactsPage *self = (TnContactsPage *) object;

  g_clear_pointer (&self->folded_query, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->today, g_date_time_unref);

  G_OBJECT_CLASS (tn_contacts_page_parent_class)->finalize (object);
}

static void
tn_contacts_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_TRUST_FILTER:
      g_value_set_string (value, tn_contacts_page_get_trust_filter (self));
      break;
    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_SELECTED_CONTACT:
      g_value_set_object (value, self->selected_contact);
      break;
    case PROP_N_CONTACTS:
      g_value_set_uint (value, self->n_contacts);
      break;
    case PROP_N_COMPLETELY:
      g_value_set_uint (value, self->counts[TN_TRUST_COMPLETELY]);
      break;
    case PROP_N_MODERATELY:
      g_value_set_uint (value, self->counts[TN_TRUST_MODERATELY]);
      break;
    case PROP_N_VAGUELY:
      g_value_set_uint (value, self->counts[TN_TRUST_VAGUELY]);
      break;
    case PROP_N_UNRATED:
      g_value_set_uint (value, self->counts[TN_TRUST_UNRATED]);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contacts_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_contacts_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      tn_contacts_page_set_clock (self, g_value_get_object (value));
      break;
    case PROP_TRUST_FILTER:
      tn_contacts_page_set_trust_filter (self, g_value_get_string (value));
      break;
    case PROP_OVERDUE_ONLY:
      tn_contacts_page_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH_MODE:
      tn_contacts_page_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_COMPACT:
      tn_contacts_page_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_param_spec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL,
                            0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
tn_contacts_page_class_init (TnContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tn_contacts_page_constructed;

  widget_class->realize = tn_contacts_page_realize;
  widget_class->unrealize = tn_contacts_page_unrealize;
  object_class->dispose = tn_contacts_page_dispose;
  object_class->finalize = tn_contacts_page_finalize;
  object_class->get_property = tn_contacts_page_get_property;
  object_class->set_property = tn_contacts_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:trust-filter:
   *
   * Who is shown: "all", "completely", "moderately", "vaguely" or
   * "unrated"; the values of the contacts-filter setting it is bound to.
   */
  properties[PROP_TRUST_FILTER] =
    g_param_spec_string ("trust-filter", NULL, NULL,
                         "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:overdue-only:
   *
   * Whether only the contacts whose keep-in-touch interval has passed are shown,
   * together with the trust filter ("Overdue" and "1": the 1s to call first).
   */
  properties[PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:compact:
   *
   * Whether the table leaves out the Email column, for a narrow window or
   * when the contact pane (which shows the addresses) takes half of it.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnContactsPage:summary:
   *
   * "12 of 20 people trust you completely", against the trusted-goal setting.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_CONTACT] =
    g_param_spec_object ("selected-contact", NULL, NULL,
                         TN_TYPE_CONTACT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_CONTACTS] = count_param_spec ("n-contacts");
  properties[PROP_N_COMPLETELY] = count_param_spec ("n-completely");
  properties[PROP_N_MODERATELY] = count_param_spec ("n-moderately");
  properties[PROP_N_VAGUELY] = count_param_spec ("n-vaguely");
  properties[PROP_N_UNRATED] = count_param_spec ("n-unrated");
  properties[PROP_N_OVERDUE] = count_param_spec ("n-overdue");

  /**
   * TnContactsPage:clock:
   *
   * The clock whose #TnClock::day-changed moves the "Overdue" filter and count on to
   * the new day.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         TN_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TnContactsPage::contact-activated:
   * @self: the page
   * @contact: the contact of the row
   *
   * A row was double-clicked or Enter was pressed on it.
   */
  signals[CONTACT_ACTIVATED] =
    g_signal_new ("contact-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TN_TYPE_CONTACT);

  g_type_ensure (TN_TYPE_CONTACT);
  g_type_ensure (TN_TYPE_TRUST_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, name_sorter);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, trust_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, organization_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, email_column);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, TnContactsPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, trust_sort_rank_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_last_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_last_contact_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_rate_cb);

  gtk_widget_class_install_action (widget_class, "contacts.rate-selected", "i", rate_selected_action);
  gtk_widget_class_install_action (widget_class, "contacts.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "contacts.select-previous", NULL, select_previous_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "contacts.show-all", NULL, show_all_action);
  gtk_widget_class_install_property_action (widget_class, "contacts.filter", "trust-filter");
  gtk_widget_class_install_property_action (widget_class, "contacts.overdue-only", "overdue-only");

  gtk_widget_class_set_css_name (widget_class, "contactspage");
}

static void
tn_contacts_page_init (TnContactsPage *self)
{
  self->trust_filter = FILTER_ALL;
  self->folded_query = g_strdup ("");
  self->settings = g_settings_new (APPLICATION_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, filter_contact, self, NULL);
  gtk_custom_sorter_set_sort_func (self->name_sorter, compare_names, NULL, NULL);

  /* Typing while the list has the focus starts a search; the list's own
   * keys (1 2 3 0 j k Delete) are taken before they get here. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->settings, "changed::trusted-goal",
                           G_CALLBACK (on_trusted_goal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_cadence_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->today = tn_clock_now ();
  tn_cadence_init_from_settings (&self->cadence, self->settings);

  recount (self);
  update_stack (self);
}

/**
 * tn_contacts_page_new:
 * @store: (nullable): the store whose contacts are shown
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
tn_contacts_page_new (TnStore *store)
{
  g_return_val_if_fail (store == NULL || TN_IS_STORE (store), NULL);

  return g_object_new (TN_TYPE_CONTACTS_PAGE, "store", store, NULL);
}

/**
 * tn_contacts_page_get_store:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the store shown
 */
TnStore *
tn_contacts_page_get_store (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->store;
}

void
tn_contacts_page_set_store (TnContactsPage *self,
                            TnStore        *store)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->items_changed_id, tn_store_get_contacts (self->store));

  g_set_object (&self->store, store);

  if (self->store != NULL)
    {
      GListModel *contacts = tn_store_get_contacts (self->store);

      self->items_changed_id =
        g_signal_connect_object (contacts, "items-changed",
                                 G_CALLBACK (on_store_items_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      self->model_attached = FALSE;
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        attach_model (self);
    }
  else if (self->sort_model != NULL)
    {
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      self->model_attached = FALSE;
    }

  if (self->stack != NULL)
    {
      recount (self);
      update_stack (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tn_contacts_page_get_selected_contact:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the contact of the selected row
 */
TnContact *
tn_contacts_page_get_selected_contact (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->selected_contact;
}

static guint
find_visible_position (TnContactsPage *self,
                       TnContact      *contact)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) item = g_list_model_get_item (model, i);

      if (item == contact)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * tn_contacts_page_set_narrow:
 * @self: a page
 * @narrow: whether the page has a phone's width to itself
 *
 * A narrow page leaves out the Organization column too (see #TnContactsPage:compact),
 * so the names keep the room to be read.
 */
void
tn_contacts_page_set_narrow (TnContactsPage *self,
                             gboolean        narrow)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  self->narrow = !!narrow;
  gtk_column_view_column_set_visible (self->organization_column, !self->narrow);
}

/**
 * tn_contacts_page_load:
 * @self: a page
 *
 * Puts the store's contacts in the list now, if they are not there yet; call it when
 * the page is about to be shown.
 */
void
tn_contacts_page_load (TnContactsPage *self)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  attach_model (self);
}

/**
 * tn_contacts_page_select_contact:
 * @self: a page
 * @contact: a contact of the store
 *
 * Selects @contact, scrolls to it and gives its row the keyboard focus.
 * If the search or the trust filter hides it, they are cleared first.
 *
 * Returns: %TRUE if the contact is in the list and now selected
 */
gboolean
tn_contacts_page_select_contact (TnContactsPage *self,
                                 TnContact      *contact)
{
  guint position;

  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);

  attach_model (self);
  position = find_visible_position (self, contact);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      tn_contacts_page_set_trust_filter (self, "all");
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_folded_query (self, g_strdup (""));
      tn_contacts_page_set_search_mode (self, FALSE);
      position = find_visible_position (self, contact);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  select_position (self, position);
  return TRUE;
}

/**
 * tn_contacts_page_focus_list:
 * @self: a page
 *
 * Gives the keyboard focus to the selected row, so 1 2 3 0 j k work.
 */
void
tn_contacts_page_focus_list (TnContactsPage *self)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  focus_selected (self);
}

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
        refilter (self, GTK_FILTER_CHANGE_MORE_STRICT);
      else if (wanted == FILTER_ALL)
        refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
      else
        refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST_FILTER]);
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
    refilter (self, overdue_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_ONLY]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

gboolean
tn_contacts_page_get_compact (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);

  return self->compact;
}

void
tn_contacts_page_set_compact (TnContactsPage *self,
                              gboolean        compact)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  gtk_column_view_column_set_visible (self->email_column, !compact);
  /* Room for the three buttons only: the rating's word then stays out of every row. */
  gtk_column_view_column_set_fixed_width (self->trust_column, compact ? TRUST_COLUMN_NARROW : TRUST_COLUMN_WIDE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
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

/**
 * tn_contacts_page_get_column_view:
 * @self: a page
 *
 * Returns: (transfer none): the table, named "contacts-column-view"
 */
GtkColumnView *
tn_contacts_page_get_column_view (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->column_view;
}

/**
 * tn_contacts_page_get_search_entry:
 * @self: a page
 *
 * Returns: (transfer none): the search entry, named "contacts-search-entry"
 */
GtkSearchEntry *
tn_contacts_page_get_search_entry (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->search_entry;
}

/**
 * tn_contacts_page_get_search_bar:
 * @self: a page
 *
 * Returns: (transfer none): the search bar
 */
GtkSearchBar *
tn_contacts_page_get_search_bar (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->search_bar;
}

/**
 * tn_contacts_page_get_visible_model:
 * @self: a page
 *
 * Returns: (transfer none): the rows as shown: sorted, filtered, a
 *   #GtkSingleSelection of #TnContact
 */
GListModel *
tn_contacts_page_get_visible_model (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  attach_model (self);
  return G_LIST_MODEL (self->selection);
}
