/* test-preferences.c — the Preferences window under Xvfb: opened with Ctrl+comma, the
 * "Remind me when TrustNet is closed" switch clicked for real against a private autostart
 * folder, a cadence typed in, and screenshots at the default and a narrow width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tn-application.h"
#include "tn-autostart.h"
#include "tn-preferences-window.h"
#include "tn-self-settings.h"
#include "tn-window.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

typedef struct
{
  TnUiFixture ui;
  GSettings *settings;
} Fixture;

static TnApplication *application;

/* The XDG_CONFIG_HOME of this process: a scratch folder, so the autostart
 * entry the tests write never lands in a real home. */
static char *config_home;

static const char *settings_keys[] = {
  "reminder-enabled", "reminder-weekday", "reminder-hour", "run-in-background",
  "cadence-weeks-completely", "cadence-weeks-moderately", "cadence-weeks-vaguely",
  TN_SELF_SETTINGS_GOAL, TN_SELF_SETTINGS_EMPLOYER, TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT, TN_SELF_SETTINGS_EMPLOYER TN_SELF_SETTINGS_CHANGED_AT,
};

/* ---- Harness ------------------------------------------------------------------------------- */

static char *
get_autostart_folder (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *autostart_folder = NULL;

  tn_ui_test_fixture_set_up (&fixture->ui, "test-preferences");
  if (fixture->ui.store == NULL)
    return;

  /* Settings and the config folder outlive a test: each starts from the defaults. */
  fixture->settings = g_settings_new (APPLICATION_ID);
  for (guint i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    g_settings_reset (fixture->settings, settings_keys[i]);
  autostart_folder = get_autostart_folder ();
  tn_test_remove_tree (autostart_folder);

  tn_ui_test_fixture_open_window (&fixture->ui, application);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *autostart_folder = get_autostart_folder ();

  tn_ui_test_fixture_tear_down (&fixture->ui, user_data);
  g_clear_object (&fixture->settings);
  tn_test_remove_tree (autostart_folder);
}

/* The open Preferences window, if any. */
static GtkWidget *
find_preferences (void)
{
  GtkWidget *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    {
      if (TN_IS_PREFERENCES_WINDOW (l->data))
        {
          g_assert_null (found);
          found = l->data;
        }
    }

  return found;
}

static gboolean
preferences_are_shown (gpointer data)
{
  GtkWidget *preferences = find_preferences ();

  return preferences != NULL && gtk_widget_get_mapped (preferences) && gtk_widget_get_width (preferences) > 0;
}

static GtkWidget *
open_preferences (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_assert_true (tn_ui_test_wait_until (preferences_are_shown, NULL));
  tn_ui_test_settle (200);
  return find_preferences ();
}

/* The row titled @title inside @preferences, on the page shown. */
static GtkWidget *
find_row (GtkWidget  *preferences,
          const char *title)
{
  GtkWidget *label = tn_ui_test_find_label (preferences, title);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_ROW);
}

static GtkWidget *
find_in_row (GtkWidget  *preferences,
             const char *title,
             GType       type)
{
  GtkWidget *widget = tn_ui_test_find_visible (find_row (preferences, title), type);

  g_assert_nonnull (widget);
  return widget;
}

/* The entry starts `trustnet` on the window's own (scratch) database: no `trustnet` is
 * beside this test's binary, so the one installed in this build's prefix (tn-program.c). */
