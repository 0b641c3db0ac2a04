/* test-dashboard.c — the dashboard in the real window: the figures it shows are the core's,
 * "Log Lunch…" opens the log dialog on the suggested person, every card can be reached with
 * the keyboard; and screenshots, empty and full, light and dark, wide and narrow.
 *
 * Screenshots are of the whole screen: run under
 *   xvfb-run -a -s "-screen 0 1280x1000x24" dbus-run-session meson test -C _build test-dashboard
 * to see the wide ones whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tn-application.h"
#include "tn-contact-pane.h"
#include "tn-history-chart.h"
#include "tn-clock.h"
#include "tn-dashboard-page.h"
#include "tn-log-dialog.h"
#include "tn-self-settings.h"
#include "tn-stats.h"
#include "tn-window.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

#define NOW "2026-11-24T09:00:00"

typedef TnUiFixture Fixture;

static TnApplication *application;

static const char * const organizations[] = {
  "Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", NULL,
};
static const char * const first_names[] = {
  "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances",
  "Edsger", "Hedy", "Claude", "Radia", "Tim", "Sophie",
};
static const char * const last_names[] = {
  "Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson",
  "Allen", "Dijkstra", "Lamarr", "Shannon", "Perlman", "Berners-Lee", "Wilson",
};

/* A realistic address book: @n contacts added over the last year (the 1s growing month by
 * month), a year of lunches, coffees and calls with them. Deterministic. */
static void
populate (TnStore *store,
          guint    n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW, zone);
  g_autoptr(GPtrArray) rated = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) added = g_date_time_add_days (now, -g_rand_int_range (rand, 20, 365));
      g_autofree char *when = g_date_time_format_iso8601 (added);
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                               last_names[(i + g_rand_int_range (rand, 0, 3)) % G_N_ELEMENTS (last_names)]);
      g_autoptr(TnContact) contact = tn_contact_new (name);
      int roll = g_rand_int_range (rand, 0, 100);
      TnTrust trust = roll < 9 ? TN_TRUST_COMPLETELY : roll < 25 ? TN_TRUST_MODERATELY : roll < 45 ? TN_TRUST_VAGUELY : TN_TRUST_UNRATED;

      g_setenv ("TRUSTNET_NOW", when, TRUE);
      tn_contact_set_organization (contact, organizations[g_rand_int_range (rand, 0, G_N_ELEMENTS (organizations))]);
      tn_contact_set_trust (contact, trust == TN_TRUST_COMPLETELY ? TN_TRUST_MODERATELY : trust);
      tn_store_add_contact (store, contact, &error);
      g_assert_no_error (error);
      /* The 1s were 2s first, and became 1s later: the chart climbs. */
      if (trust == TN_TRUST_COMPLETELY)
        {
          g_autoptr(GDateTime) promoted = g_date_time_add_days (added, g_rand_int_range (rand, 7, MAX (8, g_date_time_difference (now, added) / G_TIME_SPAN_DAY)));
          g_autofree char *then = g_date_time_format_iso8601 (g_date_time_compare (promoted, now) < 0 ? promoted : now);

          g_setenv ("TRUSTNET_NOW", then, TRUE);
          tn_store_set_trust (store, contact, TN_TRUST_COMPLETELY, &error);
          g_assert_no_error (error);
        }
      if (trust != TN_TRUST_UNRATED)
        g_ptr_array_add (rated, g_object_ref (contact));
    }

  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  for (guint day = 1; day < 365; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -(int) day);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");
      TnContact *contact;
      g_autoptr(TnInteraction) interaction = NULL;
      const TnInteractionKind kinds[] = { TN_INTERACTION_LUNCH, TN_INTERACTION_COFFEE, TN_INTERACTION_CALL,
                                          TN_INTERACTION_EMAIL, TN_INTERACTION_MEETING };

      /* About two a week, fewer long ago. */
      if (g_rand_int_range (rand, 0, 100) > (day < 120 ? 40 : 22) || rated->len == 0)
        continue;

      contact = g_ptr_array_index (rated, g_rand_int_range (rand, 0, rated->len));
      interaction = tn_interaction_new (kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], text);
      tn_interaction_set_one_on_one (interaction, g_rand_int_range (rand, 0, 4) > 0);
      tn_interaction_set_gave_value (interaction, g_rand_int_range (rand, 0, 6) == 0);
      tn_store_log_interaction (store, contact, interaction, &error);
      g_assert_no_error (error);
    }
}

