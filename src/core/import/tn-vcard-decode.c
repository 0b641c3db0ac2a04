/* tn-vcard-decode.c — a .vcf file's bytes to clean card texts: lines found whatever ends them,
 * cards split off, folds undone on bytes, QUOTED-PRINTABLE, CHARSET= and old escapes decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is not a vCard parser: EVCard parses. For each content line it only finds the value's
 * ":" (minding quoted parameters), recognises the ENCODING and CHARSET parameters EVCard
 * mishandles, and drops what would make EVCard warn and lose the whole line. A line that
 * needs none of that, as most lines of most files, is copied as it is.
 */
#define G_LOG_DOMAIN "tn-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-vcard-private.h"
#include "tn-vcard.h"

#define FOLD_WIDTH   75  /* octets per written line, as RFC 2425 asks */
#define MAX_PROBLEMS 200 /* then one line says how many more there were */
#define MAX_NESTING  8   /* vCard 2.1 AGENT cards inside cards */

/* Lines of the file, one at a time, with a one-line lookahead. */
typedef struct
{
  const char *p;
  const char *end;
  guint line;          /* number of the line at p */
  gboolean peeked;
  const char *peek_start;
  const char *peek_stop;
  const char *peek_next;
} Reader;

typedef enum
{
  KEYWORD_NONE,
  KEYWORD_BEGIN,
  KEYWORD_END,
  KEYWORD_VERSION,
  KEYWORD_AGENT,
} Keyword;

typedef enum
{
  LINE_PROPERTY,
  LINE_EMPTY,    /* nothing but white space */
  LINE_NO_VALUE, /* a name (and parameters) without ":" */
  LINE_GARBAGE,  /* not a property at all: a comment, a stray text line */
} LineKind;

/* One logical (unfolded) content line, as pointers into it. */
typedef struct
{
  const char *group; /* NULL when the property has no group */
  gsize group_len;
  const char *name;
  gsize name_len;
  const char *params; /* after the first ";", up to the value's ":"; NULL when none */
  gsize params_len;
  const char *value;
  gsize value_len;
  const char *charset; /* the CHARSET= parameter's value, NULL when none */
  gsize charset_len;
  guint quoted_printable : 1;
  guint base64 : 1;        /* ENCODING=b, ENCODING=BASE64 or a bare BASE64 */
  guint params_dirty : 1;  /* the parameters must be rewritten before EVCard reads them */
  guint quotes_broken : 1; /* an unbalanced '"' in the parameters: read quotes as text */
} Line;

typedef enum
{
  PARAM_KEEP,
  PARAM_DROP,
} ParamFate;

/* Case-insensitive comparison with an upper-case literal, cheap enough for every line. */
#define IS_WORD(s, len, LITERAL) equal_upper ((s), (len), LITERAL, sizeof (LITERAL) - 1)
#define HAS_NAME(line, LITERAL) IS_WORD ((line)->name, (line)->name_len, LITERAL)

static inline gboolean
equal_upper (const char *s,
             gsize       len,
             const char *upper,
             gsize       upper_len)
{
  if (len != upper_len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];

      if (c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
      if (c != upper[i])
        return FALSE;
    }
  return TRUE;
}

/* Whether EVCard reads a parameter value as the one value it is: items separated by ","
 * each plain or in double quotes, no "=" outside quotes (EVCard reads "X=a=b" as a parameter
 * "a"), nothing but "," after a closing quote, no unclosed quote, no control character (a
 * bare CR ends the line for EVCard). Otherwise EVCard writes back a card it cannot read
 * again, and an export lost the lines after it (found by fuzzing). */
static gboolean
is_safe_param_value (const char *value,
                     gsize       len)
{
  gboolean in_quote = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) value[i] < 0x20 && value[i] != '\t')
        return FALSE;
      if (value[i] == '"')
        {
          in_quote = !in_quote;
          if (!in_quote && i + 1 < len && value[i + 1] != ',')
            return FALSE;
        }
      else if (!in_quote && value[i] == '=')
        return FALSE;
    }
  return !in_quote;
}

/* Whether @upper appears anywhere in @s, ignoring case and double quotes. EVCard finds
 * QUOTED-PRINTABLE in parameters however they are quoted, listed or run together, and then
 * decodes the value to bytes it never checks are UTF-8 (found by fuzzing): any parameter
 * that holds it is taken as QUOTED-PRINTABLE here, decoded here and never reaches EVCard. */
static gboolean
has_word_anywhere (const char *s,
                   gsize       len,
                   const char *upper)
{
  gsize upper_len = strlen (upper);

  for (gsize start = 0; start < len; start++)
    {
      gsize matched = 0;

      for (gsize i = start; i < len && matched < upper_len; i++)
        {
          if (s[i] == '"')
            continue;
          if (g_ascii_toupper (s[i]) != upper[matched])
            break;
          matched++;
        }
      if (matched == upper_len)
        return TRUE;
    }
  return FALSE;
}

static inline gboolean
is_name_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static inline gboolean
is_blank (guchar c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_blank_text (const char *s,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!is_blank (s[i]))
        return FALSE;
    }
  return TRUE;
}

static void
trim (const char **s,
      gsize       *len)
{
  while (*len > 0 && is_blank ((*s)[0]))
    {
      (*s)++;
      (*len)--;
    }
  while (*len > 0 && is_blank ((*s)[*len - 1]))
    (*len)--;
}

static void
unquote (const char **s,
         gsize       *len)
{
  trim (s, len);
  if (*len >= 2 && (*s)[0] == '"' && (*s)[*len - 1] == '"')
    {
      (*s)++;
      *len -= 2;
    }
}

/* ---- The parser and its problems ------------------------------------------------------ */

void
_tn_vcard_parser_init (TnVcardParser *self)
{
  memset (self, 0, sizeof *self);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tn_vcard_problem_free);
  self->text = g_string_sized_new (4096);
  self->fields = g_string_sized_new (4096);
  self->logical = g_string_sized_new (256);
  self->fold_equals = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->line_out = g_string_sized_new (256);
  self->decoded = g_string_sized_new (256);
}