static void
assert_autostart_runs_this_database (TnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = tn_autostart_get_path ();
  g_autofree char *exec = NULL;
  g_autofree char *program = g_build_filename (BINDIR, "trustnet", NULL);
  g_auto(GStrv) argv = NULL;

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  g_assert_true (g_shell_parse_argv (exec, NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (argv), ==, 4);
  g_assert_cmpstr (argv[0], ==, program);
  g_assert_cmpstr (argv[1], ==, "--database");
  g_assert_cmpstr (argv[2], ==, tn_store_get_path (store));
  g_assert_cmpstr (argv[3], ==, "--background");
}

static gboolean
autostart_exists (gpointer data)
{
  return tn_autostart_is_enabled ();
}

static gboolean
autostart_is_absent (gpointer data)
{
  return !tn_autostart_is_enabled ();
}

/* ---- Tests --------------------------------------------------------------------------------- */

static gboolean
preferences_have_focus (gpointer data)
{
  GtkWidget *preferences = find_preferences ();

  return preferences != NULL && gtk_window_is_active (GTK_WINDOW (preferences));
}

static void
test_open_with_keys (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *preferences;
  AdwComboRow *weekday_row;
  AdwComboRow *hour_row;
  GtkStringObject *hour;

  if (fixture->ui.store == NULL)
    return;

  g_assert_null (find_preferences ());
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  tn_ui_test_xdotool ("key", "--delay", "50", "ctrl+comma", NULL);
  g_assert_true (tn_ui_test_wait_until (preferences_are_shown, NULL));
  preferences = find_preferences ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (fixture->ui.window));

  /* The defaults, as the schema has them: Monday at 09:00. */
  weekday_row = ADW_COMBO_ROW (find_row (preferences, "Day"));
  hour_row = ADW_COMBO_ROW (find_row (preferences, "Time"));
  g_assert_cmpuint (adw_combo_row_get_selected (weekday_row), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (weekday_row)), ==, 7);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (weekday_row)), ==, "Monday");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (hour_row)), ==, 24);
  hour = adw_combo_row_get_selected_item (hour_row);
  g_assert_cmpstr (gtk_string_object_get_string (hour), ==, "09:00");
  g_assert_nonnull (tn_ui_test_find_label (preferences, "Overdue after 4 weeks without contact"));
  g_assert_nonnull (tn_ui_test_find_label (preferences, "Overdue after 12 weeks without contact"));
  g_assert_nonnull (tn_ui_test_find_label (preferences, "Overdue after 26 weeks without contact"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tn_ui_test_find_named (preferences, "cadence-weeks-vaguely-unit"))),
                   ==, "weeks");
  tn_ui_test_save_screenshot ("preferences");

  /* A second Ctrl+comma, from the main window, shows the same window again. */
  gtk_window_present (GTK_WINDOW (fixture->ui.window));
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_assert_true (tn_ui_test_wait_until (preferences_have_focus, NULL));
  g_assert_true (find_preferences () == preferences);
}

static gboolean
is_insensitive (gpointer data)
{
  return !gtk_widget_get_sensitive (data);
}

static void
test_weekday_and_hour (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *preferences;
  AdwComboRow *weekday_row;
  AdwComboRow *hour_row;
  GtkSwitch *reminder_switch;

  if (fixture->ui.store == NULL)
    return;

  preferences = open_preferences ();
  weekday_row = ADW_COMBO_ROW (find_row (preferences, "Day"));
  hour_row = ADW_COMBO_ROW (find_row (preferences, "Time"));

  /* Sunday is the last of the list and 7 in the key. */
  adw_combo_row_set_selected (weekday_row, 6);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "reminder-weekday"), ==, 7);
  g_settings_set_int (fixture->settings, "reminder-weekday", 3);
  g_assert_cmpuint (adw_combo_row_get_selected (weekday_row), ==, 2);

  adw_combo_row_set_selected (hour_row, 17);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "reminder-hour"), ==, 17);

  /* With no reminder, its day and time cannot be changed. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (weekday_row)));
  reminder_switch = GTK_SWITCH (find_in_row (preferences, "Remind me to meet someone", GTK_TYPE_SWITCH));
  g_assert_true (gtk_switch_get_active (reminder_switch));
  tn_ui_test_click (GTK_WIDGET (reminder_switch));
  g_assert_true (tn_ui_test_wait_until (is_insensitive, weekday_row));
  g_assert_false (g_settings_get_boolean (fixture->settings, "reminder-enabled"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (hour_row)));
}

static void
test_background_switch (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *preferences;
  GtkWidget *background_switch;

  if (fixture->ui.store == NULL)
    return;

  preferences = open_preferences ();
  background_switch = find_in_row (preferences, "Remind me when TrustNet is closed", GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (background_switch)));
  g_assert_false (tn_autostart_is_enabled ());

  tn_ui_test_click (background_switch);
  g_assert_true (tn_ui_test_wait_until (autostart_exists, NULL));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (background_switch)));
  g_assert_true (g_settings_get_boolean (fixture->settings, "run-in-background"));
  assert_autostart_runs_this_database (fixture->ui.store);

  tn_ui_test_settle (300);
  tn_ui_test_click (background_switch);
  g_assert_true (tn_ui_test_wait_until (autostart_is_absent, NULL));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (background_switch)));
  g_assert_false (g_settings_get_boolean (fixture->settings, "run-in-background"));
}

static gboolean
switch_is_off (gpointer data)
{
  return !gtk_switch_get_active (data);
}

static gboolean
toast_is_shown (gpointer data)
{
  return tn_ui_test_find_label (data, "Could not turn on starting at login") != NULL;
}

/* Preferences, with a file where the autostart folder should be, and its background switch
 * (@background_switch) clicked: the toast that says it failed is on its way in. */
