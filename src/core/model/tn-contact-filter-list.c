/* tn-contact-filter-list.c — the contacts a list shows, filtered in two stages.
 *
 * Every contact keeps what the tests said of it in one byte, so a change asks again only
 * those it can concern (TN_FILTER_CHANGE_MORE_STRICT: only those found), the second test
 * (the rating filters) is asked only of those the first (the search) finds, the counts count
 * who is found without searching again, and a row is read from an array, where
 * GtkFilterListModel looks each up in a bitset.
 *
 * A search given with tn_contact_filter_list_set_search() is asked of keys the list keeps
 * side by side in one buffer, in the order of the rows: a keystroke then reads 100,000 keys
 * one after the other, where each contact's own key is somewhere else in memory and asking
 * them in the rows' order waited on the memory most of the time (the first keystroke at
 * 100,000 contacts: 53 -> 11 ms of main-thread CPU).
 *
 * What the search found is remembered for the last few searches (a few bits a contact), so
 * deleting a letter again shows what that search found without asking 100,000 contacts
 * again; any change of the model forgets it all.
 *
 * Each contact also has a class (TnContactClassify: the page's is its rating and whether it
 * is overdue), kept position by position through the model's changes like the answers: the
 * counts of those found per class are then one pass over two bytes a contact, however the
 * search changed (the page counted 100,000 contacts through two hash tables after every
 * keystroke: about 45M instructions), and the second test may be a set of classes, asked
 * of that byte instead of the contact (a filter toggle asked 100,000 contacts: about 15M).
 * A class is asked the first time it is needed, or while idle (tn_contact_filter_list_classify()),
 * so that showing 100,000 contacts the first time still reads none of them.
 *
 * A change of the tests is announced as one items-changed from the first row that came or
 * went to the last, as GtkFilterListModel does. Announcing each stretch on its own was
 * measured slower in GTK 4.8: after each one the view makes the rows around its anchor
 * (up to 200) for contacts the next one takes away again. A change of the model is one
 * stretch here too, the same as there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contact-filter-list"

#include "config.h"

#include <string.h>

#include "tn-contact-filter-list.h"

/* What the tests said of a contact. PASSES is known (KNOWN) for everyone FOUND. */
enum
{
  FOUND = 1 << 0,
  PASSES = 1 << 1,
  KNOWN = 1 << 2,
};

#define SHOWN (FOUND | PASSES)

/* A contact whose search key is not in @keys yet. */
#define NO_KEY G_MAXUINT

/* A contact whose class is not asked yet. */
#define UNCLASSIFIED 0xFF

/* How many searches are remembered. */
#define N_REMEMBERED 8

/* Who a search found: one bit per contact of @all, in its order. */
typedef struct
{
  char *key;
  guint8 *found;
} Remembered;

static void
remembered_free (gpointer data)
{
  Remembered *remembered = data;

  g_free (remembered->key);
  g_free (remembered->found);
  g_free (remembered);
}

typedef struct
{
  guint position;     /* where the block starts, in the list as it will be */
  guint old_position; /* where it started, in the list as it was */
  guint removed;
  guint added;
} Block;

struct _TnContactFilterList
{
  GObject parent_instance;

  GListModel *model;
  gulong items_changed_id;

  /* Every contact of @model in its order, and what the tests said of each. */
  GPtrArray *all;
  GByteArray *state;
  /* The positions in @all of the contacts shown, ascending. */
  GArray *shown;

  TnContactTest tests[2];
  gpointer test_data[2];

  /* The class of each contact of @all (UNCLASSIFIED: not asked yet), how many are not
   * asked yet, and the first contact that may not be. The second test passes only those
   * whose class is in @passing_classes. */
  TnContactClassify classify;
  gpointer classify_data;
  GByteArray *classes;
  guint n_unclassified;
  guint first_unclassified;
  guint passing_classes;

  /* The first test when set: the search, asked of @keys. */
  const TnSearch *search;
  /* The search keys (tn_contact_get_search_key()) of @all, each ending in a NUL, mostly in
   * the order of @all; where each starts (NO_KEY: not there yet), one per contact of @all;
   * and how many bytes belong to keys of contacts no longer there. */
  GByteArray *keys;
  GArray *key_starts;
  guint dead_bytes;
  /* The first contact of @all whose key may not be in @keys yet. */
  guint first_unkeyed;

