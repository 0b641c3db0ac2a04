/* test-import.c — importing and exporting in the real TrustNet window under Xvfb: a real
 * drag and drop from another window, Import…, the progress bar and Cancel, the toast with
 * Undo and Details, refused files, Possible Duplicates, export and re-import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "tn-application.h"
#include "tn-duplicate-pair.h"
#include "tn-duplicates-window.h"
#include "tn-importer.h"
#include "tn-window-private.h"
#include "tn-test-util.h"
#include "tn-ui-test-util.h"

/* No fields of its own: the shared scratch store and window are all it needs. */
typedef TnUiFixture Fixture;

static TnApplication *application;

/* ---- Harness: the main loop, real input, screenshots ------------------------------------ */

static void
move_pointer_to (int x,
                 int y)
{
  g_autofree char *x_text = g_strdup_printf ("%d", x);
  g_autofree char *y_text = g_strdup_printf ("%d", y);

  tn_ui_test_xdotool ("mousemove", x_text, y_text, NULL);
}

static void
press_keys (GtkWidget  *window,
            const char *keys)
{
  tn_ui_test_point_at (window);
  tn_ui_test_xdotool ("key", "--delay", "50", keys, NULL);
}

/* ---- Harness: the window and its widgets ------------------------------------------------ */

static gboolean
not_importing (gpointer data)
{
  return !tn_window_get_importing (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = NULL;

  tn_ui_test_fixture_set_up (fixture, "test-import");
  if (fixture->store == NULL)
    return;

  /* Settings live as long as the process: a filter one test set must not hide rows in the next. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (settings, "contacts-filter");
}

/* The database must not be closed under a running import. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    tn_ui_test_wait_until (not_importing, fixture->window);
  tn_ui_test_fixture_tear_down (fixture, user_data);
}

static char *
data_path (const char *relative)
{
  const char *data = g_getenv ("TRUSTNET_TEST_DATA");

  g_assert_nonnull (data);
  return g_build_filename (data, relative, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* How many contacts the database holds, read through a connection of its own. */
static guint
n_in_database (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnStore) reopened = tn_store_open (tn_store_get_path (fixture->store), &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (tn_store_get_contacts (reopened));
}

/* The contact named @full_name in @contacts, if any; the model keeps it alive. */
static TnContact *
find_named_contact (GListModel *contacts,
                    const char *full_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (tn_contact_get_full_name (contact), full_name) == 0)
        return contact;
    }

  return NULL;
}

static TnContact *
find_contact (Fixture    *fixture,
              const char *full_name)
{
  return find_named_contact (tn_store_get_contacts (fixture->store), full_name);
}

static gboolean
list_shows (Fixture    *fixture,
            const char *full_name)
{
  TnContactsPage *page = tn_window_get_contacts_page (fixture->window);

  return find_named_contact (tn_contacts_page_get_visible_model (page), full_name) != NULL;
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

  return tn_ui_test_find_label (wait->root, wait->text) != NULL;
}

/* Waits for a toast (or any label) that contains @text. */
static void
dump_labels (GtkWidget *widget,
             int        depth)
{
  if (GTK_IS_LABEL (widget))
    g_test_message ("%*slabel “%s” visible %d child-visible %d", depth, "", gtk_label_get_text (GTK_LABEL (widget)),
                    gtk_widget_get_visible (widget), gtk_widget_get_child_visible (widget));
  else
    g_test_message ("%*s%s visible %d child-visible %d", depth, "", G_OBJECT_TYPE_NAME (widget),
                    gtk_widget_get_visible (widget), gtk_widget_get_child_visible (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump_labels (child, depth + 1);
}

static void
assert_label_appears (GtkWidget  *root,
                      const char *text)
{
  LabelWait wait = { root, text };

  if (!tn_ui_test_wait_until (label_is_shown, &wait))
    {
      dump_labels (root, 0);
      g_error ("no label with “%s” appeared", text);
    }
}

static void
import_and_wait (Fixture    *fixture,
                 const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tn_window_import_files (fixture->window, &file, 1);
  g_assert_true (tn_window_get_importing (fixture->window));
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
}

/* ---- Drag and drop from another window --------------------------------------------------- */

static gboolean
drop_zone_shown (gpointer data)
{
  return gtk_widget_get_visible (tn_window_get_drop_zone (data));
}

static gboolean
has_contact_named (gpointer data)
{
  Fixture *fixture = data;

  return find_contact (fixture, "contact number two") != NULL;
}

/* A small window of the test's own that offers @file as a drag source, the way a file
 * manager does: a GdkFileList, which GTK hands over as text/uri-list. */
static GtkWidget *
open_drag_source (GFile *file)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *name = g_file_get_basename (file);
  GdkFileList *files = gdk_file_list_new_from_array (&file, 1);

  content = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  gtk_drag_source_set_content (source, content);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));

  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_window_set_title (GTK_WINDOW (window), "drag source");
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 100);
  gtk_window_set_child (GTK_WINDOW (window), label);
  tn_ui_test_present (GTK_WINDOW (window));

  return window;
}

