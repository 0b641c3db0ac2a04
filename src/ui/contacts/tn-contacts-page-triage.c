/* tn-contacts-page-triage.c — keyboard triage in the contacts table: the selection, keeping
 * the focus on a row GTK takes away, and rating (1 2 3 0), moving (j k) and deleting from the keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-contacts-page-private.h"
#include "tn-trust-cell.h"

/* How many frames to wait for the row of a newly selected contact to exist. */
#define FOCUS_TRIES 30

/* Selection and focus */

static GtkWidget *
get_list_view (TnContactsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* GTK 4.8 has no API to focus the row of an item, so find the row through
 * the trust cell it shows, which knows its contact. */
static GtkWidget *
find_cell (GtkWidget *widget,
           TnContact *contact)
{
  if (TN_IS_TRUST_CELL (widget))
    return tn_trust_cell_get_contact (TN_TRUST_CELL (widget)) == contact ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;

      found = find_cell (child, contact);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
focus_row_of (TnContactsPage *self,
              TnContact      *contact)
{
  GtkWidget *list_view = get_list_view (self);
  GtkWidget *row;

  if (list_view == NULL || contact == NULL)
    return FALSE;

  row = find_cell (list_view, contact);
  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);

  if (row == NULL || !gtk_widget_get_child_visible (row))
    return FALSE;

  return gtk_widget_grab_focus (row);
}

static gboolean
focus_selected_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  TnContactsPage *self = user_data;

  if (focus_row_of (self, gtk_single_selection_get_selected_item (self->selection)))
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* No row to focus (a busy machine lays it out late): the list at least takes the keys. */
  if (++self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick = 0;
      if (!_tn_contacts_page_list_has_focus (self))
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Scrolls to the selected row and gives it the keyboard focus, once it is
 * laid out: after a rating has moved or hidden it, or after j/k. */
void
_tn_contacts_page_focus_selected (TnContactsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkWidget *list_view = get_list_view (self);

  /* Never focus a list that is not shown (the empty state): GTK would
   * send every key to it, and no shortcut of the window would work. */
  if (position == GTK_INVALID_LIST_POSITION)
    {
      if (gtk_widget_is_drawable (GTK_WIDGET (self->column_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return;
    }

  _tn_contacts_page_announce_row (self, position);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);

  /* When the search closes, the list takes the keys at once and the row when it is laid
   * out: a j typed before then must not land in the search entry on its way out. */
  if (!self->search_mode && !_tn_contacts_page_list_has_focus (self) &&
      gtk_widget_is_drawable (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  self->focus_tries = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                     focus_selected_tick_cb, self, NULL);
}

gboolean
_tn_contacts_page_list_has_focus (TnContactsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self->column_view) ||
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)));
}

/* When a change takes the focused row away, GTK 4.8 can leave the focus on
 * a row that is no longer shown, or on nothing: every key after that is
 * lost. Put it back on the list at once, and on the selected row as soon
 * as that row is laid out. */
void
_tn_contacts_page_rescue_focus (TnContactsPage *self,
                                gboolean        had_focus)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean lost;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (focus == NULL)
    lost = had_focus;
  else if (gtk_widget_get_root (focus) != root)
    lost = TRUE; /* a row already taken out of the list */
  else
    lost = _tn_contacts_page_list_has_focus (self) && !gtk_widget_is_drawable (focus);

  if (!lost)
    return;

  if (!focus_row_of (self, gtk_single_selection_get_selected_item (self->selection)) &&
      gtk_widget_is_drawable (GTK_WIDGET (self->column_view)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      focus = gtk_root_get_focus (root);
      /* The list itself may hand the focus straight back to the hidden row. */
      if (focus != NULL && !gtk_widget_is_drawable (focus))
        gtk_root_set_focus (root, GTK_WIDGET (self->column_view));
    }

  _tn_contacts_page_focus_selected (self);
}

void
_tn_contacts_page_select_position (TnContactsPage *self,
                                   guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  _tn_contacts_page_focus_selected (self);
}

static void
on_selected_item_notify_cb (TnContactsPage     *self,
                            GParamSpec         *pspec,
                            GtkSingleSelection *selection)
{
  if (g_set_object (&self->selected_contact, gtk_single_selection_get_selected_item (selection)))
    _tn_contacts_page_notify (self, PROP_SELECTED_CONTACT);
}

void
_tn_contacts_page_shown_changed_cb (TnContactsPage *self,
                                  guint           position,
                                  guint           removed,
                                  guint           added,
                                  GListModel     *model)
{
  /* The slots have their new contacts: the view's selection goes back on the contact. */
  self->following_shown = FALSE;
  _tn_contacts_page_sync_row_selection (self);
  _tn_contacts_page_update_stack (self);

  /* A rating or a deletion that hides the focused row. */
  if (removed > 0)
    _tn_contacts_page_rescue_focus (self, FALSE);
}

static void
on_column_view_activate_cb (TnContactsPage *self,
                            guint           position,
                            GtkColumnView  *column_view)
{
  g_autoptr(TnContact) contact = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (contact != NULL)
    g_signal_emit_by_name (self, "contact-activated", contact);
}

/* Rating */

static void
show_error (TnContactsPage *self,
            const GError   *error)
{
  /* The window shows it as a toast; on its own (in a test) the page can only log it. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message))
    g_message ("%s", error->message);
}

static void
rate_contact (TnContactsPage *self,
              TnContact      *contact,
              TnTrust         trust)
{
  g_autoptr(GError) error = NULL;
  TnTrust previous = tn_contact_get_trust (contact);

  if (self->store == NULL || previous == trust)
    return;

  if (!tn_store_set_trust (self->store, contact, trust, &error))
    {
      show_error (self, error);
      return;
    }

  /* The window says what changed, with Undo: the person may have left the filter. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.rated", "(xi)", tn_contact_get_id (contact), (gint32) previous);
}

/* A click on a row's 1, 2 or 3 (the Trust column's cells connect it). */
void
_tn_contacts_page_row_rate_cb (TnTrustCell *cell,
                               TnTrust      trust,
                               gpointer     user_data)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (cell), TN_TYPE_CONTACTS_PAGE);
  TnContact *contact = tn_trust_cell_get_contact (cell);

  if (page == NULL || contact == NULL)
    return;

  rate_contact (TN_CONTACTS_PAGE (page), contact, trust);
}

