/* test-contact-pane.c — the contact pane in the real window under Xvfb, driven by real keys
 * and clicks: opening a contact keeps triage going, the read view and Edit/Done, Escape
 * over changes, email and phone rows that reach the desktop's handlers, the narrow window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tn-contact-pane-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

typedef struct
{
  TnUiFixture ui;
  TnContact *ada;
  TnContact *alan;
  TnContact *grace;
} Fixture;

static TnApplication *application;

/* Where the test's mailto: and tel: handler writes each URI it is given. */
static char *launched_path;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TnContact) changes = NULL;
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "+44 20 7946 0000", NULL };

  tn_ui_test_fixture_set_up (&fixture->ui, "test-contact-pane");
  if (fixture->ui.store == NULL)
    return;

  fixture->ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", "ada@example.org",
                                         "Analytical Engines", TN_TRUST_UNRATED);
  fixture->alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", "alan@bletchley.example",
                                          "Bletchley Park", TN_TRUST_UNRATED);
  fixture->grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", "grace@navy.example",
                                           "US Navy", TN_TRUST_UNRATED);

  changes = tn_contact_copy (fixture->ada);
  tn_contact_set_phones (changes, phones);
  tn_contact_set_note (changes, "Met at the Difference Engine demo");
  g_assert_true (tn_store_update_contact (fixture->ui.store, fixture->ada, changes, &error));
  g_assert_no_error (error);

  tn_ui_test_fixture_open_window (&fixture->ui, application);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  tn_ui_test_fixture_tear_down (&fixture->ui, user_data);
  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->alan);
  g_clear_object (&fixture->grace);
}

static TnContactPane *
get_pane (Fixture *fixture)
{
  return tn_window_get_contact_pane (fixture->ui.window);
}

static GtkWidget *
find_in_pane (Fixture    *fixture,
              const char *name)
{
  GtkWidget *widget = tn_ui_test_find_named (GTK_WIDGET (get_pane (fixture)), name);

  g_assert_nonnull (widget);
  return widget;
}

/* A real click on the pane's widget @name, once the header has been laid out again:
 * its buttons change with the mode, and a click aims at where the layout put them. */
static void
click_in_pane (Fixture    *fixture,
               const char *name)
{
  tn_ui_test_settle (300);
  tn_ui_test_click (find_in_pane (fixture, name));
}

/* One key (or a few) through the X server, to the window. */
static void
press (Fixture    *fixture,
       const char *keys)
{
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("key", "--delay", "80", keys, NULL);
}

/* Open, and done sliding in: a click aims at where the buttons will stay. */
static gboolean
pane_is_open (gpointer data)
{
  Fixture *fixture = data;

  return tn_window_get_pane_revealed (fixture->ui.window) && gtk_widget_is_drawable (GTK_WIDGET (get_pane (fixture))) &&
         G_APPROX_VALUE (adw_flap_get_reveal_progress (fixture->ui.window->flap), 1.0, DBL_EPSILON);
}