static void
test_drag_and_drop (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *source_xid = NULL;
  GtkWidget *source;
  int from_x = 1120, from_y = 690;
  int to_x = 560, to_y = 560;

  if (fixture->store == NULL)
    return;

  path = data_path ("vcards/real/thunderbird/export.vcf");
  file = g_file_new_for_path (path);
  tn_ui_test_fixture_open_window (fixture, application);

  /* No window manager: both windows start at 0,0. The source goes to the lower right,
   * over a corner of TrustNet's window, which is 1100 × 720. */
  source = open_drag_source (file);
  source_xid = tn_ui_test_window_xid (source);
  tn_ui_test_xdotool ("windowmove", source_xid, "1020", "640", NULL);
  tn_ui_test_settle (200);

  /* Press on the source, then move onto TrustNet in steps, as a hand does. */
  move_pointer_to (from_x, from_y);
  tn_ui_test_settle (100);
  tn_ui_test_xdotool ("mousedown", "1", NULL);
  tn_ui_test_settle (100);
  for (int step = 1; step <= 12; step++)
    {
      move_pointer_to (from_x + (to_x - from_x) * step / 12, from_y + (to_y - from_y) * step / 12);
      tn_ui_test_settle (60);
    }

  g_assert_true (tn_ui_test_wait_until_ms (drop_zone_shown, fixture->window, 3000));
  tn_ui_test_save_screenshot ("import-drop-zone");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 0);

  tn_ui_test_xdotool ("mouseup", "1", NULL);

  /* The drop imports the file: the contacts are in the store and in the list. */
  g_assert_true (tn_ui_test_wait_until (has_contact_named, fixture));
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));
  g_assert_false (gtk_widget_get_visible (tn_window_get_drop_zone (fixture->window)));
  g_assert_true (list_shows (fixture, "contact number one"));
  g_assert_true (list_shows (fixture, "contact number two"));
  g_assert_cmpuint (n_in_database (fixture), ==, 2);
  assert_label_appears (GTK_WIDGET (fixture->window), "Imported 2 contacts");

  gtk_window_destroy (GTK_WINDOW (source));
}

/* The drop target's handler, given what GTK gives it: a GdkFileList of a folder and files. */
static void
test_drop_file_list (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *android = NULL;
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) single = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *ignored = NULL;
  gsize length;
  GSList *list = NULL;
  GdkFileList *files;
  GValue value = G_VALUE_INIT;

  if (fixture->store == NULL)
    return;

  /* A folder with one vCard and a picture, which the folder walk passes by. */
  android = data_path ("vcards/real/ez-vcard/John_Doe_ANDROID.vcf");
  g_file_get_contents (android, &contents, &length, &error);
  g_assert_no_error (error);
  g_free (write_file (fixture, "phone/android.VCF", contents, length));
  ignored = write_file (fixture, "phone/notes.txt", "not a vCard\n", -1);
  folder_path = g_build_filename (fixture->dir, "phone", NULL);
  folder = g_file_new_for_path (folder_path);
  {
    g_autofree char *thunderbird = data_path ("vcards/real/thunderbird/export.vcf");

    single = g_file_new_for_path (thunderbird);
  }

  tn_ui_test_fixture_open_window (fixture, application);

  /* The same file twice, as a careless drop from two windows would give it: once is enough. */
  list = g_slist_append (list, folder);
  list = g_slist_append (list, single);
  list = g_slist_append (list, single);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);

  g_assert_true (tn_window_drop (fixture->window, &value));
  g_value_unset (&value);

  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 8));
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 8);
  assert_label_appears (GTK_WIDGET (fixture->window), "Imported 8 contacts");
}

