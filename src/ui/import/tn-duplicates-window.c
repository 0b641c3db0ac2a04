/* tn-duplicates-window.c — the Possible Duplicates window: the store's pairs of namesakes
 * with a second hint in common, likeliest first, each with Keep Both (the safe default) and
 * Merge (undone from its toast); Dismiss All keeps every pair apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-duplicates-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-duplicate-pair.h"
#include "tn-duplicates-window.h"
#include "tn-toast.h"
#include "tn-trust.h"

struct _TnDuplicatesWindow
{
  AdwWindow parent_instance;

  TnStore *store;
  GListStore *pairs;
  guint reload_source;
  GCancellable *listing; /* the worker's listing under way, if any */

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkListView *list_view;
  GtkNoSelection *selection;
  GtkButton *dismiss_all_button;

  /* Each row's text beside its buttons, or above them in a narrow window. */
  GtkOrientation row_orientation;
};

G_DEFINE_FINAL_TYPE (TnDuplicatesWindow, tn_duplicates_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_ROW_ORIENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrower than this, a row's text beside its buttons is a column of broken words. */
#define WIDE_ROWS_MIN_WIDTH 560

/* ---- Pairing ------------------------------------------------------------------------------ */

/* The rows of the pairs tn_store_list_possible_duplicates() lists, in its order. */
static GPtrArray *
rows_of_pairs (GPtrArray *found)
{
  GPtrArray *pairs = g_ptr_array_new_full (found->len, g_object_unref);

  for (guint i = 0; i < found->len; i++)
    {
      TnPossibleDuplicate *pair = found->pdata[i];

      g_ptr_array_add (pairs, tn_duplicate_pair_new (pair->first, pair->second, pair->hints));
    }
  return pairs;
}

/**
 * tn_duplicates_window_count_pairs:
 * @store: a store
 *
 * Returns: how many rows the window would list
 */
guint
tn_duplicates_window_count_pairs (TnStore *store)
{
  g_return_val_if_fail (TN_IS_STORE (store), 0);

  return tn_store_count_possible_duplicates (store);
}

/* ---- Focus -------------------------------------------------------------------------------- */

/* Each row's box knows its list item, which knows the row's position. */
#define ROW_LIST_ITEM_KEY "tn-list-item"

/* The position of the row @widget is in, or GTK_INVALID_LIST_POSITION. */
static guint
get_row_position (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), ROW_LIST_ITEM_KEY);

      if (list_item != NULL)
        return gtk_list_item_get_position (list_item);
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The row the keyboard focus is in, or GTK_INVALID_LIST_POSITION. */
static guint
get_focused_position (TnDuplicatesWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return GTK_INVALID_LIST_POSITION;

  return get_row_position (focus);
}

/* Focuses Keep Both, the safe answer, in the row at @position, or the one before when
 * @position is past the end. */
static void
focus_row (TnDuplicatesWindow *self,
           guint               position)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->pairs));
  GtkWidget *child;

  if (n_rows == 0)
    return;

  position = MIN (position, n_rows - 1);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkListItem *list_item = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_LIST_ITEM_KEY) : NULL;

      if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL &&
          gtk_list_item_get_position (list_item) == position)
        {
          GtkWidget *buttons = gtk_widget_get_last_child (row);

          gtk_widget_grab_focus (gtk_widget_get_first_child (buttons));
          return;
        }
    }

  /* A row GTK has not made yet: the list takes the focus, and the arrows go on from there. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Replaces rows of the list. When the row with the keyboard focus goes, as the one just
 * merged or kept apart does, the focus would go with it, and the keys with it: Escape
 * would close the window instead of the merge's toast. It moves to the row that takes the
 * place of the one gone. */
static void
splice_rows (TnDuplicatesWindow *self,
             guint               position,
             guint               n_removed,
             gpointer           *added,
             guint               n_added)
{
  guint focused = get_focused_position (self);

  g_list_store_splice (self->pairs, position, n_removed, added, n_added);

  if (focused != GTK_INVALID_LIST_POSITION && get_focused_position (self) == GTK_INVALID_LIST_POSITION)
    focus_row (self, focused);
}

/* ---- The list ----------------------------------------------------------------------------- */

