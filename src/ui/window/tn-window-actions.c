/* tn-window-actions.c — every action of the main window and every key that triggers one,
 * in one list: the Keyboard Shortcuts window documents it and a test holds the two together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-log-dialog.h"
#include "tn-window-private.h"

/* The keys of the window's actions; tests/ui/test-shortcuts.c reads them through
 * _tn_window_get_accels () to compare them with tn-shortcuts-window.ui. */
static const TnWindowAccel accels[] = {
  { "<Control>n", "win.add-contact", NULL },
  { "<Control>f", "win.search", NULL },
  { "slash", "win.search", NULL },
  { "<Control>s", "win.save-contact", NULL },
  { "Escape", "win.close-pane", NULL },
  { "<Control>l", "win.log-lunch", NULL },
  { "<Control>i", "win.import", NULL },
  { "<Shift><Control>e", "win.export", NULL },
  /* GtkWindow's own action: with the reminder running, the window can close while
   * TrustNet stays, so closing is not quitting. */
  { "<Control>w", "window.close", NULL },
  /* The pages in the order the switcher shows them. */
  { "<Alt>1", "win.show-page", "dashboard" },
  { "<Alt>2", "win.show-page", "contacts" },
  { "<Alt>3", "win.show-page", "you" },
};

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tn_window_add_contact (TN_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);

  tn_window_show_page (self, "contacts");
  tn_contacts_page_set_search_mode (self->contacts_page, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (tn_contacts_page_get_search_entry (self->contacts_page)));
}

static void
save_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);

  if (adw_flap_get_reveal_flap (self->flap))
    tn_contact_pane_save (self->contact_pane);
}

static void
close_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);

  /* From the list, Escape closes a pane with nothing to lose; edits wait for Cancel. */
  if (adw_flap_get_reveal_flap (self->flap) && !tn_contact_pane_get_dirty (self->contact_pane))
    _tn_window_close_pane (self);
}

static void
delete_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnContact *contact;

  if (self->store == NULL)
    return;

  /* Ids are never given to anyone else, so an id that finds nobody is a person deleted
   * (elsewhere) since the action was set up: never somebody else to delete instead. */
  contact = tn_store_get_contact_by_id (self->store, g_variant_get_int64 (parameter));
  if (contact != NULL)
    tn_window_delete_contact (self, contact);
  else
    _tn_window_show_message (self, _("That person was already deleted; nothing was changed"));
}

/* The dashboard's rows name a person by id: the same rule as deleting, an id that finds
 * nobody is someone deleted since. */
static void
show_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnContact *contact;

  if (self->store == NULL)
    return;

  contact = tn_store_get_contact_by_id (self->store, g_variant_get_int64 (parameter));
  if (contact != NULL)
    tn_window_show_contact (self, contact);
  else
    _tn_window_show_message (self, _("That person was already deleted; nothing was changed"));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tn_window_show_page (TN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _tn_window_show_message (TN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* (id, rating): Undo in the toast after a rating, and the toast itself (win.rated). */
static TnContact *
find_contact (TnWindow *self,
              GVariant *parameter,
              TnTrust  *trust)
{
  gint64 id;
  gint32 rating;

  g_variant_get (parameter, "(xi)", &id, &rating);
  if (self->store == NULL || !tn_trust_is_valid (rating))
    return NULL;

  *trust = rating;
  return tn_store_get_contact_by_id (self->store, id);
}

static void
rate_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TnContact *contact;
  TnTrust trust;

  contact = find_contact (self, parameter, &trust);
  if (contact == NULL)
    return;

  if (!tn_store_set_trust (self->store, contact, trust, &error))
    {
      _tn_window_show_message (self, error->message);
      return;
    }

  tn_contacts_page_select_contact (self->contacts_page, contact);
}

static void
rated_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnContact *contact;
  TnTrust previous;

  contact = find_contact (self, parameter, &previous);
  if (contact != NULL)
    _tn_window_show_rating_toast (self, contact, previous);
}

static void
log_lunch_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnContact *selected;
  TnLogDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = tn_log_dialog_new_with_picker (GTK_WINDOW (self), self->store, TN_INTERACTION_LUNCH);

  /* The person open in the pane is most likely the one just met (Change… picks another).
   * The list alone always has a row selected, the first one at start: that says nothing. */
  selected = tn_contacts_page_get_selected_contact (self->contacts_page);
  if (selected != NULL &&
      adw_flap_get_reveal_flap (self->flap) &&
      tn_contact_pane_get_contact (self->contact_pane) == selected)
    tn_log_dialog_set_contact (dialog, selected);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _tn_window_choose_import_files (TN_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _tn_window_choose_export_file (TN_WINDOW (widget));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tn_window_cancel_import (TN_WINDOW (widget));
}

static void
import_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _tn_window_show_import_report (TN_WINDOW (widget));
}

static void
review_duplicates_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  tn_window_review_duplicates (TN_WINDOW (widget));
}

static void
add_accel (GtkWidgetClass      *widget_class,
           const TnWindowAccel *accel)
{
  GtkShortcutAction *action = gtk_named_action_new (accel->action_name);
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accel->accelerator);
  g_autoptr(GtkShortcut) shortcut = NULL;

  g_assert (trigger != NULL);

  shortcut = gtk_shortcut_new (trigger, action);
  if (accel->target != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (accel->target));
  gtk_widget_class_add_shortcut (widget_class, shortcut);
}

void
_tn_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.save-contact", NULL, save_contact_action);
  gtk_widget_class_install_action (widget_class, "win.close-pane", NULL, close_pane_action);
  gtk_widget_class_install_action (widget_class, "win.delete-contact", "x", delete_contact_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.rate-contact", "(xi)", rate_contact_action);
  gtk_widget_class_install_action (widget_class, "win.rated", "(xi)", rated_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-contact", "x", show_contact_action);
  gtk_widget_class_install_action (widget_class, "win.log-lunch", NULL, log_lunch_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-report", NULL, import_report_action);
  gtk_widget_class_install_action (widget_class, "win.review-duplicates", NULL, review_duplicates_action);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    add_accel (widget_class, &accels[i]);
}

/**
 * _tn_window_get_accels:
 * @n_accels: (out): how many there are
 *
 * Returns: (array length=n_accels) (transfer none): every key of the window's actions
 */
const TnWindowAccel *
_tn_window_get_accels (guint *n_accels)
{
  g_return_val_if_fail (n_accels != NULL, NULL);

  *n_accels = G_N_ELEMENTS (accels);
  return accels;
}
