/* tn-window-import.c — the window's side of importing and exporting vCards: the file
 * choosers, the progress bar with Cancel, the toast with Undo, the report, the duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import goes in two steps, both off the main thread: first the dropped or chosen files
 * are looked at (folders opened, anything that is not a vCard set aside), then the
 * importer reads and writes them in one transaction while the bar shows its progress.
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-duplicates-window.h"
#include "tn-exporter.h"
#include "tn-import-files.h"
#include "tn-importer.h"
#include "tn-window-private.h"

/* Long enough to read what an import did and reach Undo. */
#define IMPORT_TOAST_TIMEOUT 15


/* After the list changes, wait this long before looking for possible duplicates again:
 * an import or a run of ratings changes many rows in a row. */
#define DUPLICATES_DELAY_MS 400

/* Sets *@place to a copy of @text (GLib 2.74 has no g_set_str ()). */
static void
replace_text (char       **place,
              const char  *text)
{
  char *copy = g_strdup (text);

  g_free (*place);
  *place = copy;
}

static gboolean run_pending_undo_cb (gpointer user_data);

/* ---- The bar: what is imported, how far, Cancel ------------------------------------------ */

static void
set_importing (TnWindow *self,
               gboolean  importing)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* The application stays until the worker is done, even if the window is closed. */
  if (importing)
    {
      self->import_application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      if (self->import_application != NULL)
        g_application_hold (g_object_ref (self->import_application));
    }
  else
    {
      g_clear_object (&self->import_cancellable);
      g_clear_pointer (&self->import_label, g_free);
      if (self->import_application != NULL)
        g_application_release (self->import_application);
      g_clear_object (&self->import_application);

      /* After what the import says about itself. */
      if (self->pending_undo != NULL)
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_pending_undo_cb, g_object_ref (self), g_object_unref);
    }

  if (self->disposed)
    return;

  gtk_revealer_set_reveal_child (self->import_revealer, importing);
  gtk_widget_action_set_enabled (widget, "win.import", !importing);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", importing);
  if (importing)
    gtk_progress_bar_set_fraction (self->import_progress, 0.0);
}

static void
show_progress (TnWindow *self,
               double    fraction,
               guint     n_cards)
{
  g_autofree char *text = NULL;

  if (n_cards == 0)
    /* TRANSLATORS: %s is a file name or "3 files" */
    text = g_strdup_printf (_("Importing %s…"), self->import_label);
  else
    /* TRANSLATORS: %s is a file name or "3 files", then how many cards were read so far */
    text = g_strdup_printf (ngettext ("Importing %s… %'u card", "Importing %s… %'u cards", n_cards),
                            self->import_label, n_cards);

  gtk_label_set_text (self->import_label_widget, text);
  gtk_progress_bar_set_fraction (self->import_progress, CLAMP (fraction, 0.0, 1.0));
}

static void
on_import_progress_cb (double   fraction,
                       guint    n_cards,
                       gpointer user_data)
{
  TnWindow *self = user_data;

  /* Reports queued before a cancel may still arrive; the bar is already going. */
  if (!self->disposed && self->import_cancellable != NULL && !g_cancellable_is_cancelled (self->import_cancellable))
    show_progress (self, fraction, n_cards);
}

/* ---- Step 2: what the import did --------------------------------------------------------- */

/* "Imported 812 contacts, merged 17 duplicates, skipped 2 broken cards", leaving out the
 * parts that are zero. */