/* ---- Import with progress, the toast, Undo, Details --------------------------------------- */

static void
test_import_real_file_and_undo (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(TnContact) kept = NULL;
  GtkWidget *undo;

  if (fixture->store == NULL)
    return;

  /* Someone already there is kept by Undo: it takes back that import only. */
  kept = tn_ui_test_add_contact (fixture->store, "Grace Hopper", NULL, NULL, TN_TRUST_UNRATED);

  path = data_path ("vcards/real/ez-vcard/John_Doe_ANDROID.vcf");
  tn_ui_test_fixture_open_window (fixture, application);

  import_and_wait (fixture, path);

  /* The six cards of the Android export, two of them with only an email address. */
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 7);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 7);
  g_assert_true (list_shows (fixture, "ÑÑÑÑ"));
  assert_label_appears (GTK_WIDGET (fixture->window), "Imported 6 contacts");
  tn_ui_test_save_screenshot ("import-result-toast");

  undo = tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);

  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 1));
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 1);
  g_assert_cmpuint (n_in_database (fixture), ==, 1);
  g_assert_nonnull (find_contact (fixture, "Grace Hopper"));
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The text of the open Import Report dialog. */
static char *
report_text (GtkWidget *dialog)
{
  GtkWidget *scroller = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_import_report (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *broken =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:a card with no name at all\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nEMAIL:alan@example.org\r\nEND:VCARD\r\n";
  g_autofree char *path = NULL;
  GtkWidget *details;
  GtkWidget *dialog;
  g_autofree char *text = NULL;

  if (fixture->store == NULL)
    return;

  path = write_file (fixture, "broken.vcf", broken, -1);
  tn_ui_test_fixture_open_window (fixture, application);
  import_and_wait (fixture, path);

  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 2);
  assert_label_appears (GTK_WIDGET (fixture->window), "Imported 2 contacts, skipped 1 broken card");

  details = tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Details");
  g_assert_nonnull (details);
  g_signal_emit_by_name (details, "clicked");
  dialog = tn_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));

  /* "file.vcf:LINE: message", line 6 being where the nameless card begins. */
  text = report_text (dialog);
  g_test_message ("report: %s", text);
  g_assert_true (g_str_has_prefix (text, "broken.vcf:6: "));
  tn_ui_test_save_screenshot ("import-report");

  /* Escape closes it, from the keyboard. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press_keys (dialog, "Escape");
  g_assert_true (tn_ui_test_wait_until (is_gone, &dialog));
}

/* ---- Cancel ---------------------------------------------------------------------------- */

typedef struct
{
  TnWindow *window;
  guint n_notified;
} CancelOnProgress;

/* Presses Cancel at the first progress report, while the importer is still writing. */
static void
on_fraction_notify_cb (GtkProgressBar   *bar,
                       GParamSpec       *pspec,
                       CancelOnProgress *data)
{
  GtkWidget *cancel;

  if (gtk_progress_bar_get_fraction (bar) <= 0.0 || data->n_notified++ > 0)
    return;

  /* The bar may still be sliding in: find the button by its name. */
  cancel = tn_ui_test_find_named (GTK_WIDGET (data->window), "import-cancel-button");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_is_sensitive (cancel));
  /* Clicked now: activating a button clicks it only after a 250 ms press animation. */
  g_signal_emit_by_name (cancel, "clicked");
  g_test_message ("cancelled at %.0f %%", 100 * gtk_progress_bar_get_fraction (bar));
}

typedef struct
{
  GPid pid;
  gboolean taken;
} Screenshot;

static void
on_screenshot_taken_cb (GPid     pid,
                        int      status,
                        gpointer data)
{
  Screenshot *screenshot = data;

  g_spawn_close_pid (pid);
  screenshot->pid = 0;
}

static gboolean
is_zero (gpointer data)
{
  return *(GPid *) data == 0;
}

/* Photographs the screen once the bar has moved, without stopping the main loop: the
 * import goes on while ImageMagick takes the picture. */
