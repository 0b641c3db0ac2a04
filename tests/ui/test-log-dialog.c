/* test-log-dialog.c — "Log Lunch…" under Xvfb: Ctrl+L, search as you type, Down and
 * Enter, real clicks; then what the store recorded. Also the refused future day,
 * editing, and a failed save that keeps what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-log-dialog-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

/* TRUSTNET_NOW for every test: a Tuesday. */
#define NOW "2026-11-24T12:00:00"
#define TODAY "2026-11-24"

typedef struct
{
  TnUiFixture ui;
  TnContact *ada;
  TnContact *adam;
  TnContact *grace;
} Fixture;

static TnApplication *application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_ui_test_fixture_set_up (&fixture->ui, "test-log-dialog");
  if (fixture->ui.store == NULL)
    return;

  fixture->ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", NULL, "Analytical Engines", TN_TRUST_COMPLETELY);
  fixture->adam = tn_ui_test_add_contact (fixture->ui.store, "Adam Smith", NULL, "Wealth of Nations", TN_TRUST_UNRATED);
  fixture->grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", NULL, "US Navy", TN_TRUST_COMPLETELY);
  g_object_unref (tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", NULL, "Bletchley Park", TN_TRUST_MODERATELY));

  tn_ui_test_fixture_open_window (&fixture->ui, application);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->adam);
  g_clear_object (&fixture->grace);
  tn_ui_test_fixture_tear_down (&fixture->ui, user_data);
}

/* Helpers */

static gboolean
widget_has_focus (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
matches_settled (gpointer data)
{
  TnLogDialog *dialog = data;
  GListModel *matches = tn_log_dialog_get_matches (dialog);

  return g_list_model_get_n_items (matches) == 2;
}

static gboolean
has_contact (gpointer data)
{
  return tn_log_dialog_get_contact (data) != NULL;
}

static void
key (const char *keys)
{
  tn_ui_test_xdotool ("key", "--delay", "50", keys, NULL);
  tn_ui_test_settle (100);
}

static GPtrArray *
list_interactions (Fixture   *fixture,
                   TnContact *contact)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *interactions = tn_store_list_interactions (fixture->ui.store, contact, &error);

  g_assert_no_error (error);
  g_assert_nonnull (interactions);
  return interactions;
}

static void
select_day (TnLogDialog *dialog,
            int          year,
            int          month,
            int          day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  /* As a click in the calendar would: the dialog follows its day-selected signal. */
  gtk_calendar_select_day (tn_log_dialog_get_calendar (dialog), date);
  tn_ui_test_settle (50);
}

/* Tests */

static gboolean
switch_is_on (gpointer data)
{
  return gtk_switch_get_active (data);
}

