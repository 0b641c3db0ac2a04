/* test-kept-counts.c — the filter buttons' counts, kept through single changes of the store
 * (a rating, a contact deleted, restored or added), equal a count of every contact anew,
 * with and without a search; and after a burst of keystrokes they, and the rows held back
 * for the first frame, follow the search within two frames, even while every frame takes
 * longer than the frame interval.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-application.h"
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

/* What the page shows now against what it shows once every contact is counted anew. */
static void
assert_kept_as_counted (TnContactsPage *page)
{
  guint kept[G_N_ELEMENTS (count_names)];
  guint counted[G_N_ELEMENTS (count_names)];
  g_autofree char *summary = g_strdup (tn_contacts_page_get_summary (page));

  /* Single changes are kept at once: nothing may wait for a count anew. */
  g_assert_false (tn_after_paint_is_pending (&page->recount));
  read_counts (page, kept);
  _tn_contacts_page_recount (page);
  read_counts (page, counted);

  for (guint i = 0; i < G_N_ELEMENTS (count_names); i++)
    {
      if (kept[i] != counted[i])
        g_error ("%s: kept %u, counted %u", count_names[i], kept[i], counted[i]);
    }
  g_assert_cmpstr (summary, ==, tn_contacts_page_get_summary (page));
}

static void
test_random_changes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char * const names[] = { "Ada Lovelace", "Grace Hopper", "Alan Turing", "Hedy Lamarr", "Barbara Liskov" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1206);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *contacts;
  TnContactsPage *page;

  if (fixture->store == NULL)
    return;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (fixture->store, name, NULL, NULL, (TnTrust) (i % 4));
    }
  tn_ui_test_fixture_open_window (fixture, application);
  tn_window_show_page (fixture->window, "contacts");
  page = tn_window_get_contacts_page (fixture->window);
  contacts = tn_store_get_contacts (fixture->store);
  tn_ui_test_settle (300);

  for (guint step = 0; step < 300; step++)
    {
      guint n = g_list_model_get_n_items (contacts);
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, g_rand_int_range (rand, 0, n));
      int what = g_rand_int_range (rand, 0, 10);

      /* The search changes now and then: a count anew, then kept again. */
      if (step % 50 == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), step % 100 == 0 ? "" : "a");
          tn_ui_test_settle (400);
        }

      if (what < 6)
        g_assert_true (tn_store_set_trust (fixture->store, contact, g_rand_int_range (rand, 0, TN_TRUST_N_RATINGS), NULL));
      else if (what < 8 && n > 10)
        {
          g_assert_true (tn_store_remove_contact (fixture->store, contact, NULL));
          g_ptr_array_add (deleted, g_object_ref (contact));
        }
      else if (what < 9 && deleted->len > 0)
        {
          g_autoptr(TnContact) back = g_ptr_array_steal_index (deleted, deleted->len - 1);

          g_assert_true (tn_store_restore_contact (fixture->store, back, NULL));
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("Kateřina Nakamura %u", step);
          g_autoptr(TnContact) added = tn_ui_test_add_contact (fixture->store, name, NULL, NULL, TN_TRUST_MODERATELY);
        }

      assert_kept_as_counted (page);
    }
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