static void
on_fraction_notify_screenshot_cb (GtkProgressBar *bar,
                                  GParamSpec     *pspec,
                                  Screenshot     *screenshot)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (folder, "import-progress.png", NULL);
  const char *argv[] = { "import", "-window", "root", path, NULL };

  if (gtk_progress_bar_get_fraction (bar) < 0.5 || screenshot->taken)
    return;

  screenshot->taken = TRUE;
  g_mkdir_with_parents (folder, 0755);
  if (g_spawn_async (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &screenshot->pid, NULL))
    {
      g_child_watch_add (screenshot->pid, on_screenshot_taken_cb, screenshot);
      g_test_message ("screenshot: %s", path);
    }
}

static GtkProgressBar *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return GTK_PROGRESS_BAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkProgressBar *found = find_progress_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
generate_vcards (Fixture *fixture,
                 guint    n_cards)
{
  const char *tool = g_getenv ("TRUSTNET_GEN_VCARDS");
  g_autofree char *count = g_strdup_printf ("%u", n_cards);
  const char *argv[] = { tool, count, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (tool);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return write_file (fixture, "generated.vcf", output, -1);
}

static void
test_cancel_large_import (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  CancelOnProgress cancel = { 0 };
  Screenshot screenshot = { 0 };
  GtkProgressBar *bar;
  gulong handler;

  if (fixture->store == NULL)
    return;

  g_assert_true (tn_store_add_contact (fixture->store, tn_contact_new ("Grace Hopper"), NULL));
  path = generate_vcards (fixture, 20000);
  file = g_file_new_for_path (path);
  tn_ui_test_fixture_open_window (fixture, application);

  /* The import bar's: the header bar's sync popover has one too. */
  bar = find_progress_bar (tn_ui_test_find_named (GTK_WIDGET (fixture->window), "import-bar"));
  g_assert_nonnull (bar);
  cancel.window = fixture->window;
  handler = g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_notify_cb), &cancel);

  tn_window_import_files (fixture->window, &file, 1);
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  g_signal_handler_disconnect (bar, handler);

  g_assert_cmpuint (cancel.n_notified, >, 0);
  assert_label_appears (GTK_WIDGET (fixture->window), "Import cancelled; nothing was changed");
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 1);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 1);
  g_assert_cmpuint (n_in_database (fixture), ==, 1);

  /* The same file imports in full afterwards; the bar is photographed on the way. */
  handler = g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_notify_screenshot_cb), &screenshot);
  import_and_wait (fixture, path);
  g_signal_handler_disconnect (bar, handler);
  g_assert_true (tn_ui_test_wait_until (is_zero, &screenshot.pid));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 20001);
  g_assert_cmpuint (n_in_database (fixture), ==, 20001);
}

/* Undo of one import pressed while another runs: it waits for the database, then
 * takes back exactly the first import. */
static void
test_undo_while_importing (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autoptr(GFile) large_file = NULL;
  GtkWidget *undo;

  if (fixture->store == NULL)
    return;

  small = data_path ("vcards/real/thunderbird/export.vcf");
  large = generate_vcards (fixture, 20000);
  large_file = g_file_new_for_path (large);
  tn_ui_test_fixture_open_window (fixture, application);

  import_and_wait (fixture, small);
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 2);
  undo = tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo");
  g_assert_nonnull (undo);

  tn_window_import_files (fixture->window, &large_file, 1);
  g_assert_true (tn_window_get_importing (fixture->window));
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (tn_window_get_importing (fixture->window));

  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 20000));
  g_assert_null (find_contact (fixture, "contact number one"));
  g_assert_cmpuint (n_in_database (fixture), ==, 20000);
  assert_label_appears (GTK_WIDGET (fixture->window), "Imported 20000 contacts");
}

/* ---- Refusing what is not a vCard ----------------------------------------------------- */

