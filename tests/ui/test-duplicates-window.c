/* test-duplicates-window.c — Possible Duplicates in the real window: no name-only pairs,
 * the likeliest first, Keep Both the default, Merge undone from its toast with both
 * contacts back, Dismiss All, and the dashboard's reminder gone once they are reviewed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-application.h"
#include "tn-dashboard-page.h"
#include "tn-duplicate-pair.h"
#include "tn-duplicates-window.h"
#include "tn-window-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

typedef TnUiFixture Fixture;

static TnApplication *application;

static TnContact *
add (Fixture    *fixture,
     const char *name,
     const char *organization,
     const char *email,
     const char *phone)
{
  g_autoptr(TnContact) contact = tn_contact_new (name);
  g_autoptr(GError) error = NULL;
  const char *emails[] = { email, NULL };
  const char *phones[] = { phone, NULL };

  tn_contact_set_organization (contact, organization);
  tn_contact_set_emails (contact, emails);
  tn_contact_set_phones (contact, phones);
  g_assert_true (tn_store_add_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contact);
}

/* Two Alans who share only a name, two Adas at one organization, two Graces with one
 * phone number: the Graces are likeliest, the Alans are not listed. */
static void
add_namesakes (Fixture *fixture)
{
  g_autoptr(TnContact) alan = add (fixture, "Alan Turing", "Bletchley", "alan@bletchley.example", NULL);
  g_autoptr(TnContact) other_alan = add (fixture, "Alan Turing", "Globex", "a.turing@globex.example", NULL);
  g_autoptr(TnContact) ada = add (fixture, "Ada Lovelace", "Analytical Engines", "ada@work.example", NULL);
  g_autoptr(TnContact) ada_too = add (fixture, "Ada Lovelace", "analytical engines", "countess@home.example", NULL);
  g_autoptr(TnContact) grace = add (fixture, "Grace Hopper", NULL, "grace.hopper.1906@navy.example", "+1 617 555 0199");
  g_autoptr(TnContact) grace_too = add (fixture, "Grace Hopper", "Navy", NULL, "(617) 555-0199");
}

static GtkWidget *
open_review (Fixture *fixture)
{
  GtkWindow *window;

  tn_ui_test_fixture_open_window (fixture, application);
  window = tn_window_review_duplicates (fixture->window);
  g_assert_true (TN_IS_DUPLICATES_WINDOW (window));
  tn_ui_test_settle (400);
  return GTK_WIDGET (window);
}

static const char *
pair_name (GListModel *pairs,
           guint       position)
{
  g_autoptr(TnDuplicatePair) pair = g_list_model_get_item (pairs, position);

  return tn_contact_get_full_name (tn_duplicate_pair_get_first (pair));
}

static void
test_no_name_only_pairs (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *window;
  GListModel *pairs;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  window = open_review (fixture);
  pairs = tn_duplicates_window_get_pairs (TN_DUPLICATES_WINDOW (window));

  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 2);
  g_assert_cmpstr (pair_name (pairs, 0), ==, "Grace Hopper");
  g_assert_cmpstr (pair_name (pairs, 1), ==, "Ada Lovelace");
  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(TnDuplicatePair) pair = g_list_model_get_item (pairs, i);

      g_assert_cmpint (tn_duplicate_pair_get_hints (pair), !=, TN_DUPLICATE_HINT_NONE);
    }
  g_assert_nonnull (tn_ui_test_find_label (window, "Also in common: a phone number"));
  g_assert_nonnull (tn_ui_test_find_label (window, "Also in common: the organization"));
  g_assert_cmpuint (tn_window_get_n_possible_duplicates (fixture->window), ==, 2);
  tn_ui_test_save_screenshot ("duplicates-window");
}

/* Keep Both is the safe answer: styled as the suggested one and first in each row. */
static void
test_keep_both_is_default (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *window, *keep, *merge;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  window = open_review (fixture);
  keep = tn_ui_test_find_named (window, "duplicate-keep-button");
  merge = tn_ui_test_find_named (window, "duplicate-merge-button");
  g_assert_nonnull (keep);
  g_assert_nonnull (merge);
  g_assert_true (gtk_widget_has_css_class (keep, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (merge, "suggested-action"));
  g_assert_true (gtk_widget_get_next_sibling (keep) == merge);

  /* A real click on Keep Both: the pair goes, nobody is changed. */
  tn_ui_test_click (keep);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 6));
  g_assert_cmpuint (g_list_model_get_n_items (tn_duplicates_window_get_pairs (TN_DUPLICATES_WINDOW (window))), ==, 1);
}