static void
rate_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);
  g_autoptr(TnContact) contact = NULL;
  int trust = g_variant_get_int32 (parameter);

  if (!tn_trust_is_valid (trust) || self->selected_contact == NULL)
    return;

  /* Held: a rating that moves the row out of the filter drops the selection's reference. */
  contact = g_object_ref (self->selected_contact);
  rate_contact (self, contact, trust);

  /* The selection stays on the contact, or moves on to the next row when
   * the filter now hides it; either way the next key goes to the list. */
  _tn_contacts_page_focus_selected (self);
}

/* j and k: one row down or up, staying at the ends; the first row when none is selected. */
static void
select_step (TnContactsPage *self,
             int             step)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n_items == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (step > 0 && position + 1 < n_items)
    position++;
  else if (step < 0 && position > 0)
    position--;

  _tn_contacts_page_select_position (self, position);
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  select_step (TN_CONTACTS_PAGE (widget), 1);
}

static void
select_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  select_step (TN_CONTACTS_PAGE (widget), -1);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);

  if (self->selected_contact == NULL)
    return;

  /* The window removes it and offers Undo in a toast. */
  gtk_widget_activate_action (widget, "win.delete-contact", "x", tn_contact_get_id (self->selected_contact));
  _tn_contacts_page_focus_selected (self);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TnContactsPage *self = TN_CONTACTS_PAGE (widget);

  _tn_contacts_page_clear_filters (self);
  tn_contacts_page_focus_list (self);
}

/* The selection, as the window asks for it */

/**
 * tn_contacts_page_get_selected_contact:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the contact of the selected row
 */
TnContact *
tn_contacts_page_get_selected_contact (TnContactsPage *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), NULL);

  return self->selected_contact;
}

static guint
find_visible_position (TnContactsPage *self,
                       TnContact      *contact)
{
  return tn_contact_filter_list_find (self->shown, contact);
}

/**
 * tn_contacts_page_select_contact:
 * @self: a page
 * @contact: a contact of the store
 *
 * Selects @contact, scrolls to it and gives its row the keyboard focus.
 * If the search or a filter hides it, they are cleared first, and a toast says so.
 *
 * Returns: %TRUE if the contact is in the list and now selected
 */
gboolean
tn_contacts_page_select_contact (TnContactsPage *self,
                                 TnContact      *contact)
{
  guint position;

  g_return_val_if_fail (TN_IS_CONTACTS_PAGE (self), FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);

  _tn_contacts_page_attach_model (self);
  position = find_visible_position (self, contact);
  if (position == GTK_INVALID_LIST_POSITION && tn_contacts_page_get_filtered (self))
    {
      g_autofree char *message = NULL;

      /* Say why the list changed under the person's eyes (a new contact saved while
       * "Overdue" was on would otherwise simply not be there). */
      _tn_contacts_page_clear_filters (self);
      message = g_strdup_printf (_("Showing everyone, so that %s is in the list"), tn_contact_get_full_name (contact));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
      position = find_visible_position (self, contact);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  _tn_contacts_page_select_position (self, position);
  return TRUE;
}

/**
 * tn_contacts_page_focus_list:
 * @self: a page
 *
 * Gives the keyboard focus to the selected row, so 1 2 3 0 j k work.
 */
void
tn_contacts_page_focus_list (TnContactsPage *self)
{
  g_return_if_fail (TN_IS_CONTACTS_PAGE (self));

  _tn_contacts_page_focus_selected (self);
}

void
_tn_contacts_page_class_bind_triage (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "contacts.rate-selected", "i", rate_selected_action);
  gtk_widget_class_install_action (widget_class, "contacts.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "contacts.select-previous", NULL, select_previous_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "contacts.show-all", NULL, show_all_action);
}