static const guchar png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static void
test_refuse_not_vcards (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *renamed = NULL;
  g_autofree char *picture = NULL;
  g_autofree char *empty_folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  GValue value = G_VALUE_INIT;

  if (fixture->store == NULL)
    return;

  g_assert_true (tn_store_add_contact (fixture->store, tn_contact_new ("Grace Hopper"), NULL));
  renamed = write_file (fixture, "contacts.vcf", (const char *) png_bytes, sizeof png_bytes);
  picture = write_file (fixture, "holiday.png", (const char *) png_bytes, sizeof png_bytes);
  g_free (write_file (fixture, "pictures/beach.png", (const char *) png_bytes, sizeof png_bytes));
  empty_folder = g_build_filename (fixture->dir, "pictures", NULL);
  tn_ui_test_fixture_open_window (fixture, application);

  /* A PNG renamed .vcf reaches the importer, which says what it is. */
  file = g_file_new_for_path (renamed);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_assert_true (tn_window_drop (fixture->window, &value));
  g_value_unset (&value);
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  assert_label_appears (GTK_WIDGET (fixture->window), "is a PNG image, not a vCard file");
  tn_ui_test_save_screenshot ("import-refused");
  g_assert_null (tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Undo"));
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 1);
  g_assert_cmpuint (n_in_database (fixture), ==, 1);

  /* A real picture, and a folder of pictures, are refused before any import. */
  g_clear_object (&file);
  file = g_file_new_for_path (picture);
  folder = g_file_new_for_path (empty_folder);
  {
    GFile *both[] = { file, folder };

    tn_window_import_files (fixture->window, both, 2);
  }
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  assert_label_appears (GTK_WIDGET (fixture->window), "Nothing was imported from the 2 files");
  g_assert_nonnull (tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Details"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-report", NULL));
  {
    GtkWidget *dialog = tn_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_autofree char *text = report_text (dialog);

    g_test_message ("report: %s", text);
    g_assert_nonnull (strstr (text, "“holiday.png” is not a vCard file (PNG image)."));
    g_assert_nonnull (strstr (text, "The folder “pictures” holds no vCard files."));
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_window_close (GTK_WINDOW (dialog));
    g_assert_true (tn_ui_test_wait_until (is_gone, &dialog));
  }
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 1);
  g_assert_cmpuint (n_in_database (fixture), ==, 1);
}

/* ---- Import… from the menu's shortcut ------------------------------------------------- */

static gboolean
has_selection (gpointer data)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (data);

  return g_list_model_get_n_items (files) == 1;
}

static void
test_import_with_chooser (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListModel) filters = NULL;
  GtkWidget *chooser;
  GtkFileFilter *filter;

  if (fixture->store == NULL)
    return;

  path = data_path ("vcards/real/thunderbird/export.vcf");
  file = g_file_new_for_path (path);
  tn_ui_test_fixture_open_window (fixture, application);

  /* Ctrl+I, as a person would; without a portal GTK shows its own dialog. */
  press_keys (GTK_WIDGET (fixture->window), "ctrl+i");
  chooser = tn_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "vCard Files");

  /* The file is selected once its folder is loaded. */
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  g_assert_true (tn_ui_test_wait_until (has_selection, chooser));
  tn_ui_test_save_screenshot ("import-chooser");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 2));
  g_assert_true (tn_ui_test_wait_until (not_importing, fixture->window));
  assert_label_appears (GTK_WIDGET (fixture->window), "Imported 2 contacts");
}

/* ---- Export, and import again -------------------------------------------------------- */

static char *
describe (TnContact *contact)
{
  g_autofree char *emails = g_strjoinv (",", (char **) tn_contact_get_emails (contact));
  g_autofree char *phones = g_strjoinv (",", (char **) tn_contact_get_phones (contact));

  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s|%d",
                          tn_contact_get_full_name (contact),
                          tn_contact_get_given_name (contact),
                          tn_contact_get_family_name (contact),
                          tn_contact_get_organization (contact),
                          tn_contact_get_title (contact),
                          tn_contact_get_birthday (contact),
                          emails, phones, tn_contact_get_trust (contact));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
