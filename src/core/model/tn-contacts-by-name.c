/* tn-contacts-by-name.c — the contacts in the order of their names, kept so as the store's
 * list changes.
 *
 * A GtkSortListModel sorts 100,000 names in a few hundred milliseconds of the main thread,
 * each time it is given the list. Here the first order is made once, by a worker thread,
 * from a copy of the names taken when the list is made (while the window starts), and the
 * contacts take the collation keys it made. From then on a change touches only the
 * contacts it names: a renamed contact moves, an added one is put in its place by binary
 * search, and items-changed tells of just those rows. A large batch (an import another
 * process wrote) is sorted on its own and merged in, in one pass.
 *
 * The order: the collation key of the full name (tn_contact_get_sort_key()), then the id,
 * so equal names stay in the store's order, as a stable sort of the store's list has them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-contacts-by-name"

#include "config.h"

#include <string.h>

#include "tn-contact-private.h"
#include "tn-contacts-by-name.h"

/* Fewer contacts than this are ordered at once: starting a thread would cost more. */
#define ORDER_IN_THREAD_FROM 2000

/* More contacts than this in one items-changed are merged in one pass, not one by one. */
#define MERGE_FROM 64

typedef struct
{
  TnContact *contact;
  /* A GRefString: the key the contact is placed by, which stays until the list hears
   * that the contact changed, even if its name changed before. */
  char *key;
} Entry;

/* A name's place, as the worker finds it: the key, and where the contact is in the copy. */
typedef struct
{
  char *key;
  gint64 id;
  guint index;
} Placed;

/* The first order. The worker reads only @names and @ids, and writes only @order; the
 * contacts are touched on the main thread alone. */
typedef struct
{
  gint ref_count;
  GWeakRef owner;
  GMainContext *context;
  GThread *thread;
  /* The owner's count of changes to its source when the copy was taken. */
  guint64 stamp;
  GPtrArray *contacts;
  char **names;
  gint64 *ids;
  guint n;
  Placed *order;
  /* The same keys by position in @contacts, borrowed from @order. */
  char **keys;
} Job;

struct _TnContactsByName
{
  GObject parent_instance;

  GListModel *contacts;
  gulong items_changed_id;

  /* The source as last heard of, to know which contacts an items-changed took away. */
  GPtrArray *known;
  GArray *entries;
  gboolean ordered;
  /* Changes to the source heard of while the first order was being made: the worker's
   * copy is then out of date, and is made again. */
  guint64 stamp;
  Job *job;
};

enum {
  PROP_0,
  PROP_ORDERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void tn_contacts_by_name_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TnContactsByName, tn_contacts_by_name, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tn_contacts_by_name_model_init))

static int
compare_places (const char *key_a,
                gint64      id_a,
                const char *key_b,
                gint64      id_b)
{
  int order = strcmp (key_a, key_b);

  if (order != 0)
    return order;

  return (id_a > id_b) - (id_a < id_b);
}

/* ---- The first order ------------------------------------------------------------------- */

static Job *
job_ref (Job *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_int_dec_and_test (&job->ref_count))
    return;

  if (job->order != NULL)
    for (guint i = 0; i < job->n; i++)
      g_clear_pointer (&job->order[i].key, g_ref_string_release);
  g_free (job->order);
  g_free (job->keys);
  g_strfreev (job->names);
  g_free (job->ids);
  g_clear_pointer (&job->contacts, g_ptr_array_unref);
  g_clear_pointer (&job->thread, g_thread_unref);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_weak_ref_clear (&job->owner);
  g_free (job);
}

static int
compare_placed (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Placed *place_a = a;
  const Placed *place_b = b;

  return compare_places (place_a->key, place_a->id, place_b->key, place_b->id);
}

/* The worker's part; safe in any thread. */
static void
order_names (Job *job)
{
  job->order = g_new (Placed, job->n);
  for (guint i = 0; i < job->n; i++)
    {
      job->order[i].key = _tn_contact_make_sort_key (job->names[i]);
      job->order[i].id = job->ids[i];
      job->order[i].index = i;
    }

  g_qsort_with_data (job->order, job->n, sizeof (Placed), compare_placed, NULL);

  job->keys = g_new (char *, job->n);
  for (guint i = 0; i < job->n; i++)
    job->keys[job->order[i].index] = job->order[i].key;
}

static void take_job (TnContactsByName *self);

static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  g_autoptr(TnContactsByName) owner = g_weak_ref_get (&job->owner);

  if (owner != NULL && owner->job == job)
    take_job (owner);

  return G_SOURCE_REMOVE;
}