  /* The searches remembered, the latest last. */
  GPtrArray *remembered;

  /* While a change is announced: the rows as they were, and up to where (new_end in the
   * new rows, old_end in the old) the announced change reaches. */
  GArray *old_shown;
  guint new_end;
  guint old_end;
};

enum
{
  COUNTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void tn_contact_filter_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TnContactFilterList, tn_contact_filter_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tn_contact_filter_list_model_init))

/* The contact at @index of @all, read from the model the first time: when everyone is shown
 * the list takes none up front (100,000 reads through the sort model were most of the
 * Contacts page's first frame), only those a row or a test asks for. @all follows the
 * model's changes in its items-changed handler, so an index of @all is the model's position
 * whenever the list is read outside another handler of the model's items-changed. */
static TnContact *
contact_at (TnContactFilterList *self,
            guint                index)
{
  gpointer *contact = &self->all->pdata[index];

  if (*contact == NULL)
    *contact = g_list_model_get_item (self->model, index);

  return *contact;
}

static void
unref_contact (gpointer contact)
{
  if (contact != NULL)
    g_object_unref (contact);
}

/* GListModel */

static GType
tn_contact_filter_list_get_item_type (GListModel *model)
{
  return TN_TYPE_CONTACT;
}

static guint
tn_contact_filter_list_get_n_items (GListModel *model)
{
  TnContactFilterList *self = TN_CONTACT_FILTER_LIST (model);

  if (self->old_shown != NULL)
    return self->new_end + (self->old_shown->len - self->old_end);

  return self->shown->len;
}

static gpointer
tn_contact_filter_list_get_item (GListModel *model,
                                 guint       position)
{
  TnContactFilterList *self = TN_CONTACT_FILTER_LIST (model);
  guint index;

  if (position >= tn_contact_filter_list_get_n_items (model))
    return NULL;

  if (self->old_shown == NULL || position < self->new_end)
    index = g_array_index (self->shown, guint, position);
  else
    index = g_array_index (self->old_shown, guint, position - self->new_end + self->old_end);

  return g_object_ref (contact_at (self, index));
}

static void
tn_contact_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tn_contact_filter_list_get_item_type;
  iface->get_n_items = tn_contact_filter_list_get_n_items;
  iface->get_item = tn_contact_filter_list_get_item;
}

/* Asking the tests */

/* The search key of the contact at @index of @all, put in @keys the first time. */
static const char *
key_at (TnContactFilterList *self,
        guint                index)
{
  guint *start = &g_array_index (self->key_starts, guint, index);

  if (*start == NO_KEY)
    {
      const char *key = tn_contact_get_search_key (contact_at (self, index));

      *start = self->keys->len;
      g_byte_array_append (self->keys, (const guint8 *) key, strlen (key) + 1);
    }

  return (const char *) self->keys->data + *start;
}

/* The class of the contact at @index of @all, asked the first time. */
static guint
class_at (TnContactFilterList *self,
          guint                index)
{
  guint8 *class = &self->classes->data[index];

  if (*class == UNCLASSIFIED)
    {
      guint asked = self->classify != NULL ? self->classify (contact_at (self, index), self->classify_data) : 0;

      /* Counted somewhere all the same: a count must never miss a contact. */
      if (asked >= TN_CONTACT_N_CLASSES)
        {
          g_critical ("A contact's class %u is not below %u", asked, TN_CONTACT_N_CLASSES);
          asked = 0;
        }
      *class = asked;
      self->n_unclassified--;
    }

  return *class;
}

/* Whether the contact at @index of @all passes the test of @stage. */
static gboolean
passes (TnContactFilterList *self,
        TnFilterStage        stage,
        guint                index)
{
  /* An empty search finds everyone without their keys: the first rows need none folded. */
  if (stage == TN_FILTER_STAGE_SEARCH && self->search != NULL)
    return tn_search_is_empty (self->search) || tn_search_matches_key (self->search, key_at (self, index));

  if (stage == TN_FILTER_STAGE_FILTERS && self->passing_classes != TN_CONTACT_ALL_CLASSES &&
      (self->passing_classes & (1u << class_at (self, index))) == 0)
    return FALSE;

  return self->tests[stage] == NULL ||
         self->tests[stage] (contact_at (self, index), self->test_data[stage]);
}

