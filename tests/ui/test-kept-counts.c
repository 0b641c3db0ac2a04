/* test-kept-counts.c — the filter buttons' counts and the rows, kept through keystrokes,
 * filter toggles, ratings here and in another process, a new day, a meeting logged, and
 * contacts deleted, restored or added, equal the plain rule asked of every contact, at once; and after a burst of keystrokes they, and the rows held back
 * for the first frame, follow the search within two frames, even while every frame takes
 * longer than the frame interval.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tn-application.h"
#include "tn-clock.h"
#include "tn-self-settings.h"
#include "tn-stats.h"
#include "tn-contacts-page-private.h"
#include "tn-window-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

typedef TnUiFixture Fixture;

static TnApplication *application;

static const char * const count_names[] = {
  "n-contacts", "n-completely", "n-moderately", "n-vaguely", "n-unrated", "n-overdue",
};

static void
read_counts (TnContactsPage *page,
             guint           counts[G_N_ELEMENTS (count_names)])
{
  for (guint i = 0; i < G_N_ELEMENTS (count_names); i++)
    g_object_get (page, count_names[i], &counts[i], NULL);
}

/* The plain rule, asked of every contact of the store: found by the search, overdue by the
 * cadence on the clock's day, shown by the filters. The buttons' counts are what a click
 * would show (a trust button keeps the Overdue filter, Overdue keeps the trust filter). */
static void
count_plainly (TnContactsPage *page,
               guint           counts[G_N_ELEMENTS (count_names)],
               guint          *n_shown,
               guint          *n_trusted)
{
  GListModel *contacts = tn_store_get_contacts (tn_contacts_page_get_store (page));
  g_autoptr(GDateTime) now = tn_clock_now ();
  g_autoptr(TnSearch) search = tn_search_new (gtk_editable_get_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page))));
  const char *filter = tn_contacts_page_get_trust_filter (page);
  gboolean overdue_only = tn_contacts_page_get_overdue_only (page);
  static const char * const filter_names[] = { "unrated", "completely", "moderately", "vaguely" };
  TnCadence cadence;

  tn_cadence_init_from_settings (&cadence, page->settings);
  memset (counts, 0, G_N_ELEMENTS (count_names) * sizeof (guint));
  *n_shown = *n_trusted = 0;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      int trust = tn_contact_get_trust (contact);
      gboolean overdue = tn_cadence_is_overdue (&cadence, contact, now);
      gboolean rated_as_filter = g_str_equal (filter, "all") ||
                                 (tn_trust_is_valid (trust) && g_str_equal (filter, filter_names[trust]));

      *n_trusted += trust == TN_TRUST_COMPLETELY;
      if (!tn_search_matches_contact (search, contact))
        continue;

      if (!overdue_only || overdue)
        {
          counts[0]++;
          if (trust == TN_TRUST_COMPLETELY)
            counts[1]++;
          else if (trust == TN_TRUST_MODERATELY)
            counts[2]++;
          else if (trust == TN_TRUST_VAGUELY)
            counts[3]++;
          else if (trust == TN_TRUST_UNRATED)
            counts[4]++;
        }
      counts[5] += overdue && rated_as_filter;
      *n_shown += rated_as_filter && (!overdue_only || overdue);
    }
}

/* What the page shows now, counts and rows, against the plain rule; nothing may wait for a
 * count after the frame. */
static void
assert_as_counted_plainly (TnContactsPage *page)
{
  guint kept[G_N_ELEMENTS (count_names)];
  guint counted[G_N_ELEMENTS (count_names)];
  GListModel *visible = tn_contacts_page_get_visible_model (page);
  g_autoptr(TnSearch) search = tn_search_new (gtk_editable_get_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page))));
  g_autofree char *summary = NULL;
  guint n_shown, n_trusted;

  g_assert_false (tn_after_paint_is_pending (&page->recount));
  read_counts (page, kept);
  count_plainly (page, counted, &n_shown, &n_trusted);

  for (guint i = 0; i < G_N_ELEMENTS (count_names); i++)
    {
      if (kept[i] != counted[i])
        g_error ("%s: kept %u, counted plainly %u", count_names[i], kept[i], counted[i]);
    }

  /* The rows: as many as the rule shows, each one it shows. */
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_shown);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(TnContact) row = g_list_model_get_item (visible, i);

      g_assert_true (tn_search_matches_contact (search, row));
      g_assert_true (_tn_contacts_page_shows (page, row));
    }

  if (tn_ui_test_n_contacts (tn_contacts_page_get_store (page)) > 0)
    summary = tn_stats_describe_trusted (n_trusted, g_settings_get_int (page->settings, TN_SELF_SETTINGS_GOAL));
  g_assert_cmpstr (summary, ==, tn_contacts_page_get_summary (page));
}

