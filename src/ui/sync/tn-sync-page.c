/* tn-sync-page.c — Preferences → Sync: the account form (server, user, password, then the
 * address book to use or a new one), and once set up the status row with Sync Now and
 * Forget. All work is the controller's; the page shows what it says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-carddav.h"
#include "tn-sync-page.h"

struct _TnSyncPage
{
  AdwPreferencesPage parent_instance;

  /* Owned References */
  TnSyncController *controller;
  GCancellable *cancellable;
  /* The address books offered in book_row, in its order; NULL for "create one". */
  GPtrArray *book_urls;

  /* Template children */
  AdwPreferencesGroup *account_group;
  AdwEntryRow *server_row;
  AdwEntryRow *user_row;
  AdwPasswordEntryRow *password_row;
  AdwComboRow *book_row;
  GtkLabel *problem_label;
  GtkSpinner *setup_spinner;
  GtkButton *connect_button;
  GtkButton *setup_button;
  AdwPreferencesGroup *status_group;
  AdwActionRow *status_row;
  GtkSpinner *status_spinner;
  GtkProgressBar *status_progress;
  GtkButton *sync_now_button;
  GtkButton *forget_button;
};

G_DEFINE_FINAL_TYPE (TnSyncPage, tn_sync_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_problem (TnSyncPage *self,
              const char *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
set_working (TnSyncPage *self,
             gboolean    working)
{
  gtk_spinner_set_spinning (self->setup_spinner, working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_group), !working);
}

/* One of the two groups: the form until an account is set up, then its status. */
static void
update (TnSyncPage *self)
{
  g_autoptr(TnSyncAccount) account = tn_sync_controller_get_account (self->controller);
  gboolean busy = tn_sync_controller_get_busy (self->controller);
  const char *status = tn_sync_controller_get_status (self->controller);
  double fraction = tn_sync_controller_get_fraction (self->controller);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->account_group), account == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), account != NULL);
  gtk_spinner_set_spinning (self->status_spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_now_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_progress), fraction >= 0);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->status_progress, fraction);

  if (account == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 status != NULL ? status : _("Not synced yet"));
  /* TRANSLATORS: the account under the sync status: "ada at https://dav.example.org/ada/trustnet/" */
  subtitle = g_strdup_printf (_("%s at %s"), account->user, account->book_url);
  adw_action_row_set_subtitle (self->status_row, subtitle);
}

static void
forget_books (TnSyncPage *self)
{
  g_ptr_array_set_size (self->book_urls, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->book_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->setup_button), FALSE);
}

static void
on_account_changed_cb (TnSyncPage *self)
{
  gboolean complete = *row_text (self->server_row) != '\0' && *row_text (self->user_row) != '\0'
                      && *row_text (ADW_ENTRY_ROW (self->password_row)) != '\0';

  /* The books found belong to what was typed before. */
  forget_books (self);
  show_problem (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), complete);
}

static void
on_books_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TnSyncPage) self = user_data;
  g_autoptr(GPtrArray) books = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;

  books = tn_sync_controller_find_books_finish (TN_SYNC_CONTROLLER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_working (self, FALSE);
  if (books == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  names = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->book_urls, 0);
  for (guint i = 0; i < books->len; i++)
    {
      TnCardDavBook *book = g_ptr_array_index (books, i);

      gtk_string_list_append (names, book->display_name != NULL ? book->display_name : book->href);
      g_ptr_array_add (self->book_urls, g_strdup (book->href));
    }
  gtk_string_list_append (names, _("Create a TrustNet address book"));
  g_ptr_array_add (self->book_urls, NULL);

  adw_combo_row_set_model (self->book_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->book_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->book_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->setup_button), TRUE);
}

static void
on_connect_clicked_cb (TnSyncPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  show_problem (self, NULL);
  set_working (self, TRUE);
  tn_sync_controller_find_books_async (self->controller, row_text (self->server_row), row_text (self->user_row),
                                       row_text (ADW_ENTRY_ROW (self->password_row)), self->cancellable,
                                       on_books_found_cb, g_object_ref (self));
}

static void
on_set_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TnSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tn_sync_controller_set_up_finish (TN_SYNC_CONTROLLER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_problem (self, error->message);
    }
  else
    {
      /* The password is in the keyring now; the form does not keep a copy. */
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
    }
  set_working (self, FALSE);
  update (self);
}

static void
on_setup_clicked_cb (TnSyncPage *self)
{
  guint selected = adw_combo_row_get_selected (self->book_row);
  const char *book_url = selected < self->book_urls->len ? g_ptr_array_index (self->book_urls, selected) : NULL;

  show_problem (self, NULL);
  set_working (self, TRUE);
  tn_sync_controller_set_up_async (self->controller, row_text (self->server_row), row_text (self->user_row),
                                   row_text (ADW_ENTRY_ROW (self->password_row)), book_url, self->cancellable,
                                   on_set_up_cb, g_object_ref (self));
}

static void
on_sync_now_clicked_cb (TnSyncPage *self)
{
  tn_sync_controller_sync_now (self->controller);
}

static void
on_forget_clicked_cb (TnSyncPage *self)
{
  g_autoptr(TnSyncAccount) account = tn_sync_controller_get_account (self->controller);
  g_autoptr(GError) error = NULL;

  if (!tn_sync_controller_forget (self->controller, &error))
    show_problem (self, error->message);

  /* Setting up again (another address book, a new password) starts from what was there. */
  if (account != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->server_row), account->server_url);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), account->user);
    }
  forget_books (self);
  update (self);
}

GtkWidget *
tn_sync_page_new (TnSyncController *controller)
{
  TnSyncPage *self;

  g_return_val_if_fail (TN_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (TN_TYPE_SYNC_PAGE, NULL);
  self->controller = g_object_ref (controller);
  g_signal_connect_object (controller, "notify::status", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "notify::busy", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "notify::fraction", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

static void
tn_sync_page_dispose (GObject *object)
{
  TnSyncPage *self = TN_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->controller);
  g_clear_pointer (&self->book_urls, g_ptr_array_unref);

  G_OBJECT_CLASS (tn_sync_page_parent_class)->dispose (object);
}

static void
tn_sync_page_class_init (TnSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_sync_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, book_row);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, setup_spinner);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, setup_button);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, status_progress);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, sync_now_button);
  gtk_widget_class_bind_template_child (widget_class, TnSyncPage, forget_button);
  gtk_widget_class_bind_template_callback (widget_class, on_account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked_cb);
}

static void
tn_sync_page_init (TnSyncPage *self)
{
  self->book_urls = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), FALSE);
}
