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
 * GTK 4.8 keeps a row widget for up to 200 rows around its anchor, however few fit, and a
 * search that shows fewer rows than it keeps destroys the rest in the keystroke's frame
 * (about 1M instructions a row, much of it GTK's accessibility code counting the rows
 * before each one). So until the person scrolls, the view is told of only the rows in reach
 * of the top (the slots' limit): those that fit and a page more. Once the view is scrolled
 * it gets every row, a step a frame while that makes row widgets, and keeps them until the
 * next search or filter; after that the rows go back to those in reach, a step a frame.
 * The view's selection is on nothing while the selected row is not among those it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-page"

#include "config.h"

#include "tn-contacts-page-private.h"

#include <math.h>

/* The view's selection on the page's, once the slots have their new contacts. */
void
_tn_contacts_page_sync_row_selection (TnContactsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint row_position = gtk_single_selection_get_selected (self->row_selection);

  /* A row past those announced (rows_wanted()) is selected in the view once it is. */
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->slots)))
    position = GTK_INVALID_LIST_POSITION;
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

/* GTK 4.8 keeps a row widget for up to this many rows around its anchor, however few fit. */
#define GTK_ROW_WINDOW 200
/* The rows announced before anything is laid out, when no height is known yet. */
#define FIRST_ROWS 80
/* The least a row's height can be (compact, at the smallest font): with it, a guess at how
 * many rows fill a height errs on the side of too many. */
#define ROW_HEIGHT_MIN 24.0
/* The rows made, or taken away, in one step after a frame: a few milliseconds' work. */
#define STEP_ROWS 16

static GtkAdjustment *
view_adjustment (TnContactsPage *self)
{
  return self->column_view != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)) : NULL;
}

/* The rows announced are all of one height: the height they take over their number. */
static double
row_height (TnContactsPage *self,
            GtkAdjustment  *adjustment)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  double upper = gtk_adjustment_get_upper (adjustment);

  return n_rows > 0 && upper > 0 ? MAX (upper / n_rows, ROW_HEIGHT_MIN) : ROW_HEIGHT_MIN;
}

/* The rows down to a page below the view's bottom, from @top (pixels). Before the view is
 * laid out, enough to fill the window's height: more than the view shows. */
static guint
rows_in_reach (TnContactsPage *self,
               double          top)
{
  GtkAdjustment *adjustment = view_adjustment (self);
  double page = adjustment != NULL ? gtk_adjustment_get_page_size (adjustment) : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int window_height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  if (adjustment == NULL || (page <= 0 && window_height <= 0))
    return FIRST_ROWS;
  if (page <= 0)
    return (guint) ceil (window_height / ROW_HEIGHT_MIN) + 1;

  return (guint) ceil ((top + 2 * page) / row_height (self, adjustment)) + 1;
}

/* The rows the view should have (and notes whether it was scrolled). Until it is scrolled, only those in reach of the top, so
 * that a keystroke changes, makes or destroys no more rows than that (GTK 4.8 would keep
 * 200, and a search that leaves 95 of 344 destroyed 105 of them: most of the worst
 * keystroke). Once it is scrolled, every row, until the contacts shown change from the top
 * again: the scrollbar, PageDown and End then reach the end, and scrolling back to the top
 * does not take rows away to make them again. G_MAXUINT for every row. */
static guint
rows_wanted (TnContactsPage *self)
{
  GtkAdjustment *adjustment = view_adjustment (self);
  guint wanted;

  if (adjustment == NULL || gtk_adjustment_get_value (adjustment) > 0)
    self->rows_scrolled = TRUE;
  if (self->rows_scrolled)
    return G_MAXUINT;

  wanted = rows_in_reach (self, 0);
  return wanted < g_list_model_get_n_items (G_LIST_MODEL (self->shown)) ? wanted : G_MAXUINT;
}

/* The next step toward the rows wanted, a frame at a time: STEP_ROWS rows more (the rows
 * in reach at once), or fewer. Rows past GTK's window beyond the view have no row widgets:
 * those come, or go, all at once. */
static guint
next_limit (TnContactsPage *self,
            guint           wanted)
{
  GtkAdjustment *adjustment = view_adjustment (self);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint in_reach = rows_in_reach (self, adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0);
  guint limit;

  if (wanted < n_rows)
    {
      limit = MIN (n_rows, in_reach + GTK_ROW_WINDOW);
      return MAX (wanted, limit - MIN (limit, STEP_ROWS));
    }
  if (wanted == G_MAXUINT && n_rows == n_shown)
    return wanted;

  limit = MAX (n_rows + STEP_ROWS, in_reach);
  return limit >= in_reach + GTK_ROW_WINDOW || limit >= MIN (wanted, n_shown) ? wanted : limit;
}

