/* tn-duplicates.c — the rules that decide when an imported card is a contact TrustNet
 * already has, and a hash index that applies them to 100,000 cards without a query each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, tried in order, the first that finds a contact deciding:
 *   1. the same UID (exactly);
 *   2. an email address in common, ignoring case and surrounding blanks;
 *   3. a phone number in common, as libphonenumber (through EDS's EPhoneNumber) compares
 *      them: a number without a country code is one of the region the locale names
 *      (tn_duplicates_set_phone_region()), so in Germany "(0221) 9999123" is
 *      "+49 221 9999123". Numbers whose national part has fewer than
 *      TN_DUPLICATES_MIN_PHONE_DIGITS digits ("555 0100", "+1 555 0100") never match:
 *      without an area code they are not one person's. The index files each number under
 *      its E.164 form, so matching is a hash look-up, not a comparison with every number;
 *   4. the same LinkedIn profile (see tn_duplicates_url_key()).
 * A name alone never matches: two Ada Lovelaces with nothing else in common are counted as
 * possible duplicates for the person to decide.
 */
#define G_LOG_DOMAIN "tn-duplicates"

#include "config.h"

#include <string.h>

#include <glib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-duplicates.h"
#include "tn-text.h"

/* Keys of LinkedIn profiles start with this; other web pages never match a person. */
#define PROFILE_KEY_PREFIX "linkedin:"

struct _TnDuplicateIndex
{
  GHashTable *uids;   /* uid → id, or 0 for the uid of a removed contact */
  GHashTable *emails; /* email key → id */
  GHashTable *phones; /* phone key (E.164) → id */
  GHashTable *profiles; /* LinkedIn profile key → id */
  GHashTable *names;  /* name key → how many contacts have it */
};

/* g_utf8_strdown() of @len bytes at @start, which hold a character beyond ASCII, or NULL
 * when a character in them needs g_utf8_strdown() itself. That function changes only
 * capital and title-case letters, some of them by the locale (a Turkish or Lithuanian
 * "I", "J" and their accented forms) or by what follows (a final Greek sigma); every other
 * character it copies. So an address whose only capitals are ASCII letters other than I
 * and J is lower-cased here byte by byte, for a fraction of the cost (an import keys every
 * address of every card; callgrind: about 3,800 instructions per such address before). */
static char *
strdown_without_capitals (const char *start,
                          gsize       len)
{
  const char *end = start + len;
  char *out = g_malloc (len + 1);
  char *o = out;

  for (const char *p = start; p < end;)
    {
      gunichar c;
      GUnicodeType type;
      const char *next;

      if ((guchar) *p < 0x80)
        {
          if (*p == 'I' || *p == 'J')
            break;
          *o++ = g_ascii_tolower (*p++);
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      type = g_unichar_type (c);
      if (type == G_UNICODE_UPPERCASE_LETTER || type == G_UNICODE_TITLECASE_LETTER)
        break;

      next = g_utf8_next_char (p);
      memcpy (o, p, next - p);
      o += next - p;
      p = next;
    }

  if (o - out < (gssize) len)
    {
      g_free (out);
      return NULL;
    }

  *o = '\0';
  return out;
}

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
  gboolean non_ascii = FALSE;
  char *key;

  if (email == NULL)
    return NULL;

  /* tn_text_normalize_email() gives the same, four times slower for ASCII and slower still
   * for the rest: an import normalises every address of every card. */
  for (start = email; g_ascii_isspace (*start); start++)
    ;
  for (end = start; *end != '\0'; end++)
    non_ascii |= (guchar) *end >= 0x80;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (end == start)
    return NULL;
  if (!non_ascii)
    return g_ascii_strdown (start, end - start);

  key = strdown_without_capitals (start, end - start);
  return key != NULL ? key : tn_text_normalize_email (email);
}

/* The region numbers without a country code belong to; NULL until first asked. */
static char *phone_region;
G_LOCK_DEFINE_STATIC (phone_region);

/**
 * tn_duplicates_set_phone_region:
 * @region: (nullable): a two-letter country code ("DE"), or %NULL for the locale's
 *
 * Sets the region of phone numbers written without a country code, for the whole process.
 * By default it is the locale's (LC_ADDRESS), as e_phone_number_get_default_region() says.
 */
void
tn_duplicates_set_phone_region (const char *region)
{
  G_LOCK (phone_region);
  g_free (phone_region);
  phone_region = region != NULL ? g_strdup (region) : e_phone_number_get_default_region (NULL);
  G_UNLOCK (phone_region);
}

/**
 * tn_duplicates_get_phone_region:
 *
 * Returns: (transfer full): the region of numbers without a country code
 */
char *
tn_duplicates_get_phone_region (void)
{
  char *region;

  G_LOCK (phone_region);
  if (phone_region == NULL)
    phone_region = e_phone_number_get_default_region (NULL);
  region = g_strdup (phone_region);
  G_UNLOCK (phone_region);

  return region;
}

/* An upper bound of the digits of @phone's national part: a country code or trunk prefix
 * only takes digits away. */
