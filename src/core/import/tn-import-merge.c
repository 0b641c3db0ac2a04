/* tn-import-merge.c — the importer's merge step: a card matched to a contact TrustNet
 * already has fills its empty fields and adds its new addresses, and a new employer or
 * title is recorded as a job change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Addresses are compared through sets of keys made once per merge: comparing each incoming
 * address with every address of the contact made a card of 40,000 addresses (or phone
 * numbers) matching a contact quadratic.
 */
#define G_LOG_DOMAIN "tn-importer"

#include "config.h"

#include "tn-import-merge-private.h"

static const char *
card_field (const TnVcardCard *card,
            TnImportField      field)
{
  switch ((int) field)
    {
    case TN_IMPORT_FIELD_GIVEN_NAME:
      return card->given_name;
    case TN_IMPORT_FIELD_FAMILY_NAME:
      return card->family_name;
    case TN_IMPORT_FIELD_ORGANIZATION:
      return card->organization;
    case TN_IMPORT_FIELD_TITLE:
      return card->title;
    case TN_IMPORT_FIELD_NOTE:
      return card->note;
    case TN_IMPORT_FIELD_BIRTHDAY:
      return card->birthday;
    case TN_IMPORT_FIELD_VCARD:
      return card->vcard;
    case TN_IMPORT_FIELD_CONNECTED_ON:
      return card->connected_on;
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* The keys of a list of addresses as a set. A value without a key (a short phone number,
 * text) is kept under its digits, or as itself: merging adds it once all the same. The
 * value is the address the key was made from, for tn_duplicates_phones_match(). */
typedef char *(*KeyFunc) (const char *value);

static char *
phone_set_key (const char *phone)
{
  char *key = tn_duplicates_phone_key (phone);

  if (key == NULL)
    key = tn_duplicates_phone_digits (phone);
  return key != NULL ? key : g_strconcat ("=", phone, NULL);
}

static char *
email_set_key (const char *email)
{
  char *key = tn_duplicates_email_key (email);

  return key != NULL ? key : g_strdup ("");
}

static char *
url_set_key (const char *url)
{
  char *key = tn_duplicates_url_key (url);

  return key != NULL ? key : g_strdup ("");
}

/* The keys of a contact's addresses of one kind. A contact has a handful, so a list
 * searched from its start does: a hash table made and freed for each kind of address of
 * every merge cost a second import of 30,000 cards 70 M instructions, 4% of its writer
 * (callgrind). */
static GPtrArray *
key_set_new (GStrv   values,
             KeyFunc key_func)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (keys, key_func (values[i]));

  return keys;
}

/* Adds @value's key to @keys unless an address with its key is there; FALSE when one was.
 * A phone number found under its key is the same number by the phone rule: the key is its
 * E.164 form, which libphonenumber compares. */
static gboolean
key_set_add (GPtrArray  *keys,
             KeyFunc     key_func,
             const char *value)
{
  char *key = key_func (value);

  if (g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
    {
      g_free (key);
      return FALSE;
    }

  g_ptr_array_add (keys, key);
  return TRUE;
}

/* Adds the addresses of @values that @keys lacks, as @field. */
static gboolean
add_new_values (TnImportWriter    *writer,
                TnDuplicateIndex  *index,
                gint64             batch_id,
                gint64             id,
                TnImportField      field,
                GStrv              known,
                GStrv              values,
                KeyFunc            key_func,
                gboolean          *changed,
                GError           **error)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (values == NULL || values[0] == NULL)
    return TRUE;

  /* The set grows as the card's values are added, so that a card listing one twice adds
   * it once. */
  keys = key_set_new (known, key_func);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (!key_set_add (keys, key_func, values[i]))
        continue;
      if (!tn_import_writer_add_value (writer, id, batch_id, field, values[i], error))
        return FALSE;

      if (field == TN_IMPORT_FIELD_EMAIL)
        tn_duplicate_index_add_email (index, values[i], id);
      else if (field == TN_IMPORT_FIELD_PHONE)
        tn_duplicate_index_add_phone (index, values[i], id);
      else
        tn_duplicate_index_add_url (index, values[i], id);
      *changed = TRUE;
    }

  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *key_a = tn_duplicates_name_key (a);
  g_autofree char *key_b = tn_duplicates_name_key (b);

  return g_strcmp0 (key_a, key_b) == 0;
}

