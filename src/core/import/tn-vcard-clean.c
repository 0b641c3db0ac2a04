/* tn-vcard-clean.c — one card cleaned up for EVCard: each content line parsed (its name,
 * parameters and value found), rewritten when EVCard could not take it, and folded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-vcard-decode-private.h"
#include "tn-vcard.h"

#define FOLD_WIDTH   75  /* octets per written line, as RFC 2425 asks */

typedef enum
{
  PARAM_KEEP,
  PARAM_DROP,
} ParamFate;

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

/* Reads the parameters that start at @params, up to the value's ":" (minding quotes unless
 * they are unbalanced), noting on @out what they say. Returns the ":", or NULL if none. */
static const char *
line_parse_params (const char *params,
                   const char *end,
                   Line       *out)
{
  const char *colon = NULL;
  const char *cursor;
  const char *param;
  gboolean in_quote = FALSE;
  gboolean mind_quotes = TRUE;
  gboolean has_8bit = FALSE;
  gsize param_len;

  out->params = params;
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
        return NULL;
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

  return colon;
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
  const char *colon;

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
      colon = line_parse_params (p + 1, end, out);
      if (colon == NULL)
        return LINE_NO_VALUE;
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
          g_autofree char *text = _tn_vcard_to_utf8 (out->str + start, out->len - start,
                                                     NULL, "WINDOWS-1252", NULL);

          g_string_truncate (out, start);
          g_string_append (out, text);
        }
    }
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
      return HAS_NAME (line, "TEL") || HAS_NAME (line, "ORG") || HAS_NAME (line, "UID") ||
             HAS_NAME (line, "URL");
    case 4:
      return HAS_NAME (line, "NOTE") || HAS_NAME (line, "BDAY");
    case 5:
      return HAS_NAME (line, "EMAIL") || HAS_NAME (line, "TITLE");
    case 23:
      return HAS_NAME (line, TN_VCARD_CONNECTED_ON_PROPERTY);
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
      resolved = _tn_vcard_charset_resolve (name);
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
      _tn_string_append (text, line, cut);
      _tn_string_append (text, "\r\n ", 3);
      line += cut;
      len -= cut;
      width = FOLD_WIDTH - 1;
    }
  _tn_string_append (text, line, len);
  _tn_string_append (text, "\r\n", 2);
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
    _tn_string_append (self->fields, whole, whole_len);
  else
    {
      _tn_string_append (self->fields, line->name, line->name_len);
      g_string_append_c (self->fields, ':');
      _tn_string_append (self->fields, whole + value_offset, whole_len - value_offset);
    }
  _tn_string_append (self->fields, "\r\n", 2);
}

