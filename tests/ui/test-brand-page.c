/* test-brand-page.c — the "Who You Are" page under Xvfb: a statement typed with real keys
 * and the coaching following it, Ctrl+S saving versions, Restore, the reach line, the
 * linchpin self-check answered from the keyboard, and screenshots wide and narrow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "tn-application.h"
#include "tn-brand.h"
#include "tn-log-dialog.h"
#include "tn-window.h"
#include "tn-ui-test-util.h"

typedef struct
{
  TnUiFixture ui;
  TnContact *ada;
  TnContact *grace;
} Fixture;

static TnApplication *application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  tn_ui_test_fixture_set_up (&fixture->ui, "test-brand-page");
  if (fixture->ui.store == NULL)
    return;

  fixture->ada = tn_ui_test_add_contact (fixture->ui.store, "Ada Lovelace", "ada@example.org", NULL, TN_TRUST_COMPLETELY);
  fixture->grace = tn_ui_test_add_contact (fixture->ui.store, "Grace Hopper", "grace@example.org", NULL, TN_TRUST_COMPLETELY);
  tn_ui_test_fixture_open_window (&fixture->ui, application);
  tn_window_show_page (fixture->ui.window, "you");
  tn_ui_test_settle (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->grace);
  tn_ui_test_fixture_tear_down (&fixture->ui, user_data);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), name);

  g_assert_nonnull (widget);
  return widget;
}

typedef struct
{
  Fixture *fixture;
  const char *name;
  const char *prefix;
} TitleWanted;

/* A #TnTestCondition: the row named @name has a title starting with @prefix. */
static gboolean
row_title_starts (gpointer data)
{
  TitleWanted *wanted = data;
  GtkWidget *row = find (wanted->fixture, wanted->name);

  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wanted->prefix);
}

static void
assert_row_title (Fixture    *fixture,
                  const char *name,
                  const char *prefix)
{
  TitleWanted wanted = { fixture, name, prefix };

  if (!tn_ui_test_wait_until (row_title_starts, &wanted))
    g_error ("%s says “%s”, not “%s…”", name,
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (fixture, name))), prefix);
}

static guint
n_versions (gpointer store)
{
  g_autoptr(GPtrArray) versions = tn_store_list_brand_statements (store, NULL);

  return versions != NULL ? versions->len : 0;
}

static char *
current_text (TnStore *store)
{
  g_autoptr(TnBrandVersion) current = tn_store_get_current_brand_statement (store, NULL);

  return current != NULL ? g_strdup (current->text) : NULL;
}

static void
type_text (const char *text)
{
  tn_ui_test_xdotool ("type", "--delay", "20", text, NULL);
  tn_ui_test_settle (200);
}

static void
press (const char *keys)
{
  tn_ui_test_xdotool ("key", "--delay", "50", keys, NULL);
  tn_ui_test_settle (200);
}

static gboolean
label_says (GtkWidget  *label,
            const char *text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0;
}

/* A #TnTestCondition: the clipboard, set by this process, holds the text @data. */
static gboolean
clipboard_holds (gpointer data)
{
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  return content != NULL && gdk_content_provider_get_value (content, &value, NULL) &&
         g_strcmp0 (g_value_get_string (&value), data) == 0;
}