void
_tn_vcard_parser_clear (TnVcardParser *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_string_free (self->text, TRUE);
  g_string_free (self->fields, TRUE);
  g_string_free (self->logical, TRUE);
  g_array_unref (self->fold_equals);
  g_string_free (self->line_out, TRUE);
  g_string_free (self->decoded, TRUE);
}
void
_tn_vcard_add_problem (TnVcardParser *self,
                       guint          line,
                       gboolean       card_skipped,
                       const char    *format,
                       ...)
{
  g_autofree char *message = NULL;
  TnVcardProblem *problem;
  va_list args;

  if (card_skipped)
    self->n_skipped++;

  if (self->problems->len >= MAX_PROBLEMS)
    {
      self->n_unlisted++;
      return;
    }

  problem = g_new0 (TnVcardProblem, 1);
  problem->line = line;
  problem->card_skipped = card_skipped;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Messages quote names from the file (a CHARSET value, a property name), which may be
   * any bytes; a toast or a terminal needs UTF-8 (found by fuzzing). */
  problem->message = g_utf8_make_valid (message, -1);
  g_ptr_array_add (self->problems, problem);
}

/* A short, printable excerpt of a line for a problem message. */
static char *
excerpt (const char *line,
         gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (line, MIN (len, 60));

  if (len > 60)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}

/* ---- Reading lines ------------------------------------------------------------------ */

static void
reader_init (Reader     *r,
             const char *start,
             const char *end,
             guint       line)
{
  memset (r, 0, sizeof *r);
  r->p = start;
  r->end = end;
  r->line = line;
}

/* Thunderbird writes a lone CR inside a value; classic Mac files end lines with one. A lone
 * CR ends the line only where what follows could begin a line. */
static gboolean
cr_ends_line (const char *next,
              const char *end)
{
  const char *q;

  if (next == end || *next == '\r' || *next == ' ' || *next == '\t')
    return TRUE;

  for (q = next; q < end && q - next < 64; q++)
    {
      if (!g_ascii_isalnum (*q) && *q != '-' && *q != '_' && *q != '.')
        break;
    }
  return q > next && q < end && (*q == ':' || *q == ';');
}

/* The first CR or LF in [p, end), or end. Lines are short, so this looks at eight bytes at a
 * time instead of calling memchr() twice a line. */
static const char *
find_line_break (const char *p,
                 const char *end)
{
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HAS_ZERO_BYTE(v) (((v) - ONES) & ~(v) & (ONES * 0x80))
  while (end - p >= 8)
    {
      guint64 v;

      memcpy (&v, p, sizeof v);
      if (HAS_ZERO_BYTE (v ^ (ONES * '\n')) | HAS_ZERO_BYTE (v ^ (ONES * '\r')))
        break;
      p += 8;
    }
#undef HAS_ZERO_BYTE
#undef ONES

  while (p < end && *p != '\n' && *p != '\r')
    p++;
  return p;
}

/* Finds the line at r->p: CR LF, LF, CR CR LF or a lone CR end it. */
static gboolean
reader_scan (Reader      *r,
             const char **start,
             const char **stop,
             const char **next)
{
  const char *end = r->end;
  const char *q = r->p;

  if (q >= end)
    return FALSE;

  *start = q;
  while ((q = find_line_break (q, end)) < end)
    {
      *stop = q;
      if (*q == '\n')
        *next = q + 1;
      else if (q + 1 < end && q[1] == '\n')
        *next = q + 2;
      else if (q + 2 < end && q[1] == '\r' && q[2] == '\n')
        *next = q + 3;
      else if (cr_ends_line (q + 1, end))
        *next = q + 1;
      else
        {
          q++;
          continue;
        }
      return TRUE;
    }

  *stop = end;
  *next = end;
  return TRUE;
}

static gboolean
reader_peek (Reader      *r,
             const char **start,
             const char **stop)
{
  if (!r->peeked)
    {
      if (!reader_scan (r, &r->peek_start, &r->peek_stop, &r->peek_next))
        return FALSE;
      r->peeked = TRUE;
    }
  *start = r->peek_start;
  *stop = r->peek_stop;
  return TRUE;
}

static gboolean
reader_next (Reader      *r,
             const char **start,
             const char **stop)
{
  if (!reader_peek (r, start, stop))
    return FALSE;
  r->p = r->peek_next;
  r->peeked = FALSE;
  r->line++;
  return TRUE;
}

static gboolean
starts_with_blank (const char *start,
                   const char *stop)
{
  return start < stop && (*start == ' ' || *start == '\t');
}

/* One logical line: a physical line and its folded continuations, each losing exactly one
 * leading blank. Unfolding happens on bytes, so a fold may split a UTF-8 character. */
static gboolean
read_logical_line (TnVcardParser  *self,
                   Reader         *r,
                   const char    **line,
                   gsize          *len,
                   guint          *number)
{
  const char *start, *stop, *next_start, *next_stop;

  *number = r->line;
  if (!reader_next (r, &start, &stop))
    return FALSE;

  g_array_set_size (self->fold_equals, 0);

  if (!reader_peek (r, &next_start, &next_stop) || !starts_with_blank (next_start, next_stop))
    {
      *line = start;
      *len = stop - start;
      return TRUE;
    }

  g_string_truncate (self->logical, 0);
  g_string_append_len (self->logical, start, stop - start);
  while (reader_peek (r, &next_start, &next_stop) && starts_with_blank (next_start, next_stop))
    {
      if (self->logical->len > 0 && self->logical->str[self->logical->len - 1] == '=')
        {
          gsize at = self->logical->len - 1;

          g_array_append_val (self->fold_equals, at);
        }
      g_string_append_len (self->logical, next_start + 1, next_stop - next_start - 1);
      reader_next (r, &next_start, &next_stop);
    }

  *line = self->logical->str;
  *len = self->logical->len;
  return TRUE;
}

static void
own_line (TnVcardParser  *self,
          const char    **line,
          gsize          *len)
{
  if (*line != self->logical->str)
    {
      g_string_truncate (self->logical, 0);
      g_string_append_len (self->logical, *line, *len);
    }
}

static gboolean
is_qp_hex_start (const char *start,
                 const char *stop)
{
  return stop - start >= 3 && start[0] == '=' &&
         g_ascii_isxdigit (start[1]) && g_ascii_isxdigit (start[2]);
}

/* vCard 2.1 QUOTED-PRINTABLE goes on after a "=" at the end of a line, on the next line,
 * whatever it starts with. An empty line ends the value (Android), unless more
 * "=XX" follows it (files cut up by some mailers). */
static void
join_soft_breaks (TnVcardParser  *self,
                  Reader         *r,
                  const char    **line,
                  gsize          *len)
{
  GString *buf = self->logical;
  const char *start, *stop;

  own_line (self, line, len);

  for (;;)
    {
      while (buf->len > 0 && (buf->str[buf->len - 1] == ' ' || buf->str[buf->len - 1] == '\t'))
        g_string_truncate (buf, buf->len - 1);
      if (buf->len == 0 || buf->str[buf->len - 1] != '=' || !reader_peek (r, &start, &stop))
        break;

      if (start == stop)
        {
          Reader after = *r;

          reader_next (&after, &start, &stop);
          if (!reader_peek (&after, &start, &stop) || !is_qp_hex_start (start, stop))
            break;
          *r = after;
        }

      g_string_truncate (buf, buf->len - 1);
      if (starts_with_blank (start, stop))
        start++;
      g_string_append_len (buf, start, stop - start);
      reader_next (r, &start, &stop);
    }

  *line = buf->str;
  *len = buf->len;
}