static TnDashboardPage *
open_dashboard (Fixture *fixture)
{
  TnDashboardPage *page;

  tn_ui_test_fixture_open_window (fixture, application);
  tn_window_show_page (fixture->window, "dashboard");
  page = TN_DASHBOARD_PAGE (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), TN_TYPE_DASHBOARD_PAGE));
  g_assert_nonnull (page);
  tn_dashboard_page_refresh (page);
  tn_ui_test_settle (300);
  return page;
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  tn_ui_test_settle (300);
}

static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  tn_ui_test_settle (500);
}

static void
test_starts_on_dashboard (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnWindow) window = NULL;
  GtkWidget *stack;

  if (fixture->store == NULL)
    return;

  /* Not through tn_ui_test_open_window(), which switches to the contacts. */
  window = g_object_ref (tn_window_new (ADW_APPLICATION (application), fixture->store));
  tn_ui_test_present (GTK_WINDOW (window));
  tn_ui_test_settle (200);
  stack = tn_ui_test_find_visible (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "dashboard");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  GtkWidget *status_page;

  if (fixture->store == NULL)
    return;

  open_dashboard (fixture);
  status_page = tn_ui_test_find_visible (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "Your Job Security Starts Here");
  set_dark (FALSE);
  tn_ui_test_save_screenshot ("dashboard-empty-light");
  set_dark (TRUE);
  tn_ui_test_save_screenshot ("dashboard-empty-dark");
  set_dark (FALSE);
}

static gboolean
log_dialog_is_shown (gpointer data)
{
  return tn_ui_test_find_toplevel (TN_TYPE_LOG_DIALOG) != NULL;
}

static void
test_full (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(TnStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trusted = NULL;
  g_autofree char *employer = NULL;
  TnDashboardPage *page;
  GtkWidget *button, *cards, *child, *dialog;
  TnCadence cadence;
  guint n_cards = 0;

  if (fixture->store == NULL)
    return;

  populate (fixture->store, 300);
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, TN_SELF_SETTINGS_EMPLOYER, "Acme Corp");
  page = open_dashboard (fixture);

  /* What the page says is what the core computes. */
  now = tn_clock_now ();
  employer = g_settings_get_string (settings, TN_SELF_SETTINGS_EMPLOYER);
  tn_cadence_init_from_settings (&cadence, settings);
  stats = tn_stats_compute (fixture->store, now, g_settings_get_int (settings, TN_SELF_SETTINGS_GOAL), employer, &cadence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tn_stats_get_trusted (stats), >, 0);
  trusted = tn_stats_describe_trusted (tn_stats_get_trusted (stats), stats->goal);
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (page), trusted));
  {
    g_autofree char *outside = g_strdup_printf ("%u of your %u would still be there if you left",
                                                stats->outside_employer, tn_stats_get_trusted (stats));

    g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (page), outside));
  }

  resize (fixture, 1100, 900);
  set_dark (FALSE);
  tn_ui_test_save_screenshot ("dashboard-wide-light");
  set_dark (TRUE);
  tn_ui_test_save_screenshot ("dashboard-wide-dark");
  resize (fixture, 360, 900);
  tn_ui_test_save_screenshot ("dashboard-narrow-dark");
  set_dark (FALSE);
  tn_ui_test_save_screenshot ("dashboard-narrow-light");
  resize (fixture, 1100, 900);

  /* Every card takes the keyboard focus and has a name for screen readers. */
  cards = tn_ui_test_find_named (GTK_WIDGET (page), "dashboard-cards");
  g_assert_nonnull (cards);
  for (child = gtk_widget_get_first_child (cards); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      g_assert_true (gtk_widget_get_focusable (child));
      g_assert_true (gtk_widget_grab_focus (child));
      n_cards++;
    }
  g_assert_cmpuint (n_cards, >=, 6);

  /* "Log Lunch…" opens the dialog on the person suggested. */
  g_assert_cmpint (tn_dashboard_page_get_suggested_id (page), >, 0);
  button = tn_ui_test_find_named (GTK_WIDGET (page), "dashboard-log-lunch-button");
  g_assert_nonnull (button);
  /* Focus scrolls it into view; then Enter, as a keyboard user would. */
  g_assert_true (gtk_widget_grab_focus (button));
  tn_ui_test_settle (300);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "Return", NULL);
  g_assert_true (tn_ui_test_wait_until (log_dialog_is_shown, NULL));
  dialog = tn_ui_test_find_toplevel (TN_TYPE_LOG_DIALOG);
  g_assert_cmpint (tn_contact_get_id (tn_log_dialog_get_contact (TN_LOG_DIALOG (dialog))), ==,
                   tn_dashboard_page_get_suggested_id (page));
  tn_ui_test_save_screenshot ("dashboard-log-lunch");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, TN_SELF_SETTINGS_EMPLOYER);
}

