/* tn-dashboard-page.c — the dashboard's cards, filled from tn_stats_compute_async() (the
 * figures are the core's; this file only shows them) and from the reminder's rule for "who
 * next". Any change to the store or the settings refreshes the page once, in a low-priority
 * idle: an import of thousands of contacts costs one refresh, and the window's first frame
 * never waits for the figures. The figures are counted in a worker (at 100,000 contacts and
 * 1,000,000 interactions, longer than a frame); every card changes at once when they
 * arrive, so no card is ever half old, half new.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-clock.h"
#include "tn-dashboard-page.h"
#include "tn-history-chart.h"
#include "tn-job-changes-card.h"
#include "tn-log-dialog.h"
#include "tn-reminder.h"
#include "tn-self-settings.h"
#include "tn-suggestion.h"
#include "tn-stats.h"
#include "tn-trust-gauge.h"
#include "tn-wrap-bin.h"

struct _TnDashboardPage
{
  GtkWidget parent_instance;

  TnStore *store;
  TnClock *clock;
  GSettings *settings;
  guint refresh_source;
  gint64 suggested_id;

  /* The figures being counted in a worker, and whether to count again when they arrive
   * (something changed meanwhile). */
  GCancellable *computing;
  gboolean compute_again;

  GtkStack *stack;
  GtkFlowBox *cards;
  TnTrustGauge *gauge;
  GtkLabel *trusted_label;
  GtkLabel *meaning_label;
  GtkLabel *employer_label;
  GtkBox *organizations_box;
  TnHistoryChart *history_chart;
  GtkLabel *lunch_label;
  GtkLabel *suggestion_label;
  GtkButton *log_lunch_button;
  GtkLabel *streak_label;
  GtkLabel *attention_label;
  GtkListBox *attention_list;
  /* How many overdue people attention_list has rows for; G_MAXUINT before the first. */
  guint n_overdue_rows;
  GtkLabel *one_on_one_label;
  GtkLabel *gave_value_label;
  TnHistoryChart *sparkline;
  GtkLabel *per_week_label;
  GtkFlowBoxChild *brand_card;
  GtkLabel *brand_label;
  GtkLabel *reach_label;
  GtkLabel *linchpin_label;
};

G_DEFINE_FINAL_TYPE (TnDashboardPage, tn_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
open_log_dialog (TnDashboardPage *self,
                 gint64           contact_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TnContact *contact = self->store != NULL ? tn_store_get_contact_by_id (self->store, contact_id) : NULL;

  if (!GTK_IS_WINDOW (root))
    return;

  /* Ids are never given to anyone else: one that finds nobody is a person deleted elsewhere
   * since the figures were shown, never somebody else to log a lunch with. */
  if (contact == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                  _("That person was already deleted; nothing was changed"));
      return;
    }

  gtk_window_present (GTK_WINDOW (tn_log_dialog_new_for_contact (GTK_WINDOW (root), self->store, contact)));
}

static void
on_log_lunch_clicked_cb (TnDashboardPage *self)
{
  open_log_dialog (self, self->suggested_id);
}

static void
on_log_overdue_clicked_cb (GtkButton       *button,
                           TnDashboardPage *self)
{
  open_log_dialog (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "contact-id")));
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* "4 weeks" from days, counted as the reminder counts them (tn_reminder_count_gap()), so
 * that one person is described the same way in every card and in the notification. */
static char *
describe_gap (int days)
{
  gboolean in_weeks;
  int count = tn_reminder_count_gap (days, &in_weeks);

  if (in_weeks)
    return g_strdup_printf (ngettext ("%d week", "%d weeks", count), count);
  return g_strdup_printf (ngettext ("%d day", "%d days", count), count);
}

static void
show_gauge (TnDashboardPage *self,
            const TnStats   *stats)
{
  g_autofree char *trusted = tn_stats_describe_trusted (tn_stats_get_trusted (stats), stats->goal);

  tn_trust_gauge_set (self->gauge, tn_stats_get_trusted (stats), stats->goal);
  set_label (self->trusted_label, trusted);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gauge), GTK_ACCESSIBLE_PROPERTY_LABEL, trusted, -1);
  /* TRANSLATORS: what a rating of 1 means, the seed's words */
  set_label (self->meaning_label, _("Completely: they always call you back and always meet with you."));
}

