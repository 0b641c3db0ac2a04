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

#include <errno.h>
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
is_blank_text (const char *data,
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

/* ---- Reading a file in pieces -------------------------------------------------------- */

/* Bytes read at a time. Memory holds one piece, the card still open and the text not yet
 * split, whatever the size of the file. */
#define READ_PIECE (256 * 1024)

/* Checks @cancellable every CANCEL_CHECK_CARDS cards: a large file takes a second or so. */
#define CANCEL_CHECK_CARDS 1024

typedef struct
{
  TnVcardParser parser;
  TnVcardSplitter splitter;
  EVCard *vcard;
  const char *name;   /* the file's name in quotation marks, for messages */
  TnVcardCardFunc func;
  gpointer user_data;

  GByteArray *piece;  /* bytes as read */
  GByteArray *window; /* text from the card still open on, in UTF-8 */
  gsize split_from;   /* where in window the text not split yet begins */
  GArray *spans;      /* cards found in the window, reused */
  GIConv utf16;       /* (GIConv) -1 unless the file is UTF-16 */

  gboolean sniffed;
  gboolean has_text;      /* anything but white space so far */
  gboolean has_line_break;
  guint64 size;           /* of the file as it said, to estimate how many cards it holds */
  guint64 n_text;         /* bytes of text so far */
  guint64 n_split;        /* of them, split into cards */
  guint n_handed;         /* cards handed on or skipped */
} Stream;

static void
stream_init (Stream          *self,
             const char      *name,
             guint64          size,
             TnVcardCardFunc  func,
             gpointer         user_data)
{
  memset (self, 0, sizeof *self);
  _tn_vcard_parser_init (&self->parser);
  _tn_vcard_splitter_init (&self->splitter);
  self->vcard = e_vcard_new ();
  self->name = name;
  self->size = size;
  self->func = func;
  self->user_data = user_data;
  self->piece = g_byte_array_sized_new (READ_PIECE);
  self->window = g_byte_array_sized_new (2 * READ_PIECE);
  self->spans = g_array_new (FALSE, FALSE, sizeof (TnVcardSpan));
  self->utf16 = (GIConv) -1;
}

static void
stream_clear (Stream *self)
{
  if (self->parser.problems != NULL)
    _tn_vcard_parser_clear (&self->parser);
  g_clear_object (&self->vcard);
  g_byte_array_unref (self->piece);
  g_byte_array_unref (self->window);
  g_array_unref (self->spans);
  if (self->utf16 != (GIConv) -1)
    g_iconv_close (self->utf16);
}

/* The first piece says what the file is: UTF-16, or else no image or archive. Returns the
 * bytes of a byte-order mark to skip, or -1 with @error set. */
static gssize
stream_sniff (Stream      *self,
              const char  *data,
              gsize        len,
              GError     **error)
{
  const char *encoding;
  gsize skip;

  self->sniffed = TRUE;
  encoding = utf16_encoding (data, len, &skip);
  if (encoding != NULL)
    {
      self->utf16 = g_iconv_open ("UTF-8", encoding);
      return self->utf16 != (GIConv) -1 ? (gssize) skip : 0;
    }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return 3;

  for (gsize i = 0; i < G_N_ELEMENTS (not_vcards); i++)
    {
      if (len >= not_vcards[i].len && memcmp (data, not_vcards[i].magic, not_vcards[i].len) == 0)
        {
          g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD, _(not_vcards[i].message), self->name);
          return -1;
        }
    }

  return 0;
}

/* UTF-16 into the window as UTF-8; a character cut at the end of the piece waits for the
 * next one. */