static guint
n_pairs (gpointer window)
{
  return g_list_model_get_n_items (tn_duplicates_window_get_pairs (window));
}

static gboolean
undo_is_shown (gpointer window)
{
  GtkWidget *button = tn_ui_test_find_button (window, "Undo");

  return button != NULL && gtk_widget_get_mapped (button);
}

/* Merge, then Undo in the toast: both contacts are back as they were. */
static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *window, *merge;
  TnContact *first, *second;
  g_autoptr(TnDuplicatePair) pair = NULL;
  gint64 second_id;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  window = open_review (fixture);
  pair = g_list_model_get_item (tn_duplicates_window_get_pairs (TN_DUPLICATES_WINDOW (window)), 0);
  first = tn_duplicate_pair_get_first (pair);
  second = tn_duplicate_pair_get_second (pair);
  second_id = tn_contact_get_id (second);
  g_assert_null (tn_contact_get_organization (first));

  merge = tn_ui_test_find_named (window, "duplicate-merge-button");
  tn_ui_test_click (merge);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 5));
  g_assert_null (tn_store_get_contact_by_id (fixture->store, second_id));
  g_assert_cmpstr (tn_contact_get_organization (first), ==, "Navy");
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 1));

  g_assert_true (tn_ui_test_wait_until (undo_is_shown, window));
  tn_ui_test_settle (700);
  tn_ui_test_save_screenshot ("duplicates-merge-undo");
  tn_ui_test_click (tn_ui_test_find_button (window, "Undo"));
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 6));
  g_assert_nonnull (tn_store_get_contact_by_id (fixture->store, second_id));
  g_assert_null (tn_contact_get_organization (first));
  g_assert_cmpstr (tn_contact_get_organization (tn_store_get_contact_by_id (fixture->store, second_id)), ==, "Navy");
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 2));
}

static gboolean
undo_is_gone (gpointer window)
{
  return !undo_is_shown (window);
}

/* The merge's toast dismissed while it still slides in, by its Undo and by Escape: its
 * window lives on through a busy moment (see tn-toast.c). */
static void
test_toast_at_once (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *window;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  window = open_review (fixture);
  tn_ui_test_point_at (window);

  g_assert_nonnull (tn_duplicates_window_merge (TN_DUPLICATES_WINDOW (window), 0));
  g_assert_true (tn_ui_test_wait_until (undo_is_shown, window));
  gtk_widget_activate (tn_ui_test_find_button (window, "Undo"));
  tn_ui_test_busy_moment ();
  g_assert_true (tn_ui_test_wait_until (undo_is_gone, window));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 6);

  g_assert_nonnull (tn_duplicates_window_merge (TN_DUPLICATES_WINDOW (window), 0));
  g_assert_true (tn_ui_test_wait_until (undo_is_shown, window));
  /* The merged row took the focus with it; from nowhere, Escape closes the window. */
  gtk_widget_grab_focus (tn_ui_test_find_named (window, "duplicates-dismiss-all-button"));
  tn_ui_test_xdotool ("key", "Escape", NULL);
  tn_ui_test_busy_moment ();
  /* Long before its 10 s are over. */
  g_assert_true (tn_ui_test_wait_until_ms (undo_is_gone, window, 2000));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 5);
  g_assert_true (gtk_widget_get_visible (window));
}

static gboolean
nag_is_shown (gpointer data)
{
  GtkWidget *label = tn_ui_test_find_label (data, "Possible duplicates to review");

  return label != NULL && gtk_widget_is_visible (label);
}

static gboolean
nag_is_gone (gpointer data)
{
  return !nag_is_shown (data);
}

