/* tn-window-import.c — the window's side of importing and exporting vCards: the file
 * choosers, the progress bar with Cancel, the report, the duplicates; toasts in -toasts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work itself, and what is known about it, is TnImportController's; this file only
 * shows what the controller's properties and signals say.
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-duplicates-window.h"
#include "tn-toast.h"
#include "tn-window-private.h"

/* ---- What the controller says ------------------------------------------------------------ */

static void
on_import_message_cb (TnWindow           *self,
                      const char         *message,
                      TnImportController *controller)
{
  _tn_window_show_import_message (self, message);
}

static void
on_import_finished_cb (TnWindow           *self,
                       const char         *summary,
                       gboolean            has_details,
                       GArray             *batches,
                       TnImportController *controller)
{
  _tn_window_show_result_toast (self, summary, has_details, batches);
}

static void
on_duplicates_found_cb (TnWindow           *self,
                        guint               n_pairs,
                        TnImportController *controller)
{
  _tn_window_offer_duplicates_review (self);
}

static void
on_message_cb (TnWindow           *self,
               const char         *message,
               TnImportController *controller)
{
  _tn_window_show_message (self, message);
}

static void
on_exported_cb (TnWindow           *self,
                const char         *message,
                TnImportController *controller)
{
  AdwToast *toast = tn_toast_new (message);

  /* The answer to what the person just did shows now; an import's toast waits behind it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  tn_window_add_toast (self, toast);
}

static void
on_importing_notify_cb (TnWindow           *self,
                        GParamSpec         *pspec,
                        TnImportController *controller)
{
  gboolean importing = tn_import_controller_get_importing (controller);

  gtk_revealer_set_reveal_child (self->import_revealer, importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
}

static void
on_progress_notify_cb (TnWindow           *self,
                       GParamSpec         *pspec,
                       TnImportController *controller)
{
  gtk_progress_bar_set_fraction (self->import_progress, tn_import_controller_get_progress (controller));
}

static void
on_status_notify_cb (TnWindow           *self,
                     GParamSpec         *pspec,
                     TnImportController *controller)
{
  const char *status = tn_import_controller_get_status (controller);

  gtk_label_set_text (self->import_label_widget, status != NULL ? status : "");
}

static void
on_report_notify_cb (TnWindow           *self,
                     GParamSpec         *pspec,
                     TnImportController *controller)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-report",
                                 tn_import_controller_get_report_details (controller) != NULL);
}

static void
on_exporting_notify_cb (TnWindow           *self,
                        GParamSpec         *pspec,
                        TnImportController *controller)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !tn_import_controller_get_exporting (controller));
}

static void
on_n_possible_duplicates_notify_cb (TnWindow           *self,
                                    GParamSpec         *pspec,
                                    TnImportController *controller)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-duplicates",
                                 tn_import_controller_get_n_possible_duplicates (controller) > 0);
}

/* ---- What the window asks of it ---------------------------------------------------------- */

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

  if (n_files == 0 || self->import_controller == NULL)
    return;

  if (!tn_import_controller_get_importing (self->import_controller))
    _tn_window_dismiss_stale_result_toast (self);

  tn_import_controller_import_files (self->import_controller, files, n_files);
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

  return self->import_controller != NULL && tn_import_controller_get_importing (self->import_controller);
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

  if (!tn_window_get_importing (self))
    return;

  tn_import_controller_cancel (self->import_controller);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

/* The contacts the list shows: everyone, or only those a search or the trust filter lets
 * through. */
static GListModel *
shown_contacts (TnWindow *self)
{
  if (tn_contacts_page_get_filtered (self->contacts_page))
    return tn_contacts_page_get_visible_model (self->contacts_page);

  return tn_store_get_contacts (self->store);
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
  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_controller != NULL)
    tn_import_controller_export (self->import_controller, shown_contacts (self), file);
}

/* ---- The report of the last import --------------------------------------------------- */

void
_tn_window_show_import_report (TnWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  const char *details = tn_import_controller_get_report_details (self->import_controller);

  if (details == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Report"),
                                   tn_import_controller_get_report_summary (self->import_controller));
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
  gtk_text_buffer_set_text (buffer, details, -1);

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

static void
on_duplicates_changed_cb (TnWindow           *self,
                          TnDuplicatesWindow *window)
{
  tn_import_controller_update_duplicates (self->import_controller);
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
      self->duplicates_window = GTK_WINDOW (tn_duplicates_window_new (GTK_WINDOW (self), self->store));
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

  return tn_import_controller_get_n_possible_duplicates (self->import_controller);
}

/* ---- Set-up ---------------------------------------------------------------------------- */

void
_tn_window_init_import (TnWindow *self)
{
  static const struct
  {
    const char *signal;
    GCallback callback;
  } handlers[] = {
    { "import-message", G_CALLBACK (on_import_message_cb) },
    { "import-finished", G_CALLBACK (on_import_finished_cb) },
    { "duplicates-found", G_CALLBACK (on_duplicates_found_cb) },
    { "message", G_CALLBACK (on_message_cb) },
    { "exported", G_CALLBACK (on_exported_cb) },
    { "notify::importing", G_CALLBACK (on_importing_notify_cb) },
    { "notify::progress", G_CALLBACK (on_progress_notify_cb) },
    { "notify::status", G_CALLBACK (on_status_notify_cb) },
    { "notify::report-details", G_CALLBACK (on_report_notify_cb) },
    { "notify::exporting", G_CALLBACK (on_exporting_notify_cb) },
    { "notify::n-possible-duplicates", G_CALLBACK (on_n_possible_duplicates_notify_cb) },
  };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-duplicates", FALSE);

  if (self->store == NULL)
    return;

  self->import_controller =
    tn_import_controller_new (self->store, G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_object (self->import_controller, handlers[i].signal, handlers[i].callback,
                             self, G_CONNECT_SWAPPED);
}

void
_tn_window_dispose_import (TnWindow *self)
{
  /* An import under way outlives the window until its worker is done: from now on it
   * only cleans up, and nothing it says is shown. */
  if (self->import_controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->import_controller, self);
      g_object_run_dispose (G_OBJECT (self->import_controller));
    }
  g_clear_object (&self->import_controller);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  if (self->duplicates_window != NULL)
    gtk_window_destroy (self->duplicates_window);
}
