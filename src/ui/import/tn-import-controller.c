/* tn-import-controller.c — the import under way (its progress, Cancel, what it did, Undo),
 * the export, and the count of possible duplicates, kept apart from the window's widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import goes in two steps, both off the main thread: first the dropped or chosen files
 * are looked at (tn_import_collect_files ()), then the importer reads and writes them in one
 * transaction. The window follows the properties and turns the signals into toasts.
 */
#define G_LOG_DOMAIN "tn-import-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-csv-mapping-dialog.h"
#include "tn-duplicates-window.h"
#include "tn-exporter.h"
#include "tn-import-controller.h"
#include "tn-import-files.h"
#include "tn-import-summary.h"
#include "tn-importer.h"

/* After the list changes, wait this long before looking for possible duplicates again:
 * an import or a run of ratings changes many rows in a row. */
#define DUPLICATES_DELAY_MS 400

struct _TnImportController
{
  GObject parent_instance;

  /* Owned References */
  TnStore *store;
  GApplication *application; /* held while a worker runs, even with the window closed */

  /* The import under way, if any: its cancellable is set from the moment the files are
   * looked at until the importer is done. */
  GCancellable *cancellable;
  char *label;
  char *status;
  double progress;

  /* Batches whose Undo was pressed while another import held the database. */
  GArray *pending_undo;

  /* The report of the last import, for its Details dialog. */
  char *report_summary;
  char *report_details;

  gboolean exporting;

  /* Possible duplicates: how many pairs are left to review, and the pairs the person
   * said to keep apart ("idA:idB", lower id first), for as long as the window is open. */
  guint n_possible_duplicates;
  guint duplicates_source;
  GCancellable *duplicates_counting;
};

G_DEFINE_FINAL_TYPE (TnImportController, tn_import_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_APPLICATION,
  PROP_IMPORTING,
  PROP_PROGRESS,
  PROP_STATUS,
  PROP_REPORT_DETAILS,
  PROP_EXPORTING,
  PROP_N_POSSIBLE_DUPLICATES,
  N_PROPS
};

