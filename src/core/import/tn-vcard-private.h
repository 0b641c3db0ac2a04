/* tn-vcard-private.h — between the two halves of tn-vcard: tn-vcard-decode.c (with -clean.c
 * and -charset.c, see tn-vcard-decode-private.h) turns a file's bytes into clean card texts,
 * tn-vcard.c has EVCard read them and fills TnVcardCards.
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

#define TN_VCARD_MAX_NESTING 8 /* vCard 2.1 AGENT cards inside cards */

/* Where finding cards stopped in a file read in pieces: the cards still open. */
typedef struct
{
  TnVcardSpan stack[TN_VCARD_MAX_NESTING];
  gsize body_at[TN_VCARD_MAX_NESTING]; /* where their bodies are in the window, which may move */
  guint depth;
  gboolean after_agent;
  gboolean in_stray_text;
  gboolean too_large; /* the outermost open card: only followed to its end, then dropped */
  guint line;         /* the number of the next line */
  guint n_cards;      /* cards found so far, dropped ones included */
} TnVcardSplitter;

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

void     _tn_vcard_splitter_init    (TnVcardSplitter   *splitter);
gsize    _tn_vcard_split_more       (TnVcardParser     *self,
                                     TnVcardSplitter   *splitter,
                                     const char        *window,
                                     gsize              from,
                                     gsize              len,
                                     gboolean           final,
                                     GArray            *spans);
gsize    _tn_vcard_splitter_keep_from (TnVcardParser   *self,
                                       TnVcardSplitter *splitter,
                                       gsize            read);
void     _tn_vcard_splitter_moved   (TnVcardSplitter   *splitter,
                                     gsize              dropped);
gboolean _tn_vcard_clean_card       (TnVcardParser     *self,
                                     const TnVcardSpan *span);

gboolean _tn_vcard_card_is_importable (const char       *text);

char    *_tn_vcard_normalize_date   (const char        *value,
                                     gboolean           omit_year);

G_END_DECLS