static void
show_employer (TnDashboardPage *self,
               const TnStats   *stats)
{
  guint trusted = tn_stats_get_trusted (stats);
  g_autofree char *text = NULL;
  GtkWidget *child;

  if (!stats->employer_set)
    text = g_strdup (_("Set “Where I work now” in Preferences to see how many of the people who trust you completely work somewhere else."));
  else if (trusted == 0)
    text = g_strdup (_("No one trusts you completely yet, inside your employer or out."));
  else
    /* TRANSLATORS: "11 of your 17 would still be there if you left" */
    text = g_strdup_printf (ngettext ("%u of your %u would still be there if you left",
                                      "%u of your %u would still be there if you left",
                                      trusted),
                            stats->outside_employer, trusted);
  set_label (self->employer_label, text);

  /* The lines already shown take the new words (the same words cost nothing), and only
   * the difference in number is added or removed: a new label costs its layout again, on
   * every refresh, even while the page is hidden behind the Contacts page. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->organizations_box));
  for (guint i = 0; i <= stats->organizations->len; i++)
    {
      const TnStatsOrganization *organization = i < stats->organizations->len ? g_ptr_array_index (stats->organizations, i) : NULL;
      guint count = organization != NULL ? organization->n_trusted : stats->other_organizations;
      g_autofree char *line = NULL;
      GtkWidget *label;

      if (count == 0 || trusted == 0)
        continue;

      /* TRANSLATORS: where the people who trust you completely work, e.g. "Acme — 4";
       * "Others — 7" for the rest */
      line = g_strdup_printf (_("%s — %u"), organization != NULL ? organization->name : _("Others"), count);
      if (child != NULL)
        {
          gtk_label_set_label (GTK_LABEL (child), line);
          child = gtk_widget_get_next_sibling (child);
          continue;
        }
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (self->organizations_box, label);
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->organizations_box, child);
      child = next;
    }
}

static void
show_history (TnDashboardPage *self,
              const TnStats   *stats)
{
  guint completely[TN_STATS_HISTORY_MONTHS];
  guint moderately[TN_STATS_HISTORY_MONTHS];
  char *labels[TN_STATS_HISTORY_MONTHS + 1] = { NULL };
  g_autofree char *description = NULL;

  for (guint i = 0; i < TN_STATS_HISTORY_MONTHS; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_new_local (stats->history[i].year, stats->history[i].month, 1, 0, 0, 0);

      completely[i] = stats->history[i].n_completely;
      moderately[i] = stats->history[i].n_moderately;
      labels[i] = g_date_time_format (month, "%b");
    }
  tn_history_chart_set_data (self->history_chart, completely, moderately, (const char * const *) labels,
                             TN_STATS_HISTORY_MONTHS);
  for (guint i = 0; i < TN_STATS_HISTORY_MONTHS; i++)
    g_free (labels[i]);

  /* TRANSLATORS: the chart, for screen readers: 1s a year ago and now */
  description = g_strdup_printf (_("People who trust you completely: %u twelve months ago, %u now; moderately: %u, then %u"),
                                 completely[0], completely[TN_STATS_HISTORY_MONTHS - 1],
                                 moderately[0], moderately[TN_STATS_HISTORY_MONTHS - 1]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_chart), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* Who to invite: the reminder's own rule (tn_suggestion_choose()) and its words. */
static void
show_week (TnDashboardPage *self,
           const TnStats   *stats)
{
  g_autofree char *streak = NULL;

  if (stats->lunches_this_week > 0)
    /* A coffee counts as much as a lunch: the sentence names both. */
    set_label (self->lunch_label, _("A lunch or coffee done this week. Well done."));
  else
    set_label (self->lunch_label, _("No lunch or coffee yet this week."));

  /* Chosen with the figures, in the worker. */
  self->suggested_id = stats->suggestion.contact_id;
  set_label (self->suggestion_label, stats->suggestion.body);
  gtk_widget_set_visible (GTK_WIDGET (self->log_lunch_button), self->suggested_id != 0);

  if (stats->week_streak == 0)
    streak = g_strdup (_("No streak yet: a lunch or coffee this week starts one."));
  else
    streak = g_strdup_printf (ngettext ("%u week in a row with a lunch or coffee",
                                        "%u weeks in a row with a lunch or coffee",
                                        stats->week_streak),
                              stats->week_streak);
  set_label (self->streak_label, streak);
}

/* Shows @overdue in @row, one of new_overdue_row()'s: the words, and whom its button and
 * the row itself open. Words already shown cost nothing. */
static void
set_overdue_row (GtkWidget            *row,
                 const TnStatsOverdue *overdue)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "log-button");
  g_autofree char *gap = describe_gap (overdue->days_since);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;

  if (overdue->never_met)
    /* TRANSLATORS: "Completely · added 3 months ago, never met" */
    subtitle = g_strdup_printf (_("%s · added %s ago, never met"), tn_trust_get_label (overdue->trust), gap);
  else
    /* TRANSLATORS: "Completely · last met 9 weeks ago" */
    subtitle = g_strdup_printf (_("%s · last met %s ago"), tn_trust_get_label (overdue->trust), gap);

  set_label (g_object_get_data (G_OBJECT (row), "title-label"), overdue->name);
  set_label (g_object_get_data (G_OBJECT (row), "subtitle-label"), subtitle);
  /* What AdwActionRow tells a screen reader of its title and subtitle. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, overdue->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);

  button_label = g_strdup_printf (_("Log an interaction with %s"), overdue->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  g_object_set_data (G_OBJECT (button), "contact-id", GSIZE_TO_POINTER ((gsize) overdue->id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (overdue->id));
}

/* A label of an attention row, styled as an AdwActionRow's "title" or "subtitle", kept as
 * the row's "title-label" or "subtitle-label". */