static gboolean
pane_is_closed (gpointer data)
{
  Fixture *fixture = data;

  return !tn_window_get_pane_revealed (fixture->ui.window);
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

static const char *
name_in_form (Fixture *fixture)
{
  return gtk_editable_get_text (GTK_EDITABLE (tn_contact_pane_get_name_row (get_pane (fixture))));
}

static double
pane_scroll (Fixture *fixture)
{
  GtkWidget *scroller = tn_ui_test_find_visible (GTK_WIDGET (get_pane (fixture)), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
}

/* Issue 14, 1: Enter opens the contact, and j 2 still move and rate — nothing is typed
 * into a field, nothing waits to be saved, and the avatar stays in sight. */
static void
test_enter_keeps_triage (Fixture       *fixture,
                         gconstpointer  user_data)
{
  TnContactsPage *page;
  TrustWait wait;

  if (fixture->ui.store == NULL)
    return;

  page = tn_window_get_contacts_page (fixture->ui.window);
  g_assert_true (tn_contacts_page_select_contact (page, fixture->ada));
  tn_contacts_page_focus_list (page);

  press (fixture, "Return");
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));
  g_assert_true (tn_contact_pane_get_contact (get_pane (fixture)) == fixture->ada);
  g_assert_false (tn_contact_pane_get_editing (get_pane (fixture)));
  g_assert_true (gtk_widget_is_drawable (find_in_pane (fixture, "contact-pane-details")));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (tn_contact_pane_get_name_row (get_pane (fixture)))));
  tn_ui_test_save_screenshot ("pane-read");

  /* The list is sorted by name: Ada, Alan, Grace. */
  press (fixture, "j");
  press (fixture, "2");
  wait = (TrustWait) { fixture->alan, TN_TRUST_MODERATELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_true (tn_contacts_page_get_selected_contact (page) == fixture->alan);
  /* The pane followed, with nothing typed into it. */
  g_assert_true (tn_contact_pane_get_contact (get_pane (fixture)) == fixture->alan);
  g_assert_cmpstr (name_in_form (fixture), ==, "Alan Turing");
  g_assert_false (tn_contact_pane_get_dirty (get_pane (fixture)));
  g_assert_cmpint (tn_contact_get_trust (fixture->ada), ==, TN_TRUST_UNRATED);
  g_assert_cmpfloat (pane_scroll (fixture), ==, 0);

  press (fixture, "j");
  press (fixture, "1");
  wait = (TrustWait) { fixture->grace, TN_TRUST_COMPLETELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_cmpstr (name_in_form (fixture), ==, "Grace Hopper");

  /* The rating in the pane's read view is saved at once too. */
  tn_ui_test_click (tn_ui_test_find_button (find_in_pane (fixture, "contact-pane-trust-chooser"), "3"));
  wait = (TrustWait) { fixture->grace, TN_TRUST_VAGUELY };
  g_assert_true (tn_ui_test_wait_until (has_trust, &wait));
  g_assert_false (tn_contact_pane_get_dirty (get_pane (fixture)));
}

static GtkWidget *
details_row (Fixture    *fixture,
             const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (find_in_pane (fixture, "contact-pane-details-list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

static gboolean
is_editing (gpointer data)
{
  return tn_contact_pane_get_editing (get_pane (data));
}

static gboolean
is_reading (gpointer data)
{
  return !tn_contact_pane_get_editing (get_pane (data));
}

static gboolean
name_has_focus (gpointer data)
{
  GtkWidget *name_row = GTK_WIDGET (tn_contact_pane_get_name_row (get_pane (data)));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (((Fixture *) data)->ui.window));

  return focus != NULL && (focus == name_row || gtk_widget_is_ancestor (focus, name_row));
}

static gboolean
pane_shows_alan (gpointer data)
{
  Fixture *fixture = data;

  return tn_contact_pane_get_contact (get_pane (fixture)) == fixture->alan;
}

/* Issue 14, 2: read first; Edit shows the form, Done saves and reads again. */
static void
test_read_edit_done (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *edit_button, *save_button;

  if (fixture->ui.store == NULL)
    return;

  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));

  /* The read view: values, not fields; Edit, not Save. */
  g_assert_nonnull (details_row (fixture, "Analytical Engines"));
  g_assert_nonnull (details_row (fixture, "ada@example.org"));
  g_assert_nonnull (details_row (fixture, "+44 20 7946 0000"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_in_pane (fixture, "contact-pane-note-label"))), ==,
                   "Met at the Difference Engine demo");
  g_assert_true (gtk_widget_is_drawable (find_in_pane (fixture, "contact-pane-timeline")));
  edit_button = find_in_pane (fixture, "contact-pane-edit-button");
  save_button = tn_contact_pane_get_save_button (get_pane (fixture));
  g_assert_true (gtk_widget_is_drawable (edit_button));
  g_assert_false (gtk_widget_is_drawable (save_button));

  click_in_pane (fixture, "contact-pane-edit-button");
  g_assert_true (tn_ui_test_wait_until (is_editing, fixture));
  g_assert_true (tn_ui_test_wait_until (name_has_focus, fixture));
  g_assert_true (gtk_widget_is_drawable (save_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save_button)), ==, "_Done");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_cmpfloat (pane_scroll (fixture), ==, 0);
  tn_ui_test_save_screenshot ("pane-edit");

  /* Typed as a person types: at the end of the name. */
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("type", "--delay", "60", " King", NULL);
  tn_ui_test_settle (200);
  g_assert_cmpstr (name_in_form (fixture), ==, "Ada Lovelace King");
  g_assert_true (tn_contact_pane_get_dirty (get_pane (fixture)));
  g_assert_true (gtk_widget_get_sensitive (save_button));
  /* Not saved before Done. */
  g_assert_cmpstr (tn_contact_get_full_name (fixture->ada), ==, "Ada Lovelace");

  click_in_pane (fixture, "contact-pane-save-button");
  g_assert_true (tn_ui_test_wait_until (is_reading, fixture));
  g_assert_cmpstr (tn_contact_get_full_name (fixture->ada), ==, "Ada Lovelace King");
  g_assert_true (gtk_widget_is_drawable (edit_button));
  {
    g_autofree char *path = g_build_filename (fixture->ui.dir, "trustnet.db", NULL);
    g_autofree char *stored = tn_test_sqlite (path, "SELECT count(*) FROM contacts WHERE full_name = 'Ada Lovelace King'");

    g_assert_cmpstr (stored, ==, "1");
  }

  /* Back to the list's keys: j moves on, and the pane follows in its read view. */
  press (fixture, "j");
  g_assert_true (tn_ui_test_wait_until (pane_shows_alan, fixture));
  g_assert_true (tn_contacts_page_get_selected_contact (tn_window_get_contacts_page (fixture->ui.window)) ==
                 fixture->alan);
  g_assert_false (tn_contact_pane_get_editing (get_pane (fixture)));
}