static gsize
count_digits (const char *phone)
{
  gsize n = 0;

  for (const char *p = phone; *p != '\0'; p++)
    n += g_ascii_isdigit (*p);

  return n;
}

/**
 * tn_duplicates_phone_key:
 * @phone: (nullable): a phone number as written
 *
 * The number in E.164 form ("+492219999123"), read in the region of
 * tn_duplicates_get_phone_region() when it has no country code, without an extension.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when the number is not one, or its
 *   national part has fewer than %TN_DUPLICATES_MIN_PHONE_DIGITS digits and cannot identify
 *   anyone
 */
char *
tn_duplicates_phone_key (const char *phone)
{
  g_autofree char *region = NULL;
  g_autofree char *national = NULL;
  EPhoneNumber *number;
  char *key;

  /* libphonenumber takes tens of microseconds a number: text without enough digits for
   * the rule, whatever its country code, is passed by without it (an import asks for
   * every number of every card). */
  if (phone == NULL || count_digits (phone) < TN_DUPLICATES_MIN_PHONE_DIGITS)
    return NULL;

  region = tn_duplicates_get_phone_region ();
  number = e_phone_number_from_string (phone, region, NULL);
  if (number == NULL)
    return NULL;

  national = e_phone_number_get_national_number (number);
  key = national != NULL && strlen (national) >= TN_DUPLICATES_MIN_PHONE_DIGITS
          ? e_phone_number_to_string (number, E_PHONE_NUMBER_FORMAT_E164)
          : NULL;
  e_phone_number_free (number);

  return key;
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

/**
 * tn_duplicates_phones_match:
 * @a: (nullable): a phone number as written
 * @b: (nullable): another
 *
 * Whether @a and @b are the same number by the phone rule, as
 * e_phone_number_compare_strings_with_region() says in the region of
 * tn_duplicates_get_phone_region(). Numbers too short for the rule match only when their
 * digits are equal, and text without digits (Outlook writes "BusinessPhone") only itself,
 * so that merging never adds a number twice.
 *
 * Returns: %TRUE if they are the same number
 */
gboolean
tn_duplicates_phones_match (const char *a,
                            const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autofree char *region = NULL;
  EPhoneNumberMatch match;

  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;

  key_a = tn_duplicates_phone_key (a);
  key_b = tn_duplicates_phone_key (b);

  if (key_a == NULL || key_b == NULL)
    {
      g_autofree char *digits_a = key_a == NULL && key_b == NULL ? tn_duplicates_phone_digits (a) : NULL;
      g_autofree char *digits_b = digits_a != NULL ? tn_duplicates_phone_digits (b) : NULL;

      return digits_a != NULL && g_strcmp0 (digits_a, digits_b) == 0;
    }

  /* libphonenumber calls "+44 20 7946 0958" and "020 7946 0958" a national match even
   * where the second is German: the region's reading of it (the key) must agree too. */
  region = tn_duplicates_get_phone_region ();
  match = e_phone_number_compare_strings_with_region (a, b, region, NULL);
  return match == E_PHONE_NUMBER_MATCH_EXACT ||
         (match == E_PHONE_NUMBER_MATCH_NATIONAL && strcmp (key_a, key_b) == 0);
}

/* The LinkedIn profile name in @path ("in/ada-lovelace/de?trk=…" → "ada-lovelace"). */
static char *
profile_name (const char *path)
{
  gsize len;
  g_autofree char *escaped = NULL;
  g_autofree char *name = NULL;

  if (!g_str_has_prefix (path, "in/"))
    return NULL;

  path += strlen ("in/");
  len = strcspn (path, "/?#");
  if (len == 0)
    return NULL;

  escaped = g_strndup (path, len);
  name = g_uri_unescape_string (escaped, NULL);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  return g_utf8_strdown (name, -1);
}

/* linkedin.com, www.linkedin.com, de.linkedin.com */
static gboolean
is_linkedin_host (const char *host,
                  gsize       len)
{
  static const char domain[] = "linkedin.com";
  const gsize domain_len = sizeof domain - 1;

  return len >= domain_len && strncmp (host + len - domain_len, domain, domain_len) == 0 &&
         (len == domain_len || host[len - domain_len - 1] == '.');
}

/**
 * tn_duplicates_url_key:
 * @url: (nullable): a web page as written
 *
 * The web page as its contacts are compared: without the scheme, "www.", a trailing slash,
 * in small letters. A LinkedIn profile ("https://de.linkedin.com/in/Ada-Lovelace/en/") is
 * "linkedin:" and its name ("linkedin:ada-lovelace"), whatever country site, language path
 * or tracking query it was written with: the profile rule matches on those.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for an empty @url
 */
char *
tn_duplicates_url_key (const char *url)
{
  g_autofree char *lower = NULL;
  const char *rest;
  const char *host_end;
  g_autofree char *profile = NULL;
  gsize len;

  if (url == NULL)
    return NULL;

  lower = g_strstrip (g_ascii_strdown (url, -1));
  if (*lower == '\0')
    return NULL;

  rest = lower;
  if (g_str_has_prefix (rest, "https://"))
    rest += strlen ("https://");
  else if (g_str_has_prefix (rest, "http://"))
    rest += strlen ("http://");

  host_end = rest + strcspn (rest, "/?#");
  if (is_linkedin_host (rest, host_end - rest) && *host_end == '/' &&
      (profile = profile_name (host_end + 1)) != NULL)
    return g_strconcat (PROFILE_KEY_PREFIX, profile, NULL);

  if (g_str_has_prefix (rest, "www."))
    rest += strlen ("www.");
  len = strlen (rest);
  while (len > 0 && rest[len - 1] == '/')
    len--;

  return len > 0 ? g_strndup (rest, len) : NULL;
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
  self->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_hash_table_unref (self->profiles);
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

void
tn_duplicate_index_add_phone (TnDuplicateIndex *self,
                              const char       *phone,
                              gint64            id)
{
  char *key;

  g_return_if_fail (self != NULL);

  key = tn_duplicates_phone_key (phone);
  if (key != NULL)
    insert_id (self->phones, key, id);
}

/**
 * tn_duplicate_index_add_url:
 * @self: an index
 * @url: (nullable): a contact's web page
 * @id: the contact's id
 *
 * Files a LinkedIn profile under its key; other web pages identify nobody.
 */
void
tn_duplicate_index_add_url (TnDuplicateIndex *self,
                            const char       *url,
                            gint64            id)
{
  char *key;

  g_return_if_fail (self != NULL);

  key = tn_duplicates_url_key (url);
  if (key != NULL && g_str_has_prefix (key, PROFILE_KEY_PREFIX))
    insert_id (self->profiles, key, id);
  else
    g_free (key);
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
 * tn_duplicate_index_take_names:
 * @self: an index
 * @other: an index whose names were counted apart (on another thread); only its names are
 *   taken, and it has none after
 *
 * Counts in @self every name counted in @other, as tn_duplicate_index_add_name() would have.
 */
void
tn_duplicate_index_take_names (TnDuplicateIndex *self,
                               TnDuplicateIndex *other)
{
  GHashTableIter iter;
  gpointer key, count;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL && other != self);

  /* The usual case, names counted apart into an index that has none yet. */
  if (g_hash_table_size (self->names) == 0)
    {
      GHashTable *names = self->names;

      self->names = other->names;
      other->names = names;
      return;
    }

  g_hash_table_iter_init (&iter, other->names);
  while (g_hash_table_iter_next (&iter, &key, &count))
    {
      guint here = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, key));

      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->names, key, GUINT_TO_POINTER (here + GPOINTER_TO_UINT (count)));
    }
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
  keys->phones = g_ptr_array_new_with_free_func (g_free);
  keys->profiles = g_ptr_array_new_with_free_func (g_free);
  keys->name = tn_duplicates_name_key (full_name);

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    {
      char *key = tn_duplicates_email_key (emails[i]);

      if (key != NULL)
        g_ptr_array_add (keys->emails, key);
    }

  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      char *key = tn_duplicates_phone_key (phones[i]);

      if (key != NULL)
        g_ptr_array_add (keys->phones, key);
    }

  return keys;
}

