/* tn-sync-contact.c — the plain data sync carries: making, copying, comparing and
 * setting fields so that equal things compare equal (an unrated contact has no trust).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include <string.h>

#include "tn-sync-contact.h"

static const char * const field_names[TN_SYNC_N_FIELDS] = {
  [TN_SYNC_FIELD_FULL_NAME] = "full-name",
  [TN_SYNC_FIELD_GIVEN_NAME] = "given-name",
  [TN_SYNC_FIELD_FAMILY_NAME] = "family-name",
  [TN_SYNC_FIELD_ORGANIZATION] = "organization",
  [TN_SYNC_FIELD_TITLE] = "title",
  [TN_SYNC_FIELD_NOTE] = "note",
  [TN_SYNC_FIELD_BIRTHDAY] = "birthday",
  [TN_SYNC_FIELD_TRUST] = "trust",
  [TN_SYNC_FIELD_CADENCE] = "cadence",
  [TN_SYNC_FIELD_HEARD] = "heard",
};

/**
 * tn_sync_field_to_string:
 * @field: a field
 *
 * Returns: the field's name in cards and in the database
 */
const char *
tn_sync_field_to_string (TnSyncField field)
{
  g_return_val_if_fail (field < TN_SYNC_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
tn_sync_field_parse (const char  *text,
                     TnSyncField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    {
      if (g_strcmp0 (text, field_names[i]) == 0)
        {
          *field = (TnSyncField) i;
          return TRUE;
        }
    }

  return FALSE;
}

TnSyncInteraction *
tn_sync_interaction_new (const char        *uid,
                         TnInteractionKind  kind,
                         const char        *day)
{
  TnSyncInteraction *interaction = g_new0 (TnSyncInteraction, 1);

  g_return_val_if_fail (uid != NULL, NULL);

  interaction->uid = g_strdup (uid);
  interaction->kind = kind;
  interaction->day = g_strdup (day);
  interaction->one_on_one = TRUE;
  return interaction;
}

TnSyncInteraction *
tn_sync_interaction_copy (const TnSyncInteraction *interaction)
{
  TnSyncInteraction *copy;

  g_return_val_if_fail (interaction != NULL, NULL);

  copy = g_memdup2 (interaction, sizeof *interaction);
  copy->uid = g_strdup (interaction->uid);
  copy->day = g_strdup (interaction->day);
  copy->note = g_strdup (interaction->note);
  return copy;
}

void
tn_sync_interaction_free (TnSyncInteraction *interaction)
{
  if (interaction == NULL)
    return;

  g_free (interaction->uid);
  g_free (interaction->day);
  g_free (interaction->note);
  g_free (interaction);
}

/* Equal in what the person sees; the change time is bookkeeping. */
gboolean
tn_sync_interaction_equal (const TnSyncInteraction *a,
                           const TnSyncInteraction *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_str_equal (a->uid, b->uid) && a->kind == b->kind && g_strcmp0 (a->day, b->day) == 0 &&
         !a->one_on_one == !b->one_on_one && !a->gave_value == !b->gave_value &&
         g_strcmp0 (a->note, b->note) == 0;
}

TnSyncTombstone *
tn_sync_tombstone_new (const char *uid,
                       gint64      deleted_at)
{
  TnSyncTombstone *tombstone = g_new0 (TnSyncTombstone, 1);

  g_return_val_if_fail (uid != NULL, NULL);

  tombstone->uid = g_strdup (uid);
  tombstone->deleted_at = deleted_at;
  return tombstone;
}

void
tn_sync_tombstone_free (TnSyncTombstone *tombstone)
{
  if (tombstone == NULL)
    return;

  g_free (tombstone->uid);
  g_free (tombstone);
}

TnSyncContact *
tn_sync_contact_new (const char *uid)
{
  TnSyncContact *contact = g_new0 (TnSyncContact, 1);

  contact->uid = g_strdup (uid);
  contact->emails = g_ptr_array_new_with_free_func (g_free);
  contact->phones = g_ptr_array_new_with_free_func (g_free);
  contact->trust_history = g_array_new (FALSE, FALSE, sizeof (TnSyncTrustChange));
  contact->interactions = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_sync_interaction_free);
  contact->gone = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_sync_tombstone_free);
  return contact;
}

