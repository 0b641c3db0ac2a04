/* test-contacts-list.c — the contacts list of issue 14 in the real window under Xvfb, driven
 * by real keys: the search rule, type-to-search, the rating toast with Undo, counts that say
 * what a click shows, a new contact never hidden, sorting every column, stable column widths
 * and one vocabulary. After every change the rows are those the plain rule gives, and each
 * row GTK keeps shows the contact at its position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tn-contact-pane-private.h"
#include "tn-contacts-page-private.h"
#include "tn-search.h"
#include "tn-text-cell.h"
#include "tn-ui-test-people.h"
#include "tn-window-private.h"

typedef TnUiPeopleFixture Fixture;

static TnApplication *application;

/* The plain rule, written out again: the rows the list must show, in no particular order. */
static gboolean
plain_filter_shows (TnContactsPage *page,
                    TnContact      *contact)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(TnSearch) search = tn_search_new (gtk_editable_get_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page))));
  g_autoptr(GDateTime) now = tn_clock_now ();
  const char *trust_filter = tn_contacts_page_get_trust_filter (page);
  TnCadence cadence;

  tn_cadence_init_from_settings (&cadence, settings);

  if (!g_str_equal (trust_filter, "all"))
    {
      TnTrust wanted;

      g_assert_true (tn_trust_parse (g_str_equal (trust_filter, "completely") ? "1" :
                                     g_str_equal (trust_filter, "moderately") ? "2" :
                                     g_str_equal (trust_filter, "vaguely") ? "3" : "0", &wanted));
      if (tn_contact_get_trust (contact) != wanted)
        return FALSE;
    }

  if (!tn_search_matches_contact (search, contact))
    return FALSE;

  return !tn_contacts_page_get_overdue_only (page) || tn_cadence_is_overdue (&cadence, contact, now);
}

/* The first cell of @type under @widget, depth first. */
static GtkWidget *
find_cell (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The rows GTK keeps (its row widgets are row slots, kept through every change) each show
 * the contact at their position: in order, one run of the rows shown, each name and rating
 * cell on the same contact. And the view's selection is on the selected contact, or on
 * nothing if the view does not have that row yet. */
static void
assert_row_widgets_follow (TnContactsPage *page)
{
  GtkColumnView *view = tn_contacts_page_get_column_view (page);
  GListModel *visible = tn_contacts_page_get_visible_model (page);
  GtkSingleSelection *rows = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  TnContact *selected = tn_contacts_page_get_selected_contact (page);
  guint next = G_MAXUINT;
  guint n_rows = 0;

  for (GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (view)); list != NULL; list = gtk_widget_get_next_sibling (list))
    {
      if (!GTK_IS_LIST_VIEW (list))
        continue;

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *trust = find_cell (row, TN_TYPE_TRUST_CELL);
          GtkWidget *name = find_cell (row, TN_TYPE_TEXT_CELL);
          TnContact *contact = trust != NULL ? tn_trust_cell_get_contact (TN_TRUST_CELL (trust)) : NULL;
          g_autoptr(TnContact) expected = NULL;

          if (contact == NULL)
            continue;

          /* The first row kept is wherever the view is; from there on, one after another. */
          if (next == G_MAXUINT)
            {
              for (next = 0; next < g_list_model_get_n_items (visible); next++)
                {
                  g_autoptr(TnContact) at = g_list_model_get_item (visible, next);

                  if (at == contact)
                    break;
                }
            }
          expected = g_list_model_get_item (visible, next++);
          g_assert_true (contact == expected);
          g_assert_cmpstr (tn_text_cell_get_text (TN_TEXT_CELL (name)), ==, tn_contact_get_full_name (contact));
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, <=, g_list_model_get_n_items (visible));

  if (selected == NULL)
    {
      g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, GTK_INVALID_LIST_POSITION);
    }
  else if (gtk_single_selection_get_selected (rows) == GTK_INVALID_LIST_POSITION)
    {
      /* Only while the view does not have the selected row (rows in reach of the top). */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
        {
          g_autoptr(TnContact) at = g_list_model_get_item (visible, i);

          g_assert_true (at != selected);
        }
    }
  else
    {
      TnRowSlot *slot = gtk_single_selection_get_selected_item (rows);

      g_assert_true (tn_row_slot_get_contact (slot) == selected);
    }
}

/* The list shows exactly the contacts the plain rule lets through. */
static void
assert_rows_as_plain_filter (TnContactsPage *page)
{
  GListModel *contacts = tn_store_get_contacts (tn_contacts_page_get_store (page));
  GListModel *visible = tn_contacts_page_get_visible_model (page);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  guint n_expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (visible, i);

      g_hash_table_add (shown, contact);
    }

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      gboolean expected = plain_filter_shows (page, contact);

      g_test_message ("%s: %s", tn_contact_get_full_name (contact), expected ? "shown" : "hidden");
      g_assert_cmpint (g_hash_table_contains (shown, contact), ==, expected);
      n_expected += expected;
    }

  g_assert_cmpuint (g_hash_table_size (shown), ==, n_expected);
  assert_row_widgets_follow (page);
}

static void
press (TnUiPeopleFixture *fixture,
       const char        *keys)
{
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("key", "--delay", "60", keys, NULL);
}

