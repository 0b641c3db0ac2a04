/* tn-vcard.c — a .vcf file to TnVcardCards: refuse what is not a vCard file, have
 * tn-vcard-decode.c clean each card up, let EVCard parse it, read the fields TrustNet models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * EVCard (EDS 3.46) parses one card well but not real files: it splits no files, replaces
 * every byte that is not UTF-8 with U+FFFD before it looks at CHARSET=, cannot unfold
 * CR CR LF, and warns about (and drops) lines it cannot read. Hence the cleaning first.
 */
#define G_LOG_DOMAIN "tn-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

/* EDS 3.46's headers use GTimeVal, deprecated since GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "tn-vcard-attributes-private.h"
#include "tn-vcard-private.h"
#include "tn-vcard-read.h"
#include "tn-vcard.h"

/* EDS 3.46 declares no g_autoptr() support for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

G_DEFINE_QUARK (tn-vcard-error-quark, tn_vcard_error)

void
tn_vcard_card_free (TnVcardCard *card)
{
  if (card == NULL)
    return;

  g_free (card->uid);
  g_free (card->full_name);
  g_free (card->given_name);
  g_free (card->family_name);
  g_free (card->organization);
  g_free (card->title);
  g_free (card->note);
  g_free (card->birthday);
  g_strfreev (card->emails);
  g_strfreev (card->phones);
  g_strfreev (card->urls);
  g_free (card->connected_on);
  g_free (card->vcard);
  g_free (card);
}

void
tn_vcard_problem_free (TnVcardProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/* ---- Reading the fields through EVCard ---------------------------------------------- */

/* A growing NULL-terminated array: one allocation for the usual one to three items. */
typedef struct
{
  char **items;
  guint len;
  guint size;
} StrvBuilder;

static void
strv_builder_add (StrvBuilder *builder,
                  char        *item)
{
  if (builder->len + 1 >= builder->size)
    {
      builder->size = MAX (4, builder->size * 2);
      builder->items = g_renew (char *, builder->items, builder->size);
    }
  builder->items[builder->len++] = item;
}

static GStrv
strv_builder_end (StrvBuilder *builder)
{
  if (builder->items == NULL)
    return g_new0 (char *, 1);

  builder->items[builder->len] = NULL;
  return g_steal_pointer (&builder->items);
}

static void
strv_builder_clear (StrvBuilder *builder)
{
  for (guint i = 0; i < builder->len; i++)
    g_free (builder->items[i]);
  g_clear_pointer (&builder->items, g_free);
}

/* A copy of @text without the blanks around it, or NULL when nothing is left. Always
 * UTF-8: see keep_utf8(). */
static char *
strdup_trimmed (const char *text)
{
  const char *end;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;

  if (end == text)
    return NULL;
  return g_utf8_validate_len (text, end - text, NULL) ? g_strndup (text, end - text)
                                                      : g_utf8_make_valid (text, end - text);
}

/* EVCard decodes QUOTED-PRINTABLE wherever it finds it, without checking that the bytes are
 * UTF-8. The cleaning in tn-vcard-decode.c takes every such parameter it can recognise
 * off before EVCard sees it, but fuzzing keeps finding new spellings (a parameter list
 * broken by a bare CR, …), so what comes back from EVCard is made valid as well. */
static char *
keep_utf8 (char *text)
{
  char *valid;

  if (g_utf8_validate (text, -1, NULL))
    return text;
  valid = g_utf8_make_valid (text, -1);
  g_free (text);
  return valid;
}

/* The attribute's value as one trimmed string (a number without its "tel:" for a phone, as
 * in TEL;VALUE=uri:tel:+1-555-0100), or NULL when it is empty. */
