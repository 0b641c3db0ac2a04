/* tn-window-log.c — the window's "Log Lunch…" (Ctrl+L): the log dialog with its
 * contact picker, the person selected in the list already picked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-log-dialog.h"
#include "tn-window-private.h"

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

void
_tn_window_class_init_log (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.log-lunch", NULL, log_lunch_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.log-lunch", NULL);
}