/* The second test, for one just found whose answer to it is not known. */
static guint8
ask_filters (TnContactFilterList *self,
             guint                index,
             guint8               state)
{
  if ((state & KNOWN) != 0)
    return state;

  return state | KNOWN | (passes (self, TN_FILTER_STAGE_FILTERS, index) ? PASSES : 0);
}

static guint8
ask_both (TnContactFilterList *self,
          guint                index)
{
  if (!passes (self, TN_FILTER_STAGE_SEARCH, index))
    return 0;

  return ask_filters (self, index, FOUND);
}

/* Whether every contact passes both tests (an empty search, no filter): then none is asked,
 * not even read, and all are shown, as when the Contacts page first shows 100,000. */
static gboolean
lets_everyone_through (TnContactFilterList *self)
{
  gboolean finds_everyone = self->search != NULL ? tn_search_is_empty (self->search)
                                                 : self->tests[TN_FILTER_STAGE_SEARCH] == NULL;

  return finds_everyone && self->tests[TN_FILTER_STAGE_FILTERS] == NULL &&
         self->passing_classes == TN_CONTACT_ALL_CLASSES;
}

/* Written in place rather than appended one by one: g_array_append_val() is a call and a
 * copy per row, most of the work when a filter shows 100,000 again (about 8M instructions). */
static GArray *
collect_shown (TnContactFilterList *self)
{
  GArray *shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->state->len);
  guint *positions = (guint *) shown->data;
  guint n_shown = 0;

  for (guint i = 0; i < self->state->len; i++)
    {
      if ((self->state->data[i] & SHOWN) == SHOWN)
        positions[n_shown++] = i;
    }

  g_array_set_size (shown, n_shown);
  return shown;
}

/* Announcing changes */

/* The blocks in which @old and @new (ascending positions in @all) differ. */
static GArray *
find_blocks (GArray *old,
             GArray *new)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  const guint *o = (const guint *) old->data;
  const guint *n = (const guint *) new->data;
  guint i = 0, j = 0;

  while (i < old->len || j < new->len)
    {
      Block block;

      if (i < old->len && j < new->len && o[i] == n[j])
        {
          i++, j++;
          continue;
        }

      block = (Block) { j, i, 0, 0 };
      while ((i < old->len || j < new->len) && !(i < old->len && j < new->len && o[i] == n[j]))
        {
          if (j >= new->len || (i < old->len && o[i] < n[j]))
            i++, block.removed++;
          else
            j++, block.added++;
        }
      g_array_append_val (blocks, block);
    }

  return blocks;
}

/* Replaces the rows shown with @new, announcing the difference as one block from the first
 * change to the last (the top of the file says why). */
static void
show (TnContactFilterList *self,
      GArray              *new)
{
  g_autoptr(GArray) blocks = NULL;

  self->old_shown = g_steal_pointer (&self->shown);
  self->shown = new;
  blocks = find_blocks (self->old_shown, self->shown);

  if (blocks->len > 1)
    {
      Block first = g_array_index (blocks, Block, 0);
      Block last = g_array_index (blocks, Block, blocks->len - 1);
      Block all = { first.position, first.old_position,
                    last.old_position + last.removed - first.old_position,
                    last.position + last.added - first.position };

      g_array_set_size (blocks, 1);
      g_array_index (blocks, Block, 0) = all;
    }

  for (guint k = 0; k < blocks->len; k++)
    {
      Block *block = &g_array_index (blocks, Block, k);

      self->new_end = block->position + block->added;
      self->old_end = block->old_position + block->removed;
      g_list_model_items_changed (G_LIST_MODEL (self), block->position, block->removed, block->added);
    }

  g_clear_pointer (&self->old_shown, g_array_unref);
}

/* Following the model */