static void
step_rows (TnContactsPage *self)
{
  guint wanted, limit;

  if (self->slots == NULL)
    return;

  wanted = rows_wanted (self);
  limit = next_limit (self, wanted);
  tn_row_slots_set_limit (self->slots, limit);
  _tn_contacts_page_sync_row_selection (self);
  if (limit != wanted)
    tn_after_paint_queue (&self->rows_after_paint, GTK_WIDGET (self));
}

/* The view moved or changed its size: the rows follow, after the frame. */
static void
on_view_adjustment_changed_cb (TnContactsPage *self,
                               GtkAdjustment  *adjustment)
{
  if (self->slots != NULL && !self->rows_scrolled)
    tn_after_paint_queue (&self->rows_after_paint, GTK_WIDGET (self));
}

/* A scrollbar over some of the rows would tell the person the list is shorter than it is:
 * the view has none until it has every row. The wheel, PageDown and End still scroll it. */
static void
on_slots_changed_cb (TnContactsPage *self)
{
  gboolean every_row = g_list_model_get_n_items (G_LIST_MODEL (self->slots)) ==
                       g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC,
                                  every_row ? GTK_POLICY_AUTOMATIC : GTK_POLICY_EXTERNAL);
}

/* End goes to the last row shown, not the last one announced: every row first. */
static gboolean
on_view_key_pressed_cb (TnContactsPage        *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_End || keyval == GDK_KEY_KP_End)
    _tn_contacts_page_announce_row (self, G_MAXUINT);
  return GDK_EVENT_PROPAGATE;
}

/* The view is to show the row at @position (G_MAXUINT: the last): if it is past those
 * announced, the rows up to it and those in reach below it; the rest come a step a frame
 * once the view has scrolled there. */
void
_tn_contacts_page_announce_row (TnContactsPage *self,
                                guint           position)
{
  guint in_reach;

  if (self->slots == NULL || position < g_list_model_get_n_items (G_LIST_MODEL (self->slots)))
    return;

  in_reach = rows_in_reach (self, 0);
  tn_row_slots_set_limit (self->slots, position < G_MAXUINT - in_reach ? position + in_reach : G_MAXUINT);
  _tn_contacts_page_sync_row_selection (self);
}

/* No frame will come to move the rows after (the page is taken off the screen). */
void
_tn_contacts_page_stop_row_steps (TnContactsPage *self)
{
  tn_after_paint_cancel (&self->rows_after_paint);
}

/* Call before the contacts shown change from the top (the list shown the first time, a
 * new search or filter). The frame that shows the change has the rows in reach of the top,
 * or the rows the view has if more (taking them away now would destroy them in this
 * frame); after it, the rows move a step a frame to those wanted (rows_wanted()). */
void
_tn_contacts_page_hold_rows_until_painted (TnContactsPage *self)
{
  guint n_rows;

  if (self->slots == NULL)
    return;

  self->rows_scrolled = FALSE;
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  tn_row_slots_set_limit (self->slots, MAX (n_rows, rows_in_reach (self, 0)));
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
  GtkAdjustment *adjustment;
  GtkEventController *keys;

  /* The rest of the rows, after the frame, not in it (tn-after-paint.c). */
  tn_after_paint_init (&self->rows_after_paint, (TnAfterPaintFunc) step_rows, self);
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (on_shown_changing_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->shown));

  self->slots = tn_row_slots_new ();
  tn_row_slots_set_model (self->slots, G_LIST_MODEL (self->shown));
  g_signal_connect_object (self->slots, "items-changed", G_CALLBACK (on_slots_changed_cb), self, G_CONNECT_SWAPPED);
  on_slots_changed_cb (self);
  gtk_single_selection_set_model (self->row_selection, G_LIST_MODEL (self->slots));
  _tn_contacts_page_sync_row_selection (self);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->row_selection, "notify::selected", G_CALLBACK (on_row_selected_notify_cb), self,
                           G_CONNECT_SWAPPED);

  /* The rows follow the view (rows_wanted()). */
  adjustment = view_adjustment (self);
  g_return_if_fail (adjustment != NULL);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_view_adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_view_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_view_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}