static gboolean
stream_convert (Stream      *self,
                gsize        skip,
                gboolean     at_end,
                GError     **error)
{
  gchar *in = (gchar *) self->piece->data + skip;
  gsize in_left = self->piece->len - skip;

  while (in_left > 0)
    {
      gsize before = self->window->len;
      gsize room = in_left * 2 + 16;
      gchar *out;
      gsize out_left = room;
      gsize result;

      g_byte_array_set_size (self->window, before + room);
      out = (gchar *) self->window->data + before;
      result = g_iconv (self->utf16, &in, &in_left, &out, &out_left);
      g_byte_array_set_size (self->window, before + room - out_left);
      if (result != (gsize) -1)
        continue;
      if (errno == E2BIG)
        continue;
      /* An odd last byte is dropped, as a half character at the very end. */
      if (errno == EINVAL && (!at_end || in_left < 2))
        break;

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                   _("%s is not a vCard file: its UTF-16 text is damaged."), self->name);
      return FALSE;
    }

  /* What is left is the start of a character. */
  memmove (self->piece->data, in, in_left);
  g_byte_array_set_size (self->piece, in_left);
  return TRUE;
}

/* The piece just read, into the window as text. */
static gboolean
stream_take_piece (Stream    *self,
                   gboolean   at_end,
                   GError   **error)
{
  gsize old_len = self->window->len;
  gssize skip = 0;
  const char *text;
  gsize len;

  if (!self->sniffed && self->piece->len > 0)
    {
      skip = stream_sniff (self, (const char *) self->piece->data, self->piece->len, error);
      if (skip < 0)
        return FALSE;
    }

  if (self->utf16 != (GIConv) -1)
    {
      if (!stream_convert (self, skip, at_end, error))
        return FALSE;
    }
  else
    {
      g_byte_array_append (self->window, self->piece->data + skip, self->piece->len - skip);
      g_byte_array_set_size (self->piece, 0);
    }

  text = (const char *) self->window->data + old_len;
  len = self->window->len - old_len;
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                   _("%s is not a vCard file: it holds binary data, not text."), self->name);
      return FALSE;
    }
  if (!self->has_text)
    self->has_text = !is_blank_text (text, len);

  /* A file of a single long line is not a vCard file, whatever follows. */
  if (!self->has_line_break && self->n_text < TN_VCARD_MAX_CARD_SIZE)
    {
      gsize look = MIN (len, TN_VCARD_MAX_CARD_SIZE - self->n_text);

      self->has_line_break = memchr (text, '\n', look) != NULL || memchr (text, '\r', look) != NULL;
    }
  self->n_text += len;
  if (!self->has_line_break && self->n_text > TN_VCARD_MAX_CARD_SIZE)
    {
      g_autofree char *size = g_format_size (MAX (self->size, self->n_text));

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is not a vCard file: it is a single line of %s."), self->name, size);
      return FALSE;
    }

  return TRUE;
}

/* How many cards the file holds: known at its end, estimated from the bytes before. */
static guint
stream_estimate_cards (Stream   *self,
                       guint     n_left,
                       gboolean  at_end)
{
  guint at_least = self->n_handed + n_left;

  if (at_end || self->n_split == 0 || self->size <= self->n_split)
    return at_least;

  return MAX (at_least, (guint) MIN ((guint64) G_MAXUINT, (guint64) at_least * self->size / self->n_split));
}

/* Splits what the window holds into cards and hands them on; then drops what is done. */
static gboolean
stream_split (Stream        *self,
              gboolean       at_end,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *data = (const char *) self->window->data;
  gsize read, keep;

  g_array_set_size (self->spans, 0);
  read = _tn_vcard_split_more (&self->parser, &self->splitter, data, self->split_from, self->window->len,
                               at_end, self->spans);
  self->n_split += read - self->split_from;

  for (guint i = 0; i < self->spans->len; i++)
    {
      guint index = self->n_handed;
      guint n_cards = stream_estimate_cards (self, self->spans->len - i, at_end);
      TnVcardCard *card;

      self->n_handed++;
      if (index % CANCEL_CHECK_CARDS == CANCEL_CHECK_CARDS - 1 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      card = read_card (&self->parser, self->vcard, &g_array_index (self->spans, TnVcardSpan, i));
      if (card != NULL && !self->func (card, index, n_cards, self->user_data))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Reading the file was stopped."));
          return FALSE;
        }
    }

  if (self->window->len - read > TN_VCARD_MAX_CARD_BYTES)
    {
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_CARD_BYTES);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is not a vCard file: its line %u is longer than %s."),
                   self->name, self->splitter.line, limit);
      return FALSE;
    }

  keep = _tn_vcard_splitter_keep_from (&self->parser, &self->splitter, read);
  g_byte_array_remove_range (self->window, 0, keep);
  _tn_vcard_splitter_moved (&self->splitter, keep);
  self->split_from = read - keep;
  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const TnVcardProblem *problem_a = *(TnVcardProblem *const *) a;
  const TnVcardProblem *problem_b = *(TnVcardProblem *const *) b;

  return (problem_a->line > problem_b->line) - (problem_a->line < problem_b->line);
}

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