static GtkWidget *
new_row_label (GtkWidget  *row,
               const char *role,
               const char *key)
{
  GtkWidget *column = g_object_get_data (G_OBJECT (row), "words");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, role);
  gtk_box_append (GTK_BOX (column), label);
  g_object_set_data (G_OBJECT (row), key, label);
  return label;
}

/* A row that looks as an AdwActionRow does (its style classes), built of plain widgets so
 * that its words sit in a TnWrapBin: inside AdwActionRow they were laid out about 60
 * times each on the dashboard's first showing. Its labels come from new_row_label(), its
 * suffixes go into its "suffixes" box. */
static GtkWidget *
new_attention_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *words = tn_wrap_bin_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (row, "action-row");
  gtk_widget_add_css_class (header, "header");
  gtk_widget_add_css_class (suffixes, "suffixes");
  /* The margins Adwaita gives the title box of an action row, whose child it is not here. */
  gtk_widget_set_margin_top (words, 6);
  gtk_widget_set_margin_bottom (words, 6);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  tn_wrap_bin_set_child (TN_WRAP_BIN (words), column);
  gtk_box_append (GTK_BOX (header), words);
  gtk_box_append (GTK_BOX (header), suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), header);
  g_object_set_data (G_OBJECT (row), "words", column);
  g_object_set_data (G_OBJECT (row), "suffixes", suffixes);
  return row;
}

static GtkWidget *
new_overdue_row (TnDashboardPage      *self,
                 const TnStatsOverdue *overdue)
{
  GtkWidget *row = new_attention_row ();
  GtkWidget *suffixes = g_object_get_data (G_OBJECT (row), "suffixes");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log…"));

  new_row_label (row, "title", "title-label");
  gtk_widget_add_css_class (new_row_label (row, "subtitle", "subtitle-label"), "dim-label");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_log_overdue_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (suffixes), button);
  g_object_set_data (G_OBJECT (row), "log-button", button);

  /* The row itself opens the person, as a row in GNOME does; the button logs. */
  gtk_box_append (GTK_BOX (suffixes), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-contact");
  set_overdue_row (row, overdue);

  return row;
}

/* A new list in place of the old, with a row for each of @stats' overdue people, and the
 * duplicates row last. Emptying a list row by row and filling it again trips GTK 4.8 over
 * rows still realized. */