static void
append_name_and_params (GString    *out,
                        const Line *line)
{
  if (line->group != NULL)
    {
      _tn_string_append (out, line->group, line->group_len);
      g_string_append_c (out, '.');
    }
  _tn_string_append (out, line->name, line->name_len);

  if (line->params_dirty)
    append_params (out, line);
  else if (line->params != NULL)
    {
      g_string_append_c (out, ';');
      _tn_string_append (out, line->params, line->params_len);
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

  if (!_tn_vcard_base64_check (line->value, line->value_len, &decoded_len))
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
      _tn_vcard_qp_decode (self->decoded, bytes, len);
      bytes = self->decoded->str;
      len = self->decoded->len;
    }

  if (line->charset != NULL)
    {
      const char *declared = line->charset;
      gsize declared_len = MIN (line->charset_len, sizeof charset_name - 1);

      memcpy (charset_name, declared, declared_len);
      charset_name[declared_len] = '\0';
      charset = _tn_vcard_charset_resolve (charset_name);
    }

  if (charset == NULL && g_utf8_validate_len (bytes, len, NULL))
    text = bytes;
  else
    {
      gboolean guessed = FALSE;
      const char *fallback = card_fallback_charset (self);

      converted = _tn_vcard_to_utf8 (bytes, len, charset, fallback, &guessed);
      if (guessed)
        _tn_vcard_add_problem (self, number, FALSE,
                               _("The text on line %u is not in the character set it names (“%s”); "
                                  "it was read as %s."),
                               number, charset_name, fallback);
      text = converted;
      len = strlen (converted);
    }

  _tn_vcard_append_value (out, text, len, self->span->syntax, is_text_property (line));
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

  if (line->base64 && !_tn_vcard_value_is_uri (line->value, line->value_len))
    {
      append_base64_property (self, line, number);
      return;
    }

  /* The fast path: most lines of most files go to EVCard exactly as they are. */
  if (!line->quoted_printable && line->charset == NULL && !line->params_dirty &&
      _tn_vcard_value_is_clean (line->value, line->value_len, self->span->syntax,
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

  while (depth > 0 && _tn_vcard_reader_next (r, &start, &stop))
    {
      switch (_tn_vcard_line_keyword (start, stop, &syntax))
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
  g_autofree char *text = _tn_vcard_excerpt (line, len);

  if (kind == LINE_NO_VALUE)
    _tn_vcard_add_problem (self, number, FALSE,
                           _("Line %u (“%s”) has no value and was ignored."), number, text);
  else
    _tn_vcard_add_problem (self, number, FALSE,
                           _("Line %u (“%s”) is not a vCard property and was ignored."), number, text);
}

/* Starts self->text and self->fields over for the card at @span. */
static void
card_begin (TnVcardParser     *self,
            const TnVcardSpan *span)
{
  self->span = span;
  self->fallback = NULL;
  self->text_size = 0;
  self->version_30 = FALSE;
  g_string_truncate (self->text, 0);
  _tn_string_append (self->text, "BEGIN:VCARD\r\n", 13);
  g_string_truncate (self->fields, 0);
  _tn_string_append (self->fields, "BEGIN:VCARD\r\n", 13);
}

/* Whether the card being cleaned up has grown past the limit; if so, it is reported skipped. */
static gboolean
card_is_too_large (TnVcardParser *self)
{
  g_autofree char *limit = NULL;

  if (self->text_size <= TN_VCARD_MAX_CARD_SIZE)
    return FALSE;

  limit = g_format_size (TN_VCARD_MAX_CARD_SIZE);
  _tn_vcard_add_problem (self, self->span->line, TRUE,
                         _("The card on line %u is larger than %s (not counting photos) "
                            "and was skipped."),
                         self->span->line, limit);
  return TRUE;
}

/* An encoded value that goes on past its line: QUOTED-PRINTABLE soft breaks (folded or
 * not) and 2.1 base64 lines without indent are joined into @line, and @parsed read again. */
static void
join_encoded_value (TnVcardParser  *self,
                    Reader         *r,
                    const char    **line,
                    gsize          *len,
                    Line           *parsed)
{
  /* A QUOTED-PRINTABLE soft break may be folded too ("=" CRLF SPACE, as EVCard writes
   * it): that "=" goes, or "=\r\n ab" would read as the byte 0xAB. */
  if (parsed->quoted_printable && self->fold_equals->len > 0)
    {
      for (guint i = self->fold_equals->len; i > 0; i--)
        g_string_erase (self->logical, g_array_index (self->fold_equals, gsize, i - 1), 1);
      *line = self->logical->str;
      *len = self->logical->len;
      line_parse (*line, *len, parsed);
    }

  if (parsed->quoted_printable && parsed->value_len > 0 &&
      ((*line)[*len - 1] == '=' || (*line)[*len - 1] == ' ' || (*line)[*len - 1] == '\t'))
    {
      _tn_vcard_join_soft_breaks (self, r, line, len);
      line_parse (*line, *len, parsed);
    }
  else if (parsed->base64 && self->span->syntax == TN_VCARD_SYNTAX_21)
    {
      _tn_vcard_join_base64_lines (self, r, line, len);
      line_parse (*line, *len, parsed);
    }
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

  card_begin (self, span);
  _tn_vcard_reader_init (&r, span->body, span->body_end, span->line + 1);
  while (_tn_vcard_read_logical_line (self, &r, &line, &len, &number))
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

      join_encoded_value (self, &r, &line, &len, &parsed);

      append_property (self, &parsed, line, len, number);
      /* Exactly what e_vcard_to_string() looks for to give a card back as it is. */
      if (HAS_NAME (&parsed, "VERSION") && parsed.group == NULL && parsed.params == NULL &&
          IS_WORD (parsed.value, parsed.value_len, "3.0"))
        self->version_30 = TRUE;

      if (card_is_too_large (self))
        return FALSE;
    }

  _tn_string_append (self->text, "END:VCARD\r\n", 11);
  _tn_string_append (self->fields, "END:VCARD\r\n", 11);

  if (span->truncated)
    _tn_vcard_add_problem (self, span->line, FALSE,
                           _("The card on line %u has no END:VCARD line; it was read up to line %u."),
                           span->line, span->last_line);

  return TRUE;
}