enum {
  IMPORT_MESSAGE,
  IMPORT_FINISHED,
  DUPLICATES_FOUND,
  MESSAGE,
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Sets *@place to a copy of @text (GLib 2.74 has no g_set_str ()). */
static gboolean
replace_text (char       **place,
              const char  *text)
{
  char *copy;

  if (g_strcmp0 (*place, text) == 0)
    return FALSE;

  copy = g_strdup (text);
  g_free (*place);
  *place = copy;
  return TRUE;
}

static void
set_status (TnImportController *self,
            const char         *status)
{
  if (replace_text (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
hold_application (TnImportController *self)
{
  if (self->application != NULL)
    g_application_hold (self->application);
}

static void
release_application (TnImportController *self)
{
  if (self->application != NULL)
    g_application_release (self->application);
}

/* ---- The import under way ---------------------------------------------------------------- */

static gboolean run_pending_undo_cb (gpointer user_data);

static void
set_importing (TnImportController *self,
               gboolean            importing)
{
  if (importing)
    {
      hold_application (self);
      self->progress = 0.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  else
    {
      g_clear_object (&self->cancellable);
      g_clear_pointer (&self->label, g_free);
      release_application (self);

      /* After what the import says about itself. */
      if (self->pending_undo != NULL)
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_pending_undo_cb, g_object_ref (self), g_object_unref);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
show_progress (TnImportController *self,
               double              fraction,
               guint               n_cards)
{
  g_autofree char *text = NULL;

  if (n_cards == 0)
    /* TRANSLATORS: %s is a file name or "3 files" */
    text = g_strdup_printf (_("Importing %s…"), self->label);
  else
    /* TRANSLATORS: %s is a file name or "3 files", then how many cards were read so far */
    text = g_strdup_printf (ngettext ("Importing %s… %'u card", "Importing %s… %'u cards", n_cards),
                            self->label, n_cards);

  set_status (self, text);
  self->progress = CLAMP (fraction, 0.0, 1.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
on_import_progress_cb (double   fraction,
                       guint    n_cards,
                       gpointer user_data)
{
  TnImportController *self = user_data;

  /* Reports queued before a cancel may still arrive; the bar is already going. */
  if (self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    show_progress (self, fraction, n_cards);
}

/* ---- What the import did ----------------------------------------------------------------- */

/* What the import did, then how many files could not be imported when some could not:
 * "Imported 812 contacts; 1 file could not be imported". */
static char *
format_summary (const TnImportResult *result,
                guint                 n_refused)
{
  g_autofree char *described = tn_import_result_describe (result);
  g_autofree char *refused = NULL;

  if (n_refused == 0)
    return g_steal_pointer (&described);

  refused = g_strdup_printf (ngettext ("%u file could not be imported", "%u files could not be imported", n_refused),
                             n_refused);
  /* TRANSLATORS: "Imported 812 contacts; 1 file could not be imported" */
  return g_strdup_printf (C_("import summary", "%s; %s"), described, refused);
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
set_report (TnImportController *self,
            const char         *summary,
            const char         *details)
{
  replace_text (&self->report_summary, summary);
  if (replace_text (&self->report_details, details))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_DETAILS]);
}

/* What became of an import, when it is only a message: cancelled, refused, failed. */
static void
finish_with_error (TnImportController *self,
                   const GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[IMPORT_MESSAGE], 0, _("Import cancelled; nothing was changed"));
  else
    g_signal_emit (self, signals[IMPORT_MESSAGE], 0, error->message);
}

/* Nothing could be imported at all: say why, and nothing else. */
static void
finish_refused (TnImportController *self,
                GPtrArray          *reasons)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_assert (reasons->len > 0);

  if (reasons->len == 1)
    {
      set_report (self, NULL, NULL);
      g_signal_emit (self, signals[IMPORT_MESSAGE], 0, g_ptr_array_index (reasons, 0));
      return;
    }

  for (guint i = 0; i < reasons->len; i++)
    g_string_append_printf (details, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (reasons, i));
  summary = g_strdup_printf (ngettext ("Nothing was imported from the %u file",
                                       "Nothing was imported from the %u files",
                                       reasons->len),
                             reasons->len);

  set_report (self, summary, details->str);
  g_signal_emit (self, signals[IMPORT_FINISHED], 0, summary, TRUE, NULL);
}

static void
set_n_possible_duplicates (TnImportController *self,
                           guint               n_pairs)
{
  if (n_pairs != self->n_possible_duplicates)
    {
      self->n_possible_duplicates = n_pairs;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POSSIBLE_DUPLICATES]);
    }
}

/* What an import's count of possible duplicates is for: whether it added namesakes, so
 * that its toast offers the review. */
typedef struct
{
  TnImportController *self;
  gboolean namesakes_added;
} Counting;

static void
on_finished_counted_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Counting *counting = user_data;
  TnImportController *self = counting->self;
  g_autoptr(GError) error = NULL;
  guint n_pairs;

  if (tn_store_count_possible_duplicates_finish (TN_STORE (source), result, &n_pairs, &error))
    {
      set_n_possible_duplicates (self, n_pairs);
      if (counting->namesakes_added && n_pairs > 0)
        g_signal_emit (self, signals[DUPLICATES_FOUND], 0, n_pairs);
    }
  else
    g_warning ("Could not count the possible duplicates: %s", error->message);

  g_object_unref (counting->self);
  g_free (counting);
}

static void
finish_import (TnImportController *self,
               TnImportResult     *result,
               GPtrArray          *refused_before)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new ();
  g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  Counting *counting;
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
      set_importing (self, FALSE);
      finish_refused (self, refused);
      return;
    }

  summary = format_summary (result, refused->len);
  details = format_details (result, refused_before);
  set_report (self, summary, details);

  /* Said at once; the pairs are counted in a worker meanwhile (2.7 s at 100,000 contacts),
   * and ::duplicates-found adds the review to what was said. */
  set_importing (self, FALSE);
  g_signal_emit (self, signals[IMPORT_FINISHED], 0, summary, details != NULL, batches);

  counting = g_new0 (Counting, 1);
  counting->self = g_object_ref (self);
  counting->namesakes_added = result->n_possible_duplicates > 0;
  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  tn_store_count_possible_duplicates_async (self->store, NULL, on_finished_counted_cb, counting);
}

typedef struct
{
  TnImportController *controller;
  GPtrArray *files;
  GPtrArray *refused;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_object (&run->controller);
  g_clear_pointer (&run->files, g_ptr_array_unref);
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
  TnImportController *self = run->controller;
  g_autoptr(TnImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = tn_importer_import_finish (TN_STORE (source_object), async_result, &error);

  /* A finished import stays "importing" until its pairs are counted (finish_import()). */
  if (result == NULL)
    {
      set_importing (self, FALSE);
      finish_with_error (self, error);
    }
  else
    finish_import (self, result, run->refused);
}

static void
start_import (ImportRun *run)
{
  TnImportController *self = run->controller;

  if (run->files->len == 0)
    {
      set_importing (self, FALSE);
      finish_refused (self, run->refused);
      import_run_free (run);
      return;
    }

  tn_importer_import_async (self->store,
                            (GFile **) run->files->pdata, run->files->len,
                            TN_IMPORT_FLAGS_NONE,
                            self->cancellable,
                            on_import_progress_cb, g_object_ref (self), g_object_unref,
                            on_imported_cb, run);
}

static void ask_csv_columns (ImportRun *run,
                             guint      index);

static void
on_csv_columns_chosen_cb (TnCsvMappingDialog *dialog,
                          ImportRun          *run)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "file-index"));
  const TnCsvColumn *columns;
  guint n_columns;

  columns = tn_csv_mapping_dialog_get_columns (dialog, &n_columns);
  tn_csv_file_set_columns (g_ptr_array_index (run->files, index), columns, n_columns);
  g_object_set_data (G_OBJECT (dialog), "file-index", GUINT_TO_POINTER (G_MAXUINT));
  ask_csv_columns (run, index + 1);
}