static guint
n_matches (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_log_lunch_with_picker (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) interactions = NULL;
  TnInteraction *interaction;
  TnLogDialog *dialog;
  GListModel *matches;
  g_autoptr(TnContact) first = NULL;
  g_autoptr(TnContact) second = NULL;

  if (fixture->ui.store == NULL)
    return;

  g_assert_null (tn_contact_get_last_contact (fixture->adam));

  /* Ctrl+L, as a person would, with the list focused. */
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  key ("ctrl+l");
  dialog = (TnLogDialog *) tn_ui_test_wait_for_toplevel (TN_TYPE_LOG_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Log Lunch");
  g_assert_null (tn_log_dialog_get_contact (dialog));
  g_assert_false (tn_log_dialog_get_can_save (dialog));
  g_assert_false (gtk_widget_get_sensitive (tn_log_dialog_get_save_button (dialog)));
  g_assert_true (tn_ui_test_wait_until (widget_has_focus, tn_log_dialog_get_search_entry (dialog)));

  /* The empty query shows everyone: the 1s first, by name, then the 2s, then the unrated. */
  matches = tn_log_dialog_get_matches (dialog);
  /* The matches are filtered and sorted as the dialog settles: wait for them. */
  g_assert_true (tn_ui_test_wait_for_count (n_matches, matches, 4));
  first = g_list_model_get_item (matches, 0);
  second = g_list_model_get_item (matches, 1);
  g_assert_true (first == fixture->ada);
  g_assert_true (second == fixture->grace);
  g_clear_object (&first);
  g_clear_object (&second);

  /* Keys go to the window under the pointer: the dialog now. */
  tn_ui_test_point_at (GTK_WIDGET (dialog));
  tn_ui_test_xdotool ("type", "--delay", "60", "ada", NULL);
  g_assert_true (tn_ui_test_wait_until (matches_settled, dialog));
  first = g_list_model_get_item (matches, 0);
  second = g_list_model_get_item (matches, 1);
  g_assert_true (first == fixture->ada);
  g_assert_true (second == fixture->adam);
  tn_ui_test_save_screenshot ("log-dialog-picker");

  /* Down, Up, Down: Adam Smith; Enter picks him and moves on to the note. */
  key ("Down");
  key ("Up");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (matches)), ==, 0);
  key ("Down");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (matches)), ==, 1);
  key ("Return");
  g_assert_true (tn_ui_test_wait_until (has_contact, dialog));
  g_assert_true (tn_log_dialog_get_contact (dialog) == fixture->adam);
  g_assert_true (tn_log_dialog_get_can_save (dialog));
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (dialog), "Wealth of Nations"));
  g_assert_true (tn_ui_test_wait_until (widget_has_focus, tn_log_dialog_get_note_row (dialog)));

  tn_ui_test_xdotool ("type", "--delay", "40", "Talked about pins", NULL);
  tn_ui_test_click (GTK_WIDGET (tn_log_dialog_get_group_switch (dialog)));
  tn_ui_test_click (GTK_WIDGET (tn_log_dialog_get_gave_value_switch (dialog)));
  /* On a busy machine the clicks may still be in the queue: wait for them, not a fixed time. */
  g_assert_true (tn_ui_test_wait_until (switch_is_on, tn_log_dialog_get_group_switch (dialog)));
  g_assert_true (tn_ui_test_wait_until (switch_is_on, tn_log_dialog_get_gave_value_switch (dialog)));
  tn_ui_test_save_screenshot ("log-dialog-filled");

  /* Nothing is written before Log. */
  interactions = list_interactions (fixture, fixture->adam);
  g_assert_cmpuint (interactions->len, ==, 0);
  g_clear_pointer (&interactions, g_ptr_array_unref);

  tn_ui_test_click (tn_log_dialog_get_save_button (dialog));
  g_assert_true (tn_ui_test_wait_toplevel_gone (TN_TYPE_LOG_DIALOG));

  interactions = list_interactions (fixture, fixture->adam);
  g_assert_cmpuint (interactions->len, ==, 1);
  interaction = g_ptr_array_index (interactions, 0);
  g_assert_cmpint (tn_interaction_get_kind (interaction), ==, TN_INTERACTION_LUNCH);
  g_assert_cmpstr (tn_interaction_get_day (interaction), ==, TODAY);
  g_assert_false (tn_interaction_get_one_on_one (interaction));
  g_assert_true (tn_interaction_get_gave_value (interaction));
  g_assert_cmpstr (tn_interaction_get_note (interaction), ==, "Talked about pins");
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->adam), ==, TODAY);
  g_clear_pointer (&interactions, g_ptr_array_unref);

  /* Nobody else got it. */
  interactions = list_interactions (fixture, fixture->ada);
  g_assert_cmpuint (interactions->len, ==, 0);
  g_assert_null (tn_contact_get_last_contact (fixture->ada));

  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (fixture->ui.window), "Lunch with Adam Smith logged"));
  tn_ui_test_save_screenshot ("log-dialog-logged");
}

/* The person open in the pane comes preselected; Escape cancels and writes nothing. */
static void
test_preselect_and_cancel (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) interactions = NULL;
  TnLogDialog *dialog;

  if (fixture->ui.store == NULL)
    return;

  tn_window_show_contact (fixture->ui.window, fixture->grace);
  tn_ui_test_settle (300);

  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  key ("ctrl+l");
  dialog = (TnLogDialog *) tn_ui_test_wait_for_toplevel (TN_TYPE_LOG_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (tn_log_dialog_get_contact (dialog) == fixture->grace);
  g_assert_true (tn_log_dialog_get_can_save (dialog));

  tn_ui_test_point_at (GTK_WIDGET (dialog));
  tn_ui_test_xdotool ("type", "--delay", "40", "unsaved", NULL);
  key ("Escape");
  g_assert_true (tn_ui_test_wait_toplevel_gone (TN_TYPE_LOG_DIALOG));

  interactions = list_interactions (fixture, fixture->grace);
  g_assert_cmpuint (interactions->len, ==, 0);
}