static GtkWidget *
fail_to_run_in_background (GtkWidget **background_switch)
{
  g_autofree char *autostart_folder = get_autostart_folder ();
  GtkWidget *preferences;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (autostart_folder, "", -1, NULL));

  preferences = open_preferences ();
  *background_switch = find_in_row (preferences, "Remind me when TrustNet is closed", GTK_TYPE_SWITCH);
  tn_ui_test_click (*background_switch);
  g_assert_true (tn_ui_test_wait_until (toast_is_shown, preferences));
  return preferences;
}

/* A file where the autostart folder should be: a toast says why, the switch goes back. */
static void
test_background_error (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *autostart_folder = get_autostart_folder ();
  GtkWidget *preferences;
  GtkWidget *background_switch;
  GtkWidget *details;
  GtkWidget *dialog;

  if (fixture->ui.store == NULL)
    return;

  preferences = fail_to_run_in_background (&background_switch);
  g_assert_true (switch_is_off (background_switch));
  g_assert_false (g_settings_get_boolean (fixture->settings, "run-in-background"));
  g_assert_true (g_file_test (autostart_folder, G_FILE_TEST_IS_REGULAR));
  tn_ui_test_save_screenshot ("preferences-autostart-error");

  /* Details: the whole reason, with the folder's name. */
  details = tn_ui_test_find_button (preferences, "Details");
  g_assert_nonnull (details);
  tn_ui_test_click (details);
  dialog = tn_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Not a directory"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), autostart_folder));
  tn_ui_test_save_screenshot ("preferences-autostart-error-details");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
toast_is_gone (gpointer data)
{
  return !toast_is_shown (data);
}

/* The same toast dismissed with Escape while it still slides in: it goes, and the window
 * lives on through a busy moment (see tn-toast.c). */
static void
test_background_error_escape (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *preferences;
  GtkWidget *background_switch;

  if (fixture->ui.store == NULL)
    return;

  preferences = fail_to_run_in_background (&background_switch);
  /* From the switch, inside the toast's overlay: Escape dismisses the toast (from the
   * window itself, it would close the window). */
  g_assert_true (gtk_widget_grab_focus (background_switch));
  tn_ui_test_xdotool ("key", "Escape", NULL);
  tn_ui_test_busy_moment ();
  /* Long before its 10 s are over. */
  g_assert_true (tn_ui_test_wait_until_ms (toast_is_gone, preferences, 2000));
  g_assert_true (gtk_widget_get_visible (preferences));
}

/* The switch shows whether the entry exists, whatever the setting remembered. */
static void
test_background_follows_file (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;

  if (fixture->ui.store == NULL)
    return;

  g_assert_true (tn_autostart_set_enabled (TRUE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (fixture->settings, "run-in-background", FALSE);
  preferences = open_preferences ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_in_row (preferences, "Remind me when TrustNet is closed", GTK_TYPE_SWITCH))));
  g_assert_true (g_settings_get_boolean (fixture->settings, "run-in-background"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  tn_ui_test_settle (50);

  g_assert_true (tn_autostart_set_enabled (FALSE, "/usr/bin/trustnet", NULL, &error));
  g_assert_no_error (error);
  preferences = open_preferences ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_in_row (preferences, "Remind me when TrustNet is closed", GTK_TYPE_SWITCH))));
  g_assert_false (g_settings_get_boolean (fixture->settings, "run-in-background"));
  g_assert_false (tn_autostart_is_enabled ());
}