/* Dismiss All: nothing left to review, and the dashboard stops asking. */
static void
test_dismiss_all (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *window, *dashboard, *dismiss_all;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  window = open_review (fixture);
  tn_window_show_page (fixture->window, "dashboard");
  dashboard = tn_ui_test_find_visible (GTK_WIDGET (fixture->window), TN_TYPE_DASHBOARD_PAGE);
  tn_dashboard_page_refresh (TN_DASHBOARD_PAGE (dashboard));
  g_assert_true (tn_ui_test_wait_until (nag_is_shown, dashboard));

  dismiss_all = tn_ui_test_find_named (window, "duplicates-dismiss-all-button");
  g_assert_nonnull (dismiss_all);
  g_assert_true (gtk_widget_get_sensitive (dismiss_all));
  tn_ui_test_click (dismiss_all);
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 0));
  g_assert_false (gtk_widget_get_sensitive (dismiss_all));
  g_assert_nonnull (tn_ui_test_find_label (window, "No Possible Duplicates"));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 6);
  g_assert_cmpuint (tn_window_get_n_possible_duplicates (fixture->window), ==, 0);
  g_assert_true (tn_ui_test_wait_until (nag_is_gone, dashboard));

  /* Kept in the database: a new count from it finds nothing either. */
  g_assert_cmpuint (tn_duplicates_window_count_pairs (fixture->store), ==, 0);
}

/* The window opens at once with a spinner and lists the pairs a worker found when they come:
 * the window's thread never pairs the contacts itself. */
static void
test_lists_in_worker (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *window, *spinner, *dismiss_all;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  tn_ui_test_fixture_open_window (fixture, application);
  window = GTK_WIDGET (tn_window_review_duplicates (fixture->window));
  spinner = tn_ui_test_find_named (window, "duplicates-listing-spinner");
  dismiss_all = tn_ui_test_find_named (window, "duplicates-dismiss-all-button");
  g_assert_nonnull (spinner);
  g_assert_cmpuint (n_pairs (window), ==, 0);
  g_assert_true (gtk_widget_get_child_visible (spinner));
  g_assert_false (gtk_widget_get_sensitive (dismiss_all));

  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 2));
  g_assert_false (gtk_widget_get_child_visible (spinner));
  g_assert_true (gtk_widget_get_sensitive (dismiss_all));
}

/* A row of the list: the box that holds its text and its buttons. */
static GtkWidget *
first_row (GtkWidget *window)
{
  GtkWidget *keep = tn_ui_test_find_named (window, "duplicate-keep-button");

  g_assert_nonnull (keep);
  return gtk_widget_get_parent (gtk_widget_get_parent (keep));
}

/* Whether every line of @label after the first starts after " · ": lines break between the
 * parts of a contact's details, not inside an address or "Trust: Completely". */
static gboolean
breaks_between_parts (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);

  for (GSList *line = pango_layout_get_lines_readonly (layout); line != NULL; line = line->next)
    {
      int start = ((PangoLayoutLine *) line->data)->start_index;
      g_autofree char *before = g_strndup (text, start);

      if (start > 0 && !g_str_has_suffix (before, " · "))
        return FALSE;
    }
  return TRUE;
}

/* In a narrow window each row's buttons go below its text, which keeps its addresses
 * whole; wide again, beside it. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *window, *text, *label;
  guint n_lines = 0;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  window = open_review (fixture);
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 2));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (first_row (window))), ==, GTK_ORIENTATION_HORIZONTAL);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  tn_ui_test_settle (400);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (first_row (window))), ==, GTK_ORIENTATION_VERTICAL);
  tn_ui_test_save_screenshot ("duplicates-window-narrow");

  text = gtk_widget_get_first_child (first_row (window));
  /* The name and the hints, then each contact's details. */
  label = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (text)));
  for (; label != NULL; label = gtk_widget_get_next_sibling (label))
    {
      g_assert_true (breaks_between_parts (GTK_LABEL (label)));
      n_lines += pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
    }
  /* Two contacts' details, some of them wrapped. */
  g_assert_cmpuint (n_lines, >, 2);

  gtk_window_set_default_size (GTK_WINDOW (window), 680, 560);
  tn_ui_test_settle (400);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (first_row (window))), ==, GTK_ORIENTATION_HORIZONTAL);
}