static void
replace_attention_list (TnDashboardPage *self,
                        const TnStats   *stats)
{
  GtkWidget *previous = GTK_WIDGET (self->attention_list);
  GtkWidget *parent = gtk_widget_get_parent (previous);
  GtkWidget *row, *button;

  self->attention_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->attention_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attention_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attention_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People to get in touch with"), -1);
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->attention_list), previous);
  gtk_box_remove (GTK_BOX (parent), previous);

  for (guint i = 0; i < stats->overdue->len; i++)
    gtk_list_box_append (self->attention_list, new_overdue_row (self, &g_array_index (stats->overdue, TnStatsOverdue, i)));
  self->n_overdue_rows = stats->overdue->len;

  /* Shown while the window has duplicates to review: the action says so. */
  row = new_attention_row ();
  gtk_label_set_text (GTK_LABEL (new_row_label (row, "title", "title-label")), _("Possible duplicates to review"));
  button = gtk_button_new_with_mnemonic (_("_Review…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.review-duplicates");
  gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (row), "suffixes")), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->attention_list, row);
  /* Bound once in the window, whose action made the button's sensitivity: a row shown
   * while it is being added to a mapped list trips GTK. */
  g_object_bind_property (button, "sensitive", row, "visible", G_BINDING_SYNC_CREATE);
}

static void
show_attention (TnDashboardPage *self,
                const TnStats   *stats)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkListBoxRow *duplicates_row;

  if (stats->n_overdue == 0)
    g_string_append (summary, _("No one is overdue."));
  else
    g_string_append_printf (summary, ngettext ("%u person is overdue for a meeting.",
                                               "%u people are overdue for a meeting.",
                                               stats->n_overdue),
                            stats->n_overdue);
  if (stats->never_contacted > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, ngettext ("%u person you rated was never contacted since the import.",
                                                 "%u people you rated were never contacted since the import.",
                                                 stats->never_contacted),
                              stats->never_contacted);
    }
  set_label (self->attention_label, summary->str);

  /* As many people as shown (the usual case: a full list): the rows take the new ones in
   * place. New rows would be laid out again on every refresh, even on a hidden page, where
   * the view stack still measures them: a frame's time in the middle of scrolling the
   * Contacts page after a rating. */
  if (self->n_overdue_rows == stats->overdue->len)
    for (guint i = 0; i < stats->overdue->len; i++)
      set_overdue_row (GTK_WIDGET (gtk_list_box_get_row_at_index (self->attention_list, i)),
                       &g_array_index (stats->overdue, TnStatsOverdue, i));
  else
    replace_attention_list (self, stats);

  duplicates_row = gtk_list_box_get_row_at_index (self->attention_list, stats->overdue->len);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_list),
                          stats->overdue->len > 0 || gtk_widget_get_visible (GTK_WIDGET (duplicates_row)));
}

static void
show_habits (TnDashboardPage *self,
             const TnStats   *stats)
{
  double share = tn_stats_get_one_on_one_share (stats);
  g_autofree char *one_on_one = NULL;
  g_autofree char *gave = NULL;
  g_autofree char *per_week = NULL;

  if (share < 0)
    one_on_one = g_strdup (_("Nothing logged in the last 90 days."));
  else
    /* TRANSLATORS: "62% one-on-one, the rest in groups, over the last 90 days" */
    one_on_one = g_strdup_printf (_("%.0f%% one-on-one, the rest in groups, over the last 90 days"), share * 100);
  set_label (self->one_on_one_label, one_on_one);

  gave = g_strdup_printf (ngettext ("You gave something of value %u time",
                                    "You gave something of value %u times",
                                    stats->gave_value_90d),
                          stats->gave_value_90d);
  set_label (self->gave_value_label, gave);

  /* The sparkline's last span is the last 7 days, not the calendar week that "This Week"
   * counts lunches in: on a Monday, last Friday's lunch is in it. */
  tn_history_chart_set_data (self->sparkline, stats->per_week, NULL, NULL, TN_STATS_HABIT_WEEKS);
  per_week = g_strdup_printf (ngettext ("%u interaction in the last 7 days; %.1f a week on average",
                                        "%u interactions in the last 7 days; %.1f a week on average",
                                        stats->per_week[TN_STATS_HABIT_WEEKS - 1]),
                              stats->per_week[TN_STATS_HABIT_WEEKS - 1],
                              stats->interactions_90d * 7.0 / TN_STATS_HABIT_DAYS);
  set_label (self->per_week_label, per_week);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sparkline), GTK_ACCESSIBLE_PROPERTY_LABEL, per_week, -1);
}