char *
_tn_vcard_attribute_text (EVCardAttribute *attr,
                          gboolean         is_phone)
{
  GList *values = e_vcard_attribute_get_values (attr);
  g_autoptr(GString) joined = NULL;
  const char *text;

  if (values == NULL)
    return NULL;

  if (values->next == NULL)
    text = values->data != NULL ? values->data : "";
  else
    {
      joined = g_string_new (NULL);
      for (GList *l = values; l != NULL; l = l->next)
        {
          if (l != values)
            g_string_append_c (joined, ';');
          g_string_append (joined, l->data != NULL ? l->data : "");
        }
      text = joined->str;
    }

  while (g_ascii_isspace (*text))
    text++;
  if (is_phone && g_ascii_strncasecmp (text, "tel:", 4) == 0)
    text += 4;

  return strdup_trimmed (text);
}

/* The @index'th component of a structured value (N, ORG), trimmed, or NULL. */
char *
_tn_vcard_attribute_component (EVCardAttribute *attr,
                               guint            index)
{
  const char *value = g_list_nth_data (e_vcard_attribute_get_values (attr), index);

  return value != NULL ? strdup_trimmed (value) : NULL;
}

char *
_tn_vcard_attribute_birthday (EVCardAttribute *attr)
{
  GList *values = e_vcard_attribute_get_values (attr);

  if (values == NULL || values->data == NULL)
    return NULL;

  return _tn_vcard_normalize_date (values->data,
                                   e_vcard_attribute_get_param (attr, "X-APPLE-OMIT-YEAR") != NULL);
}

/* Whether a property name is @upper, whatever its case. Runs for every property. */
static gboolean
name_is (const char *name,
         const char *upper)
{
  gsize i;

  for (i = 0; upper[i] != '\0'; i++)
    {
      char c = name[i];

      if (c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
      if (c != upper[i])
        return FALSE;
    }
  return name[i] == '\0';
}

/* The names from N and ORG; without FN, the full name from N, then the organization,
 * then @first_email. */
static void
card_fill_names (TnVcardCard     *card,
                 EVCardAttribute *n,
                 EVCardAttribute *org,
                 const char      *first_email)
{
  if (n != NULL)
    {
      card->family_name = _tn_vcard_attribute_component (n, 0);
      card->given_name = _tn_vcard_attribute_component (n, 1);
    }
  if (org != NULL)
    card->organization = _tn_vcard_attribute_component (org, 0);

  if (card->full_name == NULL && card->given_name != NULL && card->family_name != NULL)
    card->full_name = g_strconcat (card->given_name, " ", card->family_name, NULL);
  else if (card->full_name == NULL)
    card->full_name = g_strdup (card->given_name != NULL ? card->given_name :
                                card->family_name != NULL ? card->family_name :
                                card->organization != NULL ? card->organization :
                                first_email);
}

/* One walk over the attributes EVCard parsed. Returns NULL when the card has no name. */
static TnVcardCard *
card_from_vcard (EVCard *vcard,
                 char   *text,
                 guint   line)
{
  g_autoptr(TnVcardCard) card = g_new0 (TnVcardCard, 1);
  StrvBuilder emails = { NULL };
  StrvBuilder phones = { NULL };
  StrvBuilder urls = { NULL };
  EVCardAttribute *n = NULL;
  EVCardAttribute *org = NULL;

  card->line = line;
  card->vcard = text;

  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *name = e_vcard_attribute_get_name (attr);
      char *value;

      switch (g_ascii_toupper (name[0]))
        {
        case 'B':
          if (card->birthday == NULL && name_is (name, EVC_BDAY))
            card->birthday = _tn_vcard_attribute_birthday (attr);
          break;
        case 'E':
          if (name_is (name, EVC_EMAIL) && (value = _tn_vcard_attribute_text (attr, FALSE)) != NULL)
            strv_builder_add (&emails, value);
          break;
        case 'F':
          if (card->full_name == NULL && name_is (name, EVC_FN))
            card->full_name = _tn_vcard_attribute_text (attr, FALSE);
          break;
        case 'N':
          if (n == NULL && name_is (name, EVC_N))
            n = attr;
          else if (card->note == NULL && name_is (name, EVC_NOTE))
            card->note = _tn_vcard_attribute_text (attr, FALSE);
          break;
        case 'O':
          if (org == NULL && name_is (name, EVC_ORG))
            org = attr;
          break;
        case 'T':
          if (name_is (name, EVC_TEL))
            {
              if ((value = _tn_vcard_attribute_text (attr, TRUE)) != NULL)
                strv_builder_add (&phones, value);
            }
          else if (card->title == NULL && name_is (name, EVC_TITLE))
            card->title = _tn_vcard_attribute_text (attr, FALSE);
          break;
        case 'U':
          if (card->uid == NULL && name_is (name, EVC_UID))
            card->uid = _tn_vcard_attribute_text (attr, FALSE);
          else if (name_is (name, EVC_URL) && (value = _tn_vcard_attribute_text (attr, FALSE)) != NULL)
            strv_builder_add (&urls, value);
          break;
        case 'X':
          if (card->connected_on == NULL && name_is (name, TN_VCARD_CONNECTED_ON_PROPERTY))
            card->connected_on = _tn_vcard_attribute_text (attr, FALSE);
          break;
        default:
          break;
        }
    }

  card_fill_names (card, n, org, emails.len > 0 ? emails.items[0] : NULL);

  if (card->full_name == NULL)
    {
      strv_builder_clear (&emails);
      strv_builder_clear (&phones);
      strv_builder_clear (&urls);
      return NULL;
    }

  card->emails = strv_builder_end (&emails);
  card->phones = strv_builder_end (&phones);
  card->urls = urls.len > 0 ? strv_builder_end (&urls) : NULL;

  return g_steal_pointer (&card);
}

