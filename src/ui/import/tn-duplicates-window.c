/* tn-duplicates-window.c — the Possible Duplicates window: a list of pairs of contacts with
 * the same name, each with Merge and Keep Both, over the store's grouping by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store groups contacts by name; here each group becomes pairs: every later contact
 * is paired with the earliest one it has not been kept apart from. So a group of n makes
 * at most n - 1 rows, and keeping one pair apart brings up the next candidate, if any.
 */
#define G_LOG_DOMAIN "tn-duplicates-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-duplicate-pair.h"
#include "tn-duplicates-window.h"
#include "tn-trust.h"

struct _TnDuplicatesWindow
{
  AdwWindow parent_instance;

  TnStore *store;
  GHashTable *kept_apart;
  GListStore *pairs;
  guint reload_source;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkListView *list_view;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (TnDuplicatesWindow, tn_duplicates_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Pairing ------------------------------------------------------------------------------ */

static gboolean
is_kept_apart (GHashTable *kept_apart,
               TnContact  *a,
               TnContact  *b)
{
  gint64 id_a = tn_contact_get_id (a);
  gint64 id_b = tn_contact_get_id (b);
  g_autofree char *key = NULL;

  if (kept_apart == NULL || g_hash_table_size (kept_apart) == 0)
    return FALSE;

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (id_a, id_b), MAX (id_a, id_b));
  return g_hash_table_contains (kept_apart, key);
}

typedef void (*PairFunc) (TnContact *first,
                          TnContact *second,
                          gpointer   user_data);

static void
foreach_pair (TnStore    *store,
              GHashTable *kept_apart,
              PairFunc    func,
              gpointer    user_data)
{
  g_autoptr(GPtrArray) groups = tn_store_list_possible_duplicates (store);

  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (groups, g);

      for (guint i = 1; i < group->len; i++)
        {
          TnContact *later = g_ptr_array_index (group, i);

          for (guint j = 0; j < i; j++)
            {
              TnContact *earlier = g_ptr_array_index (group, j);

              if (!is_kept_apart (kept_apart, earlier, later))
                {
                  func (earlier, later, user_data);
                  break;
                }
            }
        }
    }
}

static void
add_pair_cb (TnContact *first,
             TnContact *second,
             gpointer   user_data)
{
  g_ptr_array_add (user_data, tn_duplicate_pair_new (first, second));
}

static void
count_pair_cb (TnContact *first,
               TnContact *second,
               gpointer   user_data)
{
  (*(guint *) user_data)++;
}

/**
 * tn_duplicates_window_list_pairs:
 * @store: a store
 * @kept_apart: (nullable): keys of pairs (see tn_duplicate_pair_dup_key()) not to list
 *
 * Returns: (transfer full) (element-type TnDuplicatePair): the pairs to review, by name group
 */
GPtrArray *
tn_duplicates_window_list_pairs (TnStore    *store,
                                 GHashTable *kept_apart)
{
  GPtrArray *pairs;

  g_return_val_if_fail (TN_IS_STORE (store), NULL);

  pairs = g_ptr_array_new_with_free_func (g_object_unref);
  foreach_pair (store, kept_apart, add_pair_cb, pairs);
  return pairs;
}

/**
 * tn_duplicates_window_count_pairs:
 * @store: a store
 * @kept_apart: (nullable): keys of pairs not to count
 *
 * Returns: how many rows the window would list
 */
guint
tn_duplicates_window_count_pairs (TnStore    *store,
                                  GHashTable *kept_apart)
{
  guint count = 0;

  g_return_val_if_fail (TN_IS_STORE (store), 0);

  foreach_pair (store, kept_apart, count_pair_cb, &count);
  return count;
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
}

/* Replaces only the rows that changed, so the rows around the one just handled keep their
 * place and the keyboard focus stays in the list. */
