/* tn-window-toasts.c — every toast of the window comes through tn_window_add_toast(), shown
 * as tn_toast_show() shows toasts in every window; and the toasts about imports, ratings
 * and contacts deleted on another device (sync): one at a time, with Details, Review
 * Duplicates and Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-toast.h"
#include "tn-window-private.h"

/* Long enough to read what an import did and reach Undo. */
#define IMPORT_TOAST_TIMEOUT 15

/* Long enough to see whose contact went, and to think twice before letting it go. */
#define REMOVED_TOAST_TIMEOUT 10

static void on_result_toast_dismissed_cb (TnWindow *self,
                                          AdwToast *toast);

/* Shows @toast as the one about the last import, in place of the one before. Import toasts
 * are of high priority: they show at once. */
static void
show_import_toast (TnWindow *self,
                   AdwToast *toast)
{
  if (self->result_toast != NULL)
    adw_toast_dismiss (self->result_toast);

  self->result_toast = toast;

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  tn_window_add_toast (self, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_result_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * tn_window_add_toast:
 * @self: a window
 * @toast: (transfer full): the toast to show, with its button (Undo) if it has one
 *
 * Shows @toast in the window, the one way libadwaita 1.2.2 survives (see tn_toast_show()):
 * connect to its "dismissed" signal after this.
 */
void
tn_window_add_toast (TnWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  tn_toast_show (GTK_WIDGET (self->toast_overlay), toast);
}

/* What became of an import, when it is only a message: cancelled, refused, failed. */
void
_tn_window_show_import_message (TnWindow   *self,
                                const char *message)
{
  AdwToast *toast = tn_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  show_import_toast (self, toast);
}

static void
on_undo_import_cb (TnWindow *self,
                   AdwToast *toast)
{
  g_autoptr(GArray) batches = g_object_steal_data (G_OBJECT (toast), "tn-batches");

  if (batches != NULL && self->import_controller != NULL)
    tn_import_controller_undo (self->import_controller, batches);
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

/* The toast after an import: the summary, then Details, Review Duplicates (added when the
 * pairs are counted, see _tn_window_offer_duplicates_review()) and Undo. */
void
_tn_window_show_result_toast (TnWindow   *self,
                              const char *summary,
                              gboolean    has_details,
                              GArray     *batches)
{
  g_autofree char *escaped = g_markup_escape_text (summary, -1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = tn_toast_new_title (escaped);
  AdwToast *toast = tn_toast_new (summary);

  gtk_widget_set_name (box, "import-toast");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  if (has_details)
    gtk_box_append (GTK_BOX (box), new_toast_button (_("_Details"), "win.import-report", "import-details-button"));

  /* Undo comes last, after the box (see take_toast_button()). */
  if (batches != NULL && batches->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "tn-batches", g_array_ref (batches), (GDestroyNotify) g_array_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_import_cb), self, G_CONNECT_SWAPPED);
    }
  adw_toast_set_custom_title (toast, box);

  adw_toast_set_timeout (toast, IMPORT_TOAST_TIMEOUT);

  /* One import, one toast: an older one waiting in the queue would only say stale things. */
  show_import_toast (self, toast);
}

/* The import's toast, shown at once, gains Review Duplicates when a worker found pairs of
 * namesakes: before Undo, and once. */
void
_tn_window_offer_duplicates_review (TnWindow *self)
{
  GtkWidget *box, *child, *review;

  if (self->result_toast == NULL)
    return;

  /* Only an import's result has the box of buttons; a message toast is one label. */
  box = adw_toast_get_custom_title (self->result_toast);
  if (!GTK_IS_BOX (box))
    return;
  for (child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), "import-duplicates-button") == 0)
        return;
      if (g_strcmp0 (gtk_widget_get_name (child), "toast-button") == 0)
        break;
    }

  review = new_toast_button (_("_Review Duplicates"), "win.review-duplicates", "import-duplicates-button");
  gtk_box_insert_child_after (GTK_BOX (box), review, child != NULL ? gtk_widget_get_prev_sibling (child)
                                                                   : gtk_widget_get_last_child (box));
}

/* What the last import said is old news once another one starts; its Undo stays reachable
 * until then, and the menu keeps its report. */
void
_tn_window_dismiss_stale_result_toast (TnWindow *self)
{
  if (self->result_toast != NULL && g_object_get_data (G_OBJECT (self->result_toast), "tn-batches") == NULL)
    adw_toast_dismiss (self->result_toast);
}

/* Rating: "Ada Lovelace: Moderately", with Undo */

static void
on_rating_toast_dismissed_cb (TnWindow *self,
                              AdwToast *toast)
{
  if (self->rating_toast == toast)
    self->rating_toast = NULL;
}