/* Every widget under @widget that is a @type, depth first. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *widget,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);
  return found;
}

/* The Needs Attention rows: the ones that open a person. */
static GPtrArray *
find_attention_rows (TnDashboardPage *page)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), "win.show-contact") == 0)
      g_ptr_array_add (found, rows->pdata[i]);
  return found;
}

static gboolean
pane_shows (gpointer data)
{
  TnWindow *window = TN_WINDOW (gtk_widget_get_root (data));
  GtkWidget *pane = tn_ui_test_find_visible (GTK_WIDGET (window), TN_TYPE_CONTACT_PANE);
  GVariant *target = gtk_actionable_get_action_target_value (data);

  return pane != NULL && tn_contact_pane_get_contact (TN_CONTACT_PANE (pane)) != NULL &&
         tn_contact_get_id (tn_contact_pane_get_contact (TN_CONTACT_PANE (pane))) == g_variant_get_int64 (target);
}

/* A click on a Needs Attention row opens that person in the contacts page. */
static void
test_attention_row_opens_contact (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows = NULL;
  TnDashboardPage *page;
  GtkWidget *row;

  if (fixture->store == NULL)
    return;

  populate (fixture->store, 120);
  page = open_dashboard (fixture);
  resize (fixture, 1100, 900);
  rows = find_attention_rows (page);
  g_assert_cmpuint (rows->len, >, 0);
  row = rows->pdata[0];
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Focus scrolls it into view; then a real click on it. */
  g_assert_true (gtk_widget_grab_focus (row));
  tn_ui_test_settle (300);
  g_object_ref (row);
  tn_ui_test_click (row);
  g_assert_true (tn_ui_test_wait_until (pane_shows, row));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (tn_ui_test_find_visible (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK))),
                   ==, "contacts");
  g_object_unref (row);
  tn_ui_test_save_screenshot ("dashboard-attention-opens-contact");
}

/* Every label's words under @page, depth first, one per line. */
static char *
describe_labels (TnDashboardPage *page)
{
  g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (page), GTK_TYPE_LABEL);
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (words, "%s\n", gtk_label_get_label (labels->pdata[i]));
  return g_string_free (words, FALSE);
}

/* A refresh puts the new figures into the rows and labels already there (the same words
 * as a page made anew), rather than making them again: new widgets would be laid out
 * again on every refresh, even while the page is hidden. */
static void
test_refresh_in_place (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TnInteraction) lunch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *made_anew = NULL;
  TnDashboardPage *page, *fresh;
  TnContact *first;
  gint64 first_id;

  if (fixture->store == NULL)
    return;

  populate (fixture->store, 120);
  page = open_dashboard (fixture);
  before = find_attention_rows (page);
  g_assert_cmpuint (before->len, ==, TN_STATS_LISTED_OVERDUE);

  /* The first overdue person is met today: the others move up, someone new comes last. */
  first_id = g_variant_get_int64 (gtk_actionable_get_action_target_value (before->pdata[0]));
  first = tn_store_get_contact_by_id (fixture->store, first_id);
  g_assert_nonnull (first);
  lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-24");
  g_assert_true (tn_store_log_interaction (fixture->store, first, lunch, &error));
  g_assert_no_error (error);
  tn_dashboard_page_refresh (page);
  tn_ui_test_settle (300);

  after = find_attention_rows (page);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_true (after->pdata[i] == before->pdata[i]);
      g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (after->pdata[i])), !=, first_id);
    }

  fresh = g_object_ref_sink (g_object_new (TN_TYPE_DASHBOARD_PAGE, "store", fixture->store, NULL));
  tn_ui_test_settle (300);
  shown = describe_labels (page);
  made_anew = describe_labels (fresh);
  g_assert_cmpstr (shown, ==, made_anew);
  g_object_unref (fresh);
}

/* In two columns, a short card beside a tall one keeps its own height. */
static void
test_cards_keep_their_height (Fixture       *fixture,
                              gconstpointer  user_data)
{
  TnDashboardPage *page;
  GtkWidget *cards;
  guint n_checked = 0;

  if (fixture->store == NULL)
    return;

  populate (fixture->store, 120);
  page = open_dashboard (fixture);
  resize (fixture, 1100, 900);
  cards = tn_ui_test_find_named (GTK_WIDGET (page), "dashboard-cards");
  for (GtkWidget *child = gtk_widget_get_first_child (cards); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      graphene_rect_t bounds;
      int natural;

      if (!gtk_widget_get_visible (child))
        continue;
      /* Bounds and measure both count the card's padding and border. */
      g_assert_true (gtk_widget_compute_bounds (card, card, &bounds));
      gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, (int) bounds.size.width, NULL, &natural, NULL, NULL);
      g_assert_cmpint ((int) bounds.size.height, ==, natural);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 6);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* At 100,000 contacts the axis says "12051" whole, and the legend shows colour swatches. */