/* Absent, not a placeholder, until a brand statement is saved. */
static void
show_brand (TnDashboardPage *self,
            const TnStats   *stats)
{
  g_autoptr(GArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *reach = NULL;
  g_autofree char *linchpin = NULL;
  guint heard = 0, trusted = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->brand_card), stats->brand_statement != NULL);
  if (stats->brand_statement == NULL)
    return;

  /* TRANSLATORS: the brand statement in quotes */
  quoted = g_strdup_printf (_("“%s”"), stats->brand_statement);
  set_label (self->brand_label, quoted);

  if (tn_store_count_brand_reach (self->store, &heard, &trusted, &error))
    /* TRANSLATORS: "Heard it: 3 of the 17 people who trust you completely"; the plural
     * follows the second number */
    reach = g_strdup_printf (ngettext ("Heard it: %u of the %u person who trusts you completely",
                                       "Heard it: %u of the %u people who trust you completely",
                                       trusted),
                             heard, trusted);
  set_label (self->reach_label, reach);

  checks = tn_store_list_linchpin_checks (self->store, NULL);
  if (checks != NULL && checks->len > 0)
    linchpin = g_strdup_printf (_("Latest linchpin score: %d of 6"), g_array_index (checks, TnLinchpinCheck, 0).score);
  set_label (self->linchpin_label, linchpin);
}

/* Every card from @stats at once, on this thread: only widgets, the figures are counted. */
static void
show_figures (TnDashboardPage *self,
              const TnStats   *stats)
{
  gint64 start = g_get_monotonic_time ();

  gtk_stack_set_visible_child_name (self->stack, stats->n_contacts == 0 ? "empty" : "figures");
  show_gauge (self, stats);
  show_employer (self, stats);
  show_history (self, stats);
  show_week (self, stats);
  show_attention (self, stats);
  show_habits (self, stats);
  show_brand (self, stats);
  /* What the refresh costs the window: G_MESSAGES_DEBUG=tn-dashboard-page prints it. */
  g_debug ("The dashboard's cards took %.1f ms on the main thread", (g_get_monotonic_time () - start) / 1000.0);
}

static void
on_stats_computed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TnDashboardPage) self = user_data;
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = tn_stats_compute_finish (TN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->computing);
  if (stats == NULL)
    g_warning ("The dashboard's figures: %s", error->message);
  else if (TN_STORE (source) == self->store)
    show_figures (self, stats);

  if (self->compute_again)
    tn_dashboard_page_refresh (self);
}

/**
 * tn_dashboard_page_refresh:
 * @self: a dashboard
 *
 * Counts the figures again, in a worker thread, and shows them when they are ready. While
 * a count is under way, one more is made after it.
 */