static gboolean
message_dialog_shown (gpointer data)
{
  GtkWidget *dialog = tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

static gboolean
message_dialog_gone (gpointer data)
{
  return tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Issue 14, 1: Escape never throws away what was typed: it asks, and Keep Editing (or
 * Escape again) keeps it; only Discard drops it. */
static void
test_escape_with_changes (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *dialog;

  if (fixture->ui.store == NULL)
    return;

  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));
  click_in_pane (fixture, "contact-pane-edit-button");
  g_assert_true (tn_ui_test_wait_until (name_has_focus, fixture));

  /* Nothing changed: Escape goes back to the read view. */
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (is_reading, fixture));
  g_assert_true (tn_window_get_pane_revealed (fixture->ui.window));

  click_in_pane (fixture, "contact-pane-edit-button");
  g_assert_true (tn_ui_test_wait_until (name_has_focus, fixture));
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("type", "--delay", "60", "j2", NULL);
  tn_ui_test_settle (200);
  g_assert_cmpstr (name_in_form (fixture), ==, "Ada Lovelacej2");

  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (message_dialog_shown, NULL));
  dialog = tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save the Changes?");
  g_assert_true (tn_contact_pane_get_editing (get_pane (fixture)));
  tn_ui_test_save_screenshot ("pane-escape-asks");

  /* Escape in the question keeps editing, with the text as it was. */
  {
    /* Without a window manager keys go where the pointer is: inside the small dialog. */
    g_autofree char *xid = tn_ui_test_window_xid (dialog);

    tn_ui_test_xdotool ("mousemove", "--window", xid, "20", "20", NULL);
    tn_ui_test_xdotool ("key", "Escape", NULL);
  }
  g_assert_true (tn_ui_test_wait_until (message_dialog_gone, NULL));
  g_assert_true (tn_contact_pane_get_editing (get_pane (fixture)));
  g_assert_cmpstr (name_in_form (fixture), ==, "Ada Lovelacej2");
  g_assert_true (tn_contact_pane_get_dirty (get_pane (fixture)));

  /* Discard: only now is it dropped; the store never had it. */
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (message_dialog_shown, NULL));
  dialog = tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  tn_ui_test_settle (300);
  tn_ui_test_click (tn_ui_test_find_button (dialog, "Discard"));
  g_assert_true (tn_ui_test_wait_until (message_dialog_gone, NULL));
  g_assert_true (tn_ui_test_wait_until (is_reading, fixture));
  g_assert_cmpstr (name_in_form (fixture), ==, "Ada Lovelace");
  g_assert_cmpstr (tn_contact_get_full_name (fixture->ada), ==, "Ada Lovelace");
  g_assert_false (tn_contact_pane_get_dirty (get_pane (fixture)));

  /* From the read view, Escape closes the pane; the list has the keys again. */
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (pane_is_closed, fixture));
}