static guint
lower_bound (GArray *positions,
             guint   position)
{
  guint low = 0, high = positions->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (positions, guint, middle) < position)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Forgets the keys of the @removed contacts from @position of @all; once most of @keys
 * belongs to contacts no longer there, the others are written again side by side. */
static void
remove_keys (TnContactFilterList *self,
             guint                position,
             guint                removed)
{
  g_autoptr(GByteArray) kept = NULL;

  for (guint i = position; i < position + removed; i++)
    {
      guint start = g_array_index (self->key_starts, guint, i);

      if (start != NO_KEY)
        self->dead_bytes += strlen ((const char *) self->keys->data + start) + 1;
    }
  g_array_remove_range (self->key_starts, position, removed);

  if (self->dead_bytes < 4096 || self->dead_bytes < self->keys->len / 2)
    return;

  kept = g_byte_array_sized_new (self->keys->len - self->dead_bytes);
  for (guint i = 0; i < self->key_starts->len; i++)
    {
      guint *start = &g_array_index (self->key_starts, guint, i);
      const char *key = (const char *) self->keys->data + *start;

      if (*start == NO_KEY)
        continue;

      *start = kept->len;
      g_byte_array_append (kept, (const guint8 *) key, strlen (key) + 1);
    }
  g_byte_array_unref (self->keys);
  self->keys = g_steal_pointer (&kept);
  self->dead_bytes = 0;
}

/* The rows shown after the model replaced @removed contacts at @position with @added: the
 * rows before stay, the @n_added of those it brings in that are shown come next, and those
 * after move along, in place: no pass over every contact, and none at all over the rows
 * after when as many contacts come as go (a rating changes one; appending each row anew
 * was about 2M instructions). */
static void
splice_shown (TnContactFilterList *self,
              guint                first_shown,
              guint                n_removed,
              guint                n_added,
              guint                position,
              guint                removed,
              guint                added)
{
  g_autofree guint *brought = g_new (guint, MAX (n_added, 1));
  guint n_brought = 0;
  guint tail = self->shown->len - first_shown - n_removed;
  guint *rows;

  for (guint i = position; i < position + added; i++)
    {
      if ((self->state->data[i] & SHOWN) == SHOWN)
        brought[n_brought++] = i;
    }
  g_assert (n_brought == n_added);

  if (n_added > n_removed)
    g_array_set_size (self->shown, self->shown->len + n_added - n_removed);
  rows = (guint *) self->shown->data;
  /* An empty array may have no data at all, and memmove() must not be given NULL. */
  if (tail > 0)
    memmove (rows + first_shown + n_added, rows + first_shown + n_removed, tail * sizeof (guint));
  if (n_added > 0)
    memcpy (rows + first_shown, brought, n_added * sizeof (guint));
  if (n_removed > n_added)
    g_array_set_size (self->shown, self->shown->len - (n_removed - n_added));

  rows = (guint *) self->shown->data;
  for (guint k = first_shown + n_added; k < self->shown->len && added != removed; k++)
    rows[k] = rows[k] - removed + added;
}

/* A change in the model is one block here too: the rows shown before @position stay, those
 * after its end move along, and only the contacts it brings in are asked. */