/* After the whole file: a file with no card at all is refused. */
static gboolean
stream_check_found_cards (Stream  *self,
                          GError **error)
{
  if (!self->has_text)
    {
      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_EMPTY,
                   _("%s is empty: there are no contacts in it."), self->name);
      return FALSE;
    }
  if (self->splitter.n_cards == 0)
    {
      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_NOT_VCARD,
                   _("%s is not a vCard file: it has no BEGIN:VCARD line."), self->name);
      return FALSE;
    }

  return TRUE;
}

/* A read that failed, said for people; GIO's domain and code are kept for callers. */
static void
explain_read_error (GError     *local_error,
                    const char *quoted,
                    GError    **error)
{
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
    g_propagate_error (error, g_error_copy (local_error));
  else
    {
      g_autoptr(GError) copy = g_error_copy (local_error);

      g_prefix_error (&copy, _("Could not read %s: "), quoted);
      g_propagate_error (error, g_steal_pointer (&copy));
    }
}

/* Reads every card of @source and hands each to @func, in file order, a piece of the file
 * at a time. What refuses the file is mostly seen in its first piece; what is seen later (a
 * NUL byte, the bound passed by a file that grew) refuses it after some cards were handed. */
static gboolean
parse_source (TnVcardSource    *source,
              const char       *name,
              TnVcardCardFunc   func,
              gpointer          user_data,
              GCancellable     *cancellable,
              GPtrArray       **problems,
              guint            *n_skipped,
              GError          **error)
{
  g_autoptr(GError) read_error = NULL;
  gboolean at_end = FALSE;
  gboolean ok = TRUE;
  Stream self;

  stream_init (&self, name, _tn_vcard_source_get_size (source), func, user_data);
  while (ok && !at_end)
    {
      gssize n = _tn_vcard_source_read (source, self.piece, READ_PIECE, cancellable, &read_error);

      if (n < 0)
        {
          explain_read_error (read_error, name, error);
          ok = FALSE;
          break;
        }
      at_end = n == 0;
      ok = stream_take_piece (&self, at_end, error) && stream_split (&self, at_end, cancellable, error);
    }

  ok = ok && stream_check_found_cards (&self, error);
  if (ok && n_skipped != NULL)
    *n_skipped = self.parser.n_skipped;
  if (ok && problems != NULL)
    *problems = finish_problems (&self.parser);

  stream_clear (&self);
  return ok;
}

/* ---- Public API --------------------------------------------------------------------- */

static gboolean
count_card (TnVcardCard *card,
            guint        index,
            guint        n_cards,
            gpointer     user_data)
{
  guint *count = user_data;

  (*count)++;
  tn_vcard_card_free (card);
  return TRUE;
}

/**
 * _tn_vcard_card_is_importable:
 * @text: one card
 *
 * Whether importing @text would give one card, not skipped for its size or anything else:
 * the exporter's check that what it writes can be imported again.
 *
 * Returns: %TRUE if it would
 */
gboolean
_tn_vcard_card_is_importable (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(TnVcardSource) source = _tn_vcard_source_new_for_bytes (bytes, TN_VCARD_MAX_FILE_SIZE);
  guint n_cards = 0;
  guint n_skipped = 0;

  return parse_source (source, "", count_card, &n_cards, NULL, NULL, &n_skipped, NULL) &&
         n_cards == 1 && n_skipped == 0;
}