/* Closed without Import: the file is left out, and the others go on. */
static void
on_csv_dialog_destroyed_cb (TnCsvMappingDialog *dialog,
                            ImportRun          *run)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "file-index"));
  g_autofree char *name = NULL;

  if (index == G_MAXUINT)
    return;

  name = g_file_get_basename (g_ptr_array_index (run->files, index));
  g_ptr_array_add (run->refused, g_strdup_printf (_("“%s” was not imported: no columns were chosen."), name));
  g_ptr_array_remove_index (run->files, index);
  ask_csv_columns (run, index);
}

/* A CSV file whose columns TrustNet does not know is shown to the person, who says what each
 * holds (tn-csv-mapping-dialog.c); one at a time, then the import starts. */
static void
ask_csv_columns (ImportRun *run,
                 guint      index)
{
  TnImportController *self = run->controller;
  /* The window that started the import may have made the controller before it had its
   * application: the process's application then. */
  GApplication *any = self->application != NULL ? self->application : g_application_get_default ();
  GtkApplication *application = GTK_IS_APPLICATION (any) ? GTK_APPLICATION (any) : NULL;
  GtkWindow *parent = application != NULL ? gtk_application_get_active_window (application) : NULL;

  /* Without a window manager no window is active: any of the application's will do. */
  if (parent == NULL && application != NULL && gtk_application_get_windows (application) != NULL)
    parent = gtk_application_get_windows (application)->data;

  for (; index < run->files->len; index++)
    {
      GFile *file = g_ptr_array_index (run->files, index);
      g_autoptr(TnCsvPreview) preview = NULL;
      g_autofree char *name = NULL;
      TnCsvMappingDialog *dialog;

      if (!tn_csv_file_is_csv (file) || parent == NULL)
        continue;

      /* A file that is not CSV at all is refused by the importer, with its reason. */
      preview = tn_csv_preview_file (file, 5, NULL, NULL);
      if (preview == NULL || preview->format != TN_CSV_FORMAT_UNKNOWN)
        continue;

      name = g_file_get_basename (file);
      dialog = tn_csv_mapping_dialog_new (parent, name, preview);
      g_object_set_data (G_OBJECT (dialog), "file-index", GUINT_TO_POINTER (index));
      g_signal_connect (dialog, "chosen", G_CALLBACK (on_csv_columns_chosen_cb), run);
      g_signal_connect (dialog, "destroy", G_CALLBACK (on_csv_dialog_destroyed_cb), run);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  start_import (run);
}

static void
on_collected_cb (GObject      *source_object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(TnImportController) self = user_data;
  g_autoptr(TnImportFiles) found = NULL;
  g_autoptr(GError) error = NULL;
  ImportRun *run;

  found = tn_import_collect_files_finish (async_result, &error);
  if (found == NULL || found->files->len == 0)
    {
      set_importing (self, FALSE);
      if (found == NULL)
        finish_with_error (self, error);
      else
        finish_refused (self, found->refused);
      return;
    }

  if (found->files->len == 1)
    self->label = g_file_get_basename (g_ptr_array_index (found->files, 0));
  else
    self->label = g_strdup_printf (ngettext ("%u file", "%u files", found->files->len), found->files->len);
  show_progress (self, 0.0, 0);

  run = g_new0 (ImportRun, 1);
  run->controller = g_object_ref (self);
  run->files = g_ptr_array_ref (found->files);
  run->refused = g_ptr_array_ref (found->refused);

  ask_csv_columns (run, 0);
}

/**
 * tn_import_controller_import_files:
 * @self: a controller
 * @files: (array length=n_files): vCard files, or folders that hold some
 * @n_files: how many there are
 *
 * Imports @files in the background; #TnImportController:importing, :progress and :status
 * follow it, then ::import-finished or ::import-message says what happened. Only one
 * import runs at a time: while one does, ::message says so and nothing starts.
 *
 * Returns: %TRUE if the import started
 */
gboolean
tn_import_controller_import_files (TnImportController  *self,
                                   GFile              **files,
                                   guint                n_files)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  if (n_files == 0)
    return FALSE;

  if (self->cancellable != NULL)
    {
      g_signal_emit (self, signals[MESSAGE], 0, _("Another import is under way: wait for it to finish, or cancel it"));
      return FALSE;
    }

  self->cancellable = g_cancellable_new ();
  self->label = g_strdup ("");
  set_status (self, _("Looking at the files…"));
  set_importing (self, TRUE);

  tn_import_collect_files_async (files, n_files, TN_IMPORT_COLLECT_FLAGS_NONE, self->cancellable,
                                 on_collected_cb, g_object_ref (self));
  return TRUE;
}