static gboolean
is_base64_text (const char *start,
                const char *stop)
{
  if (start == stop)
    return FALSE;
  for (const char *p = start; p < stop; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && *p != ' ' && *p != '\t')
        return FALSE;
    }
  return TRUE;
}

/* Some 2.1 writers do not indent base64 lines: they go on until an empty line. */
static void
join_base64_lines (TnVcardParser  *self,
                   Reader         *r,
                   const char    **line,
                   gsize          *len)
{
  const char *start, *stop;

  if (!reader_peek (r, &start, &stop) || !is_base64_text (start, stop))
    return;

  own_line (self, line, len);
  while (reader_peek (r, &start, &stop) && is_base64_text (start, stop))
    {
      g_string_append_len (self->logical, start, stop - start);
      reader_next (r, &start, &stop);
    }

  *line = self->logical->str;
  *len = self->logical->len;
}

/* ---- Splitting the file into cards -------------------------------------------------- */

static gboolean
value_is (const char *start,
          const char *stop,
          const char *literal)
{
  while (start < stop && (*start == ' ' || *start == '\t'))
    start++;
  while (stop > start && (stop[-1] == ' ' || stop[-1] == '\t'))
    stop--;
  return (gsize) (stop - start) == strlen (literal) &&
         g_ascii_strncasecmp (start, literal, stop - start) == 0;
}

/* What a physical line means for finding cards: BEGIN:VCARD or END:VCARD (any case,
 * any group, blanks around), VERSION, or an AGENT whose card follows on the next lines. */
static Keyword
line_keyword (const char    *start,
              const char    *stop,
              TnVcardSyntax *syntax)
{
  const char *name = start;
  const char *p;
  gsize len;

  for (p = start; p < stop && p - start < 64; p++)
    {
      if (*p == '.')
        name = p + 1;
      else if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        break;
    }
  if (p == stop || (*p != ':' && *p != ';' && *p != ' '))
    return KEYWORD_NONE;

  len = p - name;
  while (p < stop && *p == ' ')
    p++;
  if (p == stop)
    return KEYWORD_NONE;

  if (IS_WORD (name, len, "BEGIN"))
    return *p == ':' && value_is (p + 1, stop, "VCARD") ? KEYWORD_BEGIN : KEYWORD_NONE;
  if (IS_WORD (name, len, "END"))
    return *p == ':' && value_is (p + 1, stop, "VCARD") ? KEYWORD_END : KEYWORD_NONE;
  if (IS_WORD (name, len, "VERSION") && *p == ':')
    {
      *syntax = value_is (p + 1, stop, "2.1") ? TN_VCARD_SYNTAX_21 : TN_VCARD_SYNTAX_30;
      return KEYWORD_VERSION;
    }
  if (IS_WORD (name, len, "AGENT"))
    return stop[-1] == ':' ? KEYWORD_AGENT : KEYWORD_NONE;

  return KEYWORD_NONE;
}

static void
close_card (GArray      *spans,
            TnVcardSpan *span,
            const char  *body_end,
            guint        last_line,
            gboolean     truncated)
{
  span->body_end = body_end;
  span->last_line = last_line;
  span->truncated = truncated;
  g_array_append_val (spans, *span);
}

/* Finds every card in the file. Cards come out in the order they end, so the cards nested
 * in a vCard 2.1 card come before it (as Android reads them). A BEGIN:VCARD inside a 3.0 or
 * 4.0 card means the card before it lost its END:VCARD. */
GArray *
_tn_vcard_split_cards (TnVcardParser *self,
                       const char    *data,
                       gsize          len)
{
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (TnVcardSpan), len / 512 + 1);
  TnVcardSpan stack[MAX_NESTING];
  guint depth = 0;
  gboolean after_agent = FALSE;
  gboolean in_stray_text = FALSE;
  const char *start, *stop;
  Reader r;

  reader_init (&r, data, data + len, 1);
  while (reader_next (&r, &start, &stop))
    {
      guint number = r.line - 1;
      TnVcardSyntax syntax = TN_VCARD_SYNTAX_30;
      Keyword keyword;

      if (depth > 0 && starts_with_blank (start, stop))
        continue;

      /* Between cards, be lenient: blanks before BEGIN, or the byte-order mark of a file
       * that was appended to another one. */
      if (depth == 0 && stop - start >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
        start += 3;
      while (depth == 0 && starts_with_blank (start, stop))
        start++;
      keyword = line_keyword (start, stop, &syntax);

      if (keyword == KEYWORD_BEGIN && depth > 0 &&
          (depth == MAX_NESTING || (!after_agent && stack[depth - 1].syntax != TN_VCARD_SYNTAX_21)))
        {
          depth--;
          close_card (spans, &stack[depth], start, number - 1, TRUE);
        }

      if (keyword == KEYWORD_BEGIN)
        {
          stack[depth] = (TnVcardSpan) {
            .body = r.p,
            .line = number,
            .syntax = TN_VCARD_SYNTAX_30,
          };
          depth++;
          in_stray_text = FALSE;
        }
      else if (depth == 0)
        {
          if (start < stop && !in_stray_text)
            _tn_vcard_add_problem (self, number, FALSE,
                                   _("Line %u is not inside a card and was ignored."), number);
          in_stray_text = start < stop;
        }
      else if (keyword == KEYWORD_END)
        {
          depth--;
          close_card (spans, &stack[depth], start, number, FALSE);
        }
      else if (keyword == KEYWORD_VERSION)
        stack[depth - 1].syntax = syntax;

      after_agent = keyword == KEYWORD_AGENT;
    }

  while (depth > 0)
    {
      depth--;
      close_card (spans, &stack[depth], data + len, r.line - 1, TRUE);
    }

  return spans;
}

/* ---- Character sets ------------------------------------------------------------------ */

/**
 * charset_resolve:
 * @name: a charset name as a card declares it
 *
 * Returns: the name iconv should use: "UTF-8", "CP932" for every Shift_JIS spelling (so that
 *   0x5C stays a backslash), "WINDOWS-1252" for Latin-1 and ASCII (what their writers really
 *   produce), or @name itself
 */