static void
type (TnUiPeopleFixture *fixture,
      const char        *text)
{
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("type", "--delay", "60", text, NULL);
}

/* A contact of the test's own, which the store keeps. */
static void
add (TnUiPeopleFixture *fixture,
     const char        *name,
     const char        *email,
     const char        *organization,
     TnTrust            trust)
{
  g_autoptr(TnContact) contact = tn_ui_test_add_contact (fixture->ui.store, name, email, organization, trust);
}

static const char *
search_text (TnContactsPage *page)
{
  return gtk_editable_get_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)));
}

typedef struct
{
  TnContactsPage *page;
  const char *text;
} SearchWait;

static gboolean
search_is (gpointer data)
{
  SearchWait *wait = data;

  return g_str_equal (search_text (wait->page), wait->text);
}

static gboolean
searching (gpointer page)
{
  return tn_contacts_page_get_search_mode (page);
}

static gboolean
not_searching (gpointer page)
{
  return !tn_contacts_page_get_search_mode (page);
}

static gboolean
is_selected (gpointer data)
{
  gpointer *args = data;

  return tn_contacts_page_get_selected_contact (args[0]) == args[1];
}

static guint
n_visible (gpointer window)
{
  return tn_ui_test_n_visible (window);
}

/* Item 3: "ana g" finds Ana García; accents and case do not matter; word starts only. */
static void
test_search_rule (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char * const searches[][2] = {
    { "chloe c", "1" }, { "garcia", "1" }, { "mull", "1" }, { "bjorn", "2" },
    { "GÜNTER initech", "1" }, { "acme ana", "1" }, { "arcia", "0" }, { "a", "3" },
  };
  TnContactsPage *page;
  SearchWait wait;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  add (fixture, "Ana García", "ana@acme.example", "Acme Corp", TN_TRUST_UNRATED);
  add (fixture, "Chloé Castillo", NULL, NULL, TN_TRUST_UNRATED);
  add (fixture, "Günter Müller", NULL, "Initech", TN_TRUST_UNRATED);
  add (fixture, "Björn Eriksen", NULL, NULL, TN_TRUST_UNRATED);
  add (fixture, "Bjørn Hansen", NULL, NULL, TN_TRUST_UNRATED);
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 9));

  tn_contacts_page_focus_list (page);
  press (fixture, "slash");
  g_assert_true (tn_ui_test_wait_until (searching, page));
  /* The search bar slides in. */
  tn_ui_test_settle (50);

  type (fixture, "ana g");
  wait = (SearchWait) { page, "ana g" };
  g_assert_true (tn_ui_test_wait_until (search_is, &wait));
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 1));
  assert_rows_as_plain_filter (page);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), searches[i][0]);
      g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, atoi (searches[i][1])));
      assert_rows_as_plain_filter (page);
    }

  /* One key at a time, forward and back, also with a rating filter on: each narrowing,
   * widening or unchanged search leaves exactly the rows of the plain rule. */
  for (int pass = 0; pass < 2; pass++)
    {
      GtkEditable *entry = GTK_EDITABLE (tn_contacts_page_get_search_entry (page));
      const char *typed = "ana garc";
      int position = 0;

      tn_contacts_page_set_trust_filter (page, pass == 0 ? "all" : "unrated");
      gtk_editable_set_text (entry, "");
      for (int k = 1; k <= 2 * (int) strlen (typed); k++)
        {
          if (k <= (int) strlen (typed))
            {
              position = k - 1;
              gtk_editable_insert_text (entry, typed + k - 1, 1, &position);
            }
          else
            {
              gtk_editable_delete_text (entry, 2 * strlen (typed) - k, -1);
            }
          g_signal_emit_by_name (entry, "search-changed");
          assert_rows_as_plain_filter (page);
        }
    }
  tn_contacts_page_set_trust_filter (page, "all");
  tn_ui_test_save_screenshot ("contacts-search");
}

/* Item 4: outside a search j and k move; once a search has started every letter goes to it. */
static void
test_type_to_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TnContactsPage *page;
  SearchWait wait;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  add (fixture, "José Rossi", NULL, NULL, TN_TRUST_UNRATED);
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 5));

  /* Sorted by name: Ada, Alan, Barbara, Grace, José. */
  g_assert_true (tn_contacts_page_select_contact (page, fixture->ada));
  press (fixture, "j");
  g_assert_true (tn_ui_test_wait_until (is_selected, (gpointer[]) { page, fixture->alan }));
  g_assert_true (tn_ui_test_wait_until (not_searching, page));

  /* The first letter that is not a triage key opens the search, and takes every letter after it. */
  type (fixture, "ose");
  wait = (SearchWait) { page, "ose" };
  g_assert_true (tn_ui_test_wait_until (search_is, &wait));
  g_assert_true (tn_ui_test_wait_until (searching, page));
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 0));

  /* "/" then "jose": the j is a letter of the search, not a move. */
  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), "");
  tn_contacts_page_set_search_mode (page, FALSE);
  tn_contacts_page_focus_list (page);
  press (fixture, "slash");
  type (fixture, "jose");
  wait = (SearchWait) { page, "jose" };
  g_assert_true (tn_ui_test_wait_until (search_is, &wait));
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 1));

  /* Enter goes to the list; a j or k there still goes to the search while it is open. */
  /* Past the search entry's pause after typing. */
  tn_ui_test_settle (300);
  press (fixture, "Return");
  g_assert_true (tn_ui_test_wait_until ((TnTestCondition) _tn_contacts_page_list_has_focus, page));
  press (fixture, "k");
  wait = (SearchWait) { page, "josek" };
  g_assert_true (tn_ui_test_wait_until (search_is, &wait));

  /* Escape closes the search; j and k move again. */
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 5));
  g_assert_true (tn_ui_test_wait_until (not_searching, page));
  g_assert_true (tn_contacts_page_select_contact (page, fixture->ada));
  press (fixture, "j");
  g_assert_true (tn_ui_test_wait_until (is_selected, (gpointer[]) { page, fixture->alan }));
  g_assert_cmpstr (search_text (page), ==, "");

  /* Ctrl+F opens it too. */
  press (fixture, "ctrl+f");
  g_assert_true (tn_ui_test_wait_until (searching, page));
}