/* Leaves @vcard with no text and no attributes, as e_vcard_construct_full() wants it. */
static void
empty_vcard (EVCard *vcard)
{
  GList *attributes;

  while ((attributes = e_vcard_get_attributes (vcard)) != NULL)
    e_vcard_remove_attribute (vcard, attributes->data);
}

/* Reads one card with @vcard, an EVCard reused for every card of the file: creating and
 * finalizing one per card costs more than emptying it. */
static TnVcardCard *
read_card (TnVcardParser     *self,
           EVCard            *vcard,
           const TnVcardSpan *span)
{
  TnVcardCard *card;
  char *text;

  if (!_tn_vcard_clean_card (self, span))
    return NULL;

  /* e_vcard_to_string() gives a 3.0 card back as the very text it was made from, so such a
   * card is kept as it is and EVCard reads only the lines with fields; any other card is
   * read whole and written out again as 3.0. */
  if (self->version_30)
    {
      e_vcard_construct_full (vcard, self->fields->str, self->fields->len, NULL);
      text = g_strndup (self->text->str, self->text->len);
    }
  else
    {
      e_vcard_construct_full (vcard, self->text->str, self->text->len, NULL);
      text = keep_utf8 (e_vcard_to_string (vcard, EVC_FORMAT_VCARD_30));
    }

  card = card_from_vcard (vcard, text, span->line);
  empty_vcard (vcard);

  if (card == NULL)
    _tn_vcard_add_problem (self, span->line, TRUE,
                           _("The card on line %u has no name, organization or email address "
                             "and was skipped."),
                           span->line);

  return card;
}

/* ---- Refusing what is not a vCard file ---------------------------------------------- */

static const struct
{
  const char *magic;
  gsize len;
  const char *message;
} not_vcards[] = {
  { "\x89PNG\r\n\x1a\n", 8, N_("%s is a PNG image, not a vCard file.") },
  { "\xff\xd8\xff", 3, N_("%s is a JPEG image, not a vCard file.") },
  { "GIF87a", 6, N_("%s is a GIF image, not a vCard file.") },
  { "GIF89a", 6, N_("%s is a GIF image, not a vCard file.") },
  { "%PDF-", 5, N_("%s is a PDF document, not a vCard file.") },
  { "PK\x03\x04", 4, N_("%s is a ZIP archive or an office document, not a vCard file.") },
  { "\x1f\x8b", 2, N_("%s is a compressed (gzip) file, not a vCard file.") },
};

