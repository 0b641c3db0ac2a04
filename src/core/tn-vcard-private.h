/* tn-vcard-private.h — the line-level half of tn-vcard: finding a property's name, parameters
 * and value, and turning QUOTED-PRINTABLE, CHARSET= and 2.1 escapes into clean 3.0 text.
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

typedef enum
{
  TN_VCARD_LINE_PROPERTY,
  TN_VCARD_LINE_EMPTY,    /* nothing but white space */
  TN_VCARD_LINE_NO_VALUE, /* a name (and parameters) without ":" */
  TN_VCARD_LINE_GARBAGE,  /* not a property at all: a comment, a stray text line */
} TnVcardLineKind;

/* One logical (unfolded) content line, as pointers into it. */
typedef struct
{
  const char *group;   /* NULL when the property has no group */
  gsize group_len;
  const char *name;
  gsize name_len;
  const char *params;  /* after the first ";", up to the value's ":"; NULL when none */
  gsize params_len;
  const char *value;
  gsize value_len;
  const char *charset; /* the CHARSET= parameter's value, NULL when none */
  gsize charset_len;
  guint quoted_printable : 1;
  guint base64 : 1;       /* ENCODING=b, ENCODING=BASE64 or a bare BASE64 */
  guint params_dirty : 1; /* the parameters must be rewritten before EVCard reads them */
} TnVcardLine;

TnVcardLineKind _tn_vcard_line_parse        (const char        *line,
                                             gsize              len,
                                             TnVcardLine       *out);
gboolean        _tn_vcard_line_has_name     (const TnVcardLine *line,
                                             const char        *name);
void            _tn_vcard_append_params     (GString           *out,
                                             const TnVcardLine *line);

gboolean        _tn_vcard_value_is_clean    (const char        *value,
                                             gsize              len,
                                             TnVcardSyntax      syntax,
                                             gboolean           semicolon_is_text,
                                             gboolean          *has_8bit);
void            _tn_vcard_append_value      (GString           *out,
                                             const char        *text,
                                             gsize              len,
                                             TnVcardSyntax      syntax,
                                             gboolean           semicolon_is_text);
void            _tn_vcard_qp_decode         (GString           *out,
                                             const char        *value,
                                             gsize              len);

const char     *_tn_vcard_charset_resolve   (const char        *declared,
                                             gsize              len);
char           *_tn_vcard_to_utf8           (const char        *bytes,
                                             gsize              len,
                                             const char        *charset,
                                             const char        *fallback,
                                             gboolean          *charset_unknown);

gboolean        _tn_vcard_base64_check      (const char        *value,
                                             gsize              len,
                                             gsize             *decoded_len);
gboolean        _tn_vcard_value_is_uri      (const char        *value,
                                             gsize              len);

char           *_tn_vcard_normalize_date    (const char        *value,
                                             gboolean           omit_year);

G_END_DECLS
