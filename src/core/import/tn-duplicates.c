/* tn-duplicates.c — the rules that decide when an imported card is a contact TrustNet
 * already has, and a hash index that applies them to 100,000 cards without a query each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, tried in order, the first that finds a contact deciding:
 *   1. the same UID (exactly);
 *   2. an email address in common, ignoring case and surrounding blanks;
 *   3. a phone number in common. Numbers are compared on their digits. A number written
 *      with a country code ("+44 20 7946 0958", "0044 20 …") matches the same number
 *      written with the national trunk 0 ("020 7946 0958") or without it, when its digits
 *      end with the other's and the country code is 1 to 3 digits. Numbers with fewer than
 *      TN_DUPLICATES_MIN_PHONE_DIGITS significant digits ("555 0100", "+1 555 0100") never
 *      match: without an area code they are not one person's.
 * A name alone never matches: two Ada Lovelaces with nothing else in common are counted as
 * possible duplicates for the person to decide.
 */
#define G_LOG_DOMAIN "tn-duplicates"

#include "config.h"

#include <string.h>

#include "tn-duplicates.h"
#include "tn-text.h"

/* The longest country code, in digits. */
#define MAX_COUNTRY_CODE_DIGITS 3

struct _TnDuplicateIndex
{
  GHashTable *uids;   /* uid → id, or 0 for the uid of a removed contact */
  GHashTable *emails; /* email key → id */
  GHashTable *phones; /* phone index key (see add_phone) → id */
  GHashTable *names;  /* name key → how many contacts have it */
};

/**
 * tn_duplicates_email_key:
 * @email: (nullable): an email address as written
 *
 * Returns: (transfer full) (nullable): the address as the email rule compares it, or %NULL
 */
char *
tn_duplicates_email_key (const char *email)
{
  const char *start, *end;

  if (email == NULL)
    return NULL;

  /* tn_text_normalize_email() gives the same for ASCII, four times slower: an import
   * normalises every address of every card. */
  for (start = email; g_ascii_isspace (*start); start++)
    ;
  for (end = start; *end != '\0'; end++)
    {
      if ((guchar) *end >= 0x80)
        return tn_text_normalize_email (email);
    }
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (end == start)
    return NULL;

  return g_ascii_strdown (start, end - start);
}

/* Whether the digits end here: an extension ("x12", "ext. 12", ";ext=12") or pause (",")
 * is not part of the number. */
static gboolean
ends_number (char c)
{
  return g_ascii_isalpha (c) || c == ',' || c == ';';
}

/* No phone number has this many digits; longer runs are not numbers to match on. */
#define MAX_PHONE_DIGITS 32

/* The significant digits of @phone into @digits (see tn_duplicates_phone_key()), without
 * allocating: an import does this for every number of every card. Returns their count, or
 * 0 when the number cannot identify anyone. */
static gsize
phone_key_digits (const char *phone,
                  char        digits[MAX_PHONE_DIGITS + 1],
                  gboolean   *international)
{
  const char *p;
  gboolean plus;
  gsize len = 0;
  gsize skip = 0;

  *international = FALSE;
  if (phone == NULL)
    return 0;

  for (p = phone; g_ascii_isspace (*p); p++)
    ;
  if (g_ascii_strncasecmp (p, "tel:", 4) == 0)
    p += 4;
  plus = *p == '+';

  for (; *p != '\0' && !ends_number (*p); p++)
    {
      if (plus && p[0] == '(' && p[1] == '0' && p[2] == ')')
        p += 2;
      else if (g_ascii_isdigit (*p))
        {
          if (len == MAX_PHONE_DIGITS)
            return 0;
          digits[len++] = *p;
        }
    }

  if (!plus && len >= 2 && digits[0] == '0' && digits[1] == '0')
    {
      plus = TRUE;
      skip = 2;
    }
  else if (!plus && len >= 1 && digits[0] == '0')
    skip = 1;

  if (len - skip < TN_DUPLICATES_MIN_PHONE_DIGITS)
    return 0;

  memmove (digits, digits + skip, len - skip);
  digits[len - skip] = '\0';
  *international = plus;
  return len - skip;
}