static void
reload (TnDuplicatesWindow *self)
{
  g_autoptr(GPtrArray) fresh = tn_duplicates_window_list_pairs (self->store, self->kept_apart);
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

  g_list_store_splice (self->pairs, head, n_old - head - tail,
                       fresh->pdata + head, fresh->len - head - tail);
  update_title (self);
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
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * tn_duplicates_window_merge:
 * @self: the window
 * @position: a row
 *
 * Makes the two contacts of the row one: the first keeps what it has and gains what
 * the second adds (see tn_store_merge_contacts()).
 *
 * Returns: %TRUE if they were merged; if not, a toast says why
 */
gboolean
tn_duplicates_window_merge (TnDuplicatesWindow *self,
                            guint               position)
{
  g_autoptr(TnDuplicatePair) pair = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TnContact *first;

  g_return_val_if_fail (TN_IS_DUPLICATES_WINDOW (self), FALSE);

  pair = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);
  g_return_val_if_fail (pair != NULL, FALSE);

  first = tn_duplicate_pair_get_first (pair);
  if (!tn_store_merge_contacts (self->store, first, tn_duplicate_pair_get_second (pair), &error))
    {
      show_message (self, error->message);
      reload (self);
      return FALSE;
    }

  message = g_strdup_printf (_("Merged the two contacts named %s"), tn_contact_get_full_name (first));
  show_message (self, message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * tn_duplicates_window_keep_apart:
 * @self: the window
 * @position: a row
 *
 * Keeps the two contacts of the row as they are and stops listing them as a pair.
 */
void
tn_duplicates_window_keep_apart (TnDuplicatesWindow *self,
                                 guint               position)
{
  g_autoptr(TnDuplicatePair) pair = NULL;

  g_return_if_fail (TN_IS_DUPLICATES_WINDOW (self));

  pair = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);
  g_return_if_fail (pair != NULL);

  g_hash_table_add (self->kept_apart, tn_duplicate_pair_dup_key (pair));
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Rows ---------------------------------------------------------------------------------- */

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

  /* A line that wraps breaks between the parts, not inside "Trust: Completely". */
  for (guint i = 0; i < parts->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_ptr_array_index (parts, i), " ", -1);

      g_free (g_ptr_array_index (parts, i));
      g_ptr_array_index (parts, i) = g_strjoinv ("\u00a0", words);
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
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
  gtk_box_append (GTK_BOX (text), new_label ("dim-label"));
  gtk_box_append (GTK_BOX (text), new_label ("dim-label"));
  gtk_box_append (GTK_BOX (row), text);

  gtk_widget_set_name (keep, "duplicate-keep-button");
  gtk_widget_set_tooltip_text (keep, _("They are two people: keep both contacts and stop listing them here"));
  gtk_widget_set_name (merge, "duplicate-merge-button");
  gtk_widget_set_tooltip_text (merge, _("They are one person: keep the first contact and add what the second one has"));
  gtk_widget_add_css_class (merge, "suggested-action");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), merge);
  gtk_box_append (GTK_BOX (row), buttons);

  g_signal_connect (keep, "clicked", G_CALLBACK (on_keep_clicked_cb), list_item);
  g_signal_connect (merge, "clicked", G_CALLBACK (on_merge_clicked_cb), list_item);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
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
  GtkWidget *first = gtk_widget_get_next_sibling (name);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  g_autofree char *first_text = describe_contact (tn_duplicate_pair_get_first (pair));
  g_autofree char *second_text = describe_contact (tn_duplicate_pair_get_second (pair));

  gtk_label_set_text (GTK_LABEL (name), tn_contact_get_full_name (tn_duplicate_pair_get_first (pair)));
  gtk_label_set_text (GTK_LABEL (first), first_text);
  gtk_label_set_text (GTK_LABEL (second), second_text);
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
tn_duplicates_window_dispose (GObject *object)
{
  TnDuplicatesWindow *self = (TnDuplicatesWindow *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_DUPLICATES_WINDOW);

  G_OBJECT_CLASS (tn_duplicates_window_parent_class)->dispose (object);
}

static void
tn_duplicates_window_finalize (GObject *object)
{
  TnDuplicatesWindow *self = (TnDuplicatesWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->pairs);
  g_clear_pointer (&self->kept_apart, g_hash_table_unref);

  G_OBJECT_CLASS (tn_duplicates_window_parent_class)->finalize (object);
}

static void
tn_duplicates_window_class_init (TnDuplicatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_duplicates_window_dispose;
  object_class->finalize = tn_duplicates_window_finalize;

  /**
   * TnDuplicatesWindow::changed:
   * @self: the window
   *
   * A pair was merged or kept apart: fewer pairs are left to review.
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_duplicates_window_init (TnDuplicatesWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

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
 * @kept_apart: the keys of pairs the person kept apart; the window adds to it
 *
 * Returns: (transfer none): a new window, not shown yet
 */
GtkWidget *
tn_duplicates_window_new (GtkWindow  *parent,
                          TnStore    *store,
                          GHashTable *kept_apart)
{
  TnDuplicatesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TN_IS_STORE (store), NULL);
  g_return_val_if_fail (kept_apart != NULL, NULL);

  self = g_object_new (TN_TYPE_DUPLICATES_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->store = g_object_ref (store);
  self->kept_apart = g_hash_table_ref (kept_apart);
  g_signal_connect_object (tn_store_get_contacts (store), "items-changed",
                           G_CALLBACK (on_contacts_changed_cb), self, G_CONNECT_SWAPPED);
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