static gboolean
eve_was_added (gpointer data)
{
  Fixture *fixture = data;
  TnContact *shown = tn_contact_pane_get_contact (get_pane (fixture));

  return shown != NULL && g_strcmp0 (tn_contact_get_full_name (shown), "Eve Newman") == 0;
}

/* A new contact: Escape over a typed name asks too, and its answer can be Add. */
static void
test_escape_new_contact (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *dialog;

  if (fixture->ui.store == NULL)
    return;

  press (fixture, "ctrl+n");
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));
  g_assert_true (tn_ui_test_wait_until (name_has_focus, fixture));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (tn_contact_pane_get_save_button (get_pane (fixture)))), ==, "_Add");

  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("type", "--delay", "60", "Eve Newman", NULL);
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (message_dialog_shown, NULL));
  dialog = tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "Eve Newman is not added yet.");
  tn_ui_test_settle (300);
  tn_ui_test_click (tn_ui_test_find_button (dialog, "Add"));
  g_assert_true (tn_ui_test_wait_until (message_dialog_gone, NULL));

  g_assert_true (tn_ui_test_wait_until (eve_was_added, fixture));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->ui.store), ==, 4);
  g_assert_true (tn_ui_test_wait_until (is_reading, fixture));
  g_assert_true (tn_window_get_pane_revealed (fixture->ui.window));

  /* An empty new form has nothing to lose: Escape closes it at once. */
  press (fixture, "ctrl+n");
  g_assert_true (tn_ui_test_wait_until (name_has_focus, fixture));
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (pane_is_closed, fixture));
  g_assert_null (tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->ui.store), ==, 4);
}

static gboolean
window_is_gone (gpointer data)
{
  return tn_ui_test_find_toplevel (TN_TYPE_WINDOW) == NULL;
}

/* Ctrl+W over changes: the window stays and asks; Discard, and it closes. */
static void
test_close_window_asks (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *dialog;

  if (fixture->ui.store == NULL)
    return;

  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));
  click_in_pane (fixture, "contact-pane-edit-button");
  g_assert_true (tn_ui_test_wait_until (name_has_focus, fixture));
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("type", "--delay", "60", " King", NULL);

  press (fixture, "ctrl+w");
  g_assert_true (tn_ui_test_wait_until (message_dialog_shown, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->ui.window)));
  g_assert_cmpstr (name_in_form (fixture), ==, "Ada Lovelace King");

  dialog = tn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  tn_ui_test_settle (300);
  tn_ui_test_click (tn_ui_test_find_button (dialog, "Discard"));
  g_assert_true (tn_ui_test_wait_until (message_dialog_gone, NULL));
  g_assert_false (tn_contact_pane_get_dirty (get_pane (fixture)));
  g_assert_cmpstr (tn_contact_get_full_name (fixture->ada), ==, "Ada Lovelace");

  /* Nothing left to lose: now it closes. */
  gtk_window_close (GTK_WINDOW (fixture->ui.window));
  g_assert_true (tn_ui_test_wait_until (window_is_gone, NULL));
  /* Destroyed by closing: the tear-down has no window left to destroy. */
  fixture->ui.window = NULL;
}

/* A #TnTestCondition: the handler has been given the URI in @data. */
static gboolean
was_launched (gpointer data)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (launched_path, &contents, NULL, NULL))
    return FALSE;

  return strstr (contents, data) != NULL;
}