static void
on_model_items_changed_cb (TnContactFilterList *self,
                           guint                position,
                           guint                removed,
                           guint                added,
                           GListModel          *model)
{
  guint first_shown = lower_bound (self->shown, position);
  guint n_removed = lower_bound (self->shown, position + removed) - first_shown;
  guint n_added = 0;

  g_ptr_array_set_size (self->remembered, 0);
  g_ptr_array_remove_range (self->all, position, removed);
  g_byte_array_remove_range (self->state, position, removed);
  remove_keys (self, position, removed);
  self->first_unkeyed = MIN (self->first_unkeyed, position);
  for (guint i = position; i < position + removed; i++)
    self->n_unclassified -= self->classes->data[i] == UNCLASSIFIED;
  g_byte_array_remove_range (self->classes, position, removed);
  self->first_unclassified = MIN (self->first_unclassified, position);

  if (added > 0)
    {
      g_autofree gpointer *contacts = g_new0 (gpointer, added);
      g_autofree guint8 *states = g_malloc (added);
      gboolean everyone = lets_everyone_through (self);
      g_autofree guint *starts = g_new (guint, added);

      for (guint i = 0; i < added; i++)
        {
          if (!everyone)
            contacts[i] = g_list_model_get_item (model, position + i);
          starts[i] = NO_KEY;
        }

      /* The array takes the references get_item() gave. */
      g_ptr_array_set_size (self->all, self->all->len + added);
      memmove (self->all->pdata + position + added, self->all->pdata + position,
               (self->all->len - added - position) * sizeof (gpointer));
      memcpy (self->all->pdata + position, contacts, added * sizeof (gpointer));
      memset (states, everyone ? SHOWN | KNOWN : 0, added);
      g_byte_array_set_size (self->state, self->state->len + added);
      memmove (self->state->data + position + added, self->state->data + position,
               self->state->len - added - position);
      memcpy (self->state->data + position, states, added);
      g_array_insert_vals (self->key_starts, position, starts, added);
      /* Asked when a count, the second test or an idle call needs it. */
      memset (states, UNCLASSIFIED, added);
      g_byte_array_set_size (self->classes, self->classes->len + added);
      memmove (self->classes->data + position + added, self->classes->data + position,
               self->classes->len - added - position);
      memcpy (self->classes->data + position, states, added);
      self->n_unclassified += added;

      for (guint i = position; i < position + added && !everyone; i++)
        {
          self->state->data[i] = ask_both (self, i);
          n_added += (self->state->data[i] & SHOWN) == SHOWN;
        }
      if (everyone)
        n_added = added;
    }

  splice_shown (self, first_shown, n_removed, n_added, position, removed, added);

  if (n_removed > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first_shown, n_removed, n_added);
  if (removed > 0 || added > 0)
    g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

/* GObject */

static void
tn_contact_filter_list_dispose (GObject *object)
{
  TnContactFilterList *self = (TnContactFilterList *) object;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->all, 0);
  g_byte_array_set_size (self->state, 0);
  g_array_set_size (self->shown, 0);
  g_array_set_size (self->key_starts, 0);
  g_byte_array_set_size (self->keys, 0);
  g_byte_array_set_size (self->classes, 0);
  self->n_unclassified = 0;

  G_OBJECT_CLASS (tn_contact_filter_list_parent_class)->dispose (object);
}

static void
tn_contact_filter_list_finalize (GObject *object)
{
  TnContactFilterList *self = (TnContactFilterList *) object;

  g_ptr_array_unref (self->all);
  g_byte_array_unref (self->state);
  g_array_unref (self->shown);
  g_ptr_array_unref (self->remembered);
  g_array_unref (self->key_starts);
  g_byte_array_unref (self->keys);
  g_byte_array_unref (self->classes);

  G_OBJECT_CLASS (tn_contact_filter_list_parent_class)->finalize (object);
}