/**
 * tn_duplicates_phone_key:
 * @phone: (nullable): a phone number as written
 * @international: (out) (optional): whether the key starts with a country code
 *
 * The significant digits of @phone: without "+" or "00" (then @international), without a
 * national trunk 0, without "(0)" after a country code, without an extension.
 *
 * Returns: (transfer full) (nullable): the digits, or %NULL when there are fewer than
 *   %TN_DUPLICATES_MIN_PHONE_DIGITS and the number cannot identify anyone
 */
char *
tn_duplicates_phone_key (const char *phone,
                         gboolean   *international)
{
  char digits[MAX_PHONE_DIGITS + 1];
  gboolean plus;

  if (phone_key_digits (phone, digits, &plus) == 0)
    {
      if (international != NULL)
        *international = FALSE;
      return NULL;
    }

  if (international != NULL)
    *international = plus;
  return g_strdup (digits);
}

/**
 * tn_duplicates_phone_digits:
 * @phone: (nullable): a phone number as written
 *
 * What tn_text_normalize_phone() gives, the digits and a leading plus, which the phones
 * table stores, without its GString: an import does this for every number.
 *
 * Returns: (transfer full) (nullable): the digits, or %NULL if there are none
 */
char *
tn_duplicates_phone_digits (const char *phone)
{
  gsize len, n = 0;
  char *digits;

  if (phone == NULL)
    return NULL;

  len = strlen (phone);
  digits = g_malloc (len + 1);
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits[n++] = *p;
      else if (*p == '+' && n == 0)
        digits[n++] = '+';
    }

  if (n == 0 || (n == 1 && digits[0] == '+'))
    {
      g_free (digits);
      return NULL;
    }

  digits[n] = '\0';
  return digits;
}

/* Whether the national number @national is @full without a country code. */
static gboolean
is_national_part (const char *full,
                  const char *national)
{
  gsize full_len = strlen (full);
  gsize national_len = strlen (national);

  return full_len >= national_len &&
         full_len - national_len <= MAX_COUNTRY_CODE_DIGITS &&
         strcmp (full + full_len - national_len, national) == 0;
}

/**
 * tn_duplicates_phones_match:
 * @a: (nullable): a phone number as written
 * @b: (nullable): another
 *
 * Whether @a and @b are the same number by the phone rule. Numbers too short for the rule
 * match only when their digits are equal, and text without digits (Outlook writes
 * "BusinessPhone") only itself, so that merging never adds a number twice.
 *
 * Returns: %TRUE if they are the same number
 */
gboolean
tn_duplicates_phones_match (const char *a,
                            const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  gboolean international_a, international_b;

  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;

  key_a = tn_duplicates_phone_key (a, &international_a);
  key_b = tn_duplicates_phone_key (b, &international_b);

  if (key_a == NULL || key_b == NULL)
    {
      g_autofree char *digits_a = tn_duplicates_phone_digits (a);
      g_autofree char *digits_b = tn_duplicates_phone_digits (b);

      return digits_a != NULL && g_strcmp0 (digits_a, digits_b) == 0;
    }

  if (international_a == international_b)
    return strcmp (key_a, key_b) == 0;
  if (international_a)
    return is_national_part (key_a, key_b);
  return is_national_part (key_b, key_a);
}

/**
 * tn_duplicates_name_key:
 * @full_name: (nullable): a full name
 *
 * Returns: (transfer full) (nullable): the name as possible duplicates compare it: trimmed,
 *   case-folded, composed accents and decomposed ones alike; %NULL when empty
 */