static void
copy_strings (GPtrArray *to,
              GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

TnSyncContact *
tn_sync_contact_copy (const TnSyncContact *contact)
{
  TnSyncContact *copy;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = tn_sync_contact_new (contact->uid);
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    {
      copy->fields[i] = g_strdup (contact->fields[i]);
      copy->times[i] = contact->times[i];
    }
  copy_strings (copy->emails, contact->emails);
  copy_strings (copy->phones, contact->phones);
  g_array_append_vals (copy->trust_history, contact->trust_history->data, contact->trust_history->len);
  for (guint i = 0; i < contact->interactions->len; i++)
    g_ptr_array_add (copy->interactions, tn_sync_interaction_copy (g_ptr_array_index (contact->interactions, i)));
  for (guint i = 0; i < contact->gone->len; i++)
    {
      const TnSyncTombstone *tombstone = g_ptr_array_index (contact->gone, i);

      g_ptr_array_add (copy->gone, tn_sync_tombstone_new (tombstone->uid, tombstone->deleted_at));
    }
  copy->vcard = g_strdup (contact->vcard);
  return copy;
}

void
tn_sync_contact_free (TnSyncContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->uid);
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    g_free (contact->fields[i]);
  g_ptr_array_unref (contact->emails);
  g_ptr_array_unref (contact->phones);
  g_array_unref (contact->trust_history);
  g_ptr_array_unref (contact->interactions);
  g_ptr_array_unref (contact->gone);
  g_free (contact->vcard);
  g_free (contact);
}

static gboolean
strings_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static const TnSyncInteraction *
find_interaction (const TnSyncContact *contact,
                  const char          *uid)
{
  for (guint i = 0; i < contact->interactions->len; i++)
    {
      const TnSyncInteraction *interaction = g_ptr_array_index (contact->interactions, i);

      if (g_str_equal (interaction->uid, uid))
        return interaction;
    }

  return NULL;
}

static gboolean
has_tombstone (const TnSyncContact *contact,
               const char          *uid)
{
  for (guint i = 0; i < contact->gone->len; i++)
    if (g_str_equal (((TnSyncTombstone *) g_ptr_array_index (contact->gone, i))->uid, uid))
      return TRUE;

  return FALSE;
}

/**
 * tn_sync_contact_equal:
 * @a: a contact
 * @b: another
 *
 * Whether a card of @a would tell another machine nothing @b does not: the same values,
 * addresses, history, interactions (in any order) and tombstones. Change times, and the
 * card the data came from, do not count: a server that rewrites a card changes neither.
 *
 * Returns: whether they are equal
 */
gboolean
tn_sync_contact_equal (const TnSyncContact *a,
                       const TnSyncContact *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->uid, b->uid) != 0)
    return FALSE;
  for (guint i = 0; i < TN_SYNC_N_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  if (!strings_equal (a->emails, b->emails) || !strings_equal (a->phones, b->phones))
    return FALSE;
  if (a->trust_history->len != b->trust_history->len)
    return FALSE;
  /* Field by field: the structs have padding that memcmp() would compare. */
  for (guint i = 0; i < a->trust_history->len; i++)
    {
      const TnSyncTrustChange *x = &g_array_index (a->trust_history, TnSyncTrustChange, i);
      const TnSyncTrustChange *y = &g_array_index (b->trust_history, TnSyncTrustChange, i);

      if (x->trust != y->trust || x->changed_at != y->changed_at)
        return FALSE;
    }
  if (a->interactions->len != b->interactions->len || a->gone->len != b->gone->len)
    return FALSE;
  for (guint i = 0; i < a->interactions->len; i++)
    {
      const TnSyncInteraction *mine = g_ptr_array_index (a->interactions, i);
      const TnSyncInteraction *theirs = find_interaction (b, mine->uid);

      if (theirs == NULL || !tn_sync_interaction_equal (mine, theirs))
        return FALSE;
    }
  for (guint i = 0; i < a->gone->len; i++)
    if (!has_tombstone (b, ((TnSyncTombstone *) g_ptr_array_index (a->gone, i))->uid))
      return FALSE;

  return TRUE;
}