static void
update_title (TnDuplicatesWindow *self)
{
  guint n_pairs = g_list_model_get_n_items (G_LIST_MODEL (self->pairs));
  g_autofree char *subtitle = NULL;

  if (n_pairs > 0)
    subtitle = g_strdup_printf (ngettext ("%'u pair to review", "%'u pairs to review", n_pairs), n_pairs);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, n_pairs > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->dismiss_all_button), n_pairs > 0);
}

/* The row just handled goes at once; the worker's listing brings the rest up to date. */
static void
drop_handled_rows (TnDuplicatesWindow *self,
                   guint               position,
                   guint               n_rows)
{
  splice_rows (self, position, n_rows, NULL, 0);
  update_title (self);
}

/* Replaces only the rows that changed, so the rows around the one just handled keep their
 * place and the keyboard focus stays in the list. */
static void
show_pairs (TnDuplicatesWindow *self,
            GPtrArray          *fresh)
{
  GListModel *model = G_LIST_MODEL (self->pairs);
  guint n_old = g_list_model_get_n_items (model);
  guint head = 0;
  guint tail = 0;

  while (head < n_old && head < fresh->len)
    {
      g_autoptr(TnDuplicatePair) old = g_list_model_get_item (model, head);
      TnDuplicatePair *new = g_ptr_array_index (fresh, head);

      if (tn_duplicate_pair_get_first (old) != tn_duplicate_pair_get_first (new) ||
          tn_duplicate_pair_get_second (old) != tn_duplicate_pair_get_second (new))
        break;
      head++;
    }

  while (tail < n_old - head && tail < fresh->len - head)
    {
      g_autoptr(TnDuplicatePair) old = g_list_model_get_item (model, n_old - 1 - tail);
      TnDuplicatePair *new = g_ptr_array_index (fresh, fresh->len - 1 - tail);

      if (tn_duplicate_pair_get_first (old) != tn_duplicate_pair_get_first (new) ||
          tn_duplicate_pair_get_second (old) != tn_duplicate_pair_get_second (new))
        break;
      tail++;
    }

  splice_rows (self, head, n_old - head - tail, fresh->pdata + head, fresh->len - head - tail);
  update_title (self);
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TnDuplicatesWindow) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  found = tn_store_list_possible_duplicates_finish (TN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->listing);
  if (found == NULL)
    {
      g_warning ("Could not list the possible duplicates: %s", error->message);
      return;
    }

  rows = rows_of_pairs (found);
  show_pairs (self, rows);
}

/* Lists the pairs again in a worker (at 100,000 contacts there can be hundreds of thousands
 * to find) and shows them when it is done; a listing under way is dropped for the newer. */