/**
 * tn_import_controller_cancel:
 * @self: a controller
 *
 * Stops the import under way, if any. The database stays as it was before it.
 */
void
tn_import_controller_cancel (TnImportController *self)
{
  g_return_if_fail (TN_IS_IMPORT_CONTROLLER (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  set_status (self, _("Cancelling the import…"));
}

/* ---- Undo -------------------------------------------------------------------------------- */

static void
undo_batches (TnImportController *self,
              GArray             *batches)
{
  g_autoptr(GError) error = NULL;

  /* The last file first: a later batch may have merged into a contact an earlier one made. */
  for (guint i = batches->len; i > 0; i--)
    {
      if (!tn_store_undo_import (self->store, g_array_index (batches, gint64, i - 1), &error))
        {
          g_signal_emit (self, signals[MESSAGE], 0, error->message);
          return;
        }
    }

  g_signal_emit (self, signals[MESSAGE], 0, _("Import undone"));
}

static gboolean
run_pending_undo_cb (gpointer user_data)
{
  TnImportController *self = user_data;
  g_autoptr(GArray) batches = NULL;

  if (self->cancellable != NULL)
    return G_SOURCE_REMOVE;

  batches = g_steal_pointer (&self->pending_undo);
  if (batches != NULL && batches->len > 0)
    undo_batches (self, batches);

  return G_SOURCE_REMOVE;
}

/**
 * tn_import_controller_undo:
 * @self: a controller
 * @batches: (element-type gint64): the batches an import made, as ::import-finished gave them
 *
 * Takes an import back: now, or once the import under way is done, since the database is
 * that import's until then. ::message says how it went.
 */
void
tn_import_controller_undo (TnImportController *self,
                           GArray             *batches)
{
  g_return_if_fail (TN_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (batches != NULL);

  if (self->cancellable != NULL)
    {
      if (self->pending_undo == NULL)
        self->pending_undo = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (self->pending_undo, batches->data, batches->len);
      return;
    }

  undo_batches (self, batches);
}

/* ---- Exporting --------------------------------------------------------------------------- */

typedef struct
{
  GListStore *contacts; /* copies, which the worker alone touches */
  GFile *file;
  guint n_written;
} Export;

static void
export_free (Export *export)
{
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
set_exporting (TnImportController *self,
               gboolean            exporting)
{
  if (exporting)
    hold_application (self);
  else
    release_application (self);

  self->exporting = exporting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

static void
on_exported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TnImportController *self = TN_IMPORT_CONTROLLER (source_object);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  set_exporting (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[MESSAGE], 0, error->message);
      return;
    }

  name = g_file_get_basename (export->file);
  message = g_strdup_printf (ngettext ("Exported %u contact to “%s”", "Exported %u contacts to “%s”",
                                       export->n_written),
                             export->n_written, name);
  g_signal_emit (self, signals[EXPORTED], 0, message);
}

/**
 * tn_import_controller_export:
 * @self: a controller
 * @contacts: (element-type TnContact): the contacts to write
 * @file: where to write; replaced if it exists
 *
 * Writes @contacts as vCards in a worker thread, on copies of them; ::exported, or
 * ::message if the file could not be written, says how it went.
 */
void
tn_import_controller_export (TnImportController *self,
                             GListModel         *contacts,
                             GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  Export *export;
  guint n_items;

  g_return_if_fail (TN_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (G_IS_LIST_MODEL (contacts));
  g_return_if_fail (G_IS_FILE (file));

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

  set_exporting (self, TRUE);

  task = g_task_new (self, NULL, on_exported_cb, NULL);
  g_task_set_source_tag (task, tn_import_controller_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

/* ---- Possible duplicates ----------------------------------------------------------------- */

static void
on_duplicates_counted_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(TnImportController) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_pairs;

  if (!tn_store_count_possible_duplicates_finish (TN_STORE (source), result, &n_pairs, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the possible duplicates: %s", error->message);
      return;
    }

  g_clear_object (&self->duplicates_counting);
  set_n_possible_duplicates (self, n_pairs);
}

/* Counted in a worker (a second or more at 100,000 contacts); a newer count replaces one
 * still under way, whose answer would be older. */
static gboolean
count_duplicates_cb (gpointer user_data)
{
  TnImportController *self = user_data;

  self->duplicates_source = 0;
  g_cancellable_cancel (self->duplicates_counting);
  g_clear_object (&self->duplicates_counting);
  self->duplicates_counting = g_cancellable_new ();
  tn_store_count_possible_duplicates_async (self->store, self->duplicates_counting, on_duplicates_counted_cb,
                                            g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_count (TnImportController *self)
{
  if (self->duplicates_source == 0)
    self->duplicates_source = g_timeout_add_full (G_PRIORITY_LOW, DUPLICATES_DELAY_MS,
                                                  count_duplicates_cb, self, NULL);
}

/**
 * tn_import_controller_update_duplicates:
 * @self: a controller
 *
 * Counts the pairs left to review now, as after a merge or a pair kept apart.
 */
void
tn_import_controller_update_duplicates (TnImportController *self)
{
  g_return_if_fail (TN_IS_IMPORT_CONTROLLER (self));

  /* Here, not in a worker: the review window, which asks after each merge or pair kept
   * apart, lists the pairs on this thread anyway and shows the count beside them. */
  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  g_cancellable_cancel (self->duplicates_counting);
  g_clear_object (&self->duplicates_counting);
  set_n_possible_duplicates (self, tn_store_count_possible_duplicates (self->store));
}

static void
on_contacts_changed_cb (TnImportController *self,
                        guint               position,
                        guint               removed,
                        guint               added,
                        GListModel         *contacts)
{
  /* Only contacts coming or going make or break pairs; a rating (one row replaced by
   * itself) does not, and with 100,000 contacts a count costs a tenth of a second. */
  if (added != removed)
    schedule_count (self);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
tn_import_controller_constructed (GObject *object)
{
  TnImportController *self = TN_IMPORT_CONTROLLER (object);

  G_OBJECT_CLASS (tn_import_controller_parent_class)->constructed (object);

  g_signal_connect_object (tn_store_get_contacts (self->store), "items-changed",
                           G_CALLBACK (on_contacts_changed_cb), self, G_CONNECT_SWAPPED);
  /* Duplicates from an earlier import are offered too, once the window is up. */
  schedule_count (self);
}

static void
tn_import_controller_dispose (GObject *object)
{
  TnImportController *self = TN_IMPORT_CONTROLLER (object);

  /* Run by the window that goes away with an import under way: the worker rolls back on
   * its own (its callback still holds the controller), and an Undo pressed during it is
   * forgotten with the window, as nothing would report it. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (tn_store_get_contacts (self->store), self);
  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  g_clear_pointer (&self->pending_undo, g_array_unref);

  G_OBJECT_CLASS (tn_import_controller_parent_class)->dispose (object);
}

static void
tn_import_controller_finalize (GObject *object)
{
  TnImportController *self = TN_IMPORT_CONTROLLER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->application);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->pending_undo, g_array_unref);
  g_clear_pointer (&self->report_summary, g_free);
  g_clear_pointer (&self->report_details, g_free);

  G_OBJECT_CLASS (tn_import_controller_parent_class)->finalize (object);
}

static void
tn_import_controller_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TnImportController *self = TN_IMPORT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, tn_import_controller_get_importing (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_REPORT_DETAILS:
      g_value_set_string (value, self->report_details);
      break;
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->exporting);
      break;
    case PROP_N_POSSIBLE_DUPLICATES:
      g_value_set_uint (value, self->n_possible_duplicates);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_import_controller_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TnImportController *self = TN_IMPORT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_APPLICATION:
      g_set_object (&self->application, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_import_controller_class_init (TnImportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tn_import_controller_constructed;
  object_class->dispose = tn_import_controller_dispose;
  object_class->finalize = tn_import_controller_finalize;
  object_class->get_property = tn_import_controller_get_property;
  object_class->set_property = tn_import_controller_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Held while a worker runs, so that closing the last window does not end it. */
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] = g_param_spec_boolean ("importing", NULL, NULL, FALSE, read_only);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  /* "Looking at the files…", "Importing contacts.vcf… 1,200 cards", "Cancelling…" */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, read_only);
  /* One line per problem of the last import, or %NULL when it had none. */
  properties[PROP_REPORT_DETAILS] = g_param_spec_string ("report-details", NULL, NULL, NULL, read_only);
  properties[PROP_EXPORTING] = g_param_spec_boolean ("exporting", NULL, NULL, FALSE, read_only);
  properties[PROP_N_POSSIBLE_DUPLICATES] =
    g_param_spec_uint ("n-possible-duplicates", NULL, NULL, 0, G_MAXUINT, 0, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* What became of an import that is only a message: cancelled, refused, failed. */
  signals[IMPORT_MESSAGE] =
    g_signal_new ("import-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The summary, whether there are details, and the batches to undo. */
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_BOOLEAN, G_TYPE_ARRAY);
  /* After ::import-finished, when the import added namesakes: how many pairs there are now
   * to review. */
  signals[DUPLICATES_FOUND] =
    g_signal_new ("duplicates-found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  /* Anything else worth a toast: Undo done or failed, a refused import, an export error. */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tn_import_controller_init (TnImportController *self)
{
}

/**
 * tn_import_controller_new:
 * @store: the store to import into and export from
 * @application: (nullable): the application to keep running while a worker runs
 *
 * Returns: (transfer full): a new controller
 */
TnImportController *
tn_import_controller_new (TnStore      *store,
                          GApplication *application)
{
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);

  return g_object_new (TN_TYPE_IMPORT_CONTROLLER,
                       "store", store,
                       "application", application,
                       NULL);
}

gboolean
tn_import_controller_get_importing (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), FALSE);

  return self->cancellable != NULL;
}

double
tn_import_controller_get_progress (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), 0.0);

  return self->progress;
}

const char *
tn_import_controller_get_status (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), NULL);

  return self->status;
}

const char *
tn_import_controller_get_report_summary (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), NULL);

  return self->report_summary;
}

const char *
tn_import_controller_get_report_details (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), NULL);

  return self->report_details;
}

gboolean
tn_import_controller_get_exporting (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), FALSE);

  return self->exporting;
}

guint
tn_import_controller_get_n_possible_duplicates (TnImportController *self)
{
  g_return_val_if_fail (TN_IS_IMPORT_CONTROLLER (self), 0);

  return self->n_possible_duplicates;
}