static gboolean
is_blank_file (const char *data,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }
  return TRUE;
}

/* UTF-16 text, with a byte-order mark or recognisable by "BEGIN" between NUL bytes. */
static const char *
utf16_encoding (const char *data,
                gsize       len,
                gsize      *skip)
{
  *skip = 2;
  if (len >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    return "UTF-16LE";
  if (len >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    return "UTF-16BE";

  *skip = 0;
  if (len >= 10 && g_ascii_toupper (data[0]) == 'B' && data[1] == '\0' &&
      g_ascii_toupper (data[2]) == 'E' && data[3] == '\0' && g_ascii_toupper (data[4]) == 'G')
    return "UTF-16LE";
  if (len >= 10 && data[0] == '\0' && g_ascii_toupper (data[1]) == 'B' && data[2] == '\0' &&
      g_ascii_toupper (data[3]) == 'E' && data[4] == '\0')
    return "UTF-16BE";

  return NULL;
}

/* Checks that @data could be a vCard file and returns the text to split: without a
 * byte-order mark, and converted to UTF-8 (into @converted) if it was UTF-16. */
static const char *
sniff_contents (const char  *data,
                gsize       *len,
                const char  *name,
                char       **converted,
                GError     **error)
{
  const char *encoding;
  const char *lf, *cr;
  gsize skip;

  if (*len > TN_VCARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (*len);
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_FILE_SIZE);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is too large to import: it is %s, and TrustNet reads files of up to %s."),
                   name, size, limit);
      return NULL;
    }

  encoding = utf16_encoding (data, *len, &skip);
  if (encoding != NULL)
    {
      gsize written = 0;

      *converted = g_convert (data + skip, (*len - skip) & ~(gsize) 1, "UTF-8", encoding,
                              NULL, &written, NULL);
      if (*converted == NULL)
        {
          g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                       _("%s is not a vCard file: its UTF-16 text is damaged."), name);
          return NULL;
        }
      data = *converted;
      *len = written;
    }
  else if (*len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      *len -= 3;
    }

  if (is_blank_file (data, *len))
    {
      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY,
                   _("%s is empty: there are no contacts in it."), name);
      return NULL;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (not_vcards); i++)
    {
      if (*len >= not_vcards[i].len && memcmp (data, not_vcards[i].magic, not_vcards[i].len) == 0)
        {
          g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                       _(not_vcards[i].message), name);
          return NULL;
        }
    }

  if (memchr (data, '\0', *len) != NULL)
    {
      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                   _("%s is not a vCard file: it holds binary data, not text."), name);
      return NULL;
    }

  lf = memchr (data, '\n', MIN (*len, TN_VCARD_MAX_CARD_SIZE));
  cr = memchr (data, '\r', MIN (*len, TN_VCARD_MAX_CARD_SIZE));
  if (lf == NULL && cr == NULL && *len > TN_VCARD_MAX_CARD_SIZE)
    {
      g_autofree char *size = g_format_size (*len);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is not a vCard file: it is a single line of %s."), name, size);
      return NULL;
    }

  return data;
}

/* ---- Public API --------------------------------------------------------------------- */

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const TnVcardProblem *problem_a = *(TnVcardProblem *const *) a;
  const TnVcardProblem *problem_b = *(TnVcardProblem *const *) b;

  return (problem_a->line > problem_b->line) - (problem_a->line < problem_b->line);
}

/* Checks @cancellable every CANCEL_CHECK_CARDS cards: a large file takes a second or so. */
#define CANCEL_CHECK_CARDS 1024

/* Sorts the problems by line and adds the line that says how many were left unlisted. */
static GPtrArray *
finish_problems (TnVcardParser *self)
{
  /* Stable: problems on one line keep their order. */
  g_ptr_array_sort_with_data (self->problems, compare_problems, NULL);
  if (self->n_unlisted > 0)
    {
      TnVcardProblem *last = g_ptr_array_index (self->problems, self->problems->len - 1);
      TnVcardProblem *more = g_new0 (TnVcardProblem, 1);

      more->line = last->line;
      more->message = g_strdup_printf (ngettext ("%u more problem is not listed.",
                                                 "%u more problems are not listed.",
                                                 self->n_unlisted),
                                       self->n_unlisted);
      g_ptr_array_add (self->problems, more);
    }

  return g_steal_pointer (&self->problems);
}