static void
reload (TnDuplicatesWindow *self)
{
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->listing = g_cancellable_new ();
  tn_store_list_possible_duplicates_async (self->store, self->listing, on_listed_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer user_data)
{
  TnDuplicatesWindow *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* An import that ends while the window is open can bring new pairs. */
static void
on_contacts_changed_cb (TnDuplicatesWindow *self,
                        guint               position,
                        guint               removed,
                        guint               added,
                        GListModel         *contacts)
{
  if (added != removed && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_cb, self, NULL);
}

static void
show_message (TnDuplicatesWindow *self,
              const char         *message)
{
  AdwToast *toast = tn_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  tn_toast_show (GTK_WIDGET (self->toast_overlay), toast);
}

static void
on_undo_merge_clicked_cb (AdwToast           *toast,
                          TnDuplicatesWindow *self)
{
  TnMergeUndo *undo = g_object_get_data (G_OBJECT (toast), "merge-undo");
  g_autoptr(GError) error = NULL;

  if (!tn_store_undo_merge (self->store, undo, &error))
    show_message (self, error->message);
  else
    show_message (self, _("Merge undone: both contacts are back"));
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tn_duplicates_window_merge:
 * @self: the window
 * @position: a row
 *
 * Makes the two contacts of the row one: the first keeps what it has and gains what
 * the second adds (see tn_store_merge_contacts_undoable()). The toast offers Undo.
 *
 * Returns: (transfer none) (nullable): the toast with Undo if they were merged; if not,
 *   %NULL and a toast says why
 */
AdwToast *
tn_duplicates_window_merge (TnDuplicatesWindow *self,
                            guint               position)
{
  g_autoptr(TnDuplicatePair) pair = NULL;
  g_autoptr(TnMergeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *short_title = NULL;
  TnContact *first;
  AdwToast *toast;

  g_return_val_if_fail (TN_IS_DUPLICATES_WINDOW (self), NULL);

  pair = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);
  g_return_val_if_fail (pair != NULL, NULL);

  first = tn_duplicate_pair_get_first (pair);
  undo = tn_store_merge_contacts_undoable (self->store, first, tn_duplicate_pair_get_second (pair), &error);
  if (undo == NULL)
    {
      show_message (self, error->message);
      reload (self);
      return NULL;
    }

  message = g_strdup_printf (_("Merged the two contacts named %s"), tn_contact_get_full_name (first));
  /* TRANSLATORS: the same toast in a narrow window, on up to two short lines: "Merged Ada Lovelace" */
  short_title = g_markup_printf_escaped (_("Merged %s"), tn_contact_get_full_name (first));
  toast = tn_toast_new (message);
  /* The name is what says which pair went: whole, in fewer words in a narrow window. */
  adw_toast_set_custom_title (toast, tn_toast_new_fitting_title (adw_toast_get_title (toast), short_title));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "merge-undo", g_steal_pointer (&undo), (GDestroyNotify) tn_merge_undo_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_merge_clicked_cb), self, 0);
  tn_toast_show (GTK_WIDGET (self->toast_overlay), toast);

  drop_handled_rows (self, position, 1);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return toast;
}

static gboolean
dismiss (TnDuplicatesWindow *self,
         TnDuplicatePair    *pair)
{
  g_autoptr(GError) error = NULL;

  if (tn_store_dismiss_possible_duplicate (self->store, tn_duplicate_pair_get_first (pair),
                                           tn_duplicate_pair_get_second (pair), &error))
    return TRUE;

  show_message (self, error->message);
  return FALSE;
}

/**
 * tn_duplicates_window_keep_apart:
 * @self: the window
 * @position: a row
 *
 * Keeps the two contacts of the row as they are and stops listing them as a pair, in
 * this session and the next (tn_store_dismiss_possible_duplicate()).
 */
void
tn_duplicates_window_keep_apart (TnDuplicatesWindow *self,
                                 guint               position)
{
  g_autoptr(TnDuplicatePair) pair = NULL;

  g_return_if_fail (TN_IS_DUPLICATES_WINDOW (self));

  pair = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);
  g_return_if_fail (pair != NULL);

  if (dismiss (self, pair))
    drop_handled_rows (self, position, 1);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tn_duplicates_window_dismiss_all:
 * @self: the window
 *
 * Keeps every listed pair apart: the person reviewed them and they are all two people.
 */
void
tn_duplicates_window_dismiss_all (TnDuplicatesWindow *self)
{
  GListModel *model;
  guint n_dismissed = 0;

  g_return_if_fail (TN_IS_DUPLICATES_WINDOW (self));

  model = G_LIST_MODEL (self->pairs);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TnDuplicatePair) pair = g_list_model_get_item (model, i);

      if (!dismiss (self, pair))
        break;
      n_dismissed++;
    }

  if (n_dismissed > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Kept %u pair apart", "Kept %u pairs apart", n_dismissed),
                                                  n_dismissed);

      show_message (self, message);
    }
  drop_handled_rows (self, 0, n_dismissed);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_dismiss_all_clicked_cb (TnDuplicatesWindow *self)
{
  tn_duplicates_window_dismiss_all (self);
}

/* ---- Rows ---------------------------------------------------------------------------------- */

#define DETAILS_SEPARATOR " · "

/* "Added 3 May 2024 · Globex · emeka@example.org · +1 555 1931 · Trust: Completely": what
 * tells two people with one name apart. */
