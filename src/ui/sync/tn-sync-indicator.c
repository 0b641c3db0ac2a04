/* tn-sync-indicator.c — the header bar's sync button. Once sync is set up it shows how sync
 * stands (a spinner while syncing, a warning when the server refused, offline), and its
 * popover says it in words, with a first sync's progress and Sync Now. All it knows comes
 * from the controller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-sync-indicator.h"

struct _TnSyncIndicator
{
  GtkWidget parent_instance;

  /* Owned References */
  TnSyncController *controller;

  /* Template children */
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkStack *icon_stack;
  GtkImage *icon;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkProgressBar *progress_bar;
  GtkButton *sync_now_button;
};

G_DEFINE_FINAL_TYPE (TnSyncIndicator, tn_sync_indicator, GTK_TYPE_WIDGET)

/* The icon of each state but syncing, which shows a spinner. */
static const char *
state_icon_name (TnSyncState state)
{
  switch (state)
    {
    case TN_SYNC_STATE_OFFLINE:
      return "network-offline-symbolic";
    case TN_SYNC_STATE_FAILED:
      return "dialog-warning-symbolic";
    case TN_SYNC_STATE_OFF:
    case TN_SYNC_STATE_SYNCING:
    case TN_SYNC_STATE_SYNCED:
    default:
      return "emblem-synchronizing-symbolic";
    }
}

/* The status shows on hover, without a click; once the popover is open it says the same,
 * and the tooltip would only cover it. */
static void
on_popover_visible_notify_cb (TnSyncIndicator *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->button), !gtk_widget_get_visible (GTK_WIDGET (self->popover)));
}

static void
update (TnSyncIndicator *self)
{
  TnSyncState state = self->controller != NULL ? tn_sync_controller_get_state (self->controller) : TN_SYNC_STATE_OFF;
  const char *status = self->controller != NULL ? tn_sync_controller_get_status (self->controller) : NULL;
  double fraction = self->controller != NULL ? tn_sync_controller_get_fraction (self->controller) : -1;
  gboolean busy = self->controller != NULL && tn_sync_controller_get_busy (self->controller);

  gtk_widget_set_visible (GTK_WIDGET (self), state != TN_SYNC_STATE_OFF);

  gtk_spinner_set_spinning (self->spinner, state == TN_SYNC_STATE_SYNCING);
  gtk_stack_set_visible_child_name (self->icon_stack, state == TN_SYNC_STATE_SYNCING ? "spinner" : "icon");
  gtk_image_set_from_icon_name (self->icon, state_icon_name (state));
  if (state == TN_SYNC_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "warning");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), status);
  on_popover_visible_notify_cb (self);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), fraction >= 0);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);

  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_now_button), !busy);
}

static void
on_sync_now_clicked_cb (TnSyncIndicator *self)
{
  if (self->controller != NULL)
    tn_sync_controller_sync_now (self->controller);
}

/**
 * tn_sync_indicator_set_controller:
 * @self: an indicator
 * @controller: (nullable): the window's sync controller
 */
void
tn_sync_indicator_set_controller (TnSyncIndicator  *self,
                                  TnSyncController *controller)
{
  g_return_if_fail (TN_IS_SYNC_INDICATOR (self));
  g_return_if_fail (controller == NULL || TN_IS_SYNC_CONTROLLER (controller));

  if (self->controller == controller)
    return;

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_set_object (&self->controller, controller);
  if (controller != NULL)
    {
      g_signal_connect_object (controller, "notify::status", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (controller, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (controller, "notify::busy", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (controller, "notify::fraction", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

/**
 * tn_sync_indicator_get_controller:
 * @self: an indicator
 *
 * Returns: (transfer none) (nullable): the controller followed
 */
TnSyncController *
tn_sync_indicator_get_controller (TnSyncIndicator *self)
{
  g_return_val_if_fail (TN_IS_SYNC_INDICATOR (self), NULL);

  return self->controller;
}

static void
tn_sync_indicator_dispose (GObject *object)
{
  TnSyncIndicator *self = TN_SYNC_INDICATOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_SYNC_INDICATOR);
  g_clear_object (&self->controller);

  G_OBJECT_CLASS (tn_sync_indicator_parent_class)->dispose (object);
}

static void
tn_sync_indicator_class_init (TnSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_sync_indicator_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, status_label);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TnSyncIndicator, sync_now_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_visible_notify_cb);
}

static void
tn_sync_indicator_init (TnSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