/* Reads every card of @contents and hands each to @func, in file order. */
static gboolean
parse_contents (GBytes           *contents,
                const char       *display_name,
                TnVcardCardFunc   func,
                gpointer          user_data,
                GCancellable     *cancellable,
                GPtrArray       **problems,
                guint            *n_skipped,
                GError          **error)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *name = NULL;
  g_autoptr(EVCard) vcard = NULL;
  TnVcardParser self;
  const char *data;
  gsize len;

  /* TRANSLATORS: a file's name in quotation marks, in messages about it */
  name = display_name != NULL ? g_strdup_printf (_("“%s”"), display_name) : g_strdup (_("This file"));
  data = g_bytes_get_data (contents, &len);
  data = sniff_contents (data != NULL ? data : "", &len, name, &converted, error);
  if (data == NULL)
    return FALSE;

  _tn_vcard_parser_init (&self);

  spans = _tn_vcard_split_cards (&self, data, len);
  if (spans->len == 0)
    {
      _tn_vcard_parser_clear (&self);
      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                   _("%s is not a vCard file: it has no BEGIN:VCARD line."), name);
      return FALSE;
    }

  vcard = e_vcard_new ();
  for (guint i = 0; i < spans->len; i++)
    {
      TnVcardCard *card;

      if (i % CANCEL_CHECK_CARDS == CANCEL_CHECK_CARDS - 1 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          _tn_vcard_parser_clear (&self);
          return FALSE;
        }

      card = read_card (&self, vcard, &g_array_index (spans, TnVcardSpan, i));
      if (card != NULL && !func (card, i, spans->len, user_data))
        {
          _tn_vcard_parser_clear (&self);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Reading the file was stopped."));
          return FALSE;
        }
    }

  if (n_skipped != NULL)
    *n_skipped = self.n_skipped;
  if (problems != NULL)
    *problems = finish_problems (&self);
  _tn_vcard_parser_clear (&self);

  return TRUE;
}

static gboolean
collect_card (TnVcardCard *card,
              guint        index,
              guint        n_cards,
              gpointer     user_data)
{
  GPtrArray *cards = user_data;

  g_ptr_array_add (cards, card);
  return TRUE;
}

static GPtrArray *
parse_all (GBytes        *contents,
           const char    *display_name,
           GCancellable  *cancellable,
           GPtrArray    **problems,
           GError       **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_card_free);

  if (!parse_contents (contents, display_name, collect_card, cards, cancellable, problems, NULL, error))
    return NULL;

  return g_steal_pointer (&cards);
}

/**
 * tn_vcard_parse:
 * @contents: the bytes of a .vcf file
 * @display_name: (nullable): the file's name as people see it, for messages
 * @problems: (out) (optional) (element-type TnVcardProblem) (transfer full): what was wrong
 *   with single cards or lines, in line order
 * @error: where a refusal of the whole file goes
 *
 * Reads every card of a vCard 2.1, 3.0 or 4.0 file. A broken card does not stop the others;
 * each problem is reported with its line number.
 *
 * Returns: (transfer full) (element-type TnVcardCard) (nullable): the cards in file order
 *   (cards nested in a 2.1 card before it), or %NULL with @error set when the file is not a
 *   vCard file
 */
GPtrArray *
tn_vcard_parse (GBytes      *contents,
                const char  *display_name,
                GPtrArray  **problems,
                GError     **error)
{
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  return parse_all (contents, display_name, NULL, problems, error);
}

/* Reads all of @file, refusing files too large to import, with GIO's domain and code kept
 * in errors but messages written for people. Which files to read at all (folders opened,
 * the rest set aside) is tn-import-files.c's to say; a folder reaching here is an error. */