static char *
format_summary (const TnImportResult *result,
                guint                 n_refused)
{
  g_autofree char *summary = NULL;

  if (result->n_added == 0 && result->n_merged == 0 && result->n_skipped == 0 && result->n_unchanged > 0)
    {
      summary = g_strdup_printf (ngettext ("Nothing new: %u contact was already here",
                                           "Nothing new: all %u contacts were already here",
                                           result->n_unchanged),
                                 result->n_unchanged);
    }
  else
    {
      if (result->n_added > 0 || result->n_merged == 0)
        summary = g_strdup_printf (ngettext ("Imported %u contact", "Imported %u contacts", result->n_added),
                                   result->n_added);
      else
        /* TRANSLATORS: followed by ", merged 17 duplicates" */
        summary = g_strdup (_("No new contacts"));

      if (result->n_merged > 0)
        {
          g_autofree char *merged = g_strdup_printf (ngettext ("merged %u duplicate", "merged %u duplicates",
                                                               result->n_merged),
                                                     result->n_merged);
          g_autofree char *joined = NULL;

          /* TRANSLATORS: joins the parts of "Imported 812 contacts, merged 17 duplicates" */
          joined = g_strdup_printf (C_("import summary", "%s, %s"), summary, merged);
          replace_text (&summary, joined);
        }

      if (result->n_skipped > 0)
        {
          g_autofree char *skipped = g_strdup_printf (ngettext ("skipped %u broken card", "skipped %u broken cards",
                                                                result->n_skipped),
                                                      result->n_skipped);
          g_autofree char *joined = g_strdup_printf (C_("import summary", "%s, %s"), summary, skipped);

          replace_text (&summary, joined);
        }
    }

  if (n_refused > 0)
    {
      g_autofree char *refused = g_strdup_printf (ngettext ("%u file could not be imported",
                                                            "%u files could not be imported",
                                                            n_refused),
                                                  n_refused);
      g_autofree char *joined = NULL;

      /* TRANSLATORS: "Imported 812 contacts; 1 file could not be imported" */
      joined = g_strdup_printf (C_("import summary", "%s; %s"), summary, refused);
      replace_text (&summary, joined);
    }

  return g_steal_pointer (&summary);
}

/* One line per problem, as a compiler reports them: "file.vcf:12: message". */
static char *
format_details (const TnImportResult *result,
                GPtrArray            *refused)
{
  g_autoptr(GString) details = g_string_new (NULL);

  for (guint i = 0; refused != NULL && i < refused->len; i++)
    g_string_append_printf (details, "%s\n", (const char *) g_ptr_array_index (refused, i));

  for (guint i = 0; result != NULL && i < result->files->len; i++)
    {
      const TnImportFileResult *file = g_ptr_array_index (result->files, i);

      if (file->error != NULL)
        g_string_append_printf (details, "%s\n", file->error->message);

      for (guint j = 0; j < file->problems->len; j++)
        {
          const TnVcardProblem *problem = g_ptr_array_index (file->problems, j);

          g_string_append_printf (details, "%s:%u: %s\n", file->name, problem->line, problem->message);
        }
    }

  if (details->len == 0)
    return NULL;

  g_string_truncate (details, details->len - 1);
  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
set_report (TnWindow   *self,
            const char *summary,
            const char *details)
{
  replace_text (&self->last_report_summary, summary);
  replace_text (&self->last_report_details, details);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-report", details != NULL);
}

static void on_result_toast_dismissed_cb (TnWindow *self,
                                          AdwToast *toast);

/* libadwaita 1.2.2, as Debian 12 ships it, frees a toast's bookkeeping when the toast's
 * hide animation ends but leaves its show animation pointing at it (fixed upstream in 1.3,
 * commit 1674ebc9). When both end in the same frame — a toast dismissed while it is still
 * sliding in, and a main thread busy for a moment, as it is at the end of an import — the
 * application crashes. So the window dismisses its toasts, Undo included, only once a frame
 * has been drawn after their show animation (at most 500 ms) is over. */
#define TOAST_SHOW_US (600 * G_TIME_SPAN_MILLISECOND)

static gint64
current_frame_time (TnWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->toast_overlay));

  return clock != NULL ? gdk_frame_clock_get_frame_time (clock) : 0;
}

/* When the toast's show animation started, in frame-clock time: when it was added, and
 * again whenever it comes back after a more urgent toast pushed it aside. */
static void
on_toast_title_map_cb (GtkWidget *title,
                       AdwToast  *toast)
{
  TnWindow *self = TN_WINDOW (gtk_widget_get_root (title));
  gint64 now = current_frame_time (self);

  g_object_set_data_full (G_OBJECT (toast), "tn-shown-at", g_memdup2 (&now, sizeof now), g_free);
}