static void
test_write_save_restore (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *editor, *save_button, *restore_button;
  g_autofree char *text = NULL;

  if (fixture->ui.store == NULL)
    return;

  editor = find (fixture, "brand-editor");
  save_button = find (fixture, "brand-save-button");
  g_assert_true (gtk_widget_is_drawable (editor));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_true (label_says (find (fixture, "brand-reach"),
                             "Save your statement, then mark on each contact’s page who has heard it."));
  tn_ui_test_save_screenshot ("brand-page-empty");

  /* Typed with real keys: filler and nothing concrete are hints. */
  tn_ui_test_click (editor);
  g_assert_true (gtk_widget_has_focus (editor));
  type_text ("I am a hard-working team player");
  assert_row_title (fixture, "brand-check-3", "“hard-working” is what everyone says");
  assert_row_title (fixture, "brand-check-2", "Add something checkable");
  assert_row_title (fixture, "brand-check-4", "Said in the first person");
  assert_row_title (fixture, "brand-check-1", "6 words");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  tn_ui_test_save_screenshot ("brand-page-hints");

  /* A number makes it concrete. */
  type_text (" who cut costs by 30%.");
  assert_row_title (fixture, "brand-check-2", "Concrete: “30%”");

  /* Ctrl+S saves the first version; Save goes off until the text changes. */
  press ("ctrl+s");
  g_assert_true (tn_ui_test_wait_for_count (n_versions, fixture->ui.store, 1));
  text = current_text (fixture->ui.store);
  g_assert_cmpstr (text, ==, "I am a hard-working team player who cut costs by 30%.");
  g_clear_pointer (&text, g_free);
  tn_ui_test_settle (200);
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_true (label_says (find (fixture, "brand-reach"), "Know what you do now: 0 of the 2 people who trust you completely"));

  /* Copy puts the statement on the clipboard. */
  tn_ui_test_click (find (fixture, "brand-copy-button"));
  g_assert_true (tn_ui_test_wait_until (clipboard_holds, (gpointer) "I am a hard-working team player who cut costs by 30%."));
  gtk_widget_grab_focus (editor);

  /* A second version replaces the text; a second sentence is a hint. */
  press ("ctrl+a");
  type_text ("I doubled widget sales. In two territories.");
  assert_row_title (fixture, "brand-check-0", "2 sentences");
  press ("BackSpace");
  press ("ctrl+s");
  g_assert_true (tn_ui_test_wait_for_count (n_versions, fixture->ui.store, 2));
  text = current_text (fixture->ui.store);
  g_assert_cmpstr (text, ==, "I doubled widget sales. In two territories");
  g_clear_pointer (&text, g_free);

  /* Telling Ada counts her; a new version would start again. */
  g_assert_true (tn_store_set_heard_brand (fixture->ui.store, fixture->ada, TRUE, NULL));
  tn_ui_test_settle (200);
  g_assert_true (label_says (find (fixture, "brand-reach"), "Know what you do now: 1 of the 2 people who trust you completely"));
  tn_ui_test_save_screenshot ("brand-page");

  /* Restore the first, from the keyboard: it becomes a third version and the editor's text. */
  restore_button = find (fixture, "brand-restore-button");
  gtk_widget_grab_focus (restore_button);
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  press ("space");
  g_assert_true (tn_ui_test_wait_for_count (n_versions, fixture->ui.store, 3));
  text = current_text (fixture->ui.store);
  g_assert_cmpstr (text, ==, "I am a hard-working team player who cut costs by 30%.");
  assert_row_title (fixture, "brand-check-3", "“hard-working” is what everyone says");
  g_assert_true (label_says (find (fixture, "brand-reach"), "Know what you do now: 0 of the 2 people who trust you completely"));
}

static guint
n_checks (gpointer store)
{
  g_autoptr(GArray) checks = tn_store_list_linchpin_checks (store, NULL);

  return checks != NULL ? checks->len : 0;
}

static void
test_self_check (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *answer;
  AdwActionRow *row;
  g_autoptr(GArray) checks = NULL;

  if (fixture->ui.store == NULL)
    return;

  g_assert_true (label_says (find (fixture, "linchpin-score"), "Not taken yet"));

  /* "Yes" to group events, with the keyboard: the advice appears under the fact. */
  answer = find (fixture, "linchpin-switch-1");
  row = ADW_ACTION_ROW (gtk_widget_get_ancestor (answer, ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Nothing logged in the last 90 days");
  gtk_widget_grab_focus (answer);
  tn_ui_test_point_at (GTK_WIDGET (fixture->ui.window));
  press ("space");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (answer)));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (row),
                                   "turn a handshake at an event into a lunch for two."));

  gtk_widget_grab_focus (find (fixture, "linchpin-save-button"));
  press ("Return");
  g_assert_true (tn_ui_test_wait_for_count (n_checks, fixture->ui.store, 1));
  checks = tn_store_list_linchpin_checks (fixture->ui.store, NULL);
  g_assert_cmpuint (g_array_index (checks, TnLinchpinCheck, 0).answers, ==, 1u << TN_LINCHPIN_GROUP_EVENTS);
  g_assert_cmpint (g_array_index (checks, TnLinchpinCheck, 0).score, ==, 5);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (find (fixture, "linchpin-score"))),
                                   "Latest: 5 of 6 the linchpin way"));

  /* A second check with "no" everywhere: the trend shows both. */
  gtk_widget_grab_focus (answer);
  press ("space");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (answer)));
  g_assert_true (tn_store_save_linchpin_check (fixture->ui.store, 0, NULL));
  tn_ui_test_settle (200);
  g_assert_true (label_says (find (fixture, "linchpin-trend"), "Trend: 5 → 6"));
  tn_ui_test_save_screenshot ("brand-page-self-check");
}

static gboolean
heard_row_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = tn_ui_test_find_named (GTK_WIDGET (fixture->ui.window), "timeline-heard-row");

  return row != NULL && gtk_widget_is_drawable (row);
}

/* The contact's "Heard your statement" switch, and the log dialog's "I told them my
 * statement", both for the current version only. */
