/* tn-window.c — the main window: it opens and closes the contact pane,
 * deletes with Undo, reports errors as toasts and remembers its size.
 * Its actions and keys live in tn-window-actions.c, importing and exporting in
 * tn-window-import.c, drag and drop in tn-window-dnd.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-brand-page.h"
#include "tn-dashboard-page.h"
#include "tn-contact-pane.h"
#include "tn-contacts-page.h"
#include "tn-toast.h"
#include "tn-window-private.h"

G_DEFINE_FINAL_TYPE (TnWindow, tn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_tn_window_show_message (TnWindow   *self,
                         const char *message)
{
  AdwToast *toast = tn_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  tn_window_add_toast (self, toast);
}

/* The pane */

static void
reveal_pane (TnWindow *self,
             gboolean  reveal)
{
  adw_flap_set_reveal_flap (self->flap, reveal);
}

/* The bottom bar switches pages of a narrow window; a pane over the list is no page of
 * them and reaches the window's bottom edge. */
static void
update_switcher_bar (TnWindow *self)
{
  gboolean pane_over_list = adw_flap_get_reveal_flap (self->flap) && adw_flap_get_folded (self->flap);

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title) && !pane_over_list);
}

static void
on_flap_layout_notify_cb (TnWindow   *self,
                          GParamSpec *pspec,
                          AdwFlap    *flap)
{
  /* Beside the list, the pane's header bar reaches the window's corner
   * and carries the close button; over the list it covers that corner. */
  gboolean beside = adw_flap_get_reveal_flap (flap) && !adw_flap_get_folded (flap);

  adw_header_bar_set_show_end_title_buttons (self->header_bar, !beside);

  /* Narrow, or sharing the width with the pane: the table drops its Email column. */
  tn_contacts_page_set_compact (self->contacts_page, beside || adw_flap_get_folded (flap));
  /* Folded with the pane closed: the list has a phone's width to itself. */
  tn_contacts_page_set_narrow (self->contacts_page, adw_flap_get_folded (flap) && !adw_flap_get_reveal_flap (flap));
  update_switcher_bar (self);
}

/* Opens @contact (or a new contact for %NULL) in the pane, unless the pane
 * holds unsaved edits of someone else: those are never dropped silently. */
static gboolean
open_in_pane (TnWindow  *self,
              TnContact *contact)
{
  TnContactPane *pane = self->contact_pane;

  tn_window_show_page (self, "contacts");

  if (tn_contact_pane_get_dirty (pane) &&
      (tn_contact_pane_get_contact (pane) != contact || contact == NULL))
    {
      reveal_pane (self, TRUE);
      _tn_window_show_message (self, _("Save or cancel the changes in the pane first"));
      return FALSE;
    }

  if (contact == NULL || tn_contact_pane_get_contact (pane) != contact)
    tn_contact_pane_show_contact (pane, contact);

  reveal_pane (self, TRUE);
  return TRUE;
}

void
_tn_window_close_pane (TnWindow *self)
{
  reveal_pane (self, FALSE);
  tn_contacts_page_focus_list (self->contacts_page);
}

/* Pages */

static void
on_visible_page_notify_cb (TnWindow     *self,
                           GParamSpec   *pspec,
                           AdwViewStack *stack)
{
  gboolean on_contacts = g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "contacts") == 0;

  /* Ready for triage: the keys 1 2 3 0 j k work as soon as the list shows. */
  if (on_contacts)
    {
      tn_contacts_page_load (self->contacts_page);
      tn_contacts_page_focus_list (self->contacts_page);
    }

  /* Adding and searching are about the contacts list, and so is the pane. */
  gtk_widget_set_visible (self->add_button, on_contacts);
  gtk_widget_set_visible (self->search_button, on_contacts);

  if (!on_contacts)
    reveal_pane (self, FALSE);
  else if (tn_contact_pane_get_dirty (self->contact_pane))
    /* Unsaved edits were only out of sight: they come back with the page. */
    reveal_pane (self, TRUE);
}

static void
on_contact_activated_cb (TnWindow       *self,
                         TnContact      *contact,
                         TnContactsPage *page)
{
  /* The pane shows them to read; the keys stay with the list, so triage goes on
   * (1 2 3 0 rate, j k move) and nothing meant for it is typed into a field. */
  if (open_in_pane (self, contact))
    tn_contacts_page_focus_list (self->contacts_page);
}

static void
on_selected_contact_notify_cb (TnWindow       *self,
                               GParamSpec     *pspec,
                               TnContactsPage *page)
{
  TnContact *contact = tn_contacts_page_get_selected_contact (page);
  TnContact *open = tn_contact_pane_get_contact (self->contact_pane);

  /* An open pane follows the selection, as long as nothing is typed in it. The selection
   * also moves on when the person in the pane is deleted: then the pane stays on them
   * until the deletion is dealt with (on_store_changed_elsewhere_cb() says so). */
  if (contact == NULL ||
      !adw_flap_get_reveal_flap (self->flap) ||
      tn_contact_pane_get_dirty (self->contact_pane) ||
      (open != NULL && tn_store_get_contact_by_id (self->store, tn_contact_get_id (open)) != open))
    return;

  if (tn_contact_pane_get_contact (self->contact_pane) != contact)
    tn_contact_pane_show_contact (self->contact_pane, contact);
}

