/* tn-sync-contact.c — the plain data sync carries: making, copying, comparing and
 * setting fields so that equal things compare equal (an unrated contact has no trust).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include <string.h>

#include "tn-duplicates.h"
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

/* The id is what changed, as imports compare it (tn_duplicates_name_key()), hashed: two
 * machines that import the same export before they sync notice the same change, and must
 * not show it twice. The day it was noticed is left out for that reason; the price is that
 * someone who makes the very same move twice has one job change, not two. */
static char *
job_change_id (const char *from_organization,
               const char *from_title,
               const char *to_organization,
               const char *to_title)
{
  const char *parts[] = { from_organization, from_title, to_organization, to_title };
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *checksum = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *folded = tn_duplicates_name_key (parts[i]);

      g_string_append_printf (key, "%s\037", folded != NULL ? folded : "");
    }

  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
  return g_strndup (checksum, 32);
}

static char *
nonempty_text (const char *text)
{
  return text != NULL && *text != '\0' ? tn_sync_text_new (text) : NULL;
}

/**
 * tn_sync_job_change_new:
 * @from_organization: (nullable): where they worked
 * @from_title: (nullable): as what
 * @to_organization: (nullable): where they work now
 * @to_title: (nullable): as what
 * @noticed_on: the day it was noticed, "YYYY-MM-DD"
 *
 * A job change, not dismissed, with its id made of the four jobs: the same change has the
 * same id on every machine, whoever noticed it when.
 *
 * Returns: (transfer full): the job change
 */
TnSyncJobChange *
tn_sync_job_change_new (const char *from_organization,
                        const char *from_title,
                        const char *to_organization,
                        const char *to_title,
                        const char *noticed_on)
{
  TnSyncJobChange *change;

  g_return_val_if_fail (noticed_on != NULL, NULL);

  change = g_new0 (TnSyncJobChange, 1);
  change->from_organization = nonempty_text (from_organization);
  change->from_title = nonempty_text (from_title);
  change->to_organization = nonempty_text (to_organization);
  change->to_title = nonempty_text (to_title);
  change->noticed_on = g_strdup (noticed_on);
  change->id = job_change_id (change->from_organization, change->from_title,
                              change->to_organization, change->to_title);
  return change;
}

TnSyncJobChange *
tn_sync_job_change_copy (const TnSyncJobChange *change)
{
  TnSyncJobChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_memdup2 (change, sizeof *change);
  copy->id = g_strdup (change->id);
  copy->from_organization = g_strdup (change->from_organization);
  copy->from_title = g_strdup (change->from_title);
  copy->to_organization = g_strdup (change->to_organization);
  copy->to_title = g_strdup (change->to_title);
  copy->noticed_on = g_strdup (change->noticed_on);
  return copy;
}

void
tn_sync_job_change_free (TnSyncJobChange *change)
{
  if (change == NULL)
    return;

  g_free (change->id);
  g_free (change->from_organization);
  g_free (change->from_title);
  g_free (change->to_organization);
  g_free (change->to_title);
  g_free (change->noticed_on);
  g_free (change);
}

/* Equal in all a card says, the dismissal's time included: it is the dismissal itself. */
gboolean
tn_sync_job_change_equal (const TnSyncJobChange *a,
                          const TnSyncJobChange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_str_equal (a->id, b->id) && g_strcmp0 (a->noticed_on, b->noticed_on) == 0 &&
         a->dismissed_at == b->dismissed_at &&
         g_strcmp0 (a->from_organization, b->from_organization) == 0 &&
         g_strcmp0 (a->from_title, b->from_title) == 0 &&
         g_strcmp0 (a->to_organization, b->to_organization) == 0 &&
         g_strcmp0 (a->to_title, b->to_title) == 0;
}

static int
compare_job_changes (gconstpointer a,
                     gconstpointer b)
{
  const TnSyncJobChange *x = *(TnSyncJobChange **) a, *y = *(TnSyncJobChange **) b;
  int by_day = g_strcmp0 (x->noticed_on, y->noticed_on);

  return by_day != 0 ? by_day : strcmp (x->id, y->id);
}

/* Of two spellings of one change, the one every machine keeps: the earlier noticed, or on
 * the same day the first in the order of its texts. */
static gboolean
job_change_precedes (const TnSyncJobChange *a,
                     const TnSyncJobChange *b)
{
  const char *mine[] = { a->noticed_on, a->from_organization, a->from_title, a->to_organization, a->to_title };
  const char *theirs[] = { b->noticed_on, b->from_organization, b->from_title, b->to_organization, b->to_title };

  for (guint i = 0; i < G_N_ELEMENTS (mine); i++)
    {
      int order = g_strcmp0 (mine[i], theirs[i]);

      if (order != 0)
        return order < 0;
    }

  return FALSE;
}