static gboolean
dismiss_when_shown_cb (GtkWidget     *overlay,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  AdwToast *toast = user_data;
  gint64 *shown_at = g_object_get_data (G_OBJECT (toast), "tn-shown-at");

  if (shown_at != NULL && gdk_frame_clock_get_frame_time (clock) < *shown_at + TOAST_SHOW_US)
    return G_SOURCE_CONTINUE;

  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
dismiss_toast_safely (TnWindow *self,
                      AdwToast *toast)
{
  /* An overlay that is not drawn plays no animation. */
  if (self->disposed || !gtk_widget_get_mapped (GTK_WIDGET (self->toast_overlay)))
    {
      adw_toast_dismiss (toast);
      return;
    }

  gtk_widget_add_tick_callback (GTK_WIDGET (self->toast_overlay), dismiss_when_shown_cb,
                                g_object_ref (toast), g_object_unref);
}

/* Shows @toast, made with new_import_toast(), as the one about the last import, in place
 * of the one before. Import toasts are of high priority: they show at once. */
static void
show_import_toast (TnWindow *self,
                   AdwToast *toast)
{
  gint64 now = current_frame_time (self);

  if (self->result_toast != NULL)
    dismiss_toast_safely (self, self->result_toast);

  self->result_toast = toast;
  g_object_set_data_full (G_OBJECT (toast), "tn-shown-at", g_memdup2 (&now, sizeof now), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_result_toast_dismissed_cb), self, G_CONNECT_SWAPPED);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  tn_window_add_toast (self, toast);
}

/* A toast whose custom title is @title (a label, or a box that starts with one), so that
 * the window sees it come and go and its buttons are the window's own. */
static AdwToast *
new_import_toast (const char *text,
                  GtkWidget  *title)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* The title is what screen readers announce; the custom title shows it. */
  adw_toast_set_custom_title (toast, title);
  g_signal_connect_object (title, "map", G_CALLBACK (on_toast_title_map_cb), toast, 0);

  return toast;
}

static GtkWidget *
new_toast_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  /* One line, as a toast's own title: shortened only when the window is narrow. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

/* What became of an import, when it is only a message: cancelled, refused, failed. */
static void
show_import_message (TnWindow   *self,
                     const char *message)
{
  AdwToast *toast = new_import_toast (message, new_toast_label (message));

  adw_toast_set_timeout (toast, 6);
  show_import_toast (self, toast);
}

static void
undo_batches (TnWindow *self,
              GArray   *batches)
{
  g_autoptr(GError) error = NULL;

  /* The last file first: a later batch may have merged into a contact an earlier one made. */
  for (guint i = batches->len; i > 0; i--)
    {
      if (!tn_store_undo_import (self->store, g_array_index (batches, gint64, i - 1), &error))
        {
          _tn_window_show_message (self, error->message);
          return;
        }
    }

  _tn_window_show_message (self, _("Import undone"));
}

static void
on_undo_import_clicked_cb (GtkButton *button,
                           AdwToast  *toast)
{
  TnWindow *self = TN_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autoptr(GArray) batches = g_object_steal_data (G_OBJECT (toast), "tn-batches");

  if (batches == NULL || self->store == NULL)
    return;

  /* Pressed once: the toast goes, safely (see dismiss_toast_safely()). */
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  dismiss_toast_safely (self, toast);

  /* The database is the other import's until it is done; then this one is taken back. */
  if (self->import_cancellable != NULL)
    {
      if (self->pending_undo == NULL)
        self->pending_undo = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (self->pending_undo, batches->data, batches->len);
      return;
    }

  undo_batches (self, batches);
}

static gboolean
run_pending_undo_cb (gpointer user_data)
{
  TnWindow *self = user_data;
  g_autoptr(GArray) batches = NULL;

  if (self->import_cancellable != NULL || self->disposed)
    return G_SOURCE_REMOVE;

  batches = g_steal_pointer (&self->pending_undo);
  if (batches != NULL && batches->len > 0)
    undo_batches (self, batches);

  return G_SOURCE_REMOVE;
}

static void
on_result_toast_dismissed_cb (TnWindow *self,
                              AdwToast *toast)
{
  if (self->result_toast == toast)
    self->result_toast = NULL;
}