char *
tn_duplicates_name_key (const char *full_name)
{
  g_autofree char *trimmed = tn_text_clean_line (full_name);
  gboolean ascii = TRUE;

  if (trimmed == NULL)
    return NULL;

  for (const char *p = trimmed; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;

  /* Most names are ASCII; folding them the Unicode way costs ten times as much. */
  if (ascii)
    return g_ascii_strdown (trimmed, -1);

  return tn_text_fold_for_search (trimmed);
}

/* ---- The index ---------------------------------------------------------------------- */

TnDuplicateIndex *
tn_duplicate_index_new (void)
{
  TnDuplicateIndex *self = g_new0 (TnDuplicateIndex, 1);

  self->uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
tn_duplicate_index_free (TnDuplicateIndex *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->uids);
  g_hash_table_unref (self->emails);
  g_hash_table_unref (self->phones);
  g_hash_table_unref (self->names);
  g_free (self);
}

static gint64
lookup_id (GHashTable *table,
           const char *key)
{
  return (gint64) (guintptr) g_hash_table_lookup (table, key);
}

/* Takes @key. The oldest contact (the lowest id) keeps a key several contacts share, as
 * when the index is read from the database, so that importing a file again matches its
 * cards to the contacts the first import matched them to. */
static void
insert_id (GHashTable *table,
           char       *key,
           gint64      id)
{
  gpointer current;

  if (g_hash_table_lookup_extended (table, key, NULL, &current) &&
      (gint64) (guintptr) current <= id)
    g_free (key);
  else
    g_hash_table_replace (table, key, (gpointer) (guintptr) id);
}

/* The first uid given keeps it: a uid belongs to one contact only (0 for a removed one). */
static void
insert_uid (GHashTable *table,
            char       *uid,
            gint64      id)
{
  if (g_hash_table_contains (table, uid))
    g_free (uid);
  else
    g_hash_table_insert (table, uid, (gpointer) (guintptr) id);
}

/**
 * tn_duplicate_index_add_uid:
 * @self: an index
 * @uid: (nullable): a contact's uid
 * @id: the contact's id, or 0 for a uid that is taken but must not match (a removed
 *   contact's, which still holds it in the database until it is purged)
 */
void
tn_duplicate_index_add_uid (TnDuplicateIndex *self,
                            const char       *uid,
                            gint64            id)
{
  g_return_if_fail (self != NULL);

  if (uid != NULL)
    insert_uid (self->uids, g_strdup (uid), id);
}

/**
 * tn_duplicate_index_has_uid:
 * @self: an index
 * @uid: a uid
 *
 * Returns: %TRUE if a contact, even a removed one, has @uid: a new contact needs another
 */
gboolean
tn_duplicate_index_has_uid (TnDuplicateIndex *self,
                            const char       *uid)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return uid != NULL && g_hash_table_contains (self->uids, uid);
}

void
tn_duplicate_index_add_email (TnDuplicateIndex *self,
                              const char       *email,
                              gint64            id)
{
  char *key;

  g_return_if_fail (self != NULL);

  key = tn_duplicates_email_key (email);
  if (key != NULL)
    insert_id (self->emails, key, id);
}

/* The phone rule as hash keys. A number with a country code, digits D, is filed as "+D"
 * and, for each length its country code may have, as "s" + what would be left of D without
 * it; a national number N is filed as "n" + N. Looking a number up tries the keys that the
 * numbers it matches were filed under. Keys are added to @keys. */
static void
add_suffix_keys (GPtrArray  *keys,
                 char        prefix,
                 const char *digits,
                 gsize       len)
{
  for (gsize cut = 0; cut <= MAX_COUNTRY_CODE_DIGITS && len - cut >= TN_DUPLICATES_MIN_PHONE_DIGITS; cut++)
    g_ptr_array_add (keys, g_strdup_printf ("%c%s", prefix, digits + cut));
}

static void
add_phone_keys (GPtrArray  *keys,
                const char *phone,
                gboolean    to_find)
{
  char digits[MAX_PHONE_DIGITS + 1];
  gboolean international;
  gsize len = phone_key_digits (phone, digits, &international);

  if (len == 0)
    return;

  if (international)
    {
      g_ptr_array_add (keys, g_strconcat ("+", digits, NULL));
      add_suffix_keys (keys, to_find ? 'n' : 's', digits, len);
    }
  else
    {
      g_ptr_array_add (keys, g_strconcat ("n", digits, NULL));
      if (to_find)
        g_ptr_array_add (keys, g_strconcat ("s", digits, NULL));
    }
}

void
tn_duplicate_index_add_phone (TnDuplicateIndex *self,
                              const char       *phone,
                              gint64            id)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (self != NULL);

  add_phone_keys (keys, phone, FALSE);
  for (guint i = 0; i < keys->len; i++)
    insert_id (self->phones, g_strdup (g_ptr_array_index (keys, i)), id);
}

/**
 * tn_duplicate_index_add_name:
 * @self: an index
 * @full_name: (nullable): a contact's full name
 *
 * Counts one more contact with this name (see tn_duplicates_name_key()).
 *
 * Returns: how many contacts had the name before; more than 0 means a possible duplicate
 */
guint
tn_duplicate_index_add_name (TnDuplicateIndex *self,
                             const char       *full_name)
{
  char *key;
  guint count;

  g_return_val_if_fail (self != NULL, 0);

  key = tn_duplicates_name_key (full_name);
  if (key == NULL)
    return 0;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, key));
  g_hash_table_replace (self->names, key, GUINT_TO_POINTER (count + 1));
  return count;
}

