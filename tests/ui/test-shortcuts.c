/* test-shortcuts.c — the Keyboard Shortcuts window against the keys that really work: the
 * window's one list (tn-window-actions.c) and the application's accelerators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-application.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"
#include "tn-window-private.h"

/* Keys the shortcuts window documents that no action of the window or the application
 * has: the contacts list reads them itself (tn-contacts-page.c) and GTK's menu button
 * takes F10. */
static const char * const widget_keys[] = {
  "1", "2", "3", "0", "j", "Down", "k", "Up", "Return", "Delete", "F10",
};

static TnApplication *application;

/* "<Shift><Control>e" and "<Control><Shift>e" are one key: compare GTK's own spelling. */
static void
add_accelerator (GHashTable *set,
                 const char *accelerator)
{
  guint key = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &key, &mods));
  g_hash_table_add (set, gtk_accelerator_name (key, mods));
}

/* Every accelerator the shortcuts window shows, an action's taken from the application. */
static GHashTable *
documented_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/example/TrustNet/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *documented = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      if (action_name != NULL)
        keys = gtk_application_get_accels_for_action (GTK_APPLICATION (application), action_name);
      else
        keys = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);

      for (guint i = 0; keys[i] != NULL; i++)
        if (keys[i][0] != '\0')
          add_accelerator (documented, keys[i]);
    }

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  return documented;
}

/* Every key of the window's actions and of the application's. */
static GHashTable *
working_accelerators (void)
{
  GHashTable *working = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));
  const TnWindowAccel *accels;
  guint n_accels;

  accels = _tn_window_get_accels (&n_accels);
  for (guint i = 0; i < n_accels; i++)
    add_accelerator (working, accels[i].accelerator);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (application), actions[i]);

      for (guint j = 0; keys[j] != NULL; j++)
        add_accelerator (working, keys[j]);
    }

  return working;
}

static void
test_every_key_documented (void)
{
  g_autoptr(GHashTable) documented = NULL;
  g_autoptr(GHashTable) working = NULL;
  g_autoptr(GHashTable) widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *accelerator;

  if (application == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  documented = documented_accelerators ();
  working = working_accelerators ();
  for (guint i = 0; i < G_N_ELEMENTS (widget_keys); i++)
    add_accelerator (widgets, widget_keys[i]);

  /* Quit, Preferences, the shortcuts window itself and the window's own keys. */
  g_assert_cmpuint (g_hash_table_size (working), >=, 13);

  g_hash_table_iter_init (&iter, working);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accelerator, NULL))
    {
      g_test_message ("working: %s", accelerator);
      g_assert_true (g_hash_table_contains (documented, accelerator));
    }

  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accelerator, NULL))
    {
      g_test_message ("documented: %s", accelerator);
      g_assert_true (g_hash_table_contains (working, accelerator) || g_hash_table_contains (widgets, accelerator));
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shown, the window is one page (no page switcher to find a key behind), General first. */
static void
test_one_page_general_first (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *window, *section, *pages, *group;
  g_autofree char *title = NULL;
  guint n_pages = 0;

  if (application == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  builder = gtk_builder_new_from_resource ("/org/example/TrustNet/gtk/help-overlay.ui");
  window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  tn_ui_test_present (GTK_WINDOW (window));
  tn_ui_test_settle (300);

  section = find_descendant (window, GTK_TYPE_SHORTCUTS_SECTION);
  g_assert_nonnull (section);
  pages = find_descendant (section, GTK_TYPE_STACK);
  g_assert_nonnull (pages);
  for (GtkWidget *page = gtk_widget_get_first_child (pages); page != NULL; page = gtk_widget_get_next_sibling (page))
    n_pages++;
  g_assert_cmpuint (n_pages, ==, 1);

  group = find_descendant (section, GTK_TYPE_SHORTCUTS_GROUP);
  g_assert_nonnull (group);
  g_object_get (group, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "General");
  tn_ui_test_save_screenshot ("shortcuts-window");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  application = tn_ui_test_init (&argc, &argv);

  g_test_add_func ("/shortcuts/every-key-documented", test_every_key_documented);
  g_test_add_func ("/shortcuts/one-page-general-first", test_one_page_general_first);

  return g_test_run ();
}