typedef struct
{
  TnContact *contact;
  TnTrust trust;
} TrustWait;

static gboolean
has_trust (gpointer data)
{
  TrustWait *wait = data;

  return tn_contact_get_trust (wait->contact) == wait->trust;
}

static GtkWidget *
find_toast_label (Fixture    *fixture,
                  const char *text)
{
  return tn_ui_test_find_label (GTK_WIDGET (fixture->ui.window), text);
}

static gboolean
toast_shown (gpointer data)
{
  gpointer *args = data;

  return find_toast_label (args[0], args[1]) != NULL;
}

/* Item 5: "Ada Lovelace: Moderately" with Undo; the selection goes on to the next row. */
static void
test_rating_toast (Fixture       *fixture,
                   gconstpointer  user_data)
{
  TnContactsPage *page;
  TrustWait wait;
  gpointer toast_args[2];
  GtkWidget *undo;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  tn_contacts_page_set_trust_filter (page, "completely");
  /* Ada, Barbara, Grace */
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 3));
  g_assert_true (tn_contacts_page_select_contact (page, fixture->ada));
  tn_contacts_page_focus_list (page);

  press (fixture, "2");
  wait = (TrustWait) { fixture->ada, TN_TRUST_MODERATELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 2));
  assert_rows_as_plain_filter (page);

  /* Ada left the filter: the row after hers, Barbara, is selected, and keys go on working. */
  g_assert_true (tn_ui_test_wait_until (is_selected, (gpointer[]) { page, fixture->barbara }));
  toast_args[0] = fixture;
  toast_args[1] = "Ada Lovelace: Moderately";
  g_assert_true (tn_ui_test_wait_until (toast_shown, toast_args));
  tn_ui_test_save_screenshot ("contacts-rating-toast");

  press (fixture, "3");
  wait = (TrustWait) { fixture->barbara, TN_TRUST_VAGUELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_true (tn_ui_test_wait_until (is_selected, (gpointer[]) { page, fixture->grace }));

  /* The newest toast takes the place of the one before; its Undo gives Barbara back her 1. */
  toast_args[1] = "Barbara Liskov: Vaguely";
  g_assert_true (tn_ui_test_wait_until (toast_shown, toast_args));
  /* The Undo beside that title, not the one of Ada's toast on its way out. */
  undo = find_toast_label (fixture, "Barbara Liskov: Vaguely");
  while (undo != NULL && tn_ui_test_find_button (undo, "Undo") == NULL)
    undo = gtk_widget_get_parent (undo);
  g_assert_nonnull (undo);
  undo = tn_ui_test_find_button (undo, "Undo");
  /* The toast slides: activated as a click would, like the delete toast's in test-window. */
  gtk_widget_activate (undo);
  wait = (TrustWait) { fixture->barbara, TN_TRUST_COMPLETELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 2));
  g_assert_cmpint (tn_contact_get_trust (fixture->ada), ==, TN_TRUST_MODERATELY);
  assert_rows_as_plain_filter (page);
}

/* Two ratings within a toast's slide-in, then a main thread busy for a moment (as it is
 * with 100,000 contacts): the first toast's show animation and its hide end in one frame,
 * which libadwaita 1.2 cannot take (see dismiss_toast_safely() in tn-window-toasts.c). */
static void
rate_two_quickly (Fixture    *fixture,
                  TnContact  *first,
                  TnContact  *second,
                  TnTrust     trust)
{
  TnContactsPage *page = tn_window_get_contacts_page (fixture->ui.window);
  TrustWait wait = { second, trust };
  g_autofree char *keys = g_strdup_printf ("%dj%d", (int) trust, (int) trust);

  g_assert_true (tn_contacts_page_select_contact (page, first));
  tn_contacts_page_focus_list (page);
  type (fixture, keys);
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  /* A frame or two, in which the first toast is dismissed; then the long one. */
  tn_ui_test_settle (40);
  g_usleep (700 * G_TIME_SPAN_MILLISECOND);
  tn_ui_test_settle (100);
  g_assert_cmpint (tn_contact_get_trust (first), ==, trust);
}