void
tn_dashboard_page_refresh (TnDashboardPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *employer = NULL;
  TnCadence cadence;

  g_return_if_fail (TN_IS_DASHBOARD_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    return;

  self->compute_again = self->computing != NULL;
  if (self->computing != NULL)
    return;

  employer = g_settings_get_string (self->settings, TN_SELF_SETTINGS_EMPLOYER);
  tn_cadence_init_from_settings (&cadence, self->settings);
  self->computing = g_cancellable_new ();
  now = tn_clock_now ();
  tn_stats_compute_async (self->store, now, g_settings_get_int (self->settings, TN_SELF_SETTINGS_GOAL),
                          employer, &cadence, self->computing, on_stats_computed_cb, g_object_ref (self));
}

/* A count under way for a store the page no longer shows is of no use. */
static void
cancel_computing (TnDashboardPage *self)
{
  if (self->computing != NULL)
    g_cancellable_cancel (self->computing);
  g_clear_object (&self->computing);
  self->compute_again = FALSE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  TnDashboardPage *self = user_data;

  self->refresh_source = 0;
  tn_dashboard_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* After the frame being drawn: the figures never delay the window. */
static void
queue_refresh (TnDashboardPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_cb, self, NULL);
}

static void
on_store_changed_cb (TnDashboardPage *self)
{
  queue_refresh (self);
}

TnStore *
tn_dashboard_page_get_store (TnDashboardPage *self)
{
  g_return_val_if_fail (TN_IS_DASHBOARD_PAGE (self), NULL);

  return self->store;
}

void
tn_dashboard_page_set_store (TnDashboardPage *self,
                             TnStore         *store)
{
  g_return_if_fail (TN_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || TN_IS_STORE (store));

  if (self->store == store)
    return;

  cancel_computing (self);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (tn_store_get_contacts (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (tn_store_get_contacts (store), "items-changed", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* A rating or an organization changes a contact, not the list. */
      g_signal_connect_object (tn_store_get_contacts (store), "notify", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "interactions-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "brand-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      /* Whatever else another process wrote (who heard the statement, the reminder's
       * state) counts in the figures too; the refresh waits for idle, so once is enough. */
      g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      queue_refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TnClock *
tn_dashboard_page_get_clock (TnDashboardPage *self)
{
  g_return_val_if_fail (TN_IS_DASHBOARD_PAGE (self), NULL);

  return self->clock;
}

/* This week, who is overdue and the habits' last 90 days all count from today. */
static void
on_day_changed_cb (TnDashboardPage *self)
{
  queue_refresh (self);
}

void
tn_dashboard_page_set_clock (TnDashboardPage *self,
                             TnClock         *clock)
{
  g_return_if_fail (TN_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (clock == NULL || TN_IS_CLOCK (clock));

  if (tn_clock_set_followed (&self->clock, clock, G_CALLBACK (on_day_changed_cb), self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

/**
 * tn_dashboard_page_get_suggested_id:
 * @self: a dashboard
 *
 * Returns: the id of the person "This week" suggests, 0 for no one
 */
gint64
tn_dashboard_page_get_suggested_id (TnDashboardPage *self)
{
  g_return_val_if_fail (TN_IS_DASHBOARD_PAGE (self), 0);

  return self->suggested_id;
}

static void
tn_dashboard_page_dispose (GObject *object)
{
  TnDashboardPage *self = TN_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  cancel_computing (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tn_dashboard_page_parent_class)->dispose (object);
}

static void
tn_dashboard_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TnDashboardPage *self = TN_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_dashboard_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TnDashboardPage *self = TN_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tn_dashboard_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_CLOCK:
      tn_dashboard_page_set_clock (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_dashboard_page_class_init (TnDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_dashboard_page_dispose;
  object_class->get_property = tn_dashboard_page_get_property;
  object_class->set_property = tn_dashboard_page_set_property;

  /**
   * TnDashboardPage:store:
   *
   * The store whose figures the page shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnDashboardPage:clock:
   *
   * The clock whose #TnClock::day-changed refreshes the figures that count from today.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, TN_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TN_TYPE_TRUST_GAUGE);
  g_type_ensure (TN_TYPE_WRAP_BIN);
  g_type_ensure (TN_TYPE_HISTORY_CHART);
  g_type_ensure (TN_TYPE_JOB_CHANGES_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, cards);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, gauge);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, trusted_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, employer_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, organizations_box);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, history_chart);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, lunch_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, log_lunch_button);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, attention_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, one_on_one_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, gave_value_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, sparkline);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, per_week_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, brand_card);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, brand_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, reach_label);
  gtk_widget_class_bind_template_child (widget_class, TnDashboardPage, linchpin_label);
  gtk_widget_class_bind_template_callback (widget_class, on_log_lunch_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

static void
on_settings_changed_cb (TnDashboardPage *self,
                        const char      *key)
{
  if (g_str_equal (key, TN_SELF_SETTINGS_GOAL) || g_str_equal (key, TN_SELF_SETTINGS_EMPLOYER) || g_str_has_prefix (key, "cadence-weeks-"))
    queue_refresh (self);
}

static void
tn_dashboard_page_init (TnDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->n_overdue_rows = G_MAXUINT;

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
}