static void
test_chart_axis_and_legend (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const guint completely[] = { 9000, 10000, 12051 };
  const guint moderately[] = { 3000, 3500, 4000 };
  const char *labels[] = { "Oct", "Nov", "Dec" };
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  TnDashboardPage *page;
  TnHistoryChart *chart = NULL;
  guint n_swatches = 0;

  if (fixture->store == NULL)
    return;

  populate (fixture->store, 40);
  page = open_dashboard (fixture);
  charts = find_all (GTK_WIDGET (page), TN_TYPE_HISTORY_CHART);
  for (guint i = 0; i < charts->len; i++)
    if (!tn_history_chart_get_compact (charts->pdata[i]))
      chart = charts->pdata[i];
  g_assert_nonnull (chart);

  tn_history_chart_set_data (chart, completely, moderately, labels, G_N_ELEMENTS (completely));
  g_assert_cmpint (tn_history_chart_get_axis_width (chart), >, text_width (GTK_WIDGET (chart), "12051"));
  tn_ui_test_settle (200);
  tn_ui_test_save_screenshot ("dashboard-chart-100k");

  boxes = find_all (GTK_WIDGET (page), GTK_TYPE_BOX);
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (boxes->pdata[i], "legend-swatch") && gtk_widget_get_mapped (boxes->pdata[i]))
      {
        g_assert_cmpint (gtk_widget_get_width (boxes->pdata[i]), >=, 12);
        n_swatches++;
      }
  g_assert_cmpuint (n_swatches, ==, 2);
}

/* What the cards say reads plainly: no "1s", no months beside weeks, no lunch after a
 * coffee. */
static void
test_plain_words (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TnContact) contact = NULL;
  g_autoptr(TnInteraction) coffee = NULL;
  g_autoptr(GError) error = NULL;
  TnDashboardPage *page;
  guint n_gaps = 0;

  if (fixture->store == NULL)
    return;

  populate (fixture->store, 120);
  contact = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", NULL, NULL, TN_TRUST_COMPLETELY);
  coffee = tn_interaction_new (TN_INTERACTION_COFFEE, "2026-11-23");
  g_assert_true (tn_store_log_interaction (fixture->store, contact, coffee, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_save_brand_statement (fixture->store, "I help hospitals in Ohio cut cloud bills by a third.", NULL, &error));
  g_assert_no_error (error);
  page = open_dashboard (fixture);

  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (page), "A lunch or coffee done this week. Well done."));
  labels = find_all (GTK_WIDGET (page), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_label (labels->pdata[i]);

      g_assert_null (strstr (text, " 1s"));
      g_assert_null (strstr (text, "month"));
      g_assert_null (strstr (text, "Lunch done"));
    }

  rows = find_attention_rows (page);
  for (guint i = 0; i < rows->len; i++)
    {
      /* The row's words: the name, then the trust and the gap. */
      g_autoptr(GPtrArray) words = find_all (rows->pdata[i], GTK_TYPE_LABEL);
      const char *subtitle = gtk_label_get_label (words->pdata[1]);

      g_assert_true (strstr (subtitle, "weeks ago") != NULL || strstr (subtitle, "days ago") != NULL ||
                     strstr (subtitle, "week ago") != NULL || strstr (subtitle, "day ago") != NULL);
      n_gaps++;
    }
  g_assert_cmpuint (n_gaps, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  application = tn_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, "test-dashboard", tn_ui_test_fixture_set_up, func, tn_ui_test_fixture_tear_down)

  ADD ("/dashboard/starts-on-dashboard", test_starts_on_dashboard);
  ADD ("/dashboard/empty", test_empty);
  ADD ("/dashboard/full", test_full);
  ADD ("/dashboard/attention-row-opens-contact", test_attention_row_opens_contact);
  ADD ("/dashboard/refresh-in-place", test_refresh_in_place);
  ADD ("/dashboard/cards-keep-their-height", test_cards_keep_their_height);
  ADD ("/dashboard/chart-axis-and-legend", test_chart_axis_and_legend);
  ADD ("/dashboard/plain-words", test_plain_words);

#undef ADD

  return g_test_run ();
}
