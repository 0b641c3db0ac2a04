/* test-german.c — the real window in German: the pages' names, a contact's history with
 * its German date, and a screenshot of it for people to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

#define NOW "2026-11-24T10:00:00"

static TnApplication *application;
static gboolean german;

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label_containing (child, text))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return has_label_containing (wait->root, wait->text);
}

static void
assert_shows (TnWindow   *window,
              const char *text)
{
  LabelWait wait = { GTK_WIDGET (window), text };

  if (!tn_ui_test_wait_until (label_is_shown, &wait))
    g_error ("the window shows no label with “%s”", text);
}

static void
test_german_window (void)
{
  TnUiFixture fixture = { 0 };
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnInteraction) lunch = NULL;
  g_autoptr(GError) error = NULL;

  if (!german)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/deps.sh --test generates it)");
      return;
    }

  tn_ui_test_fixture_set_up (&fixture, "test-german");
  if (fixture.store == NULL)
    return;

  g_setenv ("TRUSTNET_NOW", NOW, TRUE);
  ada = tn_ui_test_add_contact (fixture.store, "Ada Lovelace", "ada@example.org", "Analytical Engines",
                                TN_TRUST_COMPLETELY);
  lunch = tn_interaction_new (TN_INTERACTION_LUNCH, "2026-11-03");
  g_assert_true (tn_store_log_interaction (fixture.store, ada, lunch, &error));
  g_assert_no_error (error);
  tn_ui_test_fixture_open_window (&fixture, application);

  assert_shows (fixture.window, "Übersicht");
  assert_shows (fixture.window, "Kontakte");
  assert_shows (fixture.window, "Wer Sie sind");

  tn_window_show_contact (fixture.window, ada);
  /* The day of the lunch, as a German reader writes it. */
  assert_shows (fixture.window, "Dienstag, 3. November 2026");
  tn_ui_test_settle (500);
  tn_ui_test_save_screenshot ("german-contact");

  tn_window_show_page (fixture.window, "dashboard");
  tn_ui_test_settle (500);
  tn_ui_test_save_screenshot ("german-dashboard");

  tn_ui_test_fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("TRUSTNET_LOCALE_DIR");

  /* The translations of this build, not of an installed TrustNet. */
  german = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = tn_ui_test_init (&argc, &argv);
  g_test_add_func ("/german/window", test_german_window);
  return g_test_run ();
}