static char *
describe_contact (TnContact *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GDateTime *created = tn_contact_get_created_at (contact);
  const char * const *phones = tn_contact_get_phones (contact);
  const char *organization = tn_contact_get_organization (contact);
  const char *email = tn_contact_get_primary_email (contact);
  TnTrust trust = tn_contact_get_trust (contact);

  if (created != NULL)
    {
      /* TRANSLATORS: a date, see g_date_time_format() */
      g_autofree char *day = g_date_time_format (created, _("%-d %b %Y"));

      /* TRANSLATORS: when a contact was added, as in "Added 3 May 2024" */
      g_ptr_array_add (parts, g_strdup_printf (_("Added %s"), day));
    }
  if (organization != NULL && *organization != '\0')
    g_ptr_array_add (parts, g_strdup (organization));
  if (email != NULL && *email != '\0')
    g_ptr_array_add (parts, g_strdup (email));
  if (phones != NULL && phones[0] != NULL)
    g_ptr_array_add (parts, g_strdup (phones[0]));
  if (trust != TN_TRUST_UNRATED)
    /* TRANSLATORS: a trust rating, as in "Trust: Completely" */
    g_ptr_array_add (parts, g_strdup_printf (_("Trust: %s"), tn_trust_get_label (trust)));
  if (parts->len == 1)
    g_ptr_array_add (parts, g_strdup (_("no address or phone number")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (DETAILS_SEPARATOR, (char **) parts->pdata);
}

/* "Also in common: the organization, a phone number": why the pair is listed at all. */
static char *
describe_hints (TnDuplicateHints hints)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (hints & TN_DUPLICATE_HINT_SAME_EMAIL)
    g_ptr_array_add (parts, _("an email address"));
  else if (hints & TN_DUPLICATE_HINT_SIMILAR_EMAIL)
    g_ptr_array_add (parts, _("a similar email address"));
  if (hints & TN_DUPLICATE_HINT_PHONE)
    g_ptr_array_add (parts, _("a phone number"));
  if (hints & TN_DUPLICATE_HINT_ORGANIZATION)
    g_ptr_array_add (parts, _("the organization"));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: joins what two contacts have in common, as in "a phone number, the organization" */
  joined = g_strjoinv (C_("duplicate hints", ", "), (char **) parts->pdata);
  /* TRANSLATORS: "Also in common: a phone number, the organization" */
  return g_strdup_printf (_("Also in common: %s"), joined);
}

static guint
get_position (GtkListItem *list_item)
{
  return gtk_list_item_get_position (list_item);
}

static void
on_merge_clicked_cb (GtkButton   *button,
                     GtkListItem *list_item)
{
  TnDuplicatesWindow *self = TN_DUPLICATES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  guint position = get_position (list_item);

  if (position != GTK_INVALID_LIST_POSITION)
    tn_duplicates_window_merge (self, position);
}

static void
on_keep_clicked_cb (GtkButton   *button,
                    GtkListItem *list_item)
{
  TnDuplicatesWindow *self = TN_DUPLICATES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  guint position = get_position (list_item);

  if (position != GTK_INVALID_LIST_POSITION)
    tn_duplicates_window_keep_apart (self, position);
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TnDuplicatesWindow       *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep Both"));
  GtkWidget *merge = gtk_button_new_with_mnemonic (_("_Merge"));

  gtk_widget_add_css_class (row, "duplicate-row");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), new_label ("heading"));
  gtk_box_append (GTK_BOX (text), new_label ("duplicate-hints"));
  gtk_box_append (GTK_BOX (text), new_label ("dim-label"));
  gtk_box_append (GTK_BOX (text), new_label ("dim-label"));
  gtk_box_append (GTK_BOX (row), text);

  gtk_widget_set_name (keep, "duplicate-keep-button");
  gtk_widget_set_tooltip_text (keep, _("They are two people: keep both contacts and stop listing them here"));
  gtk_widget_set_name (merge, "duplicate-merge-button");
  gtk_widget_set_tooltip_text (merge, _("They are one person: keep the first contact and add what the second one has; the toast can undo it"));
  /* Keep Both is the safe answer: it changes nothing and is the one Enter presses first. */
  gtk_widget_add_css_class (keep, "suggested-action");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  g_object_bind_property (self, "row-orientation", row, "orientation", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), merge);
  gtk_box_append (GTK_BOX (row), buttons);

  g_signal_connect (keep, "clicked", G_CALLBACK (on_keep_clicked_cb), list_item);
  g_signal_connect (merge, "clicked", G_CALLBACK (on_merge_clicked_cb), list_item);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
  g_object_set_data (G_OBJECT (row), ROW_LIST_ITEM_KEY, list_item);
}

/* A contact's details from describe_contact(): a line that wraps breaks between the parts,
 * not inside "Trust: Completely" or "ada.lovelace.10@example.org". */