/**
 * _tn_import_is_job_change:
 * @organization: (nullable): where the contact works, as TrustNet has it
 * @title: (nullable): as what
 * @card: a card of the same person
 * @to_organization: (out): where the card says they work now
 * @to_title: (out): as what
 *
 * A card changes a job when it names an organization or title and the contact has one that
 * differs (case and blanks aside). A contact without either simply has them filled. What
 * the card leaves out stays, except the title when the organization changed: the old title
 * was at the old place.
 *
 * Returns: %TRUE for a job change
 */
gboolean
_tn_import_is_job_change (const char         *organization,
                          const char         *title,
                          const TnVcardCard  *card,
                          char              **to_organization,
                          char              **to_title)
{
  gboolean new_organization = card->organization != NULL && organization != NULL &&
                              !same_text (card->organization, organization);
  gboolean new_title = card->title != NULL && title != NULL && !same_text (card->title, title);

  *to_organization = NULL;
  *to_title = NULL;
  if (!new_organization && !new_title)
    return FALSE;

  *to_organization = g_strdup (card->organization != NULL ? card->organization : organization);
  *to_title = g_strdup (card->title != NULL ? card->title : new_organization ? NULL : title);
  return TRUE;
}

/**
 * _tn_import_merge_card:
 * @writer: the import's writer, inside a batch
 * @index: the import's index, which learns the addresses added
 * @batch_id: the batch
 * @id: the contact @card was matched to
 * @card: the card
 * @changed: (out): whether the contact gained anything
 * @error: return location for a #GError
 *
 * Adds what @card has and contact @id lacks: its empty fields filled, its new addresses
 * and web pages. Nothing the contact has is overwritten, its rating included, except its
 * organization and title when the card says the person changed jobs: then the change is
 * recorded (tn_import_writer_record_job_change()). The contact's row is written once, at
 * the end (tn_import_writer_update_contact()).
 *
 * Returns: %FALSE on a database error
 */
gboolean
_tn_import_merge_card (TnImportWriter     *writer,
                       TnDuplicateIndex   *index,
                       gint64              batch_id,
                       gint64              id,
                       const TnVcardCard  *card,
                       gboolean           *changed,
                       GError            **error)
{
  g_auto(TnImportMergeTarget) target = { { NULL } };
  g_autofree char *to_organization = NULL;
  g_autofree char *to_title = NULL;
  const char *fields[TN_IMPORT_N_TEXT_FIELDS];
  gboolean job_changed;

  *changed = FALSE;
  if (!tn_import_writer_read_contact (writer, id, &target, error))
    return FALSE;

  job_changed = _tn_import_is_job_change (target.fields[TN_IMPORT_FIELD_ORGANIZATION],
                                          target.fields[TN_IMPORT_FIELD_TITLE], card,
                                          &to_organization, &to_title);
  if (job_changed)
    {
      if (!tn_import_writer_record_job_change (writer, id, batch_id, &target, to_organization, to_title, error))
        return FALSE;
      *changed = TRUE;
    }

  for (guint field = 0; field < TN_IMPORT_N_TEXT_FIELDS; field++)
    {
      const char *value = card_field (card, field);

      fields[field] = target.fields[field];
      if (job_changed && (field == TN_IMPORT_FIELD_ORGANIZATION || field == TN_IMPORT_FIELD_TITLE))
        fields[field] = field == TN_IMPORT_FIELD_ORGANIZATION ? to_organization : to_title;
      else if (target.fields[field] == NULL && value != NULL)
        {
          if (!tn_import_writer_add_value (writer, id, batch_id, field, value, error))
            return FALSE;
          fields[field] = value;
          *changed = TRUE;
        }
    }

  if (!add_new_values (writer, index, batch_id, id, TN_IMPORT_FIELD_EMAIL, target.emails, card->emails,
                       email_set_key, changed, error) ||
      !add_new_values (writer, index, batch_id, id, TN_IMPORT_FIELD_PHONE, target.phones, card->phones,
                       phone_set_key, changed, error) ||
      !add_new_values (writer, index, batch_id, id, TN_IMPORT_FIELD_URL, target.urls, card->urls,
                       url_set_key, changed, error))
    return FALSE;

  return !*changed || tn_import_writer_update_contact (writer, id, &target, fields, error);
}