static const char *
charset_resolve (const char *name)
{
  static const struct
  {
    const char *alias;
    const char *iconv_name;
  } aliases[] = {
    { "UTF-8", "UTF-8" },
    { "UTF8", "UTF-8" },
    { "SHIFT_JIS", "CP932" },
    { "SHIFT-JIS", "CP932" },
    { "SJIS", "CP932" },
    { "X-SJIS", "CP932" },
    { "MS_KANJI", "CP932" },
    { "WINDOWS-31J", "CP932" },
    { "ISO-8859-1", "WINDOWS-1252" },
    { "ISO8859-1", "WINDOWS-1252" },
    { "ISO_8859-1", "WINDOWS-1252" },
    { "LATIN1", "WINDOWS-1252" },
    { "US-ASCII", "WINDOWS-1252" },
    { "ASCII", "WINDOWS-1252" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      if (g_ascii_strcasecmp (name, aliases[i].alias) == 0)
        return aliases[i].iconv_name;
    }
  return name;
}

/* Whether @bytes hold at least one well-formed multi-byte UTF-8 character. */
static gboolean
has_utf8_sequence (const char *bytes,
                   gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) bytes[i] >= 0xc2 &&
          g_utf8_get_char_validated (bytes + i, len - i) < (gunichar) -2)
        return TRUE;
    }
  return FALSE;
}

/* g_convert() to UTF-8, or NULL when iconv fails or gives something that is not UTF-8:
 * glibc reads "UTF-8" (and names it accepts for it, such as "UTF-8 ") with the 5- and 6-byte
 * forms of old, and writes such bytes back out (found by fuzzing). */