typedef struct
{
  GSettings *settings;
  const char *key;
  int value;
} SettingWait;

static gboolean
setting_has_value (gpointer data)
{
  SettingWait *wait = data;

  return g_settings_get_int (wait->settings, wait->key) == wait->value;
}

/* Typed, as a person would: select the number, type another, Tab. */
static void
test_cadence (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWidget *preferences;
  GtkWidget *spin;
  SettingWait wait;

  if (fixture->ui.store == NULL)
    return;

  preferences = open_preferences ();
  spin = find_in_row (preferences, "Trusts me moderately", GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 12);

  tn_ui_test_click (gtk_widget_get_first_child (spin));
  tn_ui_test_settle (100);
  tn_ui_test_xdotool ("key", "--delay", "50", "ctrl+a", NULL);
  tn_ui_test_xdotool ("type", "--delay", "50", "6", NULL);
  tn_ui_test_xdotool ("key", "--delay", "50", "Tab", NULL);

  wait = (SettingWait) { fixture->settings, "cadence-weeks-moderately", 6 };
  g_assert_true (tn_ui_test_wait_until (setting_has_value, &wait));
  g_assert_nonnull (tn_ui_test_find_label (preferences, "Overdue after 6 weeks without contact"));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "cadence-weeks-completely"), ==, 4);

  /* Out of range is clamped, never stored. */
  g_settings_set_int (fixture->settings, "cadence-weeks-vaguely", 1);
  g_assert_nonnull (tn_ui_test_find_label (preferences, "Overdue after 1 week without contact"));
  /* The spin button's unit follows its number: "[ 1 ] week". */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tn_ui_test_find_named (preferences, "cadence-weeks-vaguely-unit"))),
                   ==, "week");
}

static void
test_job_security (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *preferences;
  GtkWidget *employer_row;
  GtkWidget *goal_spin;

  if (fixture->ui.store == NULL)
    return;

  preferences = open_preferences ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "job-security");
  tn_ui_test_settle (300);

  goal_spin = find_in_row (preferences, "Goal", GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (goal_spin)), ==, 20);
  /* Shown is not set: the default goal is no one's choice, and does not travel by sync. */
  g_assert_null (g_settings_get_user_value (fixture->settings, TN_SELF_SETTINGS_GOAL));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT), ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (goal_spin), 25);
  g_assert_cmpint (g_settings_get_int (fixture->settings, TN_SELF_SETTINGS_GOAL), ==, 25);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT), >, 0);

  employer_row = find_row (preferences, "Where I work now");
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, TN_SELF_SETTINGS_EMPLOYER TN_SELF_SETTINGS_CHANGED_AT), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (employer_row), "Analytical Engines Ltd");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, TN_SELF_SETTINGS_EMPLOYER), ==, "Analytical Engines Ltd");
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, TN_SELF_SETTINGS_EMPLOYER TN_SELF_SETTINGS_CHANGED_AT), >, 0);
  /* A value set elsewhere (a sync) is shown, and not taken for the person's own change. */
  g_settings_set_int64 (fixture->settings, TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT, 1000);
  g_settings_set_int (fixture->settings, TN_SELF_SETTINGS_GOAL, 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (goal_spin)), ==, 30);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, TN_SELF_SETTINGS_GOAL TN_SELF_SETTINGS_CHANGED_AT), ==, 1000);
  tn_ui_test_save_screenshot ("preferences-job-security");
}