static void
show_details (GtkLabel   *label,
              const char *text)
{
  PangoAttrList *attributes = pango_attr_list_new ();
  const char *part = text;

  while (part != NULL)
    {
      const char *end = strstr (part, DETAILS_SEPARATOR);
      PangoAttribute *whole = pango_attr_allow_breaks_new (FALSE);

      whole->start_index = part - text;
      whole->end_index = end != NULL ? (guint) (end - text) : strlen (text);
      pango_attr_list_insert (attributes, whole);
      part = end != NULL ? end + strlen (DETAILS_SEPARATOR) : NULL;
    }

  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TnDuplicatesWindow       *self)
{
  TnDuplicatePair *pair = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *hints = gtk_widget_get_next_sibling (name);
  GtkWidget *first = gtk_widget_get_next_sibling (hints);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  g_autofree char *first_text = describe_contact (tn_duplicate_pair_get_first (pair));
  g_autofree char *second_text = describe_contact (tn_duplicate_pair_get_second (pair));
  g_autofree char *hints_text = describe_hints (tn_duplicate_pair_get_hints (pair));

  gtk_label_set_text (GTK_LABEL (name), tn_contact_get_full_name (tn_duplicate_pair_get_first (pair)));
  gtk_label_set_text (GTK_LABEL (hints), hints_text);
  show_details (GTK_LABEL (first), first_text);
  show_details (GTK_LABEL (second), second_text);
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
tn_duplicates_window_dispose (GObject *object)
{
  TnDuplicatesWindow *self = (TnDuplicatesWindow *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_DUPLICATES_WINDOW);

  G_OBJECT_CLASS (tn_duplicates_window_parent_class)->dispose (object);
}

static void
tn_duplicates_window_finalize (GObject *object)
{
  TnDuplicatesWindow *self = (TnDuplicatesWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->pairs);

  G_OBJECT_CLASS (tn_duplicates_window_parent_class)->finalize (object);
}

static void
tn_duplicates_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TnDuplicatesWindow *self = TN_DUPLICATES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ROW_ORIENTATION:
      g_value_set_enum (value, self->row_orientation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GTK 4 keeps a window's default size as the size it has now. */
static void
on_default_width_cb (TnDuplicatesWindow *self)
{
  int width, height;
  GtkOrientation orientation;

  /* GTK 4.8 needs both. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  orientation = width >= WIDE_ROWS_MIN_WIDTH ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;
  if (orientation == self->row_orientation)
    return;

  self->row_orientation = orientation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_ORIENTATION]);
}

static void
tn_duplicates_window_class_init (TnDuplicatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_duplicates_window_dispose;
  object_class->finalize = tn_duplicates_window_finalize;
  object_class->get_property = tn_duplicates_window_get_property;

  /**
   * TnDuplicatesWindow:row-orientation:
   *
   * How each row places its text and its buttons, as wide as the window allows.
   */
  properties[PROP_ROW_ORIENTATION] =
    g_param_spec_enum ("row-orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TnDuplicatesWindow::changed:
   * @self: the window
   *
   * A pair was merged, kept apart or brought back by Undo: the pairs to review changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TrustNet/ui/tn-duplicates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TnDuplicatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TnDuplicatesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TnDuplicatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TnDuplicatesWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, TnDuplicatesWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, TnDuplicatesWindow, dismiss_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_all_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_duplicates_window_init (TnDuplicatesWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_orientation = GTK_ORIENTATION_HORIZONTAL;
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width_cb), NULL);
  on_default_width_cb (self);

  self->pairs = g_list_store_new (TN_TYPE_DUPLICATE_PAIR);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->pairs));

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * tn_duplicates_window_new:
 * @parent: the main window
 * @store: the store
 *
 * Returns: (transfer none): a new window, not shown yet
 */
GtkWidget *
tn_duplicates_window_new (GtkWindow *parent,
                          TnStore   *store)
{
  TnDuplicatesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TN_IS_STORE (store), NULL);

  self = g_object_new (TN_TYPE_DUPLICATES_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (tn_store_get_contacts (store), "items-changed",
                           G_CALLBACK (on_contacts_changed_cb), self, G_CONNECT_SWAPPED);
  /* The spinner page, the stack's first, until the worker's first listing is shown. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->dismiss_all_button), FALSE);
  reload (self);

  return GTK_WIDGET (self);
}

/**
 * tn_duplicates_window_get_pairs:
 * @self: the window
 *
 * Returns: (transfer none): the rows, a #GListModel of #TnDuplicatePair
 */
GListModel *
tn_duplicates_window_get_pairs (TnDuplicatesWindow *self)
{
  g_return_val_if_fail (TN_IS_DUPLICATES_WINDOW (self), NULL);

  return G_LIST_MODEL (self->pairs);
}
