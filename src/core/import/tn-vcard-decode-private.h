/* tn-vcard-decode-private.h — what the three files that turn a file's bytes into clean card
 * texts share: tn-vcard-decode.c reads lines and splits cards, tn-vcard-clean.c cleans a card
 * up, tn-vcard-charset.c decodes values. Nothing else includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "tn-vcard-private.h"

G_BEGIN_DECLS

/* g_string_append_len() without its call when the bytes fit: GLib 2.74 has no inline form,
 * and cleaning a card appends about sixty times, a few bytes each (callgrind: 4% of the
 * parser thread went into the calls). @bytes must not lie in @string's spare room. */
static inline void
_tn_string_append (GString    *string,
                   const char *bytes,
                   gsize       len)
{
  if (G_LIKELY (string->len + len < string->allocated_len))
    {
      memcpy (string->str + string->len, bytes, len);
      string->len += len;
      string->str[string->len] = '\0';
    }
  else
    g_string_append_len (string, bytes, len);
}

/* ---- Reading lines, in tn-vcard-decode.c ---- */

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

static inline gboolean
is_blank (guchar c)
{
  return c == ' ' || c == '\t';
}

char       *_tn_vcard_excerpt (const char *line,
                               gsize       len);
void        _tn_vcard_reader_init (Reader     *r,
                                   const char *start,
                                   const char *end,
                                   guint       line);
gboolean    _tn_vcard_reader_next (Reader      *r,
                                   const char **start,
                                   const char **stop);
gboolean    _tn_vcard_read_logical_line (TnVcardParser  *self,
                                         Reader         *r,
                                         const char    **line,
                                         gsize          *len,
                                         guint          *number);
void        _tn_vcard_join_soft_breaks (TnVcardParser  *self,
                                        Reader         *r,
                                        const char    **line,
                                        gsize          *len);
void        _tn_vcard_join_base64_lines (TnVcardParser  *self,
                                         Reader         *r,
                                         const char    **line,
                                         gsize          *len);
Keyword     _tn_vcard_line_keyword (const char    *start,
                                    const char    *stop,
                                    TnVcardSyntax *syntax);

/* ---- Decoding values, in tn-vcard-charset.c ---- */
const char *_tn_vcard_charset_resolve (const char *name);
char       *_tn_vcard_to_utf8 (const char *bytes,
                               gsize       len,
                               const char *charset,
                               const char *fallback,
                               gboolean   *guessed);
gboolean    _tn_vcard_value_is_clean (const char    *value,
                                      gsize          len,
                                      TnVcardSyntax  syntax,
                                      gboolean       semicolon_is_text,
                                      gboolean      *has_8bit);
void        _tn_vcard_append_value (GString       *out,
                                    const char    *text,
                                    gsize          len,
                                    TnVcardSyntax  syntax,
                                    gboolean       semicolon_is_text);
void        _tn_vcard_qp_decode (GString    *out,
                                 const char *value,
                                 gsize       len);
gboolean    _tn_vcard_base64_check (const char *value,
                                    gsize       len,
                                    gsize      *decoded_len);
gboolean    _tn_vcard_value_is_uri (const char *value,
                                    gsize       len);

G_END_DECLS