static GtkWidget *
new_toast_button (const char *label,
                  const char *action_name,
                  const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* The toast after an import: the summary, then Details, Review Duplicates and Undo. */
static void
show_result_toast (TnWindow   *self,
                   const char *summary,
                   gboolean    has_details,
                   guint       n_possible_duplicates,
                   GArray     *batches)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = new_toast_label (summary);
  AdwToast *toast = new_import_toast (summary, box);

  gtk_widget_set_name (box, "import-toast");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  if (has_details)
    gtk_box_append (GTK_BOX (box), new_toast_button (_("_Details"), "win.import-report", "import-details-button"));

  if (n_possible_duplicates > 0)
    gtk_box_append (GTK_BOX (box), new_toast_button (_("_Review Duplicates"), "win.review-duplicates",
                                                     "import-duplicates-button"));

  /* Undo is a button of the title rather than the toast's own, whose click dismisses the
   * toast at once, which libadwaita 1.2 cannot always take (see dismiss_toast_safely()). */
  if (batches != NULL && batches->len > 0)
    {
      GtkWidget *undo = gtk_button_new_with_mnemonic (_("_Undo"));

      gtk_widget_set_name (undo, "import-undo-button");
      gtk_widget_set_valign (undo, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_start (undo, 6);
      gtk_box_append (GTK_BOX (box), undo);
      g_object_set_data_full (G_OBJECT (toast), "tn-batches", g_array_ref (batches), (GDestroyNotify) g_array_unref);
      g_signal_connect_object (undo, "clicked", G_CALLBACK (on_undo_import_clicked_cb), toast, 0);
    }

  adw_toast_set_timeout (toast, IMPORT_TOAST_TIMEOUT);

  /* One import, one toast: an older one waiting in the queue would only say stale things. */
  show_import_toast (self, toast);
}

static char *
join_lines (GPtrArray *lines)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, g_ptr_array_index (lines, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Nothing could be imported at all: say why, and nothing else. */
static void
show_refused (TnWindow  *self,
              GPtrArray *reasons)
{
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;

  g_assert (reasons->len > 0);

  if (reasons->len == 1)
    {
      set_report (self, NULL, NULL);
      show_import_message (self, g_ptr_array_index (reasons, 0));
      return;
    }

  summary = g_strdup_printf (ngettext ("Nothing was imported from the %u file",
                                       "Nothing was imported from the %u files",
                                       reasons->len),
                             reasons->len);
  details = join_lines (reasons);

  set_report (self, summary, details);
  show_result_toast (self, summary, TRUE, 0, NULL);
}

static void
report_import (TnWindow       *self,
               TnImportResult *result,
               GPtrArray      *refused_before)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new ();
  g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  guint n_cards;

  for (guint i = 0; i < refused_before->len; i++)
    g_ptr_array_add (refused, g_ptr_array_index (refused_before, i));

  for (guint i = 0; i < result->files->len; i++)
    {
      const TnImportFileResult *file = g_ptr_array_index (result->files, i);

      if (file->error != NULL)
        g_ptr_array_add (refused, file->error->message);
      if (file->batch_id != 0)
        g_array_append_val (batches, file->batch_id);
    }

  n_cards = result->n_added + result->n_merged + result->n_unchanged + result->n_skipped;
  if (n_cards == 0 && refused->len > 0)
    {
      show_refused (self, refused);
      return;
    }

  summary = format_summary (result, refused->len);
  details = format_details (result, refused_before);
  set_report (self, summary, details);

  _tn_window_update_duplicates (self);
  show_result_toast (self, summary, details != NULL,
                     result->n_possible_duplicates > 0 ? self->n_possible_duplicates : 0,
                     batches);
}

typedef struct
{
  TnWindow *window;
  GPtrArray *refused;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_object (&run->window);
  g_clear_pointer (&run->refused, g_ptr_array_unref);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRun, import_run_free)

static void
on_imported_cb (GObject      *source_object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(ImportRun) run = user_data;
  TnWindow *self = run->window;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = tn_importer_import_finish (TN_STORE (source_object), async_result, &error);
  set_importing (self, FALSE);

  if (self->disposed)
    return;

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_message (self, _("Import cancelled; nothing was changed"));
      else
        show_import_message (self, error->message);
      return;
    }

  report_import (self, result, run->refused);
}