static void
test_rating_toasts_quickly (Fixture       *fixture,
                            gconstpointer  user_data)
{
  gpointer toast_args[2];

  if (fixture->ui.store == NULL)
    return;

  /* In name order: Ada, Alan, Barbara, Grace; j goes down a row. */
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 4));
  rate_two_quickly (fixture, fixture->ada, fixture->alan, TN_TRUST_VAGUELY);
  rate_two_quickly (fixture, fixture->barbara, fixture->grace, TN_TRUST_MODERATELY);
  rate_two_quickly (fixture, fixture->ada, fixture->alan, TN_TRUST_MODERATELY);

  toast_args[0] = fixture;
  toast_args[1] = "Alan Turing: Moderately";
  g_assert_true (tn_ui_test_wait_until (toast_shown, toast_args));
}

static guint
count_of (TnContactsPage *page,
          const char     *property)
{
  guint n = 0;

  g_object_get (page, property, &n, NULL);
  return n;
}

typedef struct
{
  TnContactsPage *page;
  const char *property;
  guint expected;
} CountWait;

static gboolean
is_drawable (gpointer widget)
{
  return gtk_widget_is_drawable (widget);
}

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return count_of (wait->page, wait->property) == wait->expected;
}

/* What each button says against what clicking it shows, given the page as it is now. */
static void
assert_counts_say_what_a_click_shows (Fixture *fixture)
{
  TnContactsPage *page = tn_window_get_contacts_page (fixture->ui.window);
  static const char * const filters[][2] = {
    { "all", "n-contacts" }, { "completely", "n-completely" }, { "moderately", "n-moderately" },
    { "vaguely", "n-vaguely" }, { "unrated", "n-unrated" },
  };
  g_autofree char *was = g_strdup (tn_contacts_page_get_trust_filter (page));
  gboolean overdue_only = tn_contacts_page_get_overdue_only (page);
  guint n_overdue;

  /* Counted after the list is painted. */
  tn_ui_test_settle (100);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      guint said = count_of (page, filters[i][1]);

      tn_contacts_page_set_trust_filter (page, filters[i][0]);
      g_test_message ("%s says %u", filters[i][0], said);
      g_assert_cmpuint (tn_ui_test_n_visible (fixture->ui.window), ==, said);
    }

  tn_contacts_page_set_trust_filter (page, was);
  n_overdue = count_of (page, "n-overdue");
  tn_contacts_page_set_overdue_only (page, TRUE);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->ui.window), ==, n_overdue);
  tn_contacts_page_set_overdue_only (page, overdue_only);
}

/* Item 6: counts respect the search and the other filter; a result count. */
static void
test_counts (Fixture       *fixture,
             gconstpointer  user_data)
{
  TnContactsPage *page;
  CountWait wait;
  GtkWidget *result;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  /* Ada (1, overdue), Grace (1), Alan (2), Barbara (1, overdue) */
  assert_counts_say_what_a_click_shows (fixture);
  g_assert_cmpuint (count_of (page, "n-completely"), ==, 3);
  g_assert_cmpuint (count_of (page, "n-overdue"), ==, 2);

  /* With Overdue on, "1" says 2, not 3. */
  tn_ui_test_click (tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "overdue-filter-wide"));
  g_assert_true (tn_contacts_page_get_overdue_only (page));
  g_assert_cmpuint (count_of (page, "n-completely"), ==, 2);
  g_assert_cmpuint (count_of (page, "n-moderately"), ==, 0);
  assert_counts_say_what_a_click_shows (fixture);

  /* With "2" on, Overdue says 0. */
  tn_contacts_page_set_overdue_only (page, FALSE);
  tn_contacts_page_set_trust_filter (page, "moderately");
  g_assert_cmpuint (count_of (page, "n-overdue"), ==, 0);
  assert_counts_say_what_a_click_shows (fixture);
  tn_contacts_page_set_trust_filter (page, "all");

  /* A search narrows every count, and the bar says how many it found. */
  tn_contacts_page_focus_list (page);
  press (fixture, "slash");
  type (fixture, "a");
  wait = (CountWait) { page, "n-contacts", 4 };
  g_assert_true (tn_ui_test_wait_until (count_is, &wait));
  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), "grace");
  wait = (CountWait) { page, "n-contacts", 1 };
  g_assert_true (tn_ui_test_wait_until (count_is, &wait));
  g_assert_cmpuint (count_of (page, "n-completely"), ==, 1);
  g_assert_cmpuint (count_of (page, "n-overdue"), ==, 0);
  /* The counts follow at once; the label shows once the search bar is revealed. */
  result = tn_ui_test_find_named (GTK_WIDGET (page), "contacts-result-count");
  g_assert_true (tn_ui_test_wait_until (is_drawable, result));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (result)), ==, "1 found");
  assert_counts_say_what_a_click_shows (fixture);
  tn_ui_test_save_screenshot ("contacts-counts-search");

  /* A rating moves one count to another. */
  tn_store_set_trust (fixture->ui.store, fixture->grace, TN_TRUST_VAGUELY, NULL);
  wait = (CountWait) { page, "n-vaguely", 1 };
  g_assert_true (tn_ui_test_wait_until (count_is, &wait));
  g_assert_cmpuint (count_of (page, "n-completely"), ==, 0);
  assert_counts_say_what_a_click_shows (fixture);
}

static gboolean
pane_revealed (gpointer window)
{
  return tn_window_get_pane_revealed (window);
}