describe_all (GListModel *contacts)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);

      g_ptr_array_add (lines, describe (contact));
    }

  g_ptr_array_sort (lines, compare_lines);
  return lines;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *files[] = {
    "vcards/real/ez-vcard/John_Doe_ANDROID.vcf",
    "vcards/real/ez-vcard/John_Doe_IPHONE.vcf",
    "vcards/real/thunderbird/export.vcf",
    "vcards/real/kcontacts/vcard9.vcf",
  };
  g_autofree char *exported = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *other_db = NULL;
  g_autoptr(GFile) exported_file = NULL;
  g_autoptr(GFile) shown_file = NULL;
  g_autoptr(TnStore) other = NULL;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  TnContactsPage *page;
  TnContact *rated;

  if (fixture->store == NULL)
    return;

  tn_ui_test_fixture_open_window (fixture, application);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i]);

      import_and_wait (fixture, path);
    }
  rated = find_contact (fixture, "contact number one");
  g_assert_nonnull (rated);
  g_assert_true (tn_store_set_trust (fixture->store, rated, TN_TRUST_COMPLETELY, NULL));

  /* Everyone, with no search or filter. */
  exported = g_build_filename (fixture->dir, "everyone.vcf", NULL);
  exported_file = g_file_new_for_path (exported);
  tn_window_export_to_file (fixture->window, exported_file);
  g_assert_true (tn_ui_test_wait_until (file_exists, exported));
  {
    g_autofree char *expected = g_strdup_printf ("Exported %u contacts to “everyone.vcf”", tn_ui_test_n_contacts (fixture->store));

    assert_label_appears (GTK_WIDGET (fixture->window), expected);
  }

  other_db = g_build_filename (fixture->dir, "other.db", NULL);
  other = tn_store_open (other_db, &error);
  g_assert_no_error (error);
  result = tn_importer_import (other, &exported_file, 1, TN_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_skipped, ==, 0);

  before = describe_all (tn_store_get_contacts (fixture->store));
  after = describe_all (tn_store_get_contacts (other));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));

  /* With the "Completely" filter on, only who the list shows is written. */
  page = tn_window_get_contacts_page (fixture->window);
  tn_contacts_page_set_trust_filter (page, "completely");
  tn_ui_test_settle (100);
  g_assert_cmpuint (tn_ui_test_n_visible (fixture->window), ==, 1);
  shown = g_build_filename (fixture->dir, "shown.vcf", NULL);
  shown_file = g_file_new_for_path (shown);
  tn_window_export_to_file (fixture->window, shown_file);
  g_assert_true (tn_ui_test_wait_until (file_exists, shown));
  assert_label_appears (GTK_WIDGET (fixture->window), "Exported 1 contact to “shown.vcf”");
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (shown, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "FN:contact number one"));
    g_assert_null (strstr (text, "contact number two"));
  }
}

/* ---- Possible duplicates ----------------------------------------------------------------- */

static gboolean
has_duplicates_button (gpointer data)
{
  return tn_ui_test_find_button (data, "Review Duplicates") != NULL;
}