GBytes *
_tn_vcard_load_file (GFile         *file,
                     char         **display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *quoted = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  *display_name = info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  /* TRANSLATORS: a file's name in quotation marks, in messages about it */
  quoted = g_strdup_printf (_("“%s”"), *display_name);

  if (info == NULL)
    goto failed;

  if ((guint64) g_file_info_get_size (info) > TN_VCARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_FILE_SIZE);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is too large to import: it is %s, and TrustNet reads files of up to %s."),
                   quoted, size, limit);
      return NULL;
    }

  /* The size asked above may be wrong (a device, a file still growing): the bound holds
   * on the bytes read, and only a regular file is read at all. */
  contents = _tn_vcard_read_file (file, TN_VCARD_MAX_FILE_SIZE, cancellable, &local_error);
  if (contents == NULL)
    goto failed;

  return g_steal_pointer (&contents);

failed:
  /* Keep GIO's domain and code for callers; say it for people. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s does not exist."), quoted);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("You are not allowed to read %s."), quoted);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
           g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s is a folder, not a vCard file."), quoted);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s is not a regular file (a device, a pipe or a socket); TrustNet imports only files."), quoted);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_FILE_SIZE);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is too large to import: TrustNet reads files of up to %s."), quoted, limit);
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      g_prefix_error (&local_error, _("Could not read %s: "), quoted);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return NULL;
}

/**
 * tn_vcard_parse_file:
 * @file: a .vcf file
 * @cards: (out) (element-type TnVcardCard) (transfer full): the cards read
 * @problems: (out) (optional) (element-type TnVcardProblem) (transfer full): what was wrong
 *   with single cards or lines
 * @cancellable: (nullable): to stop reading or parsing (then %G_IO_ERROR_CANCELLED)
 * @error: where a refusal, or a failure to read the file, goes
 *
 * Reads @file and parses it as tn_vcard_parse() does. Blocks: call it in a worker thread.
 *
 * Returns: %TRUE if @file is a vCard file and was read
 */
gboolean
tn_vcard_parse_file (GFile         *file,
                     GPtrArray    **cards,
                     GPtrArray    **problems,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *cards = NULL;
  if (problems != NULL)
    *problems = NULL;

  contents = _tn_vcard_load_file (file, &display_name, cancellable, error);
  if (contents == NULL)
    return FALSE;

  *cards = parse_all (contents, display_name, cancellable, problems, error);
  return *cards != NULL;
}

/**
 * tn_vcard_parse_file_foreach:
 * @file: a .vcf file
 * @func: (scope call): receives each card as soon as it is read
 * @user_data: data for @func
 * @problems: (out) (optional) (element-type TnVcardProblem) (transfer full): what was wrong
 *   with single cards or lines, in line order, once the whole file is read
 * @n_skipped: (out) (optional): how many cards were left out, even beyond the problems listed
 * @cancellable: (nullable): to stop reading or parsing (then %G_IO_ERROR_CANCELLED)
 * @error: where a refusal, or a failure to read the file, goes
 *
 * Reads @file as tn_vcard_parse_file() does, but hands the cards to @func one at a time
 * instead of keeping them all: a file of 100,000 cards needs the memory of one. A file that
 * is refused is refused before @func is called at all. If @func returns %FALSE, reading
 * stops with %G_IO_ERROR_CANCELLED. Blocks: call it in a worker thread.
 *
 * Returns: %TRUE if @file is a vCard file and every card was read
 */
gboolean
tn_vcard_parse_file_foreach (GFile            *file,
                             TnVcardCardFunc   func,
                             gpointer          user_data,
                             GPtrArray       **problems,
                             guint            *n_skipped,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems != NULL)
    *problems = NULL;
  if (n_skipped != NULL)
    *n_skipped = 0;

  contents = _tn_vcard_load_file (file, &display_name, cancellable, error);
  if (contents == NULL)
    return FALSE;

  return parse_contents (contents, display_name, func, user_data, cancellable, problems, n_skipped, error);
}