/* The name a row shows, from any widget in it. */
static const char *
row_name (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_BOX);

  while (row != NULL && !gtk_widget_has_css_class (row, "duplicate-row"))
    row = gtk_widget_get_ancestor (gtk_widget_get_parent (row), GTK_TYPE_BOX);
  g_assert_nonnull (row);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (row))));
}

/* Where the keyboard focus is: Keep Both, in the row of the pair at @position. */
static void
assert_focus_on_keep_both (GtkWidget *window,
                           guint      position)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_cmpstr (gtk_widget_get_name (focus), ==, "duplicate-keep-button");
  g_assert_cmpstr (row_name (focus), ==, pair_name (tn_duplicates_window_get_pairs (TN_DUPLICATES_WINDOW (window)), position));
}

static GtkWidget *
find_row_button (GtkWidget  *window,
                 guint       position,
                 const char *name)
{
  const char *wanted = pair_name (tn_duplicates_window_get_pairs (TN_DUPLICATES_WINDOW (window)), position);
  GtkWidget *list = tn_ui_test_find_named (window, "duplicates-list");

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *button = tn_ui_test_find_named (item, name);

      if (button != NULL && gtk_widget_get_mapped (button) && g_strcmp0 (row_name (button), wanted) == 0)
        return button;
    }
  g_assert_not_reached ();
}

/* Merge and Keep Both by the keyboard alone: the handled row goes, and the focus goes on
 * to the row that takes its place (the one before it, after the last), so Escape still
 * dismisses the toast and Enter answers for the next pair. */
static void
test_focus_goes_on (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TnContact) edsger = NULL;
  g_autoptr(TnContact) edsger_too = NULL;
  GtkWidget *window;

  if (fixture->store == NULL)
    return;

  add_namesakes (fixture);
  edsger = add (fixture, "Edsger Dijkstra", "Mathematisch Centrum", "ewd@mc.example", NULL);
  edsger_too = add (fixture, "Edsger Dijkstra", "Mathematisch Centrum", "edsger@home.example", NULL);
  window = open_review (fixture);
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 3));
  tn_ui_test_point_at (window);

  /* From Keep Both to Merge by Tab, as a person at the keyboard gets there. */
  gtk_widget_grab_focus (find_row_button (window, 0, "duplicate-keep-button"));
  tn_ui_test_xdotool ("key", "Tab", NULL);
  tn_ui_test_settle (100);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == find_row_button (window, 0, "duplicate-merge-button"));
  tn_ui_test_xdotool ("key", "Return", NULL);
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 7));
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 2));
  assert_focus_on_keep_both (window, 0);

  g_assert_true (tn_ui_test_wait_until (undo_is_shown, window));
  tn_ui_test_settle (700);
  /* The focus ring shows where Enter goes now. */
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  tn_ui_test_save_screenshot ("duplicates-focus-after-merge");
  tn_ui_test_xdotool ("key", "Escape", NULL);
  g_assert_true (tn_ui_test_wait_until_ms (undo_is_gone, window, 2000));
  g_assert_true (gtk_widget_get_visible (window));
  assert_focus_on_keep_both (window, 0);

  /* The last row kept apart: the focus goes back to the one before. */
  gtk_widget_grab_focus (find_row_button (window, 1, "duplicate-keep-button"));
  tn_ui_test_xdotool ("key", "Return", NULL);
  g_assert_true (tn_ui_test_wait_for_count (n_pairs, window, 1));
  tn_ui_test_settle (200);
  assert_focus_on_keep_both (window, 0);
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, "test-duplicates-window", tn_ui_test_fixture_set_up, func, tn_ui_test_fixture_tear_down)

  ADD ("/duplicates-window/no-name-only-pairs", test_no_name_only_pairs);
  ADD ("/duplicates-window/keep-both-is-default", test_keep_both_is_default);
  ADD ("/duplicates-window/merge-undo", test_merge_undo);
  ADD ("/duplicates-window/toast-at-once", test_toast_at_once);
  ADD ("/duplicates-window/dismiss-all", test_dismiss_all);
  ADD ("/duplicates-window/lists-in-worker", test_lists_in_worker);
  ADD ("/duplicates-window/narrow", test_narrow);
  ADD ("/duplicates-window/focus-goes-on", test_focus_goes_on);

#undef ADD

  return g_test_run ();
}