static void
tn_contact_filter_list_class_init (TnContactFilterListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_contact_filter_list_dispose;
  object_class->finalize = tn_contact_filter_list_finalize;

  /**
   * TnContactFilterList::counts-changed:
   * @self: the list
   *
   * Who is found, or the classes, may have changed: tn_contact_filter_list_count_classes()
   * may count differently. A change of the second test alone changes no count.
   */
  signals[COUNTS_CHANGED] = g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tn_contact_filter_list_init (TnContactFilterList *self)
{
  self->all = g_ptr_array_new_with_free_func (unref_contact);
  self->state = g_byte_array_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->remembered = g_ptr_array_new_with_free_func (remembered_free);
  self->keys = g_byte_array_new ();
  self->key_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->classes = g_byte_array_new ();
  self->passing_classes = TN_CONTACT_ALL_CLASSES;
}

/**
 * tn_contact_filter_list_new:
 *
 * Returns: (transfer full): an empty list; give it a model with
 *   tn_contact_filter_list_set_model()
 */
TnContactFilterList *
tn_contact_filter_list_new (void)
{
  return g_object_new (TN_TYPE_CONTACT_FILTER_LIST, NULL);
}

/**
 * tn_contact_filter_list_set_model:
 * @self: a list
 * @model: (nullable): a #GListModel of #TnContact, in the order to show them
 */
void
tn_contact_filter_list_set_model (TnContactFilterList *self,
                                  GListModel          *model)
{
  guint n_before;

  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  n_before = self->shown->len;
  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  g_ptr_array_set_size (self->remembered, 0);
  g_ptr_array_set_size (self->all, 0);
  g_byte_array_set_size (self->state, 0);
  g_array_set_size (self->shown, 0);
  g_array_set_size (self->key_starts, 0);
  g_byte_array_set_size (self->keys, 0);
  self->dead_bytes = 0;
  self->first_unkeyed = 0;
  g_byte_array_set_size (self->classes, 0);
  self->n_unclassified = 0;
  self->first_unclassified = 0;
  if (n_before > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, 0);

  if (model == NULL)
    return;

  self->items_changed_id = g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
  on_model_items_changed_cb (self, 0, 0, g_list_model_get_n_items (model), model);
}

/**
 * tn_contact_filter_list_set_test:
 * @self: a list
 * @stage: which test
 * @test: (nullable): the test, %NULL to let everyone pass
 * @user_data: for @test; it must outlive the list or the next test
 *
 * Sets a test without asking it yet: call tn_contact_filter_list_changed() next.
 */
void
tn_contact_filter_list_set_test (TnContactFilterList *self,
                                 TnFilterStage        stage,
                                 TnContactTest        test,
                                 gpointer             user_data)
{
  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));
  g_return_if_fail (stage <= TN_FILTER_STAGE_FILTERS);

  self->tests[stage] = test;
  self->test_data[stage] = user_data;
  if (stage == TN_FILTER_STAGE_SEARCH)
    g_ptr_array_set_size (self->remembered, 0);
}

/**
 * tn_contact_filter_list_set_search:
 * @self: a list
 * @search: (nullable): the search that is the first test, %NULL for the test of
 *   tn_contact_filter_list_set_test(); it must outlive the list or the next search
 *
 * Makes @search the first test (tn_search_matches_contact()), asked of the search keys the
 * list keeps side by side. Sets it without asking it yet, and keeps what was remembered:
 * call tn_contact_filter_list_recall_found() or tn_contact_filter_list_changed() next.
 */
void
tn_contact_filter_list_set_search (TnContactFilterList *self,
                                   const TnSearch      *search)
{
  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));

  self->search = search;
}

/**
 * tn_contact_filter_list_fold_keys:
 * @self: a list
 * @n: how many contacts at most
 *
 * Puts the search keys of up to @n more contacts side by side, in the order of the rows,
 * so that a first search does not fold and gather them all (call it while idle).
 *
 * Returns: whether contacts without their key there remain
 */
gboolean
tn_contact_filter_list_fold_keys (TnContactFilterList *self,
                                  guint                n)
{
  guint end;

  g_return_val_if_fail (TN_IS_CONTACT_FILTER_LIST (self), FALSE);

  end = MIN (self->first_unkeyed + n, self->key_starts->len);
  for (; self->first_unkeyed < end; self->first_unkeyed++)
    key_at (self, self->first_unkeyed);

  return self->first_unkeyed < self->key_starts->len;
}

/**
 * tn_contact_filter_list_changed:
 * @self: a list
 * @stage: the test whose answers may have changed
 * @change: how: whom it needs to ask again
 *
 * Asks the test again and announces the rows that came and went.
 */
void
tn_contact_filter_list_changed (TnContactFilterList *self,
                                TnFilterStage        stage,
                                TnFilterChange       change)
{
  guint8 *state;
  gboolean everyone;

  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));
  g_return_if_fail (stage <= TN_FILTER_STAGE_FILTERS);
  g_return_if_fail (self->old_shown == NULL);

  state = self->state->data;
  everyone = lets_everyone_through (self);
  if (everyone && self->state->len > 0)
    memset (state, SHOWN | KNOWN, self->state->len);
  for (guint i = 0; i < self->state->len && !everyone; i++)
    {
      guint8 bit = stage == TN_FILTER_STAGE_SEARCH ? FOUND : PASSES;

      /* Those not found are asked the second test when they are. */
      if (stage == TN_FILTER_STAGE_FILTERS && (state[i] & FOUND) == 0)
        {
          state[i] = 0;
          continue;
        }

      if ((change == TN_FILTER_CHANGE_MORE_STRICT && (state[i] & bit) == 0) ||
          (change == TN_FILTER_CHANGE_LESS_STRICT && (state[i] & bit) != 0))
        continue;

      if (passes (self, stage, i))
        state[i] |= bit;
      else
        state[i] &= ~bit;

      if ((state[i] & FOUND) != 0)
        state[i] = ask_filters (self, i, state[i]);
    }

  show (self, collect_shown (self));
  if (stage == TN_FILTER_STAGE_SEARCH)
    g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