/* Item 7: a contact saved while "Overdue" hides it is shown, with a toast saying why. */
static void
test_new_contact_shown (Fixture       *fixture,
                        gconstpointer  user_data)
{
  TnContactsPage *page;
  TnContactPane *pane;
  TnContact *selected;
  gpointer toast_args[2];

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  tn_contacts_page_set_overdue_only (page, TRUE);
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 2));

  /* Ctrl+N as a person would; the form filled and saved as test-window does. */
  press (fixture, "ctrl+n");
  g_assert_true (tn_ui_test_wait_until (pane_revealed, fixture->ui.window));
  pane = tn_window_get_contact_pane (fixture->ui.window);
  gtk_editable_set_text (GTK_EDITABLE (tn_contact_pane_get_name_row (pane)), "Hedy Lamarr");
  g_assert_true (tn_contact_pane_save (pane));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->ui.store), ==, 5);

  /* Hedy is new, not overdue: the filter made way and the list shows her, selected. */
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 5));
  g_assert_false (tn_contacts_page_get_overdue_only (page));
  selected = tn_contacts_page_get_selected_contact (page);
  g_assert_nonnull (selected);
  g_assert_cmpstr (tn_contact_get_full_name (selected), ==, "Hedy Lamarr");
  toast_args[0] = fixture;
  toast_args[1] = "Showing everyone, so that Hedy Lamarr is in the list";
  g_assert_true (tn_ui_test_wait_until (toast_shown, toast_args));
  assert_rows_as_plain_filter (page);
}

/* The width of each shown column's header, left to right. */
static GArray *
column_widths (TnContactsPage *page)
{
  GtkWidget *view = GTK_WIDGET (tn_contacts_page_get_column_view (page));
  GtkWidget *header = gtk_widget_get_first_child (view);
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (int));

  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL; title = gtk_widget_get_next_sibling (title))
    {
      int width = gtk_widget_get_width (title);

      if (gtk_widget_get_visible (title))
        g_array_append_val (widths, width);
    }

  return widths;
}

static void
assert_same_widths (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, int, i), ==, g_array_index (b, int, i));
}

/* Item 8: every column sorts both ways without a critical warning (the suite makes one
 * fatal), with people who have no organization, email or last contact; and the columns
 * keep their widths whatever is shown. */
static void
test_sort_and_widths (Fixture       *fixture,
                      gconstpointer  user_data)
{
  TnContactsPage *page;
  GtkColumnView *view;
  GListModel *columns;
  g_autoptr(GArray) before = NULL;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  add (fixture, "Maximiliane Wilhelmina von Hohenzollern-Sigmaringen", "maximiliane.wilhelmina@a-very-long-domain.example", "The International Organization for Very Long Names", TN_TRUST_VAGUELY);
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 5));
  tn_ui_test_settle (200);
  before = column_widths (page);
  g_assert_cmpuint (before->len, >=, 4);

  view = tn_contacts_page_get_column_view (page);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GArray) after = NULL;

      /* A click on the header, twice: ascending, then descending. */
      for (int click = 0; click < 2; click++)
        {
          gtk_column_view_sort_by_column (view, column, click == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
          tn_ui_test_settle (100);
          g_assert_cmpuint (tn_ui_test_n_visible (fixture->ui.window), ==, 5);
          after = column_widths (page);
          assert_same_widths (before, after);
          g_clear_pointer (&after, g_array_unref);
        }
    }

  /* Filtering and searching leave the long name out, and the widths as they were. */
  tn_contacts_page_set_trust_filter (page, "completely");
  tn_ui_test_settle (100);
  {
    g_autoptr(GArray) after = column_widths (page);

    assert_same_widths (before, after);
  }
  tn_contacts_page_set_trust_filter (page, "all");
  tn_contacts_page_set_search_mode (page, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), "maxi");
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 1));
  tn_ui_test_settle (100);
  {
    g_autoptr(GArray) after = column_widths (page);

    assert_same_widths (before, after);
  }
}