static void
on_pane_saved_cb (TnWindow      *self,
                  TnContact     *contact,
                  TnContactPane *pane)
{
  if (tn_contacts_page_get_selected_contact (self->contacts_page) != contact)
    tn_contacts_page_select_contact (self->contacts_page, contact);
}

static void
on_pane_closed_cb (TnWindow      *self,
                   TnContactPane *pane)
{
  _tn_window_close_pane (self);
}

/* Done or Cancel: back from the form to the read view, and the keys back to the list. */
static void
on_pane_editing_notify_cb (TnWindow      *self,
                           GParamSpec    *pspec,
                           TnContactPane *pane)
{
  if (!tn_contact_pane_get_editing (pane) && adw_flap_get_reveal_flap (self->flap))
    tn_contacts_page_focus_list (self->contacts_page);
}

/* Deleting, with Undo */

static void
on_undo_delete_cb (TnWindow *self,
                   AdwToast *toast)
{
  TnContact *contact = g_object_get_data (G_OBJECT (toast), "tn-contact");
  g_autoptr(GError) error = NULL;

  if (contact == NULL || self->store == NULL)
    return;

  if (!tn_store_restore_contact (self->store, contact, &error))
    {
      _tn_window_show_message (self, error->message);
      return;
    }

  tn_contacts_page_select_contact (self->contacts_page, contact);
}

/* Closing with changes in the pane: the window stays, and the pane asks what to do with
 * them; once answered, closing goes ahead. */
static gboolean
tn_window_close_request (GtkWindow *window)
{
  TnWindow *self = TN_WINDOW (window);

  if (!tn_contact_pane_get_dirty (self->contact_pane))
    return GTK_WINDOW_CLASS (tn_window_parent_class)->close_request (window);

  tn_window_show_page (self, "contacts");
  reveal_pane (self, TRUE);
  tn_contact_pane_ask_about_changes (self->contact_pane);
  return TRUE;
}

/* Following other processes */

/* The command line, an import or the reminder wrote something: the pages follow the store
 * on their own; the pane only has to let go of a person deleted elsewhere. This window's
 * own deletions close the pane before the store hears of them again, so they never land
 * here. */
static void
on_store_changed_elsewhere_cb (TnWindow *self,
                               TnStore  *store)
{
  TnContact *contact = tn_contact_pane_get_contact (self->contact_pane);
  g_autofree char *message = NULL;

  if (contact == NULL || tn_store_get_contact_by_id (store, tn_contact_get_id (contact)) == contact)
    return;

  /* Before the pane drops the last reference to the contact. */
  message = g_strdup_printf (_("%s was deleted elsewhere"), tn_contact_get_full_name (contact));

  tn_contact_pane_show_contact (self->contact_pane, NULL);
  if (adw_flap_get_reveal_flap (self->flap))
    {
      _tn_window_close_pane (self);
      _tn_window_show_message (self, message);
    }
}

/* Coming back to the window after using the command line: the change shows at once,
 * not at the store's next look. Cheap, as nothing is read unless someone committed. */
static void
on_is_active_notify_cb (TnWindow   *self,
                        GParamSpec *pspec)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && gtk_window_is_active (GTK_WINDOW (self)) &&
      !tn_store_check_for_changes (self->store, &error))
    g_debug ("Could not read what other processes wrote: %s", error->message);
}

/* GObject */

static void
tn_window_constructed (GObject *object)
{
  TnWindow *self = (TnWindow *) object;

  G_OBJECT_CLASS (tn_window_parent_class)->constructed (object);

  tn_contacts_page_set_store (self->contacts_page, self->store);
  tn_contact_pane_set_store (self->contact_pane, self->store);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed-elsewhere", G_CALLBACK (on_store_changed_elsewhere_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_notify_cb), NULL);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (update_switcher_bar), self,
                           G_CONNECT_SWAPPED);
  on_flap_layout_notify_cb (self, NULL, self->flap);
  /* The first page is shown before the template's signal handlers hear of any change. */
  on_visible_page_notify_cb (self, NULL, self->view_stack);

  _tn_window_init_import (self);
  _tn_window_init_dnd (self);

  /* Ready for triage: the keys 1 2 3 0 j k work from the start. */
  tn_contacts_page_focus_list (self->contacts_page);
}

static void
tn_window_dispose (GObject *object)
{
  TnWindow *self = (TnWindow *) object;

  _tn_window_dispose_import (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_WINDOW);

  G_OBJECT_CLASS (tn_window_parent_class)->dispose (object);
}