/* A keystroke as the entry gives it, without its debounce delay. */
static void
type (TnContactsPage *page,
      const char     *text)
{
  GtkEditable *entry = GTK_EDITABLE (tn_contacts_page_get_search_entry (page));

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "search-changed");
}

/* Another process changes a contact's rating; this one hears of it through the change feed. */
static void
rate_elsewhere (TnStore   *store,
                TnContact *contact,
                TnTrust    trust)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) elsewhere = tn_store_open (tn_store_get_path (store), &error);
  TnContact *there;

  g_assert_nonnull (elsewhere);
  there = tn_store_get_contact_by_uid (elsewhere, tn_contact_get_uid (contact));
  g_assert_nonnull (there);
  g_assert_true (tn_store_set_trust (elsewhere, there, trust, &error));
  g_assert_true (tn_store_check_for_changes (store, &error));
  g_assert_no_error (error);
}

static void
test_random_changes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char * const names[] = { "Ada Lovelace", "Grace Hopper", "Alan Turing", "Hedy Lamarr", "Barbara Liskov" };
  static const char * const typed[] = { "", "a", "al", "ala", "h", "he", "grace", "l" };
  static const char * const filters[] = { "all", "completely", "moderately", "vaguely", "unrated" };
  /* The clock's days: everyone new, then the 1s overdue, then the 2s, then the 3s too. */
  static const char * const days[] = { "2026-03-02T12:00:00", "2026-04-20T12:00:00", "2026-06-15T12:00:00",
                                       "2026-10-01T12:00:00" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1206);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *contacts;
  TnContactsPage *page;

  if (fixture->store == NULL)
    return;

  g_setenv ("TRUSTNET_NOW", days[0], TRUE);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (fixture->store, name, NULL, NULL, (TnTrust) (i % 4));
    }
  tn_ui_test_fixture_open_window (fixture, application);
  tn_window_show_page (fixture->window, "contacts");
  page = tn_window_get_contacts_page (fixture->window);
  contacts = tn_store_get_contacts (fixture->store);
  tn_contacts_page_set_search_mode (page, TRUE);
  tn_ui_test_settle (300);
  assert_as_counted_plainly (page);

  for (guint step = 0; step < 400; step++)
    {
      guint n = g_list_model_get_n_items (contacts);
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, g_rand_int_range (rand, 0, n));
      int what = g_rand_int_range (rand, 0, 20);

      if (what < 5)
        g_assert_true (tn_store_set_trust (fixture->store, contact, g_rand_int_range (rand, 0, TN_TRUST_N_RATINGS), NULL));
      else if (what < 8)
        type (page, typed[g_rand_int_range (rand, 0, G_N_ELEMENTS (typed))]);
      else if (what < 10)
        tn_contacts_page_set_trust_filter (page, filters[g_rand_int_range (rand, 0, G_N_ELEMENTS (filters))]);
      else if (what < 11)
        tn_contacts_page_set_overdue_only (page, !tn_contacts_page_get_overdue_only (page));
      else if (what < 12)
        rate_elsewhere (fixture->store, contact, g_rand_int_range (rand, 0, TN_TRUST_N_RATINGS));
      else if (what < 13)
        {
          /* A new day: who is overdue changes for everyone at once. */
          g_setenv ("TRUSTNET_NOW", days[g_rand_int_range (rand, 0, G_N_ELEMENTS (days))], TRUE);
          _tn_contacts_page_reconsider_overdue (page);
          /* Those deleted on another day may no longer be restored. */
          g_ptr_array_set_size (deleted, 0);
        }
      else if (what < 14)
        {
          /* Met today: no longer overdue. */
          g_autoptr(GDateTime) now = tn_clock_now ();
          g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
          g_autoptr(TnInteraction) coffee = tn_interaction_new (TN_INTERACTION_COFFEE, day);

          g_assert_true (tn_store_log_interaction (fixture->store, contact, coffee, NULL));
        }
      else if (what < 16 && n > 10)
        {
          g_assert_true (tn_store_remove_contact (fixture->store, contact, NULL));
          g_ptr_array_add (deleted, g_object_ref (contact));
        }
      else if (what < 18 && deleted->len > 0)
        {
          g_autoptr(TnContact) back = g_ptr_array_steal_index (deleted, deleted->len - 1);

          g_assert_true (tn_store_restore_contact (fixture->store, back, NULL));
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("Kateřina Nakamura %u", step);
          g_autoptr(TnContact) added = tn_ui_test_add_contact (fixture->store, name, NULL, NULL, TN_TRUST_MODERATELY);
        }

      assert_as_counted_plainly (page);
    }
  g_unsetenv ("TRUSTNET_NOW");
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   guint         *n_painted)
{
  (*n_painted)++;
}