/**
 * tn_duplicate_keys_add_urls:
 * @keys: a card's keys
 * @urls: (nullable): its web pages
 *
 * Adds the keys of the LinkedIn profiles among @urls.
 */
void
tn_duplicate_keys_add_urls (TnDuplicateKeys    *keys,
                            const char * const *urls)
{
  g_return_if_fail (keys != NULL);

  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    {
      char *key = tn_duplicates_url_key (urls[i]);

      if (key != NULL && g_str_has_prefix (key, PROFILE_KEY_PREFIX))
        g_ptr_array_add (keys->profiles, key);
      else
        g_free (key);
    }
}

void
tn_duplicate_keys_free (TnDuplicateKeys *keys)
{
  if (keys == NULL)
    return;

  g_free (keys->uid);
  g_ptr_array_unref (keys->emails);
  g_ptr_array_unref (keys->phones);
  g_ptr_array_unref (keys->profiles);
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
 * Applies the rules in order: uid, then email, then phone, then LinkedIn profile.
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
  else if ((id = find_first (self->phones, keys->phones)) > 0)
    found = TN_DUPLICATE_RULE_PHONE;
  else if ((id = find_first (self->profiles, keys->profiles)) > 0)
    found = TN_DUPLICATE_RULE_PROFILE;

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
  for (guint i = 0; i < keys->phones->len; i++)
    insert_id (self->phones, g_strdup (g_ptr_array_index (keys->phones, i)), id);
  for (guint i = 0; i < keys->profiles->len; i++)
    insert_id (self->profiles, g_strdup (g_ptr_array_index (keys->profiles, i)), id);

  if (keys->name != NULL)
    {
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, keys->name));
      g_hash_table_replace (self->names, g_strdup (keys->name), GUINT_TO_POINTER (count + 1));
    }

  return count;
}