static void
test_future_day_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) interactions = NULL;
  TnLogDialog *dialog;
  GtkWidget *error_label;

  if (fixture->ui.store == NULL)
    return;

  dialog = tn_log_dialog_new_for_contact (GTK_WINDOW (fixture->ui.window), fixture->ui.store, fixture->ada);
  tn_ui_test_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (tn_ui_test_find_visible (GTK_WIDGET (dialog), ADW_TYPE_WINDOW_TITLE))),
                   ==, "Ada Lovelace");
  g_assert_true (tn_log_dialog_get_can_save (dialog));

  select_day (dialog, 2026, 11, 25);
  g_assert_false (tn_log_dialog_get_can_save (dialog));
  g_assert_false (gtk_widget_get_sensitive (tn_log_dialog_get_save_button (dialog)));
  error_label = tn_ui_test_find_label (GTK_WIDGET (dialog), "log what already happened");
  g_assert_nonnull (error_label);
  tn_ui_test_save_screenshot ("log-dialog-future");

  /* Neither the button nor Enter in the note writes anything. */
  tn_ui_test_click (tn_log_dialog_get_save_button (dialog));
  g_assert_false (tn_log_dialog_save (dialog));
  interactions = list_interactions (fixture, fixture->ada);
  g_assert_cmpuint (interactions->len, ==, 0);
  g_clear_pointer (&interactions, g_ptr_array_unref);

  /* A day that has passed is fine again. */
  select_day (dialog, 2026, 11, 20);
  g_assert_true (tn_log_dialog_get_can_save (dialog));
  g_assert_null (tn_ui_test_find_label (GTK_WIDGET (dialog), "log what already happened"));
  g_assert_true (tn_log_dialog_save (dialog));

  interactions = list_interactions (fixture, fixture->ada);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpstr (tn_interaction_get_day (g_ptr_array_index (interactions, 0)), ==, "2026-11-20");
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, "2026-11-20");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TnInteraction) lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-20");
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  TnInteraction *stored;
  TnLogDialog *dialog;
  GtkWidget *heard_switch;

  if (fixture->ui.store == NULL)
    return;

  tn_interaction_set_note (lunch, "Notes on the engine");
  g_assert_true (tn_store_log_interaction (fixture->ui.store, fixture->ada, lunch, &error));
  g_assert_no_error (error);
  g_assert_true (tn_store_save_brand_statement (fixture->ui.store, "I make engines compute.", NULL, &error));
  g_assert_no_error (error);

  dialog = tn_log_dialog_new_for_edit (GTK_WINDOW (fixture->ui.window), fixture->ui.store, fixture->ada, lunch);
  tn_ui_test_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Lunch");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tn_log_dialog_get_note_row (dialog))), ==, "Notes on the engine");
  g_assert_nonnull (tn_ui_test_find_button (GTK_WIDGET (dialog), "Save"));

  /* Nothing changed yet: nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (tn_log_dialog_get_save_button (dialog)));
  g_assert_false (tn_log_dialog_save (dialog));

  /* "I told them my statement" is there when editing too; flipping it back and forth
   * leaves nothing to save again. */
  heard_switch = tn_ui_test_find_named (GTK_WIDGET (dialog), "log-heard-brand-switch");
  g_assert_true (gtk_widget_is_drawable (heard_switch));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (heard_switch)));
  tn_ui_test_click (heard_switch);
  g_assert_true (tn_ui_test_wait_until (switch_is_on, heard_switch));
  g_assert_true (gtk_widget_get_sensitive (tn_log_dialog_get_save_button (dialog)));
  tn_ui_test_click (heard_switch);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (heard_switch)));
  g_assert_false (gtk_widget_get_sensitive (tn_log_dialog_get_save_button (dialog)));
  tn_ui_test_click (heard_switch);
  g_assert_true (tn_ui_test_wait_until (switch_is_on, heard_switch));
  tn_ui_test_save_screenshot ("log-dialog-edit");

  adw_combo_row_set_selected (tn_log_dialog_get_kind_row (dialog), TN_INTERACTION_COFFEE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Coffee");
  select_day (dialog, 2026, 11, 18);

  /* Only Save changes the interaction. */
  g_assert_cmpint (tn_interaction_get_kind (lunch), ==, TN_INTERACTION_LUNCH);
  tn_ui_test_click (tn_log_dialog_get_save_button (dialog));
  g_assert_true (tn_ui_test_wait_toplevel_gone (TN_TYPE_LOG_DIALOG));

  g_assert_cmpint (tn_interaction_get_kind (lunch), ==, TN_INTERACTION_COFFEE);
  g_assert_cmpstr (tn_interaction_get_day (lunch), ==, "2026-11-18");

  interactions = list_interactions (fixture, fixture->ada);
  g_assert_cmpuint (interactions->len, ==, 1);
  stored = g_ptr_array_index (interactions, 0);
  g_assert_cmpint (tn_interaction_get_kind (stored), ==, TN_INTERACTION_COFFEE);
  g_assert_cmpstr (tn_interaction_get_day (stored), ==, "2026-11-18");
  g_assert_cmpstr (tn_interaction_get_note (stored), ==, "Notes on the engine");
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, "2026-11-18");
  g_assert_true (tn_store_get_heard_brand (fixture->ui.store, fixture->ada));
  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (fixture->ui.window), "Coffee with Ada Lovelace saved"));
}

static gboolean
undo_shown (gpointer data)
{
  GtkWidget *undo = tn_ui_test_find_button (data, "Undo");

  return undo != NULL && gtk_widget_is_drawable (undo);
}