/* The button that opens the organizations, of the Preferences window open now. */
static GtkWidget *organizations_button;

static GtkWidget *
shown_organization_row (const char *title)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (organizations_button)));

  if (popover == NULL || !gtk_widget_get_mapped (popover))
    return NULL;
  return tn_ui_test_find_label (popover, title);
}

static gboolean
organization_is_offered (gpointer data)
{
  return shown_organization_row (data) != NULL;
}

/* "Where I work now" completes from the contacts' organizations: typing "soy" offers
 * "Soylent; Foods", and choosing it fills the row and the setting. */
static void
test_employer_completion (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) grace = NULL;
  g_autoptr(TnContact) alan = NULL;
  g_autofree char *employer = NULL;
  GtkWidget *preferences, *employer_row, *button, *label;

  if (fixture->ui.store == NULL)
    return;

  ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", NULL, "Soylent; Foods", TN_TRUST_COMPLETELY);
  grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", NULL, "soylent; foods ", TN_TRUST_UNRATED);
  alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", NULL, "Globex", TN_TRUST_UNRATED);

  preferences = open_preferences ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "job-security");
  tn_ui_test_settle (300);
  employer_row = find_row (preferences, "Where I work now");
  gtk_editable_set_text (GTK_EDITABLE (employer_row), "soy");

  button = tn_ui_test_find_named (preferences, "employer-organizations-button");
  g_assert_nonnull (button);
  organizations_button = button;
  tn_ui_test_click (button);
  g_assert_true (tn_ui_test_wait_until (organization_is_offered, (gpointer) "Soylent; Foods"));
  /* One entry for both spellings, and nothing that does not match. */
  g_assert_null (shown_organization_row ("soylent; foods"));
  g_assert_null (shown_organization_row ("Globex"));
  tn_ui_test_save_screenshot ("preferences-employer-completion");

  label = shown_organization_row ("Soylent; Foods");
  tn_ui_test_click (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW));
  tn_ui_test_settle (200);
  employer = g_settings_get_string (fixture->settings, TN_SELF_SETTINGS_EMPLOYER);
  g_assert_cmpstr (employer, ==, "Soylent; Foods");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employer_row)), ==, "Soylent; Foods");
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *preferences;

  if (fixture->ui.store == NULL)
    return;

  preferences = tn_preferences_window_new (GTK_WINDOW (fixture->ui.window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 360, 720);
  tn_ui_test_present (GTK_WINDOW (preferences));
  tn_ui_test_settle (300);
  g_assert_cmpint (gtk_widget_get_width (preferences), <=, 400);
  tn_ui_test_save_screenshot ("preferences-narrow");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  /* Before anything asks GLib for the config folder: it is read once. */
  config_home = g_dir_make_tmp ("test-preferences-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/preferences/open-with-keys", test_open_with_keys);
  ADD_TEST ("/preferences/weekday-and-hour", test_weekday_and_hour);
  ADD_TEST ("/preferences/background-switch", test_background_switch);
  ADD_TEST ("/preferences/background-error", test_background_error);
  ADD_TEST ("/preferences/background-error-escape", test_background_error_escape);
  ADD_TEST ("/preferences/background-follows-file", test_background_follows_file);
  ADD_TEST ("/preferences/cadence", test_cadence);
  ADD_TEST ("/preferences/job-security", test_job_security);
  ADD_TEST ("/preferences/employer-completion", test_employer_completion);
  ADD_TEST ("/preferences/narrow", test_narrow);

  result = g_test_run ();
  g_clear_object (&application);
  tn_test_remove_tree (config_home);
  g_free (config_home);
  return result;
}