static void
test_possible_duplicates (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *cards =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nORG:Babbage & Co\r\nEMAIL:countess@example.net\r\n"
    "TEL:+44 20 7946 0000\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nORG:Bletchley Park\r\nEMAIL:alan.t@example.net\r\nEND:VCARD\r\n";
  g_autofree char *path = NULL;
  g_autoptr(TnContact) ada = NULL;
  g_autoptr(TnContact) alan = NULL;
  GtkWidget *review;
  GtkWindow *duplicates;
  GListModel *pairs;
  g_autoptr(TnDuplicatePair) first_pair = NULL;
  GtkWidget *merge;

  if (fixture->store == NULL)
    return;

  /* Each pair shares a second hint besides the name, the organization: a name alone is
   * never listed (test-duplicates-window). */
  ada = tn_ui_test_add_contact (fixture->store, "Ada Lovelace", "ada@example.org", "Babbage & Co", TN_TRUST_COMPLETELY);
  alan = tn_ui_test_add_contact (fixture->store, "Alan Turing", "alan@example.org", "Bletchley Park", TN_TRUST_UNRATED);

  path = write_file (fixture, "namesakes.vcf", cards, -1);
  tn_ui_test_fixture_open_window (fixture, application);
  g_assert_cmpuint (tn_window_get_n_possible_duplicates (fixture->window), ==, 0);

  import_and_wait (fixture, path);
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 4);
  /* The toast is there before the pairs are counted; the review joins it after. */
  g_assert_true (tn_ui_test_wait_until (has_duplicates_button, fixture->window));
  g_assert_cmpuint (tn_window_get_n_possible_duplicates (fixture->window), ==, 2);

  /* The main menu offers the review too. */
  press_keys (GTK_WIDGET (fixture->window), "F10");
  assert_label_appears (GTK_WIDGET (fixture->window), "Possible Duplicates…");
  tn_ui_test_save_screenshot ("import-menu");
  press_keys (GTK_WIDGET (fixture->window), "Escape");
  tn_ui_test_settle (200);

  /* From the toast to the review. */
  review = tn_ui_test_find_button (GTK_WIDGET (fixture->window), "Review Duplicates");
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_next_sibling (review)), ==, "toast-button");
  gtk_widget_activate (review);
  tn_ui_test_settle (300);
  duplicates = tn_window_review_duplicates (fixture->window);
  g_assert_true (TN_IS_DUPLICATES_WINDOW (duplicates));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (duplicates)));
  pairs = tn_duplicates_window_get_pairs (TN_DUPLICATES_WINDOW (duplicates));
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 2);
  first_pair = g_list_model_get_item (pairs, 0);
  g_assert_true (tn_duplicate_pair_get_first (first_pair) == ada);
  assert_label_appears (GTK_WIDGET (duplicates), "countess@example.net");
  assert_label_appears (GTK_WIDGET (duplicates), "Trust: Completely");
  tn_ui_test_save_screenshot ("import-duplicates");

  /* Merge Ada from the keyboard: Tab goes from the header's Dismiss All to the first row's
   * Keep Both, then to its Merge. One contact is left, with both addresses and her rating. */
  for (guint i = 0; i < 4; i++)
    {
      merge = gtk_root_get_focus (GTK_ROOT (duplicates));
      if (GTK_IS_BUTTON (merge) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (merge)), "_Merge") == 0)
        break;
      press_keys (GTK_WIDGET (duplicates), "Tab");
      tn_ui_test_settle (100);
    }
  merge = gtk_root_get_focus (GTK_ROOT (duplicates));
  g_assert_true (GTK_IS_BUTTON (merge));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (merge)), ==, "_Merge");
  press_keys (GTK_WIDGET (duplicates), "space");
  g_assert_true (tn_ui_test_wait_for_count (tn_ui_test_n_contacts, fixture->store, 3));
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 1);
  g_assert_true (tn_contact_has_email (ada, "countess@example.net"));
  g_assert_true (tn_contact_has_email (ada, "ada@example.org"));
  g_assert_cmpint (tn_contact_get_trust (ada), ==, TN_TRUST_COMPLETELY);
  g_assert_cmpstr (tn_contact_get_organization (ada), ==, "Babbage & Co");
  g_assert_cmpuint (tn_window_get_n_possible_duplicates (fixture->window), ==, 1);

  /* Keep the two Alans apart: nothing changes in the store, nothing is left to review. */
  tn_duplicates_window_keep_apart (TN_DUPLICATES_WINDOW (duplicates), 0);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 0);
  g_assert_cmpuint (tn_ui_test_n_contacts (fixture->store), ==, 3);
  g_assert_cmpuint (tn_window_get_n_possible_duplicates (fixture->window), ==, 0);
  assert_label_appears (GTK_WIDGET (duplicates), "No Possible Duplicates");

  /* Escape closes the window; the menu no longer offers the review. */
  g_object_add_weak_pointer (G_OBJECT (duplicates), (gpointer *) &duplicates);
  press_keys (GTK_WIDGET (duplicates), "Escape");
  g_assert_true (tn_ui_test_wait_until (is_gone, &duplicates));
  press_keys (GTK_WIDGET (fixture->window), "F10");
  assert_label_appears (GTK_WIDGET (fixture->window), "Import…");
  g_assert_null (tn_ui_test_find_label (GTK_WIDGET (fixture->window), "Possible Duplicates"));
  press_keys (GTK_WIDGET (fixture->window), "Escape");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  application = tn_ui_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/import/drag-and-drop", test_drag_and_drop);
  ADD_TEST ("/import/drop-file-list", test_drop_file_list);
  ADD_TEST ("/import/real-file-and-undo", test_import_real_file_and_undo);
  ADD_TEST ("/import/report", test_import_report);
  ADD_TEST ("/import/cancel", test_cancel_large_import);
  ADD_TEST ("/import/undo-while-importing", test_undo_while_importing);
  ADD_TEST ("/import/refuse-not-vcards", test_refuse_not_vcards);
  ADD_TEST ("/import/chooser", test_import_with_chooser);
  ADD_TEST ("/import/export-round-trip", test_export_round_trip);
  ADD_TEST ("/import/possible-duplicates", test_possible_duplicates);

  result = g_test_run ();
  g_clear_object (&application);
  return result;
}