/* The earlier of two times, 0 being none. */
static gint64
earlier_time (gint64 a,
              gint64 b)
{
  return a == 0 ? b : b == 0 ? a : MIN (a, b);
}

/**
 * tn_sync_job_changes_add:
 * @job_changes: (element-type TnSyncJobChange): a contact's job changes
 * @change: (transfer full): one more
 *
 * Adds @change, kept by the day noticed; or, when the list has one with its id, folds it
 * into that one: the same change noticed twice (on two machines, say) is one, noticed on
 * the earlier day, and dismissed when either was, at the earlier time. Dismissal is
 * sticky, not "the later wins": nobody can take a dismissal back, so there is no later
 * "not dismissed" to win, and a machine that has not heard of a dismissal yet must not
 * put the change back on the dashboard. The spelling of the jobs is the earlier's, so
 * that every machine keeps the same one.
 */
void
tn_sync_job_changes_add (GPtrArray       *job_changes,
                         TnSyncJobChange *change)
{
  g_return_if_fail (job_changes != NULL);
  g_return_if_fail (change != NULL);

  for (guint i = 0; i < job_changes->len; i++)
    {
      TnSyncJobChange *known = g_ptr_array_index (job_changes, i);
      gint64 dismissed_at;

      if (!g_str_equal (known->id, change->id))
        continue;

      dismissed_at = earlier_time (known->dismissed_at, change->dismissed_at);
      if (job_change_precedes (change, known))
        {
          g_ptr_array_index (job_changes, i) = change;
          tn_sync_job_change_free (known);
          known = change;
        }
      else
        tn_sync_job_change_free (change);
      known->dismissed_at = dismissed_at;
      g_ptr_array_sort (job_changes, compare_job_changes);
      return;
    }

  g_ptr_array_add (job_changes, change);
  g_ptr_array_sort (job_changes, compare_job_changes);
}

TnSyncContact *
tn_sync_contact_new (const char *uid)
{
  TnSyncContact *contact = g_new0 (TnSyncContact, 1);

  contact->uid = g_strdup (uid);
  contact->emails = g_ptr_array_new_with_free_func (g_free);
  contact->phones = g_ptr_array_new_with_free_func (g_free);
  contact->urls = g_ptr_array_new_with_free_func (g_free);
  contact->job_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_sync_job_change_free);
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
  copy_strings (copy->urls, contact->urls);
  for (guint i = 0; i < contact->job_changes->len; i++)
    g_ptr_array_add (copy->job_changes, tn_sync_job_change_copy (g_ptr_array_index (contact->job_changes, i)));
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
  g_ptr_array_unref (contact->urls);
  g_ptr_array_unref (contact->job_changes);
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
 * addresses, web pages, history, interactions (in any order), tombstones and job changes. Change times, and the
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
  if (!strings_equal (a->emails, b->emails) || !strings_equal (a->phones, b->phones) ||
      !strings_equal (a->urls, b->urls) || a->job_changes->len != b->job_changes->len)
    return FALSE;
  /* Job changes are kept in one order (tn_sync_job_changes_add()). */
  for (guint i = 0; i < a->job_changes->len; i++)
    if (!tn_sync_job_change_equal (g_ptr_array_index (a->job_changes, i), g_ptr_array_index (b->job_changes, i)))
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

/**
 * tn_sync_contact_add_url:
 * @contact: a contact
 * @url: (nullable): a web page
 *
 * Adds a web page unless @contact has it already, written the same or in another way that
 * is the same page (tn_duplicates_url_key(): "linkedin.com/in/ada" and
 * "de.linkedin.com/in/ada/de" are one profile). The database and a card both go through
 * this, so a contact read from either has the same pages, and is not sent again and again
 * for a page written twice.
 */
void
tn_sync_contact_add_url (TnSyncContact *contact,
                         const char    *url)
{
  g_autofree char *key = tn_duplicates_url_key (url);

  g_return_if_fail (contact != NULL);

  if (key == NULL)
    return;
  for (guint i = 0; i < contact->urls->len; i++)
    {
      g_autofree char *other = tn_duplicates_url_key (g_ptr_array_index (contact->urls, i));

      if (g_strcmp0 (key, other) == 0)
        return;
    }

  g_ptr_array_add (contact->urls, g_strdup (url));
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
  copy->goal_changed_at = self->goal_changed_at;
  copy->employer_changed_at = self->employer_changed_at;
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

/* Equal in what they hold; change times are not compared, as tn_sync_contact_equal() does not:
 * the same goal set at two times is nothing to send. */
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