static char *
quote_name (const char *display_name)
{
  /* TRANSLATORS: a file's name in quotation marks, in messages about it */
  return display_name != NULL ? g_strdup_printf (_("“%s”"), display_name) : g_strdup (_("This file"));
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
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_card_free);
  g_autoptr(TnVcardSource) source = NULL;
  g_autofree char *name = quote_name (display_name);

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (g_bytes_get_size (contents) > TN_VCARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (contents));
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_FILE_SIZE);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is too large to import: it is %s, and TrustNet reads files of up to %s."),
                   name, size, limit);
      return NULL;
    }

  source = _tn_vcard_source_new_for_bytes (contents, TN_VCARD_MAX_FILE_SIZE);
  if (!parse_source (source, name, collect_card, cards, NULL, problems, NULL, error))
    return NULL;

  return g_steal_pointer (&cards);
}

/* Opens @file to be read in pieces, refusing files too large to import. Which files to
 * read at all (folders opened, the rest set aside) is tn-import-files.c's to say; a
 * folder reaching here is an error. */
static TnVcardSource *
open_file (GFile         *file,
           char         **quoted,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(TnVcardSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  display_name = info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  *quoted = quote_name (display_name);

  if (info != NULL && (guint64) g_file_info_get_size (info) > TN_VCARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_FILE_SIZE);

      g_set_error (error, TN_VCARD_ERROR, TN_VCARD_ERROR_TOO_LARGE,
                   _("%s is too large to import: it is %s, and TrustNet reads files of up to %s."),
                   *quoted, size, limit);
      return NULL;
    }

  /* The size asked above may be wrong (a device, a file still growing): the bound holds
   * on the bytes read, and only a regular file is read at all. */
  if (info != NULL)
    source = _tn_vcard_source_open (file, TN_VCARD_MAX_FILE_SIZE, cancellable, &local_error);
  if (source == NULL)
    {
      explain_read_error (local_error, *quoted, error);
      return NULL;
    }

  return g_steal_pointer (&source);
}

/**
 * _tn_vcard_load_file:
 * @file: a file to import
 * @display_name: (out) (optional): its name as people see it
 * @cancellable: (nullable): to stop reading
 * @error: where a refusal, or a failure to read, goes (in words for people)
 *
 * Reads all of @file as every file to import is read (regular files only, never more than
 * the import bound), for formats that are parsed whole, such as CSV.
 *
 * Returns: (transfer full) (nullable): the bytes
 */
GBytes *
_tn_vcard_load_file (GFile         *file,
                     char         **display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *quoted = NULL;
  g_autoptr(TnVcardSource) source = open_file (file, &quoted, cancellable, error);
  g_autoptr(GByteArray) bytes = NULL;
  gssize n;

  if (source == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  do
    {
      g_autoptr(GError) read_error = NULL;

      n = _tn_vcard_source_read (source, bytes, READ_PIECE, cancellable, &read_error);
      if (n < 0)
        {
          explain_read_error (read_error, quoted, error);
          return NULL;
        }
    }
  while (n > 0);

  if (display_name != NULL)
    *display_name = g_file_get_basename (file);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
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
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_card_free);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *cards = NULL;
  if (!tn_vcard_parse_file_foreach (file, collect_card, found, problems, NULL, cancellable, error))
    return FALSE;

  *cards = g_steal_pointer (&found);
  return TRUE;
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
 * Reads @file as tn_vcard_parse_file() does, but a piece at a time, handing the cards to
 * @func as they are read: memory holds a piece of the file and one card, whatever the size
 * of the file. @func's @n_cards is an estimate until the file's last piece. Most refusals
 * come before @func is called at all; one found further on (binary data, a file that grew
 * past the bound, a read error) comes after some cards were handed, and a caller that
 * keeps cards must then drop them. If @func returns %FALSE, reading stops with
 * %G_IO_ERROR_CANCELLED. Blocks: call it in a worker thread.
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
  g_autoptr(TnVcardSource) source = NULL;
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems != NULL)
    *problems = NULL;
  if (n_skipped != NULL)
    *n_skipped = 0;

  source = open_file (file, &quoted, cancellable, error);
  if (source == NULL)
    return FALSE;

  return parse_source (source, quoted, func, user_data, cancellable, problems, n_skipped, error);
}
