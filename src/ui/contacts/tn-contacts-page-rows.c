/* tn-contacts-page-rows.c — the rows the table shows: row slots (tn-row-slots.c) over the
 * contacts shown, so a search or a filter gives the rows in view their new contacts instead
 * of having GTK 4.8 destroy and make them again; and the view's selection, over the slots,
 * kept on the page's selection, over the contacts.
 *
 * The page's selection (self->selection) stays the truth: it follows the selected *contact*
 * through every change, as GtkSingleSelection does (autoselect: a contact that leaves gives
 * way to a neighbour). The view's own selection (self->row_selection) only mirrors its
 * position: a slot keeps its position when its contact changes, so left alone it would stay
 * on the row rather than on the person. Clicks and the list's own keys select in the view;
 * that goes back to the page's selection, except while the slots follow a change (then the
 * view's selection moves because rows went, not because the person chose).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include "tn-contacts-page-private.h"

/* The view's selection on the page's, once the slots have their new contacts. */
void
_tn_contacts_page_sync_row_selection (TnContactsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint row_position = gtk_single_selection_get_selected (self->row_selection);

  if (row_position == position)
    return;

  self->syncing_rows = TRUE;
  /* GtkSingleSelection announces a move from row a to row b as a change of every row in
   * between, and GTK 4.8 updates each of those rows: after a filter the selection jumps from
   * far down to the top, up to 200 rows (about 9M instructions). Let go first, and two rows
   * change. */
  if (row_position != GTK_INVALID_LIST_POSITION && position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->row_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->row_selection, position);
  self->syncing_rows = FALSE;
}

static void
on_selected_notify_cb (TnContactsPage     *self,
                       GParamSpec         *pspec,
                       GtkSingleSelection *selection)
{
  /* While the contacts shown change, the slots may not have theirs yet: the page syncs
   * after both (_tn_contacts_page_shown_changed_cb). */
  if (tn_row_slots_is_changing (self->slots) || self->following_shown)
    return;

  _tn_contacts_page_sync_row_selection (self);
}

/* A click or the list's own keys: the page's selection goes where the person chose. */
static void
on_row_selected_notify_cb (TnContactsPage     *self,
                           GParamSpec         *pspec,
                           GtkSingleSelection *row_selection)
{
  guint position = gtk_single_selection_get_selected (row_selection);

  if (self->syncing_rows || self->following_shown || tn_row_slots_is_changing (self->slots) ||
      position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
}

/* Before anyone else hears that the contacts shown changed. */
static void
on_shown_changing_cb (TnContactsPage *self,
                      guint           position,
                      guint           removed,
                      guint           added,
                      GListModel     *shown)
{
  self->following_shown = TRUE;
}

/* A new search or filter shows its rows from the top, as when GTK made every row again; the
 * slots would keep the view where it was, on rows that now show other people. */
void
_tn_contacts_page_scroll_to_top (TnContactsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Rows enough for a window 2,500 pixels tall (a row is about 33). */
#define FIRST_ROWS 80
/* GTK 4.8 keeps a row widget for up to this many rows around its anchor. */
#define GTK_ROW_WINDOW 200

/* Every row from now on, not only those _tn_contacts_page_hold_rows_until_painted() let
 * through. */
void
_tn_contacts_page_announce_all_rows (TnContactsPage *self)
{
  tn_after_paint_cancel (&self->rows_after_paint);
  /* Taken apart: the slots may be gone before the page is unrealized. */
  if (self->slots == NULL || tn_row_slots_get_limit (self->slots) == G_MAXUINT)
    return;

  tn_row_slots_set_limit (self->slots, G_MAXUINT);
  _tn_contacts_page_sync_row_selection (self);
}

/* Call before the contacts shown change from the top (the list shown the first time, a
 * new search or filter). GTK 4.8 makes a row of cells for every row announced up to about
 * 200, about 0.9M instructions each, however few fit: at 100,000 contacts that was half of
 * the page's first showing, and a search whose results grow from 95 to 344 rows made 105
 * rows out of sight. The frame that shows the change gets the rows it had, or the first
 * FIRST_ROWS (more than fit); the rest are announced once it is painted. */
void
_tn_contacts_page_hold_rows_until_painted (TnContactsPage *self)
{
  guint n_rows;

  if (self->slots == NULL || tn_after_paint_is_pending (&self->rows_after_paint) ||
      gtk_widget_get_frame_clock (GTK_WIDGET (self)) == NULL)
    return;

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  if (n_rows >= GTK_ROW_WINDOW)
    return;

  tn_row_slots_set_limit (self->slots, MAX (n_rows, FIRST_ROWS));
  tn_after_paint_queue (&self->rows_after_paint, GTK_WIDGET (self));
}

/* The slot a row shows holds its contact. */
TnContact *
_tn_contacts_page_row_contact (GtkListItem *list_item)
{
  TnRowSlot *slot = gtk_list_item_get_item (list_item);

  return slot != NULL ? tn_row_slot_get_contact (slot) : NULL;
}

/* shown → (page's selection) and shown → slots → row_selection → view. The order of the
 * handlers on @shown matters: the page notes that a change has begun, the page's selection
 * follows its contact, the slots follow, then the page syncs the two selections
 * (_tn_contacts_page_shown_changed_cb, connected last). */
void
_tn_contacts_page_init_rows (TnContactsPage *self)
{
  /* The rest of the rows, after the frame, not in it (tn-after-paint.c). */
  tn_after_paint_init (&self->rows_after_paint, (TnAfterPaintFunc) _tn_contacts_page_announce_all_rows, self);
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (on_shown_changing_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->shown));

  self->slots = tn_row_slots_new ();
  tn_row_slots_set_model (self->slots, G_LIST_MODEL (self->shown));
  gtk_single_selection_set_model (self->row_selection, G_LIST_MODEL (self->slots));
  _tn_contacts_page_sync_row_selection (self);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->row_selection, "notify::selected", G_CALLBACK (on_row_selected_notify_cb), self,
                           G_CONNECT_SWAPPED);
}