/**
 * tn_contact_filter_list_find:
 * @self: a list
 * @contact: a contact
 *
 * Returns: the position of @contact among the rows shown, or %G_MAXUINT
 *   (GTK_INVALID_LIST_POSITION) when it is not shown
 */
guint
tn_contact_filter_list_find (TnContactFilterList *self,
                             TnContact           *contact)
{
  g_return_val_if_fail (TN_IS_CONTACT_FILTER_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->shown->len; i++)
    {
      if (contact_at (self, g_array_index (self->shown, guint, i)) == contact)
        return i;
    }

  return G_MAXUINT;
}

static guint
find_remembered (TnContactFilterList *self,
                 const char          *key)
{
  for (guint i = 0; i < self->remembered->len; i++)
    {
      Remembered *remembered = g_ptr_array_index (self->remembered, i);

      if (g_str_equal (remembered->key, key))
        return i;
    }

  return G_MAXUINT;
}

/**
 * tn_contact_filter_list_remember_found:
 * @self: a list
 * @key: what names the search now asked (its text)
 *
 * Keeps who the first test finds now, under @key, for tn_contact_filter_list_recall_found();
 * the last few keys are kept, until the model or the first test changes.
 */
void
tn_contact_filter_list_remember_found (TnContactFilterList *self,
                                       const char          *key)
{
  guint index;
  Remembered *remembered;

  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));
  g_return_if_fail (key != NULL);

  index = find_remembered (self, key);
  if (index != G_MAXUINT)
    g_ptr_array_remove_index (self->remembered, index);
  else if (self->remembered->len == N_REMEMBERED)
    g_ptr_array_remove_index (self->remembered, 0);

  remembered = g_new0 (Remembered, 1);
  remembered->key = g_strdup (key);
  remembered->found = g_new0 (guint8, self->state->len / 8 + 1);
  for (guint i = 0; i < self->state->len; i++)
    {
      if ((self->state->data[i] & FOUND) != 0)
        remembered->found[i / 8] |= 1 << (i % 8);
    }
  g_ptr_array_add (self->remembered, remembered);
}

/**
 * tn_contact_filter_list_recall_found:
 * @self: a list
 * @key: what names the search the first test now asks
 *
 * If who the first test finds under @key is remembered, takes that as its answers, and
 * shows and announces the rows as tn_contact_filter_list_changed() would: no contact is
 * asked the first test.
 *
 * Returns: whether @key was remembered; if not, call tn_contact_filter_list_changed()
 */
gboolean
tn_contact_filter_list_recall_found (TnContactFilterList *self,
                                     const char          *key)
{
  guint index;
  Remembered *remembered;
  guint8 *state;

  g_return_val_if_fail (TN_IS_CONTACT_FILTER_LIST (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (self->old_shown == NULL, FALSE);

  index = find_remembered (self, key);
  if (index == G_MAXUINT)
    return FALSE;

  remembered = g_ptr_array_index (self->remembered, index);
  state = self->state->data;
  for (guint i = 0; i < self->state->len; i++)
    {
      if ((remembered->found[i / 8] & (1 << (i % 8))) == 0)
        state[i] &= ~FOUND;
      else if ((state[i] & FOUND) == 0)
        state[i] = ask_filters (self, i, state[i] | FOUND);
    }

  show (self, collect_shown (self));
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  return TRUE;
}

/* Classes */

/**
 * tn_contact_filter_list_set_classify:
 * @self: a list
 * @classify: (nullable): what puts a contact in its class, %NULL for class 0 for everyone
 * @user_data: for @classify; it must outlive the list or the next one
 *
 * Every contact's class is asked again when next needed.
 */
void
tn_contact_filter_list_set_classify (TnContactFilterList *self,
                                     TnContactClassify    classify,
                                     gpointer             user_data)
{
  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));

  self->classify = classify;
  self->classify_data = user_data;
  tn_contact_filter_list_forget_classes (self);
}