/* Issue 14, 5: logged with the wrong person or on the wrong day, Undo takes it back — the
 * lunch, and that they heard the statement at it. */
static void
test_log_undo (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  TnLogDialog *dialog;

  if (fixture->ui.store == NULL)
    return;

  g_assert_true (tn_store_save_brand_statement (fixture->ui.store, "I make engines compute.", NULL, &error));
  g_assert_no_error (error);

  dialog = tn_log_dialog_new_for_contact (GTK_WINDOW (fixture->ui.window), fixture->ui.store, fixture->ada);
  tn_ui_test_present (GTK_WINDOW (dialog));
  tn_ui_test_click (tn_ui_test_find_named (GTK_WIDGET (dialog), "log-heard-brand-switch"));
  tn_ui_test_click (tn_log_dialog_get_save_button (dialog));
  g_assert_true (tn_ui_test_wait_toplevel_gone (TN_TYPE_LOG_DIALOG));

  interactions = list_interactions (fixture, fixture->ada);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_clear_pointer (&interactions, g_ptr_array_unref);
  g_assert_cmpstr (tn_contact_get_last_contact (fixture->ada), ==, TODAY);
  g_assert_true (tn_store_get_heard_brand (fixture->ui.store, fixture->ada));

  g_assert_nonnull (tn_ui_test_find_label (GTK_WIDGET (fixture->ui.window), "Lunch with Ada Lovelace logged"));
  g_assert_true (tn_ui_test_wait_until (undo_shown, fixture->ui.window));
  tn_ui_test_save_screenshot ("log-dialog-undo");
  /* libadwaita 1.2 must not be asked to dismiss a toast still sliding in (see tn-window-toasts.c). */
  tn_ui_test_settle (700);
  tn_ui_test_click (tn_ui_test_find_button (GTK_WIDGET (fixture->ui.window), "Undo"));

  interactions = list_interactions (fixture, fixture->ada);
  g_assert_cmpuint (interactions->len, ==, 0);
  g_assert_null (tn_contact_get_last_contact (fixture->ada));
  g_assert_false (tn_store_get_heard_brand (fixture->ui.store, fixture->ada));
}

/* A save the store refuses says why, keeps every field, and writes nothing. */
static void
test_store_error_keeps_form (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = g_object_ref (fixture->ada);
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  TnLogDialog *dialog;

  if (fixture->ui.store == NULL)
    return;

  dialog = tn_log_dialog_new_for_contact (GTK_WINDOW (fixture->ui.window), fixture->ui.store, ada);
  tn_ui_test_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (tn_log_dialog_get_note_row (dialog)), "Keep me");
  gtk_switch_set_active (tn_log_dialog_get_gave_value_switch (dialog), TRUE);

  /* Deleted from the list while the dialog was open. */
  g_assert_true (tn_store_remove_contact (fixture->ui.store, ada, &error));
  g_assert_no_error (error);

  tn_ui_test_click (tn_log_dialog_get_save_button (dialog));
  g_assert_true (tn_ui_test_find_toplevel (TN_TYPE_LOG_DIALOG) == GTK_WIDGET (dialog));
  g_assert_nonnull (tn_log_dialog_get_error (dialog));
  g_assert_nonnull (strstr (tn_log_dialog_get_error (dialog), "Ada Lovelace"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tn_log_dialog_get_note_row (dialog))), ==, "Keep me");
  g_assert_true (gtk_switch_get_active (tn_log_dialog_get_gave_value_switch (dialog)));
  tn_ui_test_save_screenshot ("log-dialog-error");

  /* Undo the deletion: the same form now saves. */
  g_assert_true (tn_store_restore_contact (fixture->ui.store, ada, &error));
  g_assert_no_error (error);
  g_assert_true (tn_log_dialog_save (dialog));
  g_assert_true (tn_ui_test_wait_toplevel_gone (TN_TYPE_LOG_DIALOG));

  interactions = list_interactions (fixture, ada);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpstr (tn_interaction_get_note (g_ptr_array_index (interactions, 0)), ==, "Keep me");
  g_assert_true (tn_interaction_get_gave_value (g_ptr_array_index (interactions, 0)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/log-dialog/picker", Fixture, NULL, fixture_set_up, test_log_lunch_with_picker, fixture_tear_down);
  g_test_add ("/log-dialog/preselect-and-cancel", Fixture, NULL, fixture_set_up, test_preselect_and_cancel, fixture_tear_down);
  g_test_add ("/log-dialog/future-day", Fixture, NULL, fixture_set_up, test_future_day_refused, fixture_tear_down);
  g_test_add ("/log-dialog/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/log-dialog/undo", Fixture, NULL, fixture_set_up, test_log_undo, fixture_tear_down);
  g_test_add ("/log-dialog/store-error", Fixture, NULL, fixture_set_up, test_store_error_keeps_form, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