/* The shown cell of the table from @widget down that draws @text. */
static TnTextCell *
find_text_cell (GtkWidget  *widget,
                const char *text)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return NULL;

  if (TN_IS_TEXT_CELL (widget) && g_strcmp0 (tn_text_cell_get_text (TN_TEXT_CELL (widget)), text) == 0)
    return TN_TEXT_CELL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      TnTextCell *found = find_text_cell (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Item 9: the same words for the ratings on the buttons and in the Trust column; dates in
 * the Last Contact column in one form. */
static void
test_vocabulary (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *page;
  const char *words[] = { "Completely", "Moderately", "Not Rated" };

  if (fixture->ui.store == NULL)
    return;

  page = GTK_WIDGET (tn_window_get_contacts_page (fixture->ui.window));
  tn_ui_test_settle (200);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_nonnull (tn_ui_test_find_label (page, words[i]));
  g_assert_null (tn_ui_test_find_label (page, "Trust Me Completely"));
  g_assert_null (tn_ui_test_find_label (page, "Not rated yet"));
  g_assert_cmpstr (tn_trust_get_label (TN_TRUST_UNRATED), ==, "Not rated");

  /* Ada last met on 20 October, Grace on 17 November, Alan and Barbara never (today is
   * 24 November 2026): dates, not "5 weeks ago". */
  g_assert_nonnull (find_text_cell (page, "20 Oct"));
  g_assert_nonnull (find_text_cell (page, "17 Nov"));
  g_assert_nonnull (find_text_cell (page, "Never"));
  g_assert_null (find_text_cell (page, "5 weeks ago"));
  g_assert_null (find_text_cell (page, "1 week ago"));
}

/* The Name column draws the initials in a circle: the letters and the colour AdwAvatar (the
 * contact pane's) gives the same name, and the cell follows a change of the name. */
static void
test_name_cells (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *names[] = { "Ada Lovelace", "Bjørn O'Brien", "Grace", "李 王", "Ελένη Παπαδόπουλος", "  ana  maría  " };
  const char *expected[] = { "AL", "BO", "G", "李王", "ΕΠ", "AM" };
  GtkWidget *page;
  TnTextCell *cell;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *avatar = g_object_ref_sink (adw_avatar_new (24, names[i], TRUE));
      g_autofree char *initials = tn_text_cell_make_initials (names[i]);
      g_autofree char *color_class = g_strdup_printf ("color%u", tn_text_cell_pick_avatar_color (names[i]) + 1);

      /* The class is on the avatar's circle, its first child. */
      g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (avatar), color_class));
      g_object_unref (avatar);
      g_assert_cmpuint (tn_text_cell_pick_avatar_color (names[i]), <, 14);
      g_assert_cmpstr (initials, ==, expected[i]);
    }
  {
    g_autofree char *none = tn_text_cell_make_initials ("   ");

    g_assert_cmpstr (none, ==, "");
  }

  if (fixture->ui.store == NULL)
    return;

  page = GTK_WIDGET (tn_window_get_contacts_page (fixture->ui.window));
  tn_ui_test_settle (200);
  cell = find_text_cell (page, "Ada Lovelace");
  g_assert_nonnull (cell);
  g_assert_cmpstr (tn_text_cell_get_initials (cell), ==, "AL");
  g_assert_cmpuint (tn_text_cell_get_avatar_color (cell), ==, tn_text_cell_pick_avatar_color ("Ada Lovelace"));
  g_assert_cmpstr (tn_text_cell_get_initials (find_text_cell (page, "20 Oct")), ==, "");

  /* Renamed elsewhere: the same row shows the new name and its initials. */
  tn_contact_set_full_name (fixture->ada, "Ada King");
  g_assert_cmpstr (tn_text_cell_get_text (cell), ==, "Ada King");
  g_assert_cmpstr (tn_text_cell_get_initials (cell), ==, "AK");
}

static int
compare_names_plainly (gconstpointer a,
                       gconstpointer b)
{
  TnContact *contact_a = *(TnContact **) a;
  TnContact *contact_b = *(TnContact **) b;
  int order = g_utf8_collate (tn_contact_get_full_name (contact_a), tn_contact_get_full_name (contact_b));

  if (order != 0)
    return order;
  return (tn_contact_get_id (contact_a) > tn_contact_get_id (contact_b)) -
         (tn_contact_get_id (contact_a) < tn_contact_get_id (contact_b));
}

/* The rows in the plain collation order of the names, as the Name header says. */
static void
assert_rows_in_name_order (TnContactsPage *page)
{
  GListModel *contacts = tn_store_get_contacts (tn_contacts_page_get_store (page));
  GListModel *visible = tn_contacts_page_get_visible_model (page);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    g_ptr_array_add (expected, g_list_model_get_item (contacts, i));
  g_ptr_array_sort (expected, compare_names_plainly);

  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(TnContact) shown = g_list_model_get_item (visible, i);

      g_assert_cmpstr (tn_contact_get_full_name (shown), ==, tn_contact_get_full_name (g_ptr_array_index (expected, i)));
      g_assert_true (shown == g_ptr_array_index (expected, i));
    }
}

/* The table starts in name order with no header clicked (the store's list comes so), and a
 * contact added or renamed lands where its name belongs; after clicks on the Name header,
 * the same. */
static void
test_name_order (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) draft = NULL;
  TnContactsPage *page;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  assert_rows_in_name_order (page);

  add (fixture, "émile Zola", NULL, NULL, TN_TRUST_UNRATED);
  add (fixture, "Zoë Ball", NULL, NULL, TN_TRUST_COMPLETELY);
  add (fixture, "aaron Ames", NULL, NULL, TN_TRUST_UNRATED);
  g_assert_true (tn_ui_test_wait_for_count (n_visible, fixture->ui.window, 7));
  assert_rows_in_name_order (page);

  draft = tn_contact_copy (fixture->grace);
  tn_contact_set_full_name (draft, "Zachary Grace");
  g_assert_true (tn_store_update_contact (fixture->ui.store, fixture->grace, draft, &error));
  g_assert_no_error (error);
  tn_ui_test_settle (100);
  assert_rows_in_name_order (page);

  view = tn_contacts_page_get_column_view (page);
  name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  tn_ui_test_settle (100);
  assert_rows_in_name_order (page);

  g_clear_object (&draft);
  draft = tn_contact_copy (fixture->alan);
  tn_contact_set_full_name (draft, "Aaaa Alan");
  g_assert_true (tn_store_update_contact (fixture->ui.store, fixture->alan, draft, &error));
  tn_ui_test_settle (100);
  assert_rows_in_name_order (page);
}

/* The first announcement of rows to the view, and how many were. */
static void
on_rows_announced_cb (GListModel *rows,
                      guint       position,
                      guint       removed,
                      guint       added,
                      guint      *first_added)
{
  if (*first_added == 0)
    *first_added = added;
}