/**
 * tn_contact_filter_list_set_passing_classes:
 * @self: a list
 * @classes: the classes whose contacts pass the second test, one bit each (1 << class);
 *   %TN_CONTACT_ALL_CLASSES for any
 *
 * Part of the second test, with the test of tn_contact_filter_list_set_test(): asked of the
 * byte the list keeps, not of the contact. Sets it without asking it yet: call
 * tn_contact_filter_list_changed() next.
 */
void
tn_contact_filter_list_set_passing_classes (TnContactFilterList *self,
                                            guint                classes)
{
  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));

  self->passing_classes = classes & TN_CONTACT_ALL_CLASSES;
}

/**
 * tn_contact_filter_list_forget_classes:
 * @self: a list
 *
 * What put contacts in their classes changed for everyone (the day, the intervals): each
 * class is asked again when next needed. The second test is not asked again: call
 * tn_contact_filter_list_changed() when it asks classes.
 */
void
tn_contact_filter_list_forget_classes (TnContactFilterList *self)
{
  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));

  /* An empty array may have no data at all, and memset() must not be given NULL. */
  if (self->classes->len > 0)
    memset (self->classes->data, UNCLASSIFIED, self->classes->len);
  self->n_unclassified = self->classes->len;
  self->first_unclassified = 0;
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

/**
 * tn_contact_filter_list_classify:
 * @self: a list
 * @n: how many contacts at most
 *
 * Asks the class of up to @n more contacts whose class is not known, so that a count does
 * not ask them all at once (call it while idle).
 *
 * Returns: whether contacts whose class is not known remain
 */
gboolean
tn_contact_filter_list_classify (TnContactFilterList *self,
                                 guint                n)
{
  guint end;

  g_return_val_if_fail (TN_IS_CONTACT_FILTER_LIST (self), FALSE);

  end = self->first_unclassified + MIN (n, self->classes->len - self->first_unclassified);
  for (; self->first_unclassified < end; self->first_unclassified++)
    class_at (self, self->first_unclassified);

  return self->n_unclassified > 0;
}

/**
 * tn_contact_filter_list_get_n_unclassified:
 * @self: a list
 *
 * Returns: how many contacts' classes a count would ask first
 */
guint
tn_contact_filter_list_get_n_unclassified (TnContactFilterList *self)
{
  g_return_val_if_fail (TN_IS_CONTACT_FILTER_LIST (self), 0);

  return self->n_unclassified;
}

/**
 * tn_contact_filter_list_count_classes:
 * @self: a list
 * @all: (out caller-allocates): every contact of the model, per class
 * @found: (out caller-allocates): those the first test finds, shown or not, per class
 *
 * Asks the classes not known yet, then counts: one pass over what the list keeps, no
 * contact read or searched again.
 */
void
tn_contact_filter_list_count_classes (TnContactFilterList *self,
                                      guint                all[TN_CONTACT_N_CLASSES],
                                      guint                found[TN_CONTACT_N_CLASSES])
{
  const guint8 *classes;
  const guint8 *state;

  g_return_if_fail (TN_IS_CONTACT_FILTER_LIST (self));
  g_return_if_fail (all != NULL && found != NULL);

  memset (all, 0, TN_CONTACT_N_CLASSES * sizeof (guint));
  memset (found, 0, TN_CONTACT_N_CLASSES * sizeof (guint));
  /* Every contact before the first unclassified is classified (a change of the model moves
   * it back to where the change is). */
  tn_contact_filter_list_classify (self, G_MAXUINT);
  g_assert (self->n_unclassified == 0);

  classes = self->classes->data;
  state = self->state->data;
  for (guint i = 0; i < self->classes->len; i++)
    {
      all[classes[i]]++;
      found[classes[i]] += (state[i] & FOUND) != 0;
    }
}