/* The value that means "nothing" has one spelling, so that an unrated contact read from a
 * card equals one read from the database. */
static gboolean
is_empty_value (TnSyncField  field,
                const char  *value)
{
  if (value == NULL || *value == '\0')
    return TRUE;

  switch (field)
    {
    case TN_SYNC_FIELD_TRUST:
    case TN_SYNC_FIELD_CADENCE:
    case TN_SYNC_FIELD_HEARD:
      return g_str_equal (value, "0");
    case TN_SYNC_FIELD_FULL_NAME:
    case TN_SYNC_FIELD_GIVEN_NAME:
    case TN_SYNC_FIELD_FAMILY_NAME:
    case TN_SYNC_FIELD_ORGANIZATION:
    case TN_SYNC_FIELD_TITLE:
    case TN_SYNC_FIELD_NOTE:
    case TN_SYNC_FIELD_BIRTHDAY:
    case TN_SYNC_N_FIELDS:
    default:
      return FALSE;
    }
}

/**
 * tn_sync_text_new:
 * @text: (nullable): a value
 *
 * The value as a vCard can carry it: a card has one kind of line break, so CR LF and a
 * lone CR become LF. Whatever is compared with a card's value goes through this first,
 * or a note with CR LF would look changed after every sync.
 *
 * Returns: (transfer full) (nullable): the value with LF line breaks
 */
char *
tn_sync_text_new (const char *text)
{
  GString *result;

  if (text == NULL || strchr (text, '\r') == NULL)
    return g_strdup (text);

  result = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\r')
        g_string_append_c (result, *p);
      else if (p[1] != '\n')
        g_string_append_c (result, '\n');
    }

  return g_string_free (result, FALSE);
}

/**
 * tn_sync_contact_set:
 * @contact: a contact
 * @field: which field
 * @value: (nullable): its value; %NULL, "" (and "0" for trust, interval and heard) clear it;
 *   line breaks become LF (see tn_sync_text_new())
 * @changed_at: when it changed, Unix time, 0 for unknown
 */
void
tn_sync_contact_set (TnSyncContact *contact,
                     TnSyncField    field,
                     const char    *value,
                     gint64         changed_at)
{
  g_return_if_fail (contact != NULL);
  g_return_if_fail (field < TN_SYNC_N_FIELDS);

  g_free (contact->fields[field]);
  contact->fields[field] = is_empty_value (field, value) ? NULL : tn_sync_text_new (value);
  contact->times[field] = changed_at;
}

static int
compare_trust_changes (gconstpointer a,
                       gconstpointer b)
{
  const TnSyncTrustChange *x = a, *y = b;

  if (x->changed_at != y->changed_at)
    return x->changed_at < y->changed_at ? -1 : 1;
  return (int) x->trust - (int) y->trust;
}

/**
 * tn_sync_contact_add_trust_change:
 * @contact: a contact
 * @trust: the rating set
 * @changed_at: when
 *
 * Adds one step to the trust history, kept oldest first; a step it has already is not
 * added twice.
 */
void
tn_sync_contact_add_trust_change (TnSyncContact *contact,
                                  TnTrust        trust,
                                  gint64         changed_at)
{
  TnSyncTrustChange change = { trust, changed_at };

  g_return_if_fail (contact != NULL);

  for (guint i = 0; i < contact->trust_history->len; i++)
    if (compare_trust_changes (&g_array_index (contact->trust_history, TnSyncTrustChange, i), &change) == 0)
      return;

  g_array_append_val (contact->trust_history, change);
  g_array_sort (contact->trust_history, compare_trust_changes);
}

static void
statement_free (TnSyncStatement *statement)
{
  g_free (statement->text);
  g_free (statement);
}

TnSyncSelf *
tn_sync_self_new (void)
{
  TnSyncSelf *self = g_new0 (TnSyncSelf, 1);

  self->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) statement_free);
  self->checks = g_array_new (FALSE, FALSE, sizeof (TnSyncSelfCheck));
  return self;
}