static void
tn_window_finalize (GObject *object)
{
  TnWindow *self = (TnWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (tn_window_parent_class)->finalize (object);
}

static void
tn_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TnWindow *self = TN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TnWindow *self = TN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_window_class_init (TnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tn_window_constructed;
  object_class->dispose = tn_window_dispose;
  object_class->finalize = tn_window_finalize;
  object_class->get_property = tn_window_get_property;
  object_class->set_property = tn_window_set_property;

  GTK_WINDOW_CLASS (klass)->close_request = tn_window_close_request;

  /**
   * TnWindow:store:
   *
   * The store the window shows and edits.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TnWindow:clock:
   *
   * The clock the window's pages follow for "today"; the template gives it to them.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         TN_TYPE_CLOCK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TN_TYPE_CONTACTS_PAGE);
  g_type_ensure (TN_TYPE_CONTACT_PANE);
  g_type_ensure (TN_TYPE_BRAND_PAGE);
  g_type_ensure (TN_TYPE_DASHBOARD_PAGE);
  g_type_ensure (TN_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, contacts_page);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, contact_pane);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, drop_zone);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, import_label_widget);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, import_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, sync_indicator);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_layout_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_contact_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pane_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pane_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pane_editing_notify_cb);

  _tn_window_class_actions_init (widget_class);
}

static void
tn_window_init (TnWindow *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  /* Before the template, whose pages bind to it. */
  self->clock = tn_clock_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tn_window_new:
 * @application: the application
 * @store: the open store
 *
 * Returns: (transfer full): a new window showing @store's contacts
 */
TnWindow *
tn_window_new (AdwApplication *application,
               TnStore        *store)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TN_IS_STORE (store), NULL);

  return g_object_new (TN_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * tn_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none): the store shown
 */
TnStore *
tn_window_get_store (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * tn_window_show_contact:
 * @self: a window
 * @contact: a contact of the store
 *
 * Selects @contact and scrolls to it (clearing a search or filter that
 * hides it) and opens it in the pane, unless the pane holds unsaved edits.
 */
void
tn_window_show_contact (TnWindow  *self,
                        TnContact *contact)
{
  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (TN_IS_CONTACT (contact));

  tn_contacts_page_select_contact (self->contacts_page, contact);
  open_in_pane (self, contact);
}

/**
 * tn_window_show_page:
 * @self: a window
 * @name: "contacts", or the name of another page of the window
 *
 * Shows that page; a name the window has no page for is ignored.
 */
void
tn_window_show_page (TnWindow   *self,
                     const char *name)
{
  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * tn_window_add_contact:
 * @self: a window
 *
 * Opens the pane with an empty form, the keyboard focus in the name.
 */
void
tn_window_add_contact (TnWindow *self)
{
  g_return_if_fail (TN_IS_WINDOW (self));

  if (open_in_pane (self, NULL))
    tn_contact_pane_begin_edit (self->contact_pane);
}

/**
 * tn_window_delete_contact:
 * @self: a window
 * @contact: a contact of the store
 *
 * Removes @contact and shows "Deleted …" with an Undo button.
 */
void
tn_window_delete_contact (TnWindow  *self,
                          TnContact *contact)
{
  g_autoptr(TnContact) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (TN_IS_CONTACT (contact));

  /* The store drops its reference; Undo needs the contact back. */
  deleted = g_object_ref (contact);

  if (!tn_store_remove_contact (self->store, deleted, &error))
    {
      _tn_window_show_message (self, error->message);
      return;
    }

  if (tn_contact_pane_get_contact (self->contact_pane) == deleted)
    {
      tn_contact_pane_show_contact (self->contact_pane, NULL);
      _tn_window_close_pane (self);
    }

  title = g_strdup_printf (_("Deleted %s"), tn_contact_get_full_name (deleted));
  toast = tn_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "tn-contact", g_steal_pointer (&deleted), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, G_CONNECT_SWAPPED);

  tn_window_add_toast (self, toast);
}

/**
 * tn_window_set_sync_controller:
 * @self: a window
 * @controller: the application's sync controller
 *
 * The header bar shows how sync stands; contacts a sync removes because their cards were
 * deleted on the server are announced with Undo.
 */
void
tn_window_set_sync_controller (TnWindow         *self,
                               TnSyncController *controller)
{
  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (TN_IS_SYNC_CONTROLLER (controller));

  tn_sync_indicator_set_controller (self->sync_indicator, controller);
  _tn_window_follow_sync (self, controller);
}

/**
 * tn_window_get_contacts_page:
 * @self: a window
 *
 * Returns: (transfer none): the contacts page
 */
TnContactsPage *
tn_window_get_contacts_page (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return self->contacts_page;
}

/**
 * tn_window_get_contact_pane:
 * @self: a window
 *
 * Returns: (transfer none): the pane that adds and edits contacts
 */
TnContactPane *
tn_window_get_contact_pane (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return self->contact_pane;
}

/**
 * tn_window_get_pane_revealed:
 * @self: a window
 *
 * Returns: whether the contact pane is open
 */
gboolean
tn_window_get_pane_revealed (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}