static gpointer
order_in_thread (gpointer data)
{
  Job *job = data;
  GSource *source;

  order_names (job);

  /* The source takes the thread's reference. */
  source = g_idle_source_new ();
  g_source_set_callback (source, job_done_cb, job, (GDestroyNotify) job_unref);
  g_source_attach (source, job->context);
  g_source_unref (source);

  return NULL;
}

static void
start_job (TnContactsByName *self)
{
  Job *job = g_new0 (Job, 1);

  g_assert (self->job == NULL);

  job->ref_count = 1;
  g_weak_ref_init (&job->owner, self);
  job->stamp = self->stamp;
  job->n = g_list_model_get_n_items (self->contacts);
  job->contacts = g_ptr_array_new_full (job->n, g_object_unref);
  job->names = g_new0 (char *, job->n + 1);
  job->ids = g_new (gint64, job->n);
  for (guint i = 0; i < job->n; i++)
    {
      TnContact *contact = g_list_model_get_item (self->contacts, i);
      const char *name = tn_contact_get_full_name (contact);

      g_ptr_array_add (job->contacts, contact);
      job->names[i] = g_strdup (name != NULL ? name : "");
      job->ids[i] = tn_contact_get_id (contact);
    }

  self->job = job;

  if (job->n < ORDER_IN_THREAD_FROM)
    {
      order_names (job);
      take_job (self);
      return;
    }

  job->context = g_main_context_ref_thread_default ();
  job->thread = g_thread_new ("tn-contacts-by-name", order_in_thread, job_ref (job));
}