/* The person rated is gone (deleted here or elsewhere): the Undo would find no one, and
 * the toast must not hold back the one that says so. Connected for as long as the toast
 * lives. */
static void
on_contacts_changed_cb (AdwToast   *toast,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *contacts)
{
  TnWindow *self = g_object_get_data (G_OBJECT (toast), "tn-window");
  gint64 *id = g_object_get_data (G_OBJECT (toast), "tn-contact-id");

  if (removed > added && self->rating_toast == toast && tn_store_get_contact_by_id (self->store, *id) == NULL)
    adw_toast_dismiss (toast);
}

/**
 * _tn_window_show_rating_toast:
 * @self: a window
 * @contact: a contact just rated
 * @previous: the rating it had, which Undo gives back
 *
 * Says what a rating did, most of all when the person leaves the filter and so the list.
 * Triage rates one person after another: each toast takes the place of the one before
 * instead of waiting in line behind it.
 */
void
_tn_window_show_rating_toast (TnWindow  *self,
                              TnContact *contact,
                              TnTrust    previous)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* TRANSLATORS: a toast after a rating: the person's name, then the rating, "Ada Lovelace: Moderately" */
  title = g_strdup_printf (_("%s: %s"), tn_contact_get_full_name (contact),
                           tn_trust_get_label (tn_contact_get_trust (contact)));
  /* The next rating replaces it, often while it still slides in (see tn_toast_show()). */
  toast = tn_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.rate-contact");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xi)", tn_contact_get_id (contact), (gint32) previous));
  g_object_set_data_full (G_OBJECT (toast), "tn-contact-id",
                          g_memdup2 (&(gint64) { tn_contact_get_id (contact) }, sizeof (gint64)), g_free);
  g_object_set_data (G_OBJECT (toast), "tn-window", self);
  g_signal_connect_object (tn_store_get_contacts (self->store), "items-changed",
                           G_CALLBACK (on_contacts_changed_cb), toast, G_CONNECT_SWAPPED);

  if (self->rating_toast != NULL)
    adw_toast_dismiss (self->rating_toast);
  self->rating_toast = toast;

  tn_window_add_toast (self, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_rating_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
}

/* Sync: "Ada Lovelace was deleted on another device", with Undo */

static void
on_undo_removed_cb (TnWindow *self,
                    AdwToast *toast)
{
  TnSyncController *controller = g_object_get_data (G_OBJECT (toast), "tn-sync-controller");
  const char * const *uids = g_object_get_data (G_OBJECT (toast), "tn-uids");
  g_autoptr(GError) error = NULL;
  TnContact *contact;

  /* The same Undo as after Delete: the contacts come back, and sync sends them again. */
  if (!tn_sync_controller_restore (controller, uids, &error))
    {
      _tn_window_show_message (self, error->message);
      return;
    }

  contact = g_strv_length ((GStrv) uids) == 1 ? tn_store_get_contact_by_uid (self->store, uids[0]) : NULL;
  if (contact != NULL)
    tn_contacts_page_select_contact (self->contacts_page, contact);
}

static void
on_removed_on_server_cb (TnWindow         *self,
                         const char * const *uids,
                         const char * const *names,
                         TnSyncController *controller)
{
  guint n = g_strv_length ((GStrv) uids);
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;
  AdwToast *toast;

  if (n == 1)
    {
      /* TRANSLATORS: a toast after a sync, "Ada Lovelace was deleted on another device" */
      title = g_markup_printf_escaped (_("%s was deleted on another device"), names[0]);
      /* TRANSLATORS: the same toast in a narrow window, on two short lines */
      short_title = g_markup_printf_escaped (_("%s was deleted elsewhere"), names[0]);
    }
  else
    {
      title = g_strdup_printf (ngettext ("%u contact was deleted on another device",
                                         "%u contacts were deleted on another device", n), n);
      short_title = g_strdup_printf (ngettext ("%u contact was deleted elsewhere",
                                               "%u contacts were deleted elsewhere", n), n);
    }

  toast = adw_toast_new (title);
  adw_toast_set_custom_title (toast, tn_toast_new_fitting_title (title, short_title));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, REMOVED_TOAST_TIMEOUT);
  g_object_set_data_full (G_OBJECT (toast), "tn-uids", g_strdupv ((GStrv) uids), (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (toast), "tn-sync-controller", g_object_ref (controller), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_removed_cb), self, G_CONNECT_SWAPPED);

  tn_window_add_toast (self, toast);
}

/* A sync removed contacts whose cards were deleted on the server: say so, with Undo. */
void
_tn_window_follow_sync (TnWindow         *self,
                        TnSyncController *controller)
{
  g_signal_connect_object (controller, "removed-on-server", G_CALLBACK (on_removed_on_server_cb), self,
                           G_CONNECT_SWAPPED);
}
