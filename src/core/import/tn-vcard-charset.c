/* tn-vcard-charset.c — a card's values decoded: CHARSET= and undeclared 8-bit text to UTF-8,
 * QUOTED-PRINTABLE, old escapes rewritten as 3.0 writes them, and inline base64 checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-vcard-decode-private.h"
#include "tn-vcard.h"

/* ---- Character sets ------------------------------------------------------------------ */

/**
 * charset_resolve:
 * @name: a charset name as a card declares it
 *
 * Returns: the name iconv should use: "UTF-8", "CP932" for every Shift_JIS spelling (so that
 *   0x5C stays a backslash), "WINDOWS-1252" for Latin-1 and ASCII (what their writers really
 *   produce), or @name itself
 */
const char *
_tn_vcard_charset_resolve (const char *name)
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
char *
_tn_vcard_to_utf8 (const char *bytes,
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
gboolean
_tn_vcard_value_is_clean (const char    *value,
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

  /* Kept as they are, in every version. */
  switch (next)
    {
    case '\\':
    case ';':
    case ',':
      g_string_append_c (out, '\\');
      g_string_append_c (out, next);
      return i + 2;
    default:
      break;
    }

  if (syntax == TN_VCARD_SYNTAX_21)
    {
      /* What Android and Outlook mean by any other backslash in 2.1. */
      if (next == ':')
        {
          g_string_append_c (out, ':');
          return i + 2;
        }
      g_string_append (out, "\\\\");
      return i + 1;
    }

  switch (next)
    {
    case 'n':
    case 'N':
      g_string_append (out, "\\n");
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
void
_tn_vcard_append_value (GString       *out,
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
void
_tn_vcard_qp_decode (GString    *out,
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
gboolean
_tn_vcard_base64_check (const char *value,
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
gboolean
_tn_vcard_value_is_uri (const char *value,
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