TnSyncSelf *
tn_sync_self_copy (const TnSyncSelf *self)
{
  TnSyncSelf *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = tn_sync_self_new ();
  for (guint i = 0; i < self->statements->len; i++)
    {
      const TnSyncStatement *statement = g_ptr_array_index (self->statements, i);

      tn_sync_self_add_statement (copy, statement->text, statement->created_at);
    }
  g_array_append_vals (copy->checks, self->checks->data, self->checks->len);
  copy->goal = self->goal;
  copy->employer = g_strdup (self->employer);
  copy->vcard = g_strdup (self->vcard);
  return copy;
}

void
tn_sync_self_free (TnSyncSelf *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->statements);
  g_array_unref (self->checks);
  g_free (self->employer);
  g_free (self->vcard);
  g_free (self);
}

gboolean
tn_sync_self_equal (const TnSyncSelf *a,
                    const TnSyncSelf *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->goal != b->goal || g_strcmp0 (a->employer, b->employer) != 0 ||
      a->statements->len != b->statements->len || a->checks->len != b->checks->len)
    return FALSE;
  for (guint i = 0; i < a->statements->len; i++)
    {
      const TnSyncStatement *x = g_ptr_array_index (a->statements, i);
      const TnSyncStatement *y = g_ptr_array_index (b->statements, i);

      if (x->created_at != y->created_at || !g_str_equal (x->text, y->text))
        return FALSE;
    }

  for (guint i = 0; i < a->checks->len; i++)
    {
      const TnSyncSelfCheck *x = &g_array_index (a->checks, TnSyncSelfCheck, i);
      const TnSyncSelfCheck *y = &g_array_index (b->checks, TnSyncSelfCheck, i);

      if (x->answers != y->answers || x->taken_at != y->taken_at)
        return FALSE;
    }

  return TRUE;
}

static int
compare_statements (gconstpointer a,
                    gconstpointer b)
{
  const TnSyncStatement *x = *(TnSyncStatement **) a, *y = *(TnSyncStatement **) b;

  if (x->created_at != y->created_at)
    return x->created_at < y->created_at ? -1 : 1;
  return strcmp (x->text, y->text);
}

/**
 * tn_sync_self_add_statement:
 * @self: the person's data
 * @text: a brand statement version
 * @created_at: when it was saved
 *
 * Adds a version, kept oldest first; one it has already is not added twice.
 */
void
tn_sync_self_add_statement (TnSyncSelf *self,
                            const char *text,
                            gint64      created_at)
{
  TnSyncStatement *statement;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  for (guint i = 0; i < self->statements->len; i++)
    {
      TnSyncStatement *other = g_ptr_array_index (self->statements, i);

      if (other->created_at == created_at && g_str_equal (other->text, text))
        return;
    }

  statement = g_new0 (TnSyncStatement, 1);
  statement->text = g_strdup (text);
  statement->created_at = created_at;
  g_ptr_array_add (self->statements, statement);
  g_ptr_array_sort (self->statements, compare_statements);
}

static int
compare_checks (gconstpointer a,
                gconstpointer b)
{
  const TnSyncSelfCheck *x = a, *y = b;

  if (x->taken_at != y->taken_at)
    return x->taken_at < y->taken_at ? -1 : 1;
  return (int) x->answers - (int) y->answers;
}

/**
 * tn_sync_self_add_check:
 * @self: the person's data
 * @answers: a self-check's answers, as bits
 * @taken_at: when it was taken
 *
 * Adds a self-check, kept oldest first; one it has already is not added twice.
 */
void
tn_sync_self_add_check (TnSyncSelf *self,
                        guint       answers,
                        gint64      taken_at)
{
  TnSyncSelfCheck check = { answers, taken_at };

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (compare_checks (&g_array_index (self->checks, TnSyncSelfCheck, i), &check) == 0)
      return;

  g_array_append_val (self->checks, check);
  g_array_sort (self->checks, compare_checks);
}