static gboolean
painted_twice (gpointer n_painted)
{
  return *(guint *) n_painted >= 2;
}

static void
test_follow_search_while_busy (Fixture       *fixture,
                               gconstpointer  user_data)
{
  static const char * const keys[] = { "a", "an", "ana", "an", "a", "al", "ala", "al" };
  GtkEditable *entry;
  GdkFrameClock *frame_clock;
  TnContactsPage *page;
  guint n_painted = 0;
  guint n_counted;
  gulong handler;
  guint tick;

  if (fixture->store == NULL)
    return;

  for (guint i = 0; i < 400; i++)
    {
      static const char * const names[] = { "Ana García", "Alan Turing", "Hedy Lamarr", "Alana Smith", "Grace Hopper" };
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (fixture->store, name, NULL, NULL, (TnTrust) (i % 4));
    }
  tn_ui_test_fixture_open_window (fixture, application);
  tn_window_show_page (fixture->window, "contacts");
  page = tn_window_get_contacts_page (fixture->window);
  /* The filters are remembered, and the subtest before may have left one on. */
  tn_contacts_page_set_trust_filter (page, "all");
  tn_contacts_page_set_overdue_only (page, FALSE);
  tn_contacts_page_set_search_mode (page, TRUE);
  tn_ui_test_settle (300);
  entry = GTK_EDITABLE (tn_contacts_page_get_search_entry (page));
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));

  tick = tn_ui_test_add_slow_frames (GTK_WIDGET (fixture->window));
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gtk_editable_set_text (entry, keys[k]);
      g_signal_emit_by_name (entry, "search-changed");
      g_main_context_iteration (NULL, FALSE);
    }

  /* Typing stopped: the frame that shows the rows, then at most one more. */
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &n_painted);
  g_assert_true (tn_ui_test_wait_until (painted_twice, &n_painted));
  g_object_get (page, "n-contacts", &n_counted, NULL);
  g_signal_handler_disconnect (frame_clock, handler);
  gtk_widget_remove_tick_callback (GTK_WIDGET (fixture->window), tick);

  g_assert_cmpuint (n_counted, ==, tn_ui_test_n_visible (fixture->window));
  g_assert_cmpuint (n_counted, >, 0);
  g_assert_cmpuint (n_counted, <, tn_ui_test_n_contacts (fixture->store));
  /* The rows have settled by then too: those in reach of the top (the view was not
   * scrolled), or all of them if fewer. */
  g_assert_false (tn_after_paint_is_pending (&page->rows_after_paint));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->slots)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->slots)), <=, n_counted);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/kept-counts/random-changes", Fixture, "test-kept-counts", tn_ui_test_fixture_set_up,
              test_random_changes, tn_ui_test_fixture_tear_down);
  g_test_add ("/kept-counts/follow-search-while-busy", Fixture, "test-kept-counts", tn_ui_test_fixture_set_up,
              test_follow_search_while_busy, tn_ui_test_fixture_tear_down);

  return g_test_run ();
}
