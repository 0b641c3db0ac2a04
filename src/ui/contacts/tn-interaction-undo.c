/* tn-interaction-undo.c — "Lunch with Ada Lovelace logged · Undo" and "Lunch of … deleted ·
 * Undo": a toast in the window that holds what Undo needs, and gives it back once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-interaction-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-interaction-undo.h"
#include "tn-toast.h"
#include "tn-window.h"

typedef struct
{
  TnInteractionUndo undo;
  TnStore *store;
  TnContact *contact;
  TnInteraction *interaction;
  /* Logging also marked that they heard the statement: Undo takes that back too. */
  gboolean unheard_on_undo;
  /* Where to say why Undo failed, unless it is gone by then. */
  GWeakRef near;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->store);
  g_clear_object (&pending->contact);
  g_clear_object (&pending->interaction);
  g_weak_ref_clear (&pending->near);
  g_free (pending);
}

static void
show_message (Pending    *pending,
              const char *message)
{
  g_autoptr(GtkWidget) near = g_weak_ref_get (&pending->near);

  if (near == NULL || !gtk_widget_activate_action (near, "win.show-toast", "s", message))
    g_message ("%s", message);
}

static gboolean
take_back (Pending  *pending,
           GError  **error)
{
  if (pending->undo == TN_INTERACTION_UNDO_DELETE)
    return tn_store_restore_interaction (pending->store, pending->contact, pending->interaction, error);

  if (!tn_store_remove_interaction (pending->store, pending->contact, pending->interaction, error))
    return FALSE;

  return !pending->unheard_on_undo || tn_store_set_heard_brand (pending->store, pending->contact, FALSE, error);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Pending  *pending)
{
  g_autoptr(GError) error = NULL;
  /* A logged interaction has an id until Undo removes it; a deleted one until Undo
   * restores it: so Undo acts once, however often the sliding-out toast is clicked. */
  gboolean done = (tn_interaction_get_id (pending->interaction) == 0) ==
                  (pending->undo == TN_INTERACTION_UNDO_LOG);

  if (done || take_back (pending, &error))
    return;

  /* The toast outlives a moment: meanwhile another process may have deleted the person. */
  if (g_error_matches (error, TN_STORE_ERROR, TN_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *message = g_strdup_printf (_("%s was deleted; nothing was changed"),
                                                  tn_contact_get_full_name (pending->contact));
      show_message (pending, message);
    }
  else
    show_message (pending, error->message);
}

/**
 * tn_interaction_undo_show_toast:
 * @near: a widget of the window to show the toast in, or that window
 * @title: what happened, e.g. "Lunch with Ada Lovelace logged"
 * @undo: what was done, so what Undo does
 * @store: the store it was done in
 * @contact: the contact it was done with
 * @interaction: the interaction logged, or deleted
 * @unheard_on_undo: for a log, whether Undo also unmarks that they heard the statement
 *
 * Shows @title with Undo in @near's window (see tn_window_add_toast()); outside one it is
 * only logged, and there is no Undo.
 */
void
tn_interaction_undo_show_toast (GtkWidget         *near,
                                const char        *title,
                                TnInteractionUndo  undo,
                                TnStore           *store,
                                TnContact         *contact,
                                TnInteraction     *interaction,
                                gboolean           unheard_on_undo)
{
  GtkRoot *window;
  Pending *pending;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (near));
  g_return_if_fail (title != NULL);
  g_return_if_fail (TN_IS_STORE (store));
  g_return_if_fail (TN_IS_CONTACT (contact));
  g_return_if_fail (TN_IS_INTERACTION (interaction));

  window = gtk_widget_get_root (near);
  if (!TN_IS_WINDOW (window))
    {
      g_debug ("%s", title);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->undo = undo;
  pending->store = g_object_ref (store);
  pending->contact = g_object_ref (contact);
  pending->interaction = g_object_ref (interaction);
  pending->unheard_on_undo = unheard_on_undo;
  g_weak_ref_init (&pending->near, near);

  toast = tn_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "tn-pending", pending, pending_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), pending);
  tn_window_add_toast (TN_WINDOW (window), toast);
}