static char *
convert_to_utf8 (const char *bytes,
                 gsize       len,
                 const char *charset)
{
  char *text = g_convert (bytes, len, "UTF-8", charset, NULL, NULL, NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
convert_fallback (const char *bytes,
                  gsize       len,
                  const char *fallback)
{
  char *text;

  text = convert_to_utf8 (bytes, len, fallback);
  if (text == NULL && g_ascii_strcasecmp (fallback, "WINDOWS-1252") != 0)
    text = convert_to_utf8 (bytes, len, "WINDOWS-1252");
  /* Windows-1252 leaves five bytes undefined; ISO-8859-1 maps every byte. */
  if (text == NULL)
    text = convert_to_utf8 (bytes, len, "ISO-8859-1");

  return text != NULL ? text : g_utf8_make_valid (bytes, len);
}

/**
 * to_utf8:
 * @bytes: text in @charset
 * @len: its length
 * @charset: (nullable): the declared charset, resolved; %NULL when none was declared
 * @fallback: the charset to read @bytes in when they are neither in @charset nor UTF-8
 * @guessed: (out) (optional): set to %TRUE when the declared @charset was unknown or wrong
 *   and @fallback had to be used
 *
 * Returns: (transfer full): @bytes as UTF-8, never with U+FFFD unless the text declares
 *   UTF-8 and really is UTF-8 but for some broken bytes
 */
static char *
to_utf8 (const char *bytes,
         gsize       len,
         const char *charset,
         const char *fallback,
         gboolean   *guessed)
{
  char *text;

  if (guessed != NULL)
    *guessed = FALSE;

  if (charset == NULL || g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      if (g_utf8_validate_len (bytes, len, NULL))
        return g_strndup (bytes, len);
      /* Declared UTF-8 and mostly so, like Android's stray "=80": keep the good part. */
      if (charset != NULL && has_utf8_sequence (bytes, len))
        return g_utf8_make_valid (bytes, len);
      if (charset != NULL && guessed != NULL)
        *guessed = TRUE;
      return convert_fallback (bytes, len, fallback);
    }

  text = convert_to_utf8 (bytes, len, charset);
  if (text != NULL)
    return text;

  if (g_utf8_validate_len (bytes, len, NULL))
    return g_strndup (bytes, len);

  if (guessed != NULL)
    *guessed = TRUE;
  return convert_fallback (bytes, len, fallback);
}

/* ---- One content line ---------------------------------------------------------------- */

/* The next ";"-separated parameter in [*cursor, end), or NULL after the last one. */
static const char *
next_param (const char **cursor,
            const char  *end,
            gboolean     mind_quotes,
            gsize       *len)
{
  const char *start = *cursor;
  const char *p;
  gboolean in_quote = FALSE;

  if (start > end)
    return NULL;

  for (p = start; p < end; p++)
    {
      if (*p == '"' && mind_quotes)
        in_quote = !in_quote;
      else if (*p == ';' && !in_quote)
        break;
    }

  *len = p - start;
  *cursor = p + 1;
  return start;
}

/* Decides one parameter, noting on @line what it says about the value. @param is
 * trimmed in place to what would be written back. */
static ParamFate
classify_param (const char **param,
                gsize       *len,
                Line        *line)
{
  const char *s = *param;
  const char *eq;
  gsize n = *len;

  trim (&s, &n);
  if (s != *param || n != *len)
    line->params_dirty = TRUE;
  *param = s;
  *len = n;

  if (n == 0)
    return PARAM_DROP;

  if (has_word_anywhere (s, n, "QUOTED-PRINTABLE"))
    {
      line->quoted_printable = TRUE;
      line->params_dirty = TRUE;
      return PARAM_DROP;
    }

  eq = memchr (s, '=', n);
  if (eq != NULL)
    {
      const char *name = s;
      gsize name_len = eq - s;
      const char *value = eq + 1;
      gsize value_len = n - name_len - 1;

      trim (&name, &name_len);
      if (name_len == 0)
        goto invalid;
      for (gsize i = 0; i < name_len; i++)
        {
          if (!is_name_char (name[i]))
            goto invalid;
        }
      if (name_len != (gsize) (eq - s))
        line->params_dirty = TRUE;

      if (!is_safe_param_value (value, value_len))
        goto invalid;

      unquote (&value, &value_len);
      if (IS_WORD (name, name_len, "ENCODING"))
        {
          if (IS_WORD (value, value_len, "B") || IS_WORD (value, value_len, "BASE64"))
            line->base64 = TRUE;
        }
      else if (IS_WORD (name, name_len, "CHARSET"))
        {
          line->charset = value;
          line->charset_len = value_len;
          line->params_dirty = TRUE;
          return PARAM_DROP;
        }
      return PARAM_KEEP;
    }

  /* A bare value, as in vCard 2.1's TEL;WORK;VOICE or ;QUOTED-PRINTABLE. */
  for (gsize i = 0; i < n; i++)
    {
      if (!is_name_char (s[i]) && s[i] != ',')
        goto invalid;
    }
  if (IS_WORD (s, n, "BASE64"))
    line->base64 = TRUE;
  return PARAM_KEEP;

invalid:
  /* EVCard warns and drops the whole line over such a parameter; drop only it. */
  line->params_dirty = TRUE;
  return PARAM_DROP;
}

/**
 * line_parse:
 * @line: one unfolded content line, without its line break
 * @len: its length in bytes
 * @out: (out caller-allocates): where the parts are, as pointers into @line
 *
 * Returns: what kind of line it is; @out is filled for %LINE_PROPERTY
 */
static LineKind
line_parse (const char *line,
            gsize       len,
            Line       *out)
{
  const char *end = line + len;
  const char *name = line;
  const char *p;
  const char *colon = NULL;

  memset (out, 0, sizeof *out);

  for (p = line; p < end; p++)
    {
      if (is_name_char (*p))
        continue;
      /* One group prefix, as in item1.EMAIL; EVCard warns about a second one. */
      if (*p == '.' && out->group == NULL && p > name)
        {
          out->group = name;
          out->group_len = p - name;
          name = p + 1;
          continue;
        }
      break;
    }

  if (p == end)
    {
      if (len == 0)
        return LINE_EMPTY;
      return p > name ? LINE_NO_VALUE : LINE_GARBAGE;
    }
  if ((*p != ':' && *p != ';') || p == name)
    return is_blank_text (line, len) ? LINE_EMPTY : LINE_GARBAGE;

  out->name = name;
  out->name_len = p - name;

  if (*p == ';')
    {
      const char *cursor;
      const char *param;
      gboolean in_quote = FALSE;
      gboolean mind_quotes = TRUE;
      gboolean has_8bit = FALSE;
      gsize param_len;

      out->params = p + 1;
      for (const char *q = out->params; q < end; q++)
        {
          if (*q == '"')
            in_quote = !in_quote;
          else if (*q == ':' && !in_quote)
            {
              colon = q;
              break;
            }
          else if ((guchar) *q >= 0x80)
            has_8bit = TRUE;
        }
      if (colon == NULL)
        {
          /* An unbalanced quote swallowed the ":"; read the quotes as plain text. */
          colon = memchr (out->params, ':', end - out->params);
          if (colon == NULL)
            return LINE_NO_VALUE;
          mind_quotes = FALSE;
          out->quotes_broken = TRUE;
          out->params_dirty = TRUE;
        }
      out->params_len = colon - out->params;

      cursor = out->params;
      while ((param = next_param (&cursor, colon, mind_quotes, &param_len)) != NULL)
        classify_param (&param, &param_len, out);

      if (has_8bit && !g_utf8_validate_len (out->params, out->params_len, NULL))
        out->params_dirty = TRUE;
    }
  else
    colon = p;

  out->value = colon + 1;
  out->value_len = end - out->value;

  return LINE_PROPERTY;
}

/**
 * append_params:
 * @out: where to append
 * @line: a parsed line
 *
 * Appends @line's parameters, each after a ";", without the CHARSET and
 * ENCODING=QUOTED-PRINTABLE that no longer apply to the decoded value, nor those
 * EVCard cannot read. Parameter text that is not UTF-8 is read as Windows-1252.
 */
static void
append_params (GString    *out,
               const Line *line)
{
  const char *end = line->params + line->params_len;
  const char *cursor = line->params;
  const char *param;
  gboolean mind_quotes = !line->quotes_broken;
  gsize len;

  if (line->params == NULL)
    return;

  while ((param = next_param (&cursor, end, mind_quotes, &len)) != NULL)
    {
      Line scratch = { 0 };
      gsize start = out->len;

      if (classify_param (&param, &len, &scratch) == PARAM_DROP)
        continue;

      g_string_append_c (out, ';');
      /* After an unbalanced quote, drop every quote: EVCard would read on to the end. */
      for (gsize i = 0; i < len; i++)
        {
          if (mind_quotes || param[i] != '"')
            g_string_append_c (out, param[i]);
        }

      if (!g_utf8_validate_len (out->str + start, out->len - start, NULL))
        {
          g_autofree char *text = to_utf8 (out->str + start, out->len - start,
                                           NULL, "WINDOWS-1252", NULL);

          g_string_truncate (out, start);
          g_string_append (out, text);
        }
    }
}

/* ---- Values -------------------------------------------------------------------------- */

/* Bytes of a value that need a second look: escapes, ";", a lone CR, and 8-bit bytes. */
static const guint8 value_specials[256] = {
  ['\\'] = 1,
  [';'] = 1,
  ['\r'] = 1,
  [0x80 ... 0xff] = 2,
};

/**
 * value_is_clean:
 * @value: a raw value, not QUOTED-PRINTABLE and in no declared charset
 * @len: its length
 * @syntax: how the card writes escapes
 * @semicolon_is_text: whether a bare ";" in this property is text, not a separator
 * @has_8bit: (inout): set to %TRUE when @value has bytes above 127; the caller checks
 *   that they are UTF-8
 *
 * Returns: %TRUE if EVCard can read @value exactly as it is
 */
static gboolean
value_is_clean (const char    *value,
                gsize          len,
                TnVcardSyntax  syntax,
                gboolean       semicolon_is_text,
                gboolean      *has_8bit)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = value[i];

      if (G_LIKELY (value_specials[c] == 0))
        continue;

      if (value_specials[c] == 2)
        *has_8bit = TRUE;
      else if (c == ';')
        {
          if (semicolon_is_text)
            return FALSE;
        }
      else if (c == '\r')
        return FALSE;
      else
        {
          /* A backslash: in 2.1 it is usually text; in 3.0 EVCard warns about and keeps
           * any escape it does not know, such as "\:" or "\"". */
          if (syntax == TN_VCARD_SYNTAX_21 || i + 1 == len)
            return FALSE;
          c = value[++i];
          if (c != 'n' && c != 'N' && c != ';' && c != ',' && c != '\\')
            return FALSE;
        }
    }

  return TRUE;
}

/* Appends the escape that starts at text[i] as 3.0 writes it; returns where to go on. */
static gsize
append_escape (GString       *out,
               const char    *text,
               gsize          len,
               gsize          i,
               TnVcardSyntax  syntax)
{
  char next;

  if (i + 1 >= len)
    {
      g_string_append (out, "\\\\");
      return len;
    }

  next = text[i + 1];

  if (syntax == TN_VCARD_SYNTAX_21)
    {
      /* What Android and Outlook mean by a backslash in 2.1. */
      switch (next)
        {
        case '\\':
          g_string_append (out, "\\\\");
          return i + 2;
        case ';':
          g_string_append (out, "\\;");
          return i + 2;
        case ',':
          g_string_append (out, "\\,");
          return i + 2;
        case ':':
          g_string_append_c (out, ':');
          return i + 2;
        default:
          g_string_append (out, "\\\\");
          return i + 1;
        }
    }

  switch (next)
    {
    case 'n':
    case 'N':
      g_string_append (out, "\\n");
      return i + 2;
    case '\\':
      g_string_append (out, "\\\\");
      return i + 2;
    case ';':
      g_string_append (out, "\\;");
      return i + 2;
    case ',':
      g_string_append (out, "\\,");
      return i + 2;
    case 'r':
    case 'R':
      /* "\r\n" is one line break. */
      if (!(i + 3 < len && text[i + 2] == '\\' && (text[i + 3] == 'n' || text[i + 3] == 'N')))
        g_string_append (out, "\\n");
      return i + 2;
    default:
      /* "\:", "\"" and the like: the character itself. */
      return i + 1;
    }
}