/* The row widgets GTK keeps for the view, in order. */
static GPtrArray *
row_widgets_of (TnContactsPage *page)
{
  GtkWidget *view = GTK_WIDGET (tn_contacts_page_get_column_view (page));
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *list = gtk_widget_get_first_child (view); list != NULL; list = gtk_widget_get_next_sibling (list))
    {
      if (!GTK_IS_LIST_VIEW (list))
        continue;

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        if (find_cell (row, TN_TYPE_TRUST_CELL) != NULL)
          g_ptr_array_add (rows, row);
    }
  return rows;
}

/* The contact the last row widget shows. */
static TnContact *
last_row_contact (TnContactsPage *page)
{
  g_autoptr(GPtrArray) rows = row_widgets_of (page);

  g_assert_cmpuint (rows->len, >, 0);
  return tn_trust_cell_get_contact (TN_TRUST_CELL (find_cell (g_ptr_array_index (rows, rows->len - 1), TN_TYPE_TRUST_CELL)));
}

static void
type_search (TnContactsPage *page,
             const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (page)), text);
  g_signal_emit_by_name (tn_contacts_page_get_search_entry (page), "search-changed");
}

/* A scrollbar only over every row shown: over some, it would say the list is shorter. */
static void
assert_scrollbar_only_over_every_row (TnContactsPage *page)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (tn_contacts_page_get_column_view (page)));
  gboolean every_row = g_list_model_get_n_items (rows) ==
                       g_list_model_get_n_items (tn_contacts_page_get_visible_model (page));
  GtkPolicyType policy;

  gtk_scrolled_window_get_policy (page->scroller, NULL, &policy);
  g_assert_cmpint (policy, ==, every_row ? GTK_POLICY_AUTOMATIC : GTK_POLICY_EXTERNAL);
}

/* The rows the view has are fewer than those shown, yet fill it from the top with a row to
 * spare: no empty space where rows should be. */
static void
assert_rows_in_reach (TnContactsPage *page)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tn_contacts_page_get_column_view (page)));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (tn_contacts_page_get_column_view (page)));
  g_autoptr(GPtrArray) widgets = row_widgets_of (page);
  int row_height = gtk_widget_get_height (g_ptr_array_index (widgets, 0));

  g_assert_cmpuint (g_list_model_get_n_items (rows), <, g_list_model_get_n_items (tn_contacts_page_get_visible_model (page)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpint (row_height, >, 0);
  g_assert_cmpfloat ((g_list_model_get_n_items (rows) - 1) * row_height, >=, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpuint (widgets->len, <=, g_list_model_get_n_items (rows));
  assert_scrollbar_only_over_every_row (page);
}

/* Scrolls the view to the end of the rows it has. */
static void
scroll_to_bottom (TnContactsPage *page)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tn_contacts_page_get_column_view (page)));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  tn_ui_test_settle (300);
}

/* More people than fit, and than GTK's window of about 200 rows: until the view is
 * scrolled, the view has only the rows in reach of the top, so GTK keeps far fewer than
 * 200 row widgets, and a search that narrows the list gives them new contacts rather than
 * destroying any. Scrolled, the view gets every row, down to the last; End goes there
 * too. Throughout, the rows are those the plain rule lets through, in order. */
static void
test_rows_follow_view (TnUiFixture   *fixture,
                       gconstpointer  user_data)
{
  TnContactsPage *page;
  GListModel *rows;
  GListModel *visible;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TnContact) last = NULL;
  guint first_added = 0;
  guint in_reach;

  if (fixture->store == NULL)
    return;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (fixture->store, name, NULL, NULL, TN_TRUST_UNRATED);
    }

  fixture->window = tn_window_new (ADW_APPLICATION (application), fixture->store);
  page = tn_window_get_contacts_page (fixture->window);
  visible = tn_contacts_page_get_visible_model (page);
  rows = G_LIST_MODEL (gtk_column_view_get_model (tn_contacts_page_get_column_view (page)));
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_announced_cb), &first_added);
  tn_ui_test_present (GTK_WINDOW (fixture->window));
  tn_window_show_page (fixture->window, "contacts");
  tn_ui_test_settle (300);
  g_signal_handlers_disconnect_by_data (rows, &first_added);

  /* The first frame's rows are a guess from the window's height; then those in reach. */
  in_reach = g_list_model_get_n_items (rows);
  g_assert_cmpuint (first_added, <, 200);
  g_assert_false (tn_after_paint_is_pending (&page->rows_after_paint));
  assert_rows_in_reach (page);
  assert_rows_as_plain_filter (page);
  assert_row_widgets_follow (page);

  /* 300 → 100 people: the same row widgets, with new contacts. */
  tn_contacts_page_set_search_mode (page, TRUE);
  tn_ui_test_settle (300);
  in_reach = g_list_model_get_n_items (rows);
  before = row_widgets_of (page);
  type_search (page, "person 1");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, in_reach);
  after = row_widgets_of (page);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
  tn_ui_test_settle (300);
  assert_rows_in_reach (page);
  assert_rows_as_plain_filter (page);
  assert_row_widgets_follow (page);

  /* Scrolled: every row, down to the last. */
  scroll_to_bottom (page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 100);
  scroll_to_bottom (page);
  last = g_list_model_get_item (visible, 99);
  g_assert_true (last_row_contact (page) == last);
  assert_row_widgets_follow (page);
  assert_scrollbar_only_over_every_row (page);

  /* Fewer people than rows in reach, then more again: the rows shown are right each time. */
  type_search (page, "person 10");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  tn_ui_test_settle (300);
  assert_scrollbar_only_over_every_row (page);
  assert_rows_as_plain_filter (page);
  assert_row_widgets_follow (page);
  type_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 300);
  tn_ui_test_settle (300);
  assert_rows_in_reach (page);
  assert_rows_as_plain_filter (page);
  assert_row_widgets_follow (page);

  /* End goes to the last person, not to the last row in reach. */
  tn_contacts_page_set_search_mode (page, FALSE);
  tn_contacts_page_focus_list (page);
  tn_ui_test_settle (100);
  tn_ui_test_point_at (GTK_WIDGET (fixture->window));
  tn_ui_test_xdotool ("key", "End", NULL);
  tn_ui_test_settle (500);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 300);
  g_assert_cmpstr (tn_contact_get_full_name (tn_contacts_page_get_selected_contact (page)), ==, "Person 299");
  g_assert_true (last_row_contact (page) == tn_contacts_page_get_selected_contact (page));
  assert_row_widgets_follow (page);
}