static void
test_heard (Fixture       *fixture,
            gconstpointer  user_data)
{
  GtkWidget *row, *answer;
  TnLogDialog *dialog;
  guint heard = 0, trusted = 0;

  if (fixture->ui.store == NULL)
    return;

  /* No statement yet: no switch. */
  tn_window_show_page (fixture->ui.window, "contacts");
  tn_window_show_contact (fixture->ui.window, fixture->ada);
  tn_ui_test_settle (500);
  row = find (fixture, "timeline-heard-row");
  g_assert_false (gtk_widget_get_visible (row));
  dialog = tn_log_dialog_new_for_contact (GTK_WINDOW (fixture->ui.window), fixture->ui.store, fixture->ada);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (tn_ui_test_find_named (GTK_WIDGET (dialog), "log-heard-brand-switch"),
                                                                   ADW_TYPE_ACTION_ROW)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Saved: the switch appears, and a real click marks Ada. */
  g_assert_true (tn_store_save_brand_statement (fixture->ui.store, "I sold 3 companies.", NULL, NULL));
  g_assert_true (tn_ui_test_wait_until (heard_row_shown, fixture));
  answer = find (fixture, "timeline-heard-switch");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (answer)));
  tn_ui_test_save_screenshot ("brand-heard-row");
  tn_ui_test_click (answer);
  g_assert_true (tn_store_get_heard_brand (fixture->ui.store, fixture->ada));

  /* A new version starts again: the switch follows. */
  g_assert_true (tn_store_save_brand_statement (fixture->ui.store, "I sold 4 companies.", NULL, NULL));
  tn_ui_test_settle (200);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (answer)));

  /* Logging a lunch with Grace with "I told them my statement" on marks her too. */
  dialog = tn_log_dialog_new_for_contact (GTK_WINDOW (fixture->ui.window), fixture->ui.store, fixture->grace);
  tn_ui_test_present (GTK_WINDOW (dialog));
  answer = tn_ui_test_find_named (GTK_WIDGET (dialog), "log-heard-brand-switch");
  g_assert_true (gtk_widget_is_drawable (answer));
  tn_ui_test_click (answer);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (answer)));
  tn_ui_test_save_screenshot ("brand-log-dialog");
  g_assert_true (tn_log_dialog_save (dialog));
  g_assert_true (tn_store_get_heard_brand (fixture->ui.store, fixture->grace));
  g_assert_true (tn_store_count_brand_reach (fixture->ui.store, &heard, &trusted, NULL));
  g_assert_cmpuint (heard, ==, 1);
  g_assert_cmpuint (trusted, ==, 2);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *editor;

  if (fixture->ui.store == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), 360, 720);
  tn_ui_test_settle (500);
  editor = find (fixture, "brand-editor");
  tn_ui_test_click (editor);
  type_text ("I majored in engineering and minored in business law.");
  assert_row_title (fixture, "brand-check-2", "Concrete: “majored”");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->ui.window)), <=, 400);
  tn_ui_test_save_screenshot ("brand-page-narrow");
}

typedef struct
{
  GtkWidget *label;
  const char *text;
} LabelWait;

static gboolean
label_becomes (gpointer data)
{
  LabelWait *wait = data;

  return label_says (wait->label, wait->text);
}

/* "Know what you do now" follows a rating at once, and a field of work is concrete. */
static void
test_reach_follows_rating (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnContact) alan = NULL;
  LabelWait wait;
  GtkWidget *editor;

  if (fixture->ui.store == NULL)
    return;

  editor = find (fixture, "brand-editor");
  tn_ui_test_click (editor);
  type_text ("I help software teams ship with fewer surprises through QA.");
  assert_row_title (fixture, "brand-check-2", "Concrete: “software” names your field");
  press ("ctrl+s");
  g_assert_true (tn_ui_test_wait_for_count (n_versions, fixture->ui.store, 1));

  wait.label = find (fixture, "brand-reach");
  wait.text = "Know what you do now: 0 of the 2 people who trust you completely";
  g_assert_true (tn_ui_test_wait_until (label_becomes, &wait));

  /* A third 1, a 1 who becomes a 2: each counted as it happens, with no restart. */
  alan = tn_ui_test_add_contact (fixture->ui.store, "Alan Turing", NULL, NULL, TN_TRUST_COMPLETELY);
  wait.text = "Know what you do now: 0 of the 3 people who trust you completely";
  g_assert_true (tn_ui_test_wait_until (label_becomes, &wait));
  g_assert_true (tn_store_set_trust (fixture->ui.store, fixture->grace, TN_TRUST_MODERATELY, &error));
  g_assert_no_error (error);
  wait.text = "Know what you do now: 0 of the 2 people who trust you completely";
  g_assert_true (tn_ui_test_wait_until (label_becomes, &wait));
  g_assert_true (tn_store_set_trust (fixture->ui.store, fixture->ada, TN_TRUST_UNRATED, &error));
  g_assert_true (tn_store_set_trust (fixture->ui.store, alan, TN_TRUST_UNRATED, &error));
  g_assert_no_error (error);
  wait.text = "No one is rated as trusting you completely yet: rate the people who do, then tell them.";
  g_assert_true (tn_ui_test_wait_until (label_becomes, &wait));
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add ("/brand-page/write-save-restore", Fixture, NULL, fixture_set_up, test_write_save_restore, fixture_tear_down);
  g_test_add ("/brand-page/self-check", Fixture, NULL, fixture_set_up, test_self_check, fixture_tear_down);
  g_test_add ("/brand-page/heard", Fixture, NULL, fixture_set_up, test_heard, fixture_tear_down);
  g_test_add ("/brand-page/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/brand-page/reach-follows-rating", Fixture, NULL, fixture_set_up, test_reach_follows_rating, fixture_tear_down);

  return g_test_run ();
}
