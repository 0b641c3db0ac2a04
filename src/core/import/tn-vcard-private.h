/* tn-vcard-private.h — between the parts of tn-vcard: tn-vcard-decode.c, -clean.c and
 * -charset.c turn a file's bytes into clean card texts, tn-vcard.c has EVCard read them and
 * fills TnVcardCards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How backslashes are read in a card: vCard 2.1 escapes only ";" (and, as written in the
 * wild, "\\", ":" and ","), 3.0 and 4.0 escape ";", ",", "\\" and newlines. */
typedef enum
{
  TN_VCARD_SYNTAX_30,
  TN_VCARD_SYNTAX_21,
} TnVcardSyntax;

/* Where one card lies in the file. */
typedef struct
{
  const char *body;     /* the line after BEGIN:VCARD */
  const char *body_end; /* the END:VCARD line, or where the card was cut off */
  guint line;           /* of BEGIN:VCARD */
  guint last_line;      /* the last line read, when there is no END:VCARD */
  TnVcardSyntax syntax;
  gboolean truncated;
} TnVcardSpan;

/* What one tn_vcard_parse() call shares between its steps. */
typedef struct
{
  GPtrArray *problems; /* of TnVcardProblem */
  guint n_unlisted;    /* problems beyond the listed maximum */
  guint n_skipped;     /* cards left out, counted even beyond the listed maximum */

  /* The card being cleaned up, and scratch space reused for every card. */
  const TnVcardSpan *span;
  const char *fallback; /* the card's charset for undeclared 8-bit text, found when needed */
  gsize text_size;      /* of the card text, not counting base64 data */
  GString *text;        /* the clean card text */
  GString *fields;      /* the same with only the properties TrustNet reads, for EVCard */
  gboolean version_30;  /* text has a VERSION:3.0 line */
  GString *logical;     /* an unfolded line */
  GArray *fold_equals;  /* where in it a fold followed a "=", in case it is QUOTED-PRINTABLE */
  GString *line_out;    /* a line being rewritten */
  GString *decoded;     /* QUOTED-PRINTABLE decoded bytes */
} TnVcardParser;

void     _tn_vcard_parser_init      (TnVcardParser     *self);
void     _tn_vcard_parser_clear     (TnVcardParser     *self);
void     _tn_vcard_add_problem      (TnVcardParser     *self,
                                     guint              line,
                                     gboolean           card_skipped,
                                     const char        *format,
                                     ...) G_GNUC_PRINTF (4, 5);

GArray  *_tn_vcard_split_cards      (TnVcardParser     *self,
                                     const char        *data,
                                     gsize              len);
gboolean _tn_vcard_clean_card       (TnVcardParser     *self,
                                     const TnVcardSpan *span);

char    *_tn_vcard_normalize_date   (const char        *value,
                                     gboolean           omit_year);

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