/* Whether the worker's copy is still what the source holds, name for name. */
static gboolean
job_is_current (TnContactsByName *self,
                Job              *job)
{
  if (job->stamp != self->stamp)
    return FALSE;

  for (guint i = 0; i < job->n; i++)
    {
      const char *name = tn_contact_get_full_name (g_ptr_array_index (job->contacts, i));

      if (strcmp (name != NULL ? name : "", job->names[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The worker is done (or about to be, when called from tn_contacts_by_name_wait()): its
 * order is taken, or made again from a fresh copy if the source changed meanwhile. */
static void
take_job (TnContactsByName *self)
{
  Job *job = g_steal_pointer (&self->job);

  if (job->thread != NULL)
    g_thread_join (g_steal_pointer (&job->thread));

  if (!job_is_current (self, job))
    {
      job_unref (job);
      start_job (self);
      return;
    }

  /* The contacts are touched in the source's order, the order they lie in memory: in name
   * order each would be a cache miss, 100,000 of them on the main thread. */
  for (guint i = 0; i < job->n; i++)
    {
      TnContact *contact = g_ptr_array_index (job->contacts, i);

      _tn_contact_offer_sort_key (contact, job->names[i], job->keys[i]);
      g_object_ref (contact);
    }

  /* Each reference just taken goes to the contact's entry, with the key. */
  g_array_set_size (self->entries, job->n);
  for (guint i = 0; i < job->n; i++)
    {
      Placed *place = &job->order[i];
      Entry *entry = &g_array_index (self->entries, Entry, i);

      entry->contact = g_ptr_array_index (job->contacts, place->index);
      entry->key = g_steal_pointer (&place->key);
    }

  g_clear_pointer (&self->known, g_ptr_array_unref);
  self->known = g_steal_pointer (&job->contacts);
  self->ordered = TRUE;
  job_unref (job);

  if (self->entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->entries->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDERED]);
}

/* ---- Keeping the order ----------------------------------------------------------------- */

/* The first position whose entry does not come before (@key, @id). */
static guint
lower_bound (TnContactsByName *self,
             const char       *key,
             gint64            id)
{
  guint low = 0;
  guint high = self->entries->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      Entry *entry = &g_array_index (self->entries, Entry, middle);

      if (compare_places (entry->key, tn_contact_get_id (entry->contact), key, id) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Where @contact is: by its key, unless it was renamed since it was placed. */
static gboolean
find_entry (TnContactsByName *self,
            TnContact        *contact,
            guint            *position)
{
  guint found = lower_bound (self, tn_contact_get_sort_key (contact), tn_contact_get_id (contact));

  if (found < self->entries->len && g_array_index (self->entries, Entry, found).contact == contact)
    {
      *position = found;
      return TRUE;
    }

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).contact == contact)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->contact);
  g_clear_pointer (&entry->key, g_ref_string_release);
}

static Entry
entry_for (TnContact *contact)
{
  return (Entry) { g_object_ref (contact), _tn_contact_ref_sort_key (contact) };
}

static guint
insert_entry (TnContactsByName *self,
              Entry             entry)
{
  guint position = lower_bound (self, entry.key, tn_contact_get_id (entry.contact));

  g_array_insert_val (self->entries, position, entry);
  return position;
}

static void
remove_contact (TnContactsByName *self,
                TnContact        *contact)
{
  guint position;

  if (!find_entry (self, contact, &position))
    return;

  g_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
add_contact (TnContactsByName *self,
             TnContact        *contact)
{
  guint position = insert_entry (self, entry_for (contact));

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* The store replaced @contact with itself: something of it changed. Its row is told so
 * where it is, or moves if its name now sorts elsewhere. */
static void
reconsider_contact (TnContactsByName *self,
                    TnContact        *contact)
{
  const char *key = tn_contact_get_sort_key (contact);
  guint position;
  Entry *entry;

  if (!find_entry (self, contact, &position))
    {
      add_contact (self, contact);
      return;
    }

  entry = &g_array_index (self->entries, Entry, position);
  if (strcmp (entry->key, key) == 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  g_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  add_contact (self, contact);
}

static gboolean
contains (GPtrArray *contacts,
          TnContact *contact)
{
  return g_ptr_array_find (contacts, contact, NULL);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;

  return compare_places (entry_a->key, tn_contact_get_id (entry_a->contact),
                         entry_b->key, tn_contact_get_id (entry_b->contact));
}

/* Many contacts at once: those that left or changed are taken out, and those that came or
 * changed, sorted among themselves, are merged in; one items-changed covers the rows
 * from the first to the last that moved, came, went or changed. */
static void
merge_changes (TnContactsByName *self,
               GPtrArray        *gone,
               GPtrArray        *arrived)
{
  g_autoptr(GHashTable) leaving = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) batch = g_array_sized_new (FALSE, FALSE, sizeof (Entry), arrived->len);
  GArray *old = self->entries;
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (Entry), old->len + arrived->len);
  guint i = 0, j = 0, head = 0, tail = 0;

  for (guint k = 0; k < gone->len; k++)
    g_hash_table_add (leaving, g_ptr_array_index (gone, k));
  for (guint k = 0; k < arrived->len; k++)
    {
      Entry entry = entry_for (g_ptr_array_index (arrived, k));

      g_hash_table_add (leaving, entry.contact);
      g_array_append_val (batch, entry);
    }
  g_array_sort (batch, compare_entries);

  while (i < old->len || j < batch->len)
    {
      Entry *kept = i < old->len ? &g_array_index (old, Entry, i) : NULL;
      Entry *came = j < batch->len ? &g_array_index (batch, Entry, j) : NULL;

      if (kept != NULL && g_hash_table_contains (leaving, kept->contact))
        i++;
      else if (came != NULL && (kept == NULL || compare_entries (came, kept) < 0))
        {
          g_array_append_val (merged, *came);
          j++;
        }
      else
        {
          g_array_append_val (merged, *kept);
          i++;
        }
    }

  /* The rows before the first change and after the last are the same objects. */
  while (head < old->len && head < merged->len &&
         g_array_index (old, Entry, head).contact == g_array_index (merged, Entry, head).contact &&
         !g_hash_table_contains (leaving, g_array_index (merged, Entry, head).contact))
    head++;
  while (tail < old->len - head && tail < merged->len - head &&
         g_array_index (old, Entry, old->len - 1 - tail).contact == g_array_index (merged, Entry, merged->len - 1 - tail).contact &&
         !g_hash_table_contains (leaving, g_array_index (merged, Entry, merged->len - 1 - tail).contact))
    tail++;

  /* Kept and arrived entries now belong to @merged; those of the contacts that left or
   * changed are let go here. */
  for (guint k = 0; k < old->len; k++)
    if (g_hash_table_contains (leaving, g_array_index (old, Entry, k).contact))
      clear_entry (&g_array_index (old, Entry, k));
  g_array_set_clear_func (merged, clear_entry);
  self->entries = merged;

  if (old->len - head - tail > 0 || merged->len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old->len - head - tail, merged->len - head - tail);

  g_array_set_clear_func (old, NULL);
  g_array_unref (old);
}

static void
on_contacts_changed_cb (TnContactsByName *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *contacts)
{
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) arrived = NULL;

  if (!self->ordered)
    {
      self->stamp++;
      return;
    }

  gone = g_ptr_array_new_full (removed, g_object_unref);
  for (guint k = 0; k < removed; k++)
    g_ptr_array_add (gone, g_object_ref (g_ptr_array_index (self->known, position + k)));
  arrived = g_ptr_array_new_full (added, g_object_unref);
  for (guint k = 0; k < added; k++)
    g_ptr_array_add (arrived, g_list_model_get_item (contacts, position + k));

  g_ptr_array_remove_range (self->known, position, removed);
  g_ptr_array_set_size (self->known, self->known->len + added);
  memmove (self->known->pdata + position + added, self->known->pdata + position,
           (self->known->len - added - position) * sizeof (gpointer));
  for (guint k = 0; k < added; k++)
    self->known->pdata[position + k] = g_object_ref (g_ptr_array_index (arrived, k));

  if (removed + added > 2 * MERGE_FROM)
    {
      merge_changes (self, gone, arrived);
      return;
    }

  /* A contact replaced by itself is the store saying it changed. */
  for (guint k = 0; k < gone->len; k++)
    if (!contains (arrived, g_ptr_array_index (gone, k)))
      remove_contact (self, g_ptr_array_index (gone, k));
  for (guint k = 0; k < arrived->len; k++)
    {
      if (contains (gone, g_ptr_array_index (arrived, k)))
        reconsider_contact (self, g_ptr_array_index (arrived, k));
      else
        add_contact (self, g_ptr_array_index (arrived, k));
    }
}

/* ---- The object ------------------------------------------------------------------------ */

static GType
tn_contacts_by_name_get_item_type (GListModel *model)
{
  return TN_TYPE_CONTACT;
}

static guint
tn_contacts_by_name_get_n_items (GListModel *model)
{
  return TN_CONTACTS_BY_NAME (model)->entries->len;
}

static gpointer
tn_contacts_by_name_get_item (GListModel *model,
                              guint       position)
{
  TnContactsByName *self = TN_CONTACTS_BY_NAME (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_array_index (self->entries, Entry, position).contact);
}

static void
tn_contacts_by_name_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tn_contacts_by_name_get_item_type;
  iface->get_n_items = tn_contacts_by_name_get_n_items;
  iface->get_item = tn_contacts_by_name_get_item;
}

static void
tn_contacts_by_name_dispose (GObject *object)
{
  TnContactsByName *self = (TnContactsByName *) object;

  if (self->contacts != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->contacts);
  /* A worker still running finishes on its own; its result then finds no owner. */
  g_clear_pointer (&self->job, job_unref);
  g_clear_object (&self->contacts);
  g_clear_pointer (&self->known, g_ptr_array_unref);

  G_OBJECT_CLASS (tn_contacts_by_name_parent_class)->dispose (object);
}

static void
tn_contacts_by_name_finalize (GObject *object)
{
  TnContactsByName *self = (TnContactsByName *) object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (tn_contacts_by_name_parent_class)->finalize (object);
}

static void
tn_contacts_by_name_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TnContactsByName *self = TN_CONTACTS_BY_NAME (object);

  switch (prop_id)
    {
    case PROP_ORDERED:
      g_value_set_boolean (value, self->ordered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_contacts_by_name_class_init (TnContactsByNameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_contacts_by_name_dispose;
  object_class->finalize = tn_contacts_by_name_finalize;
  object_class->get_property = tn_contacts_by_name_get_property;

  /**
   * TnContactsByName:ordered:
   *
   * Whether the first order is made; until then the list is empty.
   */
  properties[PROP_ORDERED] =
    g_param_spec_boolean ("ordered", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_contacts_by_name_init (TnContactsByName *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
}

/**
 * tn_contacts_by_name_new:
 * @contacts: a #GListModel of #TnContact, the store's list
 *
 * Starts ordering the contacts: at once for a few, else in a worker thread, and the list
 * fills (one items-changed) when the order is made; tn_contacts_by_name_wait() waits.
 *
 * Returns: (transfer full): a list of the contacts of @contacts, in the order of their names
 */
TnContactsByName *
tn_contacts_by_name_new (GListModel *contacts)
{
  TnContactsByName *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);
  g_return_val_if_fail (g_list_model_get_item_type (contacts) == TN_TYPE_CONTACT, NULL);

  self = g_object_new (TN_TYPE_CONTACTS_BY_NAME, NULL);
  self->contacts = g_object_ref (contacts);
  self->items_changed_id = g_signal_connect_object (contacts, "items-changed",
                                                    G_CALLBACK (on_contacts_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  start_job (self);

  return self;
}

/**
 * tn_contacts_by_name_is_ordered:
 * @self: a list
 *
 * Returns: whether the first order is made and the list holds the contacts
 */
gboolean
tn_contacts_by_name_is_ordered (TnContactsByName *self)
{
  g_return_val_if_fail (TN_IS_CONTACTS_BY_NAME (self), FALSE);

  return self->ordered;
}

/**
 * tn_contacts_by_name_wait:
 * @self: a list
 *
 * Waits for the worker making the first order, if it is still at work, and fills the list:
 * for when the rows are needed now.
 */
void
tn_contacts_by_name_wait (TnContactsByName *self)
{
  g_return_if_fail (TN_IS_CONTACTS_BY_NAME (self));

  /* The source cannot change while this waits: a second round only if it did before. */
  while (!self->ordered)
    take_job (self);
}
