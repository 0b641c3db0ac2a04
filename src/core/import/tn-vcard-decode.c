/* tn-vcard-decode.c — a .vcf file's bytes to clean card texts: lines found whatever ends them,
 * cards split off, folds undone on bytes; then tn-vcard-clean.c cleans each card up, with
 * tn-vcard-charset.c decoding its values.
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

#include "tn-vcard-decode-private.h"
#include "tn-vcard.h"

#define MAX_PROBLEMS 200 /* then one line says how many more there were */

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
char *
_tn_vcard_excerpt (const char *line,
                   gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (line, MIN (len, 60));

  if (len > 60)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}

/* ---- Reading lines ------------------------------------------------------------------ */

void
_tn_vcard_reader_init (Reader     *r,
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

gboolean
_tn_vcard_reader_next (Reader      *r,
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
gboolean
_tn_vcard_read_logical_line (TnVcardParser  *self,
                             Reader         *r,
                             const char    **line,
                             gsize          *len,
                             guint          *number)
{
  const char *start, *stop, *next_start, *next_stop;

  *number = r->line;
  if (!_tn_vcard_reader_next (r, &start, &stop))
    return FALSE;

  g_array_set_size (self->fold_equals, 0);

  if (!reader_peek (r, &next_start, &next_stop) || !starts_with_blank (next_start, next_stop))
    {
      *line = start;
      *len = stop - start;
      return TRUE;
    }

  g_string_truncate (self->logical, 0);
  _tn_string_append (self->logical, start, stop - start);
  while (reader_peek (r, &next_start, &next_stop) && starts_with_blank (next_start, next_stop))
    {
      if (self->logical->len > 0 && self->logical->str[self->logical->len - 1] == '=')
        {
          gsize at = self->logical->len - 1;

          g_array_append_val (self->fold_equals, at);
        }
      _tn_string_append (self->logical, next_start + 1, next_stop - next_start - 1);
      _tn_vcard_reader_next (r, &next_start, &next_stop);
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
      _tn_string_append (self->logical, *line, *len);
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
void
_tn_vcard_join_soft_breaks (TnVcardParser  *self,
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

          _tn_vcard_reader_next (&after, &start, &stop);
          if (!reader_peek (&after, &start, &stop) || !is_qp_hex_start (start, stop))
            break;
          *r = after;
        }

      g_string_truncate (buf, buf->len - 1);
      if (starts_with_blank (start, stop))
        start++;
      _tn_string_append (buf, start, stop - start);
      _tn_vcard_reader_next (r, &start, &stop);
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
void
_tn_vcard_join_base64_lines (TnVcardParser  *self,
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
      _tn_string_append (self->logical, start, stop - start);
      _tn_vcard_reader_next (r, &start, &stop);
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
Keyword
_tn_vcard_line_keyword (const char    *start,
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

/* Hands a card that ended to the caller, unless it belongs to a card grown too large. */
static void
close_card (TnVcardSplitter *splitter,
            GArray          *spans,
            TnVcardSpan     *span,
            const char      *body_end,
            guint            last_line,
            gboolean         truncated)
{
  span->body_end = body_end;
  span->last_line = last_line;
  span->truncated = truncated;
  if (!splitter->too_large)
    g_array_append_val (spans, *span);
  splitter->n_cards++;
  if (splitter->depth == 0)
    splitter->too_large = FALSE;
}

/* Bytes after a line break that decide where the line ends: a CR LF, a CR CR LF, or a lone
 * CR followed by what could begin a line (cr_ends_line() looks at up to 64 bytes). */
#define LINE_END_LOOKAHEAD 72

void
_tn_vcard_splitter_init (TnVcardSplitter *splitter)
{
  memset (splitter, 0, sizeof *splitter);
  splitter->line = 1;
}

/* What one physical line of the file means for the cards: @body_next is where the line
 * after it begins, the body of a card it begins. */
static void
split_line (TnVcardParser   *self,
            TnVcardSplitter *splitter,
            GArray          *spans,
            const char      *start,
            const char      *stop,
            guint            number,
            const char      *body_next)
{
  TnVcardSpan *stack = splitter->stack;
  TnVcardSyntax syntax = TN_VCARD_SYNTAX_30;
  Keyword keyword;

  if (splitter->depth > 0 && starts_with_blank (start, stop))
    return;

  /* Between cards, be lenient: blanks before BEGIN, or the byte-order mark of a file
   * that was appended to another one. */
  if (splitter->depth == 0 && stop - start >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
    start += 3;
  while (splitter->depth == 0 && starts_with_blank (start, stop))
    start++;
  keyword = _tn_vcard_line_keyword (start, stop, &syntax);

  if (keyword == KEYWORD_BEGIN && splitter->depth > 0 &&
      (splitter->depth == TN_VCARD_MAX_NESTING ||
       (!splitter->after_agent && stack[splitter->depth - 1].syntax != TN_VCARD_SYNTAX_21)))
    {
      splitter->depth--;
      close_card (splitter, spans, &stack[splitter->depth], start, number - 1, TRUE);
    }

  if (keyword == KEYWORD_BEGIN)
    {
      stack[splitter->depth] = (TnVcardSpan) {
        .body = body_next,
        .line = number,
        .syntax = TN_VCARD_SYNTAX_30,
      };
      splitter->depth++;
      splitter->in_stray_text = FALSE;
    }
  else if (splitter->depth == 0)
    {
      if (start < stop && !splitter->in_stray_text)
        _tn_vcard_add_problem (self, number, FALSE,
                               _("Line %u is not inside a card and was ignored."), number);
      splitter->in_stray_text = start < stop;
    }
  else if (keyword == KEYWORD_END)
    {
      splitter->depth--;
      close_card (splitter, spans, &stack[splitter->depth], start, number, FALSE);
    }
  else if (keyword == KEYWORD_VERSION)
    stack[splitter->depth - 1].syntax = syntax;

  splitter->after_agent = keyword == KEYWORD_AGENT;
}

/* Finds the cards in the complete lines of [window + from, window + len), going on from
 * where the last call stopped: @window holds a file read in pieces. Cards come out in the
 * order they end, so the cards nested in a vCard 2.1 card come before it (as Android reads
 * them). A BEGIN:VCARD inside a 3.0 or 4.0 card means the card before it lost its
 * END:VCARD. Unless @final, a last line that may not be whole yet is left for the next
 * call. Returns where in @window the split stopped. */
gsize
_tn_vcard_split_more (TnVcardParser   *self,
                      TnVcardSplitter *splitter,
                      const char      *window,
                      gsize            from,
                      gsize            len,
                      gboolean         final,
                      GArray          *spans)
{
  const char *data = window + from;
  const char *start, *stop;
  Reader r;

  /* The window may have moved in memory since the last call. */
  for (guint i = 0; i < splitter->depth; i++)
    splitter->stack[i].body = window + splitter->body_at[i];

  len -= from;
  _tn_vcard_reader_init (&r, data, data + len, splitter->line);
  for (;;)
    {
      Reader before = r;

      if (!_tn_vcard_reader_next (&r, &start, &stop))
        break;
      if (!final && (gsize) (stop - data) + LINE_END_LOOKAHEAD > len)
        {
          r = before;
          break;
        }
      split_line (self, splitter, spans, start, stop, r.line - 1, r.p);
    }

  splitter->line = r.line;
  while (final && splitter->depth > 0)
    {
      splitter->depth--;
      close_card (splitter, spans, &splitter->stack[splitter->depth], data + len, r.line - 1, TRUE);
    }

  for (guint i = 0; i < splitter->depth; i++)
    splitter->body_at[i] = splitter->stack[i].body - window;

  return from + (r.p - data);
}

/* Where the window must still be kept from, once its first @read bytes were split: the
 * card still open, or nothing before what is not split yet. A card grown past
 * TN_VCARD_MAX_CARD_BYTES is reported and from then on only followed to its end, so that a
 * file whose cards never end cannot fill memory. */
gsize
_tn_vcard_splitter_keep_from (TnVcardParser   *self,
                              TnVcardSplitter *splitter,
                              gsize            read)
{
  g_autofree char *limit = NULL;

  if (splitter->depth == 0 || splitter->too_large)
    return read;

  if (read - splitter->body_at[0] <= TN_VCARD_MAX_CARD_BYTES)
    return splitter->body_at[0];

  splitter->too_large = TRUE;
  limit = g_format_size (TN_VCARD_MAX_CARD_BYTES);
  _tn_vcard_add_problem (self, splitter->stack[0].line, TRUE,
                         _("The card on line %u takes more than %s of the file and was skipped."),
                         splitter->stack[0].line, limit);
  return read;
}

/* After the window dropped its first @dropped bytes. */
void
_tn_vcard_splitter_moved (TnVcardSplitter *splitter,
                          gsize            dropped)
{
  for (guint i = 0; i < splitter->depth && !splitter->too_large; i++)
    splitter->body_at[i] -= dropped;
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