/**
 * tn_duplicate_keys_new:
 * @uid: (nullable): a uid
 * @emails: (nullable): email addresses as written
 * @phones: (nullable): phone numbers as written
 * @full_name: (nullable): a full name
 *
 * Computes the keys of a card; needs no index, so any thread may.
 *
 * Returns: (transfer full): the keys
 */
TnDuplicateKeys *
tn_duplicate_keys_new (const char         *uid,
                       const char * const *emails,
                       const char * const *phones,
                       const char         *full_name)
{
  TnDuplicateKeys *keys = g_new0 (TnDuplicateKeys, 1);

  keys->uid = g_strdup (uid);
  keys->emails = g_ptr_array_new_with_free_func (g_free);
  keys->phones_to_find = g_ptr_array_new_with_free_func (g_free);
  keys->phones_to_file = g_ptr_array_new_with_free_func (g_free);
  keys->name = tn_duplicates_name_key (full_name);

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    {
      char *key = tn_duplicates_email_key (emails[i]);

      if (key != NULL)
        g_ptr_array_add (keys->emails, key);
    }

  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      add_phone_keys (keys->phones_to_find, phones[i], TRUE);
      add_phone_keys (keys->phones_to_file, phones[i], FALSE);
    }

  return keys;
}

void
tn_duplicate_keys_free (TnDuplicateKeys *keys)
{
  if (keys == NULL)
    return;

  g_free (keys->uid);
  g_ptr_array_unref (keys->emails);
  g_ptr_array_unref (keys->phones_to_find);
  g_ptr_array_unref (keys->phones_to_file);
  g_free (keys->name);
  g_free (keys);
}

/* The id the first of @keys found in @table belongs to, or 0. */
static gint64
find_first (GHashTable *table,
            GPtrArray  *keys)
{
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 id = lookup_id (table, g_ptr_array_index (keys, i));

      if (id > 0)
        return id;
    }

  return 0;
}

/**
 * tn_duplicate_index_find:
 * @self: an index
 * @keys: a card's keys
 * @rule: (out) (optional): which rule matched
 *
 * Applies the rules in order: uid, then email, then phone.
 *
 * Returns: the id of the contact the card belongs to, or 0 if it is someone new
 */
gint64
tn_duplicate_index_find (TnDuplicateIndex      *self,
                         const TnDuplicateKeys *keys,
                         TnDuplicateRule       *rule)
{
  gint64 id = 0;
  TnDuplicateRule found = TN_DUPLICATE_RULE_NONE;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (keys != NULL, 0);

  if (keys->uid != NULL && (id = lookup_id (self->uids, keys->uid)) > 0)
    found = TN_DUPLICATE_RULE_UID;
  else if ((id = find_first (self->emails, keys->emails)) > 0)
    found = TN_DUPLICATE_RULE_EMAIL;
  else if ((id = find_first (self->phones, keys->phones_to_find)) > 0)
    found = TN_DUPLICATE_RULE_PHONE;

  if (rule != NULL)
    *rule = found;
  return id;
}

/**
 * tn_duplicate_index_add:
 * @self: an index
 * @keys: a new contact's keys
 * @id: its id
 *
 * Files a contact under all its keys at once, as tn_duplicate_index_add_uid() and the
 * others would one by one.
 *
 * Returns: how many contacts had its name before (see tn_duplicate_index_add_name())
 */
guint
tn_duplicate_index_add (TnDuplicateIndex      *self,
                        const TnDuplicateKeys *keys,
                        gint64                 id)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (keys != NULL, 0);

  if (keys->uid != NULL)
    insert_uid (self->uids, g_strdup (keys->uid), id);
  for (guint i = 0; i < keys->emails->len; i++)
    insert_id (self->emails, g_strdup (g_ptr_array_index (keys->emails, i)), id);
  for (guint i = 0; i < keys->phones_to_file->len; i++)
    insert_id (self->phones, g_strdup (g_ptr_array_index (keys->phones_to_file, i)), id);

  if (keys->name != NULL)
    {
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, keys->name));
      g_hash_table_replace (self->names, g_strdup (keys->name), GUINT_TO_POINTER (count + 1));
    }

  return count;
}