/**
 * append_value:
 * @out: where to append
 * @text: a value as UTF-8, QUOTED-PRINTABLE already decoded, escapes as @syntax writes them
 * @len: its length
 * @syntax: how the card writes escapes
 * @semicolon_is_text: whether a bare ";" is text rather than a component separator
 *
 * Appends @text as vCard 3.0 escapes it, so EVCard reads back exactly what was meant.
 */
static void
append_value (GString       *out,
              const char    *text,
              gsize          len,
              TnVcardSyntax  syntax,
              gboolean       semicolon_is_text)
{
  gsize run = 0;
  gsize i = 0;

  while (i < len)
    {
      char c = text[i];

      if (c != '\\' && c != ';' && c != '\r' && c != '\n')
        {
          i++;
          continue;
        }

      g_string_append_len (out, text + run, i - run);
      switch (c)
        {
        case ';':
          g_string_append (out, semicolon_is_text ? "\\;" : ";");
          i++;
          break;
        case '\r':
          /* CR LF is one break, handled at the LF; a lone CR is a break too. */
          if (!(i + 1 < len && text[i + 1] == '\n'))
            g_string_append (out, "\\n");
          i++;
          break;
        case '\n':
          g_string_append (out, "\\n");
          i++;
          break;
        default:
          i = append_escape (out, text, len, i, syntax);
          break;
        }
      run = i;
    }

  g_string_append_len (out, text + run, len - run);
}

/**
 * qp_decode:
 * @out: where to append the decoded bytes
 * @value: a QUOTED-PRINTABLE value whose soft line breaks are already joined
 * @len: its length
 *
 * Decodes "=XX" to bytes. A stray "=" is kept as text, but for one left at the end by a
 * soft line break.
 */
static void
qp_decode (GString    *out,
           const char *value,
           gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      const char *eq = memchr (value + i, '=', len - i);
      gsize at;

      if (eq == NULL)
        {
          g_string_append_len (out, value + i, len - i);
          break;
        }

      at = eq - value;
      g_string_append_len (out, value + i, at - i);

      if (at + 2 < len && g_ascii_isxdigit (value[at + 1]) && g_ascii_isxdigit (value[at + 2]))
        {
          g_string_append_c (out, (char) ((g_ascii_xdigit_value (value[at + 1]) << 4) |
                                          g_ascii_xdigit_value (value[at + 2])));
          i = at + 3;
        }
      else
        {
          /* A soft break's "=" left at the very end goes; any other is text. */
          if (at + 1 < len)
            g_string_append_c (out, '=');
          i = at + 1;
        }
    }
}

/* ---- Inline binary data -------------------------------------------------------------- */

/**
 * base64_check:
 * @value: inline binary data as the card holds it
 * @len: its length
 * @decoded_len: (out): how many bytes it decodes to
 *
 * Returns: %TRUE if @value has only base64 characters (and blanks, as folds leave them),
 *   with "=" only as padding at the end
 */
static gboolean
base64_check (const char *value,
              gsize       len,
              gsize      *decoded_len)
{
  gsize n = 0;
  gsize padding = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = value[i];

      if (is_blank (c))
        continue;
      if (c == '=')
        {
          if (++padding > 2)
            return FALSE;
          continue;
        }
      if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
      n++;
    }

  /* A stray last character (n % 4 == 1), as BlackBerry writes, is left for the decoder to
   * ignore: the picture before it is fine. */
  *decoded_len = n / 4 * 3 + (n % 4 > 1 ? n % 4 - 1 : 0);
  return TRUE;
}