/* The widest range the view's selection announced as changed. */
static void
on_rows_selection_changed_cb (GtkSelectionModel *rows,
                              guint              position,
                              guint              n_items,
                              guint             *widest)
{
  *widest = MAX (*widest, n_items);
}

/* A filter taken off while the selected contact is far down the list it shows: the
 * contact stays selected and moves a hundred rows down, the view's selection with it once
 * the view has that row, announced as the rows that changed, not as every row in between
 * (GTK 4.8 updates each row announced). */
static void
test_selection_follows_filter (TnUiFixture   *fixture,
                               gconstpointer  user_data)
{
  TnContactsPage *page;
  GtkSelectionModel *rows;
  g_autoptr(TnContact) far_down = NULL;
  guint widest = 0;

  if (fixture->store == NULL)
    return;

  /* 200 rated: the filter shows as many rows as GTK keeps, none held back for a frame. */
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      g_autoptr(TnContact) contact = tn_ui_test_add_contact (fixture->store, name, NULL, NULL,
                                                             i % 3 == 0 ? TN_TRUST_COMPLETELY : TN_TRUST_UNRATED);

      if (i == 150)
        far_down = g_object_ref (contact);
    }

  fixture->window = tn_window_new (ADW_APPLICATION (application), fixture->store);
  page = tn_window_get_contacts_page (fixture->window);
  rows = gtk_column_view_get_model (tn_contacts_page_get_column_view (page));
  tn_ui_test_present (GTK_WINDOW (fixture->window));
  tn_window_show_page (fixture->window, "contacts");
  tn_contacts_page_set_trust_filter (page, "completely");
  tn_ui_test_settle (300);
  g_assert_true (tn_contacts_page_select_contact (page, far_down));
  tn_ui_test_settle (100);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 50);

  g_signal_connect (rows, "selection-changed", G_CALLBACK (on_rows_selection_changed_cb), &widest);
  tn_contacts_page_set_trust_filter (page, "all");
  tn_ui_test_settle (300);
  /* The list shows its top: the view has the rows in reach, not row 150, until asked to
   * show it. */
  g_assert_true (tn_contacts_page_get_selected_contact (page) == far_down);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), <, 150);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (tn_contacts_page_select_contact (page, far_down));
  tn_ui_test_settle (300);
  g_signal_handlers_disconnect_by_data (rows, &widest);

  g_assert_true (tn_contacts_page_get_selected_contact (page) == far_down);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 150);
  g_assert_cmpuint (widest, ==, 1);
  assert_rows_as_plain_filter (page);
  assert_row_widgets_follow (page);
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, application, tn_ui_test_people_set_up, func, tn_ui_test_people_tear_down)

  ADD_TEST ("/contacts-list/search-rule", test_search_rule);
  ADD_TEST ("/contacts-list/type-to-search", test_type_to_search);
  ADD_TEST ("/contacts-list/rating-toast", test_rating_toast);
  ADD_TEST ("/contacts-list/rating-toasts-quickly", test_rating_toasts_quickly);
  ADD_TEST ("/contacts-list/counts", test_counts);
  ADD_TEST ("/contacts-list/new-contact-shown", test_new_contact_shown);
  ADD_TEST ("/contacts-list/sort-and-widths", test_sort_and_widths);
  ADD_TEST ("/contacts-list/vocabulary", test_vocabulary);
  ADD_TEST ("/contacts-list/name-order", test_name_order);
  ADD_TEST ("/contacts-list/name-cells", test_name_cells);
  g_test_add ("/contacts-list/rows-follow-view", TnUiFixture, "test-contacts-list", tn_ui_test_fixture_set_up,
              test_rows_follow_view, tn_ui_test_fixture_tear_down);
  g_test_add ("/contacts-list/selection-follows-filter", TnUiFixture, "test-contacts-list", tn_ui_test_fixture_set_up,
              test_selection_follows_filter, tn_ui_test_fixture_tear_down);

  return g_test_run ();
}
