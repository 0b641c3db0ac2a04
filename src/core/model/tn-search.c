/* tn-search.c — the one rule by which a typed search finds people: case- and accent-blind,
 * every typed word the start of some word of the name, the organization or an email, in any
 * order ("ana g" finds Ana García, "bjorn" Bjørn, "mull" Müller).
 *
 * A contact's words are folded once into a key (" ana garcia acme ana garcia example com"),
 * which TnContact keeps until one of those fields changes; a keystroke then costs one
 * strstr() per typed word and contact, with no allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-search"

#include "config.h"

#include <string.h>

#include "tn-search.h"

struct _TnSearch
{
  /* The typed words folded, separated by one space: what two searches compare by. */
  char *folded;
  /* Each word with a space before it, as it must appear in a key. */
  char **needles;
  guint n_needles;
};

/* Letters that Unicode does not decompose into a base letter and an accent, but that a
 * person typing on a plain keyboard writes as these. */
static const char *
plain_letters (gunichar c)
{
  switch (c)
    {
    case 0x00E6: return "ae"; /* æ */
    case 0x00F0: return "d";  /* ð */
    case 0x00F8: return "o";  /* ø */
    case 0x00FE: return "th"; /* þ */
    case 0x0111: return "d";  /* đ */
    case 0x0131: return "i";  /* dotless ı */
    case 0x0142: return "l";  /* ł */
    case 0x0153: return "oe"; /* œ */
    default: return NULL;
    }
}

/* An apostrophe joins: "O'Brien" is one word, found by "obrien" and "o'b". */
static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* The same words for text of ASCII characters only (most names, organizations and
 * emails): there, decomposing and case-folding change nothing but the case, and no
 * character is a mark. Folding every contact's key through the Unicode tables was about
 * 2,400 instructions a contact: most of the idle work before a first search, and of that
 * search when typed before it was done. */
static char *
fold_ascii (const char *text,
            gsize       length)
{
  char *words = g_malloc (length + 1);
  gsize n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        continue;

      if (!g_ascii_isalnum (*p))
        {
          in_word = FALSE;
          continue;
        }

      if (!in_word && n > 0)
        words[n++] = ' ';
      in_word = TRUE;
      words[n++] = g_ascii_tolower (*p);
    }

  words[n] = '\0';
  return words;
}

static gboolean
is_ascii (const char *text,
          gsize      *length)
{
  const char *p = text;

  for (; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return FALSE;
    }

  *length = p - text;
  return TRUE;
}

/**
 * tn_search_fold:
 * @text: (nullable): any UTF-8 text: a name, an organization, an email, a query
 *
 * The words of @text as search compares them: lower case (case-folded), accents dropped
 * (é, ü, ö and ø alike become e, u, o), apostrophes dropped, and every run of other
 * characters that are not letters or digits (spaces, dots, "@", hyphens) one space.
 *
 * Returns: (transfer full): the words separated by single spaces, "" when there are none
 */
char *
tn_search_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *words;
  gboolean in_word = FALSE;
  gsize length;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  if (is_ascii (text, &length))
    return fold_ascii (text, length);

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));

  /* Decomposed first, so that an accent is a character of its own to drop. */
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (normalized, -1);
  words = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *plain;

      if (g_unichar_ismark (c) || is_apostrophe (c))
        continue;

      if (!g_unichar_isalnum (c))
        {
          in_word = FALSE;
          continue;
        }

      if (!in_word && words->len > 0)
        g_string_append_c (words, ' ');
      in_word = TRUE;

      plain = plain_letters (c);
      if (plain != NULL)
        g_string_append (words, plain);
      else
        g_string_append_unichar (words, c);
    }

  return g_string_free (words, FALSE);
}

/**
 * tn_search_make_key:
 * @fields: (array length=n_fields): the texts a search looks in; %NULL entries are skipped
 * @n_fields: how many
 *
 * Returns: (transfer full): every word of @fields folded with tn_search_fold(), each with
 *   a space before it, for tn_search_matches_key()
 */
char *
tn_search_make_key (const char * const *fields,
                    gsize               n_fields)
{
  GString *key;

  g_return_val_if_fail (fields != NULL || n_fields == 0, g_strdup (""));

  key = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      g_autofree char *words = tn_search_fold (fields[i]);

      if (*words == '\0')
        continue;

      g_string_append_c (key, ' ');
      g_string_append (key, words);
    }

  return g_string_free (key, FALSE);
}

/**
 * tn_search_new:
 * @text: (nullable): what the person typed
 *
 * Returns: (transfer full): the search; free it with tn_search_free()
 */
TnSearch *
tn_search_new (const char *text)
{
  TnSearch *self = g_new0 (TnSearch, 1);
  g_auto(GStrv) words = NULL;

  self->folded = tn_search_fold (text);
  words = *self->folded == '\0' ? g_new0 (char *, 1) : g_strsplit (self->folded, " ", -1);
  self->n_needles = g_strv_length (words);
  self->needles = g_new0 (char *, self->n_needles + 1);
  for (guint i = 0; i < self->n_needles; i++)
    self->needles[i] = g_strconcat (" ", words[i], NULL);

  return self;
}

void
tn_search_free (TnSearch *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->needles);
  g_free (self->folded);
  g_free (self);
}

/**
 * tn_search_is_empty:
 * @self: a search
 *
 * Returns: whether nothing that counts was typed (only spaces or punctuation): everyone matches
 */
gboolean
tn_search_is_empty (const TnSearch *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->n_needles == 0;
}

/**
 * tn_search_equal:
 * @a: a search
 * @b: another
 *
 * Returns: whether @a and @b are the same words in the same order ("Ana  G." and "ana g")
 */
gboolean
tn_search_equal (const TnSearch *a,
                 const TnSearch *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_str_equal (a->folded, b->folded);
}

/**
 * tn_search_is_narrower:
 * @self: a search
 * @than: the search before it
 *
 * Whether everyone @self finds, @than finds too: each word of @than begins some word of
 * @self ("ana" → "ana g" → "ana ga"). A list then only needs to look again at the rows it
 * shows.
 *
 * Returns: %TRUE if @self can only find fewer people than @than
 */
gboolean
tn_search_is_narrower (const TnSearch *self,
                       const TnSearch *than)
{
  g_return_val_if_fail (self != NULL && than != NULL, FALSE);

  for (guint i = 0; i < than->n_needles; i++)
    {
      gboolean begun = FALSE;

      for (guint j = 0; j < self->n_needles && !begun; j++)
        begun = g_str_has_prefix (self->needles[j], than->needles[i]);

      if (!begun)
        return FALSE;
    }

  return TRUE;
}

/**
 * tn_search_matches_key:
 * @self: a search
 * @key: a key from tn_search_make_key()
 *
 * Runs for every contact at every keystroke: no allocation.
 *
 * Returns: whether every word of @self begins some word of @key
 */
gboolean
tn_search_matches_key (const TnSearch *self,
                       const char     *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->n_needles; i++)
    {
      if (strstr (key, self->needles[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * tn_search_matches_contact:
 * @self: a search
 * @contact: a contact
 *
 * Returns: whether @self finds @contact by its name, organization or emails
 */
gboolean
tn_search_matches_contact (const TnSearch *self,
                           TnContact      *contact)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (TN_IS_CONTACT (contact), FALSE);

  return tn_search_matches_key (self, tn_contact_get_search_key (contact));
}