static void
on_collected_cb (GObject      *source_object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(TnWindow) self = user_data;
  g_autoptr(TnImportFiles) collection = NULL;
  g_autoptr(GError) error = NULL;
  ImportRun *run;

  collection = tn_import_collect_files_finish (async_result, &error);
  if (collection != NULL && self->disposed)
    g_clear_pointer (&collection, tn_import_files_free);
  if (collection == NULL && self->disposed)
    {
      set_importing (self, FALSE);
      return;
    }
  if (collection == NULL)
    {
      set_importing (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_message (self, _("Import cancelled; nothing was changed"));
      else
        show_import_message (self, error->message);
      return;
    }

  if (collection->files->len == 0)
    {
      set_importing (self, FALSE);
      show_refused (self, collection->refused);
      return;
    }

  if (collection->files->len == 1)
    self->import_label = g_file_get_basename (g_ptr_array_index (collection->files, 0));
  else
    self->import_label = g_strdup_printf (ngettext ("%u file", "%u files", collection->files->len),
                                          collection->files->len);
  show_progress (self, 0.0, 0);

  run = g_new0 (ImportRun, 1);
  run->window = g_object_ref (self);
  run->refused = g_ptr_array_ref (collection->refused);

  tn_importer_import_async (self->store,
                            (GFile **) collection->files->pdata, collection->files->len,
                            TN_IMPORT_FLAGS_NONE,
                            self->import_cancellable,
                            on_import_progress_cb, g_object_ref (self), g_object_unref,
                            on_imported_cb, run);
}

/**
 * tn_window_import_files:
 * @self: a window
 * @files: (array length=n_files): vCard files, or folders that hold some
 * @n_files: how many there are
 *
 * Imports @files in the background, with the progress bar and its Cancel button, then
 * shows a toast that says what happened, with Undo. Files that are not vCards are
 * refused with a toast and change nothing. Only one import runs at a time.
 */
void
tn_window_import_files (TnWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  if (self->import_cancellable != NULL)
    {
      _tn_window_show_message (self, _("Another import is under way: wait for it to finish, or cancel it"));
      return;
    }

  /* What the last import said is old news once another one starts (its Undo stays
   * reachable until then; the menu keeps its report). */
  if (self->result_toast != NULL && g_object_get_data (G_OBJECT (self->result_toast), "tn-batches") == NULL)
    dismiss_toast_safely (self, self->result_toast);

  self->import_cancellable = g_cancellable_new ();
  self->import_label = g_strdup ("");
  gtk_label_set_text (self->import_label_widget, _("Looking at the files…"));
  set_importing (self, TRUE);

  tn_import_collect_files_async (files, n_files, TN_IMPORT_COLLECT_FLAGS_NONE, self->import_cancellable,
                                 on_collected_cb, g_object_ref (self));
}

/**
 * tn_window_get_importing:
 * @self: a window
 *
 * Returns: whether an import is under way
 */
gboolean
tn_window_get_importing (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}

/**
 * tn_window_cancel_import:
 * @self: a window
 *
 * Stops the import under way, if any. The database stays as it was before it.
 */
void
tn_window_cancel_import (TnWindow *self)
{
  g_return_if_fail (TN_IS_WINDOW (self));

  if (self->import_cancellable == NULL)
    return;

  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_text (self->import_label_widget, _("Cancelling the import…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

/* ---- The report of the last import --------------------------------------------------- */

void
_tn_window_show_import_report (TnWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  if (self->last_report_details == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Report"), self->last_report_summary);
  gtk_widget_set_name (dialog, "import-report-dialog");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);

  /* Selectable text, so the lines can be copied into a bug report or an editor. */
  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "import-report-view");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_add_css_class (view, "import-report");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems found in the files"),
                                  -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, self->last_report_details, -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 60);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Choosing files ------------------------------------------------------------------ */

static void
add_vcard_filters (GtkFileChooser *chooser,
                   gboolean        with_all_files)
{
  g_autoptr(GtkFileFilter) vcards = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = NULL;

  gtk_file_filter_set_name (vcards, _("vCard Files"));
  gtk_file_filter_add_suffix (vcards, "vcf");
  gtk_file_filter_add_suffix (vcards, "vcard");
  gtk_file_filter_add_mime_type (vcards, "text/vcard");
  gtk_file_filter_add_mime_type (vcards, "text/x-vcard");
  gtk_file_chooser_add_filter (chooser, vcards);

  if (with_all_files)
    {
      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (chooser, all);
    }

  gtk_file_chooser_set_filter (chooser, vcards);
}

static void
on_import_chooser_response_cb (TnWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
    }

  g_clear_object (&self->chooser);

  if (files->len > 0)
    tn_window_import_files (self, (GFile **) files->pdata, files->len);
}

void
_tn_window_choose_import_files (TnWindow *self)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_vcard_filters (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- Exporting ----------------------------------------------------------------------- */

typedef struct
{
  GListStore *contacts; /* copies, which the worker alone touches */
  GFile *file;
  guint n_written;
  GApplication *application; /* held until the file is written */
} Export;

static void
export_free (Export *export)
{
  if (export->application != NULL)
    g_application_release (export->application);
  g_clear_object (&export->application);
  g_clear_object (&export->contacts);
  g_clear_object (&export->file);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (tn_exporter_write_file (G_LIST_MODEL (export->contacts), export->file, &export->n_written,
                              cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TnWindow *self = TN_WINDOW (source_object);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean written;
  AdwToast *toast;

  written = g_task_propagate_boolean (G_TASK (result), &error);
  if (self->disposed)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);

  if (!written)
    {
      _tn_window_show_message (self, error->message);
      return;
    }

  name = g_file_get_basename (export->file);
  message = g_markup_printf_escaped (ngettext ("Exported %u contact to “%s”", "Exported %u contacts to “%s”",
                                               export->n_written),
                                     export->n_written, name);
  /* The answer to what the person just did shows now; an import's toast waits behind it. */
  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  tn_window_add_toast (self, toast);
}

/**
 * tn_window_export_to_file:
 * @self: a window
 * @file: where to write; replaced if it exists
 *
 * Writes the contacts the list shows as vCards: everyone, or only those a search or the
 * trust filter lets through. The writing happens in a worker thread, on copies of the
 * contacts; a toast says how many were written.
 */
void
tn_window_export_to_file (TnWindow *self,
                          GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  GListModel *contacts;
  Export *export;
  guint n_items;

  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (tn_contacts_page_get_filtered (self->contacts_page))
    contacts = tn_contacts_page_get_visible_model (self->contacts_page);
  else
    contacts = tn_store_get_contacts (self->store);

  /* The views and the store change their contacts on this thread: the worker gets its own. */
  export = g_new0 (Export, 1);
  export->contacts = g_list_store_new (TN_TYPE_CONTACT);
  export->file = g_object_ref (file);
  n_items = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TnContact) contact = g_list_model_get_item (contacts, i);
      g_autoptr(TnContact) copy = tn_contact_copy (contact);

      g_list_store_append (export->contacts, copy);
    }

  export->application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (export->application != NULL)
    g_application_hold (g_object_ref (export->application));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  task = g_task_new (self, NULL, on_exported_cb, NULL);
  g_task_set_source_tag (task, tn_window_export_to_file);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_chooser_response_cb (TnWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    tn_window_export_to_file (self, file);
}

void
_tn_window_choose_export_file (TnWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  const char *file_name;
  guint n_contacts;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  /* A search or a filter decides who goes: the title says so before anything is written. */
  if (tn_contacts_page_get_filtered (self->contacts_page))
    {
      n_contacts = g_list_model_get_n_items (tn_contacts_page_get_visible_model (self->contacts_page));
      title = g_strdup_printf (ngettext ("Export the %u Shown Contact", "Export the %u Shown Contacts", n_contacts),
                               n_contacts);
      /* TRANSLATORS: a file name; keep the .vcf */
      file_name = _("selected-contacts.vcf");
    }
  else
    {
      n_contacts = g_list_model_get_n_items (tn_store_get_contacts (self->store));
      title = g_strdup_printf (ngettext ("Export %u Contact", "Export All %u Contacts", n_contacts), n_contacts);
      /* TRANSLATORS: a file name; keep the .vcf */
      file_name = _("contacts.vcf");
    }

  if (n_contacts == 0)
    {
      _tn_window_show_message (self, _("There are no contacts to export"));
      return;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_vcard_filters (GTK_FILE_CHOOSER (chooser), FALSE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self, G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- Possible duplicates --------------------------------------------------------------- */

static gboolean
count_duplicates_cb (gpointer user_data)
{
  TnWindow *self = user_data;

  self->duplicates_source = 0;
  self->n_possible_duplicates = self->store != NULL ? tn_duplicates_window_count_pairs (self->store, self->kept_apart) : 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-duplicates", self->n_possible_duplicates > 0);

  return G_SOURCE_REMOVE;
}

/* Counts the pairs left to review now; the menu item shows only when there are some. */
void
_tn_window_update_duplicates (TnWindow *self)
{
  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  count_duplicates_cb (self);
}

static void
on_contacts_changed_cb (TnWindow   *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *contacts)
{
  /* Only contacts coming or going make or break pairs; a rating (one row replaced by
   * itself) does not, and with 100,000 contacts a count costs a tenth of a second. */
  if (added == removed)
    return;

  if (self->duplicates_source == 0)
    self->duplicates_source = g_timeout_add_full (G_PRIORITY_LOW, DUPLICATES_DELAY_MS,
                                                  count_duplicates_cb, self, NULL);
}

static void
on_duplicates_changed_cb (TnWindow           *self,
                          TnDuplicatesWindow *window)
{
  _tn_window_update_duplicates (self);
}

static void
on_duplicates_window_destroy_cb (TnWindow  *self,
                                 GtkWidget *window)
{
  self->duplicates_window = NULL;
}

/**
 * tn_window_review_duplicates:
 * @self: a window
 *
 * Opens the Possible Duplicates window, or brings it to the front.
 *
 * Returns: (transfer none): the Possible Duplicates window
 */
GtkWindow *
tn_window_review_duplicates (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  if (self->duplicates_window == NULL)
    {
      self->duplicates_window = GTK_WINDOW (tn_duplicates_window_new (GTK_WINDOW (self), self->store, self->kept_apart));
      g_signal_connect_object (self->duplicates_window, "changed",
                               G_CALLBACK (on_duplicates_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->duplicates_window, "destroy",
                               G_CALLBACK (on_duplicates_window_destroy_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (self->duplicates_window);
  return self->duplicates_window;
}

/**
 * tn_window_get_n_possible_duplicates:
 * @self: a window
 *
 * Returns: how many pairs of contacts with the same name are left to review
 */
guint
tn_window_get_n_possible_duplicates (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), 0);

  return self->n_possible_duplicates;
}

/* ---- Set-up ---------------------------------------------------------------------------- */

void
_tn_window_init_import (TnWindow *self)
{
  self->kept_apart = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-duplicates", FALSE);

  if (self->store != NULL)
    {
      g_signal_connect_object (tn_store_get_contacts (self->store), "items-changed",
                               G_CALLBACK (on_contacts_changed_cb), self, G_CONNECT_SWAPPED);
      /* Duplicates from an earlier import are offered too, once the window is up. */
      self->duplicates_source = g_timeout_add_full (G_PRIORITY_LOW, DUPLICATES_DELAY_MS,
                                                    count_duplicates_cb, self, NULL);
    }
}

void
_tn_window_dispose_import (TnWindow *self)
{
  self->disposed = TRUE;

  /* The worker rolls back on its own; its callback still holds the window. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  if (self->duplicates_window != NULL)
    gtk_window_destroy (self->duplicates_window);

  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  g_clear_pointer (&self->pending_undo, g_array_unref);
  g_clear_pointer (&self->kept_apart, g_hash_table_unref);
  g_clear_pointer (&self->last_report_summary, g_free);
  g_clear_pointer (&self->last_report_details, g_free);
}