/* Whether a PHOTO-like value is a link or a data: URI rather than bare base64. */
static gboolean
value_is_uri (const char *value,
              gsize       len)
{
  static const char *const schemes[] = { "data:", "http:", "https:", "ftp:", "file:", "cid:" };

  for (gsize i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      gsize n = strlen (schemes[i]);

      if (len >= n && g_ascii_strncasecmp (value, schemes[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- Cleaning up one card ----------------------------------------------------------- */

/* Properties whose value is one text, so that a bare ";" in it is text. */
static gboolean
is_text_property (const Line *line)
{
  switch (line->name_len)
    {
    case 2:
      return HAS_NAME (line, "FN");
    case 4:
      return HAS_NAME (line, "NOTE") || HAS_NAME (line, "ROLE");
    case 5:
      return HAS_NAME (line, "TITLE") || HAS_NAME (line, "LABEL");
    default:
      return FALSE;
    }
}

/* The properties TrustNet reads into a TnVcardCard: only these go to EVCard when the card
 * text can be kept as it is, so that EVCard does not parse photos it would throw away. */
static gboolean
is_read_property (const Line *line)
{
  switch (line->name_len)
    {
    case 1:
      return HAS_NAME (line, "N");
    case 2:
      return HAS_NAME (line, "FN");
    case 3:
      return HAS_NAME (line, "TEL") || HAS_NAME (line, "ORG") || HAS_NAME (line, "UID");
    case 4:
      return HAS_NAME (line, "NOTE") || HAS_NAME (line, "BDAY");
    case 5:
      return HAS_NAME (line, "EMAIL") || HAS_NAME (line, "TITLE");
    default:
      return FALSE;
    }
}

/* The charset for 8-bit text that declares none: the first one another line of the card
 * declares (a Greek card says Windows-1253 on its LABEL only), or else Windows-1252. */
static const char *
card_fallback_charset (TnVcardParser *self)
{
  const char *p = self->span->body;
  const char *end = self->span->body_end;

  if (self->fallback != NULL)
    return self->fallback;

  self->fallback = "WINDOWS-1252";
  while ((p = memchr (p, '=', end - p)) != NULL)
    {
      char name[64];
      const char *value = p + 1;
      const char *q;
      const char *resolved;
      GIConv conv;

      p++;
      if (value - 8 < self->span->body || g_ascii_strncasecmp (value - 8, "CHARSET=", 8) != 0)
        continue;
      for (q = value; q < end && *q != ';' && *q != ':' && *q != '"' && *q != '\r' && *q != '\n'; q++)
        ;
      if (q == value || (gsize) (q - value) >= sizeof name)
        continue;

      memcpy (name, value, q - value);
      name[q - value] = '\0';
      resolved = charset_resolve (name);
      if (g_ascii_strcasecmp (resolved, "UTF-8") == 0)
        continue;

      conv = g_iconv_open ("UTF-8", resolved);
      if (conv == (GIConv) -1)
        continue;
      g_iconv_close (conv);

      /* Keep the name: resolved may point into the stack buffer. */
      self->fallback = g_intern_string (resolved);
      break;
    }

  return self->fallback;
}

/* Appends one content line, folded at FOLD_WIDTH octets without splitting a character. */
static void
append_folded (GString    *text,
               const char *line,
               gsize       len)
{
  gsize width = FOLD_WIDTH;

  while (len > width)
    {
      gsize cut = width;

      while (cut > 1 && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (text, line, cut);
      g_string_append_len (text, "\r\n ", 3);
      line += cut;
      len -= cut;
      width = FOLD_WIDTH - 1;
    }
  g_string_append_len (text, line, len);
  g_string_append_len (text, "\r\n", 2);
}

/* Writes one finished content line: folded into the kept card text and, for a property
 * TrustNet reads, as NAME:value into the text EVCard parses. Groups and parameters mean
 * nothing to those fields (the only one that does, BDAY's X-APPLE-OMIT-YEAR, is kept), and
 * EVCard spends much of its time reading parameters one character at a time. */
static void
emit_line (TnVcardParser *self,
           const Line    *line,
           const char    *whole,
           gsize          whole_len,
           gsize          value_offset)
{
  append_folded (self->text, whole, whole_len);

  if (!is_read_property (line))
    return;

  if (HAS_NAME (line, "BDAY"))
    g_string_append_len (self->fields, whole, whole_len);
  else
    {
      g_string_append_len (self->fields, line->name, line->name_len);
      g_string_append_c (self->fields, ':');
      g_string_append_len (self->fields, whole + value_offset, whole_len - value_offset);
    }
  g_string_append_len (self->fields, "\r\n", 2);
}

static void
append_name_and_params (GString    *out,
                        const Line *line)
{
  if (line->group != NULL)
    {
      g_string_append_len (out, line->group, line->group_len);
      g_string_append_c (out, '.');
    }
  g_string_append_len (out, line->name, line->name_len);

  if (line->params_dirty)
    append_params (out, line);
  else if (line->params != NULL)
    {
      g_string_append_c (out, ';');
      g_string_append_len (out, line->params, line->params_len);
    }
}

/* PHOTO, LOGO, SOUND, KEY: kept inline when the data is base64 and not too large. */
static void
append_base64_property (TnVcardParser *self,
                        const Line    *line,
                        guint          number)
{
  g_autofree char *name = g_ascii_strup (line->name, line->name_len);
  GString *out = self->line_out;
  gsize decoded_len = 0;

  if (!base64_check (line->value, line->value_len, &decoded_len))
    {
      _tn_vcard_add_problem (self, number, FALSE,
                             _("The %s on line %u is not valid base64 data and was left out."),
                             name, number);
      return;
    }
  if (decoded_len > TN_VCARD_MAX_BINARY_SIZE)
    {
      g_autofree char *size = g_format_size (decoded_len);
      g_autofree char *limit = g_format_size (TN_VCARD_MAX_BINARY_SIZE);

      _tn_vcard_add_problem (self, number, FALSE,
                             _("The %s on line %u is %s, more than the %s TrustNet keeps, and was left out."),
                             name, number, size, limit);
      return;
    }

  g_string_truncate (out, 0);
  append_name_and_params (out, line);
  g_string_append_c (out, ':');
  for (gsize i = 0; i < line->value_len; i++)
    {
      if (line->value[i] != ' ' && line->value[i] != '\t')
        g_string_append_c (out, line->value[i]);
    }
  append_folded (self->text, out->str, out->len);
}

/* Rewrites a line whose value EVCard cannot take as it is: decoded, in UTF-8, 3.0 escapes. */
static void
append_decoded_property (TnVcardParser *self,
                         const Line    *line,
                         guint          number)
{
  g_autofree char *converted = NULL;
  GString *out = self->line_out;
  const char *bytes = line->value;
  const char *charset = NULL;
  const char *text;
  char charset_name[64] = "";
  gsize len = line->value_len;
  gsize value_offset;

  g_string_truncate (out, 0);
  append_name_and_params (out, line);
  g_string_append_c (out, ':');
  value_offset = out->len;

  if (line->quoted_printable)
    {
      g_string_truncate (self->decoded, 0);
      qp_decode (self->decoded, bytes, len);
      bytes = self->decoded->str;
      len = self->decoded->len;
    }

  if (line->charset != NULL)
    {
      const char *declared = line->charset;
      gsize declared_len = MIN (line->charset_len, sizeof charset_name - 1);

      memcpy (charset_name, declared, declared_len);
      charset_name[declared_len] = '\0';
      charset = charset_resolve (charset_name);
    }

  if (charset == NULL && g_utf8_validate_len (bytes, len, NULL))
    text = bytes;
  else
    {
      gboolean guessed = FALSE;
      const char *fallback = card_fallback_charset (self);

      converted = to_utf8 (bytes, len, charset, fallback, &guessed);
      if (guessed)
        _tn_vcard_add_problem (self, number, FALSE,
                               _("The text on line %u is not in the character set it names (“%s”); "
                                  "it was read as %s."),
                               number, charset_name, fallback);
      text = converted;
      len = strlen (converted);
    }

  append_value (out, text, len, self->span->syntax, is_text_property (line));
  emit_line (self, line, out->str, out->len, value_offset);
  self->text_size += out->len;
}

static void
append_property (TnVcardParser *self,
                 const Line    *line,
                 const char    *raw,
                 gsize          raw_len,
                 guint          number)
{
  gboolean has_8bit = FALSE;

  if (line->base64 && !value_is_uri (line->value, line->value_len))
    {
      append_base64_property (self, line, number);
      return;
    }

  /* The fast path: most lines of most files go to EVCard exactly as they are. */
  if (!line->quoted_printable && line->charset == NULL && !line->params_dirty &&
      value_is_clean (line->value, line->value_len, self->span->syntax,
                                is_text_property (line), &has_8bit) &&
      (!has_8bit || g_utf8_validate_len (line->value, line->value_len, NULL)))
    {
      emit_line (self, line, raw, raw_len, line->value - raw);
      self->text_size += raw_len;
      return;
    }

  append_decoded_property (self, line, number);
}

/* Skips a nested card, already read on its own, inside the card being cleaned up. */
static void
skip_nested_card (Reader *r)
{
  TnVcardSyntax syntax;
  const char *start, *stop;
  guint depth = 1;

  while (depth > 0 && reader_next (r, &start, &stop))
    {
      switch (line_keyword (start, stop, &syntax))
        {
        case KEYWORD_BEGIN:
          depth++;
          break;
        case KEYWORD_END:
          depth--;
          break;
        case KEYWORD_NONE:
        case KEYWORD_VERSION:
        case KEYWORD_AGENT:
        default:
          break;
        }
    }
}

static void
report_line (TnVcardParser *self,
             LineKind       kind,
             const char    *line,
             gsize          len,
             guint          number)
{
  g_autofree char *text = excerpt (line, len);

  if (kind == LINE_NO_VALUE)
    _tn_vcard_add_problem (self, number, FALSE,
                           _("Line %u (“%s”) has no value and was ignored."), number, text);
  else
    _tn_vcard_add_problem (self, number, FALSE,
                           _("Line %u (“%s”) is not a vCard property and was ignored."), number, text);
}

/* Builds self->text: the card as clean UTF-8 vCard text. Returns FALSE if it must be skipped. */
gboolean
_tn_vcard_clean_card (TnVcardParser     *self,
                      const TnVcardSpan *span)
{
  const char *line;
  gsize len;
  guint number;
  Reader r;

  self->span = span;
  self->fallback = NULL;
  self->text_size = 0;
  self->version_30 = FALSE;
  g_string_truncate (self->text, 0);
  g_string_append_len (self->text, "BEGIN:VCARD\r\n", 13);
  g_string_truncate (self->fields, 0);
  g_string_append_len (self->fields, "BEGIN:VCARD\r\n", 13);

  reader_init (&r, span->body, span->body_end, span->line + 1);
  while (read_logical_line (self, &r, &line, &len, &number))
    {
      Line parsed;
      LineKind kind = line_parse (line, len, &parsed);

      if (kind == LINE_EMPTY)
        continue;
      if (kind != LINE_PROPERTY)
        {
          report_line (self, kind, line, len, number);
          continue;
        }

      /* A nested 2.1 card was read on its own. Any other BEGIN or END (a vCalendar pasted
       * into a card) would end EVCard's reading of the card. */
      if (HAS_NAME (&parsed, "BEGIN") && IS_WORD (parsed.value, parsed.value_len, "VCARD"))
        {
          skip_nested_card (&r);
          continue;
        }
      if (HAS_NAME (&parsed, "BEGIN") || HAS_NAME (&parsed, "END"))
        {
          report_line (self, LINE_GARBAGE, line, len, number);
          continue;
        }

      /* A QUOTED-PRINTABLE soft break may be folded too ("=" CRLF SPACE, as EVCard writes
       * it): that "=" goes, or "=\r\n ab" would read as the byte 0xAB. */
      if (parsed.quoted_printable && self->fold_equals->len > 0)
        {
          for (guint i = self->fold_equals->len; i > 0; i--)
            g_string_erase (self->logical, g_array_index (self->fold_equals, gsize, i - 1), 1);
          line = self->logical->str;
          len = self->logical->len;
          line_parse (line, len, &parsed);
        }

      if (parsed.quoted_printable && parsed.value_len > 0 &&
          (line[len - 1] == '=' || line[len - 1] == ' ' || line[len - 1] == '\t'))
        {
          join_soft_breaks (self, &r, &line, &len);
          line_parse (line, len, &parsed);
        }
      else if (parsed.base64 && span->syntax == TN_VCARD_SYNTAX_21)
        {
          join_base64_lines (self, &r, &line, &len);
          line_parse (line, len, &parsed);
        }

      append_property (self, &parsed, line, len, number);
      /* Exactly what e_vcard_to_string() looks for to give a card back as it is. */
      if (HAS_NAME (&parsed, "VERSION") && parsed.group == NULL && parsed.params == NULL &&
          IS_WORD (parsed.value, parsed.value_len, "3.0"))
        self->version_30 = TRUE;

      if (self->text_size > TN_VCARD_MAX_CARD_SIZE)
        {
          g_autofree char *limit = g_format_size (TN_VCARD_MAX_CARD_SIZE);

          _tn_vcard_add_problem (self, span->line, TRUE,
                                 _("The card on line %u is larger than %s (not counting photos) "
                                    "and was skipped."),
                                 span->line, limit);
          return FALSE;
        }
    }

  g_string_append_len (self->text, "END:VCARD\r\n", 11);
  g_string_append_len (self->fields, "END:VCARD\r\n", 11);

  if (span->truncated)
    _tn_vcard_add_problem (self, span->line, FALSE,
                           _("The card on line %u has no END:VCARD line; it was read up to line %u."),
                           span->line, span->last_line);

  return TRUE;
}

/* ---- Birthdays ----------------------------------------------------------------------- */

static gboolean
read_digits (const char **p,
             guint        count,
             guint       *number)
{
  *number = 0;
  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *number = *number * 10 + ((*p)[i] - '0');
    }
  *p += count;
  return TRUE;
}

/**
 * _tn_vcard_normalize_date:
 * @value: a BDAY value: "1980-03-22", "19800322", "1980-03-22T00:00:00Z", "--0412", "--04-12"
 * @omit_year: whether the card says the year is a placeholder (Apple's X-APPLE-OMIT-YEAR)
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", "--MM-DD" without a year, or %NULL when
 *   @value is not a day of the year
 */
char *
_tn_vcard_normalize_date (const char *value,
                          gboolean    omit_year)
{
  const char *p = value;
  guint year = 0, month, day;
  gboolean has_year = TRUE;

  while (is_blank (*p))
    p++;

  if (p[0] == '-' && p[1] == '-')
    {
      has_year = FALSE;
      p += 2;
    }
  else if (!read_digits (&p, 4, &year))
    return NULL;
  else if (*p == '-')
    p++;

  if (!read_digits (&p, 2, &month))
    return NULL;
  if (*p == '-')
    p++;
  if (!read_digits (&p, 2, &day))
    return NULL;

  while (is_blank (*p))
    p++;
  if (*p != '\0' && *p != 'T' && *p != 't')
    return NULL;

  /* Without a year, 29 February is still a birthday: check against a leap year. */
  if (month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) (has_year && year > 0 ? year : 2000)))
    return NULL;

  if (!has_year || omit_year || year == 0)
    return g_strdup_printf ("--%02u-%02u", month, day);
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
