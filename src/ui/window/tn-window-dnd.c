/* tn-window-dnd.c — vCard files dropped anywhere on the window: the drop zone shown while
 * they are dragged over it, and the hand-over of the dropped files to the import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-window-private.h"

static void
show_drop_zone (TnWindow *self,
                gboolean  show)
{
  gtk_widget_set_visible (self->drop_zone, show);
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget *target,
                  double         x,
                  double         y,
                  TnWindow      *self)
{
  show_drop_zone (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  TnWindow      *self)
{
  show_drop_zone (self, FALSE);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            TnWindow      *self)
{
  show_drop_zone (self, FALSE);
  return tn_window_drop (self, value);
}

void
_tn_window_init_dnd (TnWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);

  /* Before any child: the search entry would otherwise take a file manager's drop as text. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);

  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * tn_window_drop:
 * @self: a window
 * @value: what was dropped: a #GdkFileList or a #GFile
 *
 * What a drop on the window does, for the drop target and for tests: imports the vCard
 * files (and the vCard files of the folders) dropped; anything else is refused with a toast.
 *
 * Returns: %TRUE if the drop held files
 */
gboolean
tn_window_drop (TnWindow     *self,
                const GValue *value)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, g_object_ref (l->data));
      g_slist_free (list);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      g_ptr_array_add (files, g_value_dup_object (value));
    }

  if (files->len == 0)
    {
      _tn_window_show_message (self, _("Only vCard files can be dropped here"));
      return FALSE;
    }

  tn_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/**
 * tn_window_get_drop_zone:
 * @self: a window
 *
 * Returns: (transfer none): the drop zone, visible while files are dragged over the window
 */
GtkWidget *
tn_window_get_drop_zone (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return self->drop_zone;
}