/* Issue 14, 2: a click on an address or a number hands it to the desktop's handler. */
static void
test_mailto_and_tel (Fixture       *fixture,
                     gconstpointer  user_data)
{
  if (fixture->ui.store == NULL)
    return;

  g_remove (launched_path);
  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));

  tn_ui_test_click (details_row (fixture, "ada@example.org"));
  g_assert_true (tn_ui_test_wait_until (was_launched, (gpointer) "mailto:ada@example.org"));

  tn_ui_test_click (details_row (fixture, "+44 20 7946 0000"));
  g_assert_true (tn_ui_test_wait_until (was_launched, (gpointer) "tel:+44-20-7946-0000"));

  /* A value that is not a link stays a value. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (details_row (fixture, "Analytical Engines"))));
}

static gboolean
is_folded (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *back = find_in_pane (fixture, "contact-pane-back-button");

  return g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (back)), "go-previous-symbolic") == 0;
}

static gboolean
is_wide (gpointer data)
{
  return !is_folded (data);
}

/* A phone's width: the pane covers the list, and Back returns to it. Then dark. */
static void
test_narrow_and_dark (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *back;

  if (fixture->ui.store == NULL)
    return;

  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));
  g_assert_true (tn_ui_test_wait_until (is_wide, fixture));

  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), 360, 720);
  g_assert_true (tn_ui_test_wait_until (is_folded, fixture));
  back = find_in_pane (fixture, "contact-pane-back-button");
  g_assert_true (gtk_widget_is_drawable (back));
  tn_ui_test_save_screenshot ("pane-narrow");

  click_in_pane (fixture, "contact-pane-edit-button");
  g_assert_true (tn_ui_test_wait_until (is_editing, fixture));
  tn_ui_test_save_screenshot ("pane-narrow-edit");
  press (fixture, "Escape");
  g_assert_true (tn_ui_test_wait_until (is_reading, fixture));

  click_in_pane (fixture, "contact-pane-back-button");
  g_assert_true (tn_ui_test_wait_until (pane_is_closed, fixture));

  /* Dark, wide again. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), 1100, 720);
  tn_window_show_contact (fixture->ui.window, fixture->ada);
  g_assert_true (tn_ui_test_wait_until (pane_is_open, fixture));
  g_assert_true (tn_ui_test_wait_until (is_wide, fixture));
  tn_ui_test_save_screenshot ("pane-read-dark");
}

/* The test's own mail and phone app, found by GIO as the desktop's: a script that notes
 * the URI it was started with. Set before GIO first reads the data folders. */
static char *
install_uri_handler (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-contact-pane-xdg-XXXXXX", &error);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *apps = g_build_filename (data, "applications", NULL);
  g_autofree char *script = g_build_filename (dir, "handler.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "tn-test-handler.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  const char *mimeapps_text = "[Default Applications]\n"
                              "x-scheme-handler/mailto=tn-test-handler.desktop\n"
                              "x-scheme-handler/tel=tn-test-handler.desktop\n";

  g_assert_no_error (error);
  launched_path = g_build_filename (dir, "launched.txt", NULL);
  script_text = g_strdup_printf ("#!/bin/sh\necho \"$1\" >> '%s'\n", launched_path);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=TrustNet Test Handler\n"
                                  "Exec=%s %%u\nNoDisplay=true\n"
                                  "MimeType=x-scheme-handler/mailto;x-scheme-handler/tel;\n", script);

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, mimeapps_text, -1, NULL));

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return g_steal_pointer (&dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg_dir = install_uri_handler ();
  int result;

  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/contact-pane/enter-keeps-triage", test_enter_keeps_triage);
  ADD_TEST ("/contact-pane/read-edit-done", test_read_edit_done);
  ADD_TEST ("/contact-pane/escape-with-changes", test_escape_with_changes);
  ADD_TEST ("/contact-pane/escape-new-contact", test_escape_new_contact);
  ADD_TEST ("/contact-pane/close-window-asks", test_close_window_asks);
  ADD_TEST ("/contact-pane/mailto-and-tel", test_mailto_and_tel);
  ADD_TEST ("/contact-pane/narrow-and-dark", test_narrow_and_dark);

  result = g_test_run ();
  g_clear_object (&application);
  tn_test_remove_tree (xdg_dir);
  g_clear_pointer (&launched_path, g_free);
  return result;
}
