/* tn-brand.h — coaching for a brand statement: the one sentence that says what is
 * uniquely valuable about you. Pure functions over a text; no I/O.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A statement longer than this is refused when saved: it is meant to be one sentence. */
#define TN_BRAND_MAX_CHARS 1000

/* Above this many words a sentence no longer fits in one breath. */
#define TN_BRAND_MAX_WORDS 25

/**
 * TnBrandCheck:
 * @TN_BRAND_CHECK_ONE_SENTENCE: exactly one sentence
 * @TN_BRAND_CHECK_SHORT: short enough to say in one breath (at most %TN_BRAND_MAX_WORDS words)
 * @TN_BRAND_CHECK_CONCRETE: something checkable: a number, a percentage, an amount, a result
 * @TN_BRAND_CHECK_NO_FILLER: none of the generic phrases everyone uses
 * @TN_BRAND_CHECK_FIRST_PERSON: said as yourself ("I", "my", "we")
 */
typedef enum
{
  TN_BRAND_CHECK_ONE_SENTENCE,
  TN_BRAND_CHECK_SHORT,
  TN_BRAND_CHECK_CONCRETE,
  TN_BRAND_CHECK_NO_FILLER,
  TN_BRAND_CHECK_FIRST_PERSON,
} TnBrandCheck;

#define TN_BRAND_N_CHECKS (TN_BRAND_CHECK_FIRST_PERSON + 1)

/**
 * TnBrandVerdict:
 * @TN_BRAND_VERDICT_PASS: the statement does what the check asks
 * @TN_BRAND_VERDICT_HINT: it does not yet; the message says how to improve it
 * @TN_BRAND_VERDICT_UNKNOWN: the check cannot tell (nothing written yet, or a language or
 *   script the word lists do not cover); never counted against the statement
 */
typedef enum
{
  TN_BRAND_VERDICT_PASS,
  TN_BRAND_VERDICT_HINT,
  TN_BRAND_VERDICT_UNKNOWN,
} TnBrandVerdict;

typedef struct
{
  TnBrandVerdict verdict;
  char *message;
} TnBrandResult;

/**
 * TnBrandReport:
 * @n_words: the words in the statement (an estimate for Chinese and Japanese)
 * @words_estimated: whether @n_words is an estimate
 * @n_sentences: the sentences in it
 * @results: one result per #TnBrandCheck, in that order
 *
 * Languages. The word lists behind the concrete, filler and first-person checks (result
 * verbs and number words, filler phrases, first-person pronouns, and a few very common
 * words that tell the language) are translatable, so they follow the interface language;
 * the English and the German lists are built in and always apply, so an English or a
 * German statement is coached whatever the interface language.
 * A statement written in another language is not failed for missing English pronouns:
 * when it contains none of the list's common words nor any pronoun, those three checks
 * say %TN_BRAND_VERDICT_UNKNOWN ("could not check") instead of giving a hint, except that
 * a digit, a percent sign or a currency symbol still counts as concrete in any script.
 * Sentences end at . ! ? … and at 。！？ and the other scripts' full stops; "Dr.", "e.g.",
 * initials and "3.5" do not end one. Words are runs between spaces holding a letter or a
 * digit (an emoji alone is not a word); Chinese and Japanese, written without spaces,
 * count one word for every two characters, and the count is marked as an estimate.
 * Scripts written without spaces whose words cannot be estimated that simply (Thai, Lao,
 * Khmer, Myanmar) leave the length check %TN_BRAND_VERDICT_UNKNOWN.
 */
typedef struct
{
  guint n_words;
  gboolean words_estimated;
  guint n_sentences;
  TnBrandResult results[TN_BRAND_N_CHECKS];
} TnBrandReport;

char          *tn_brand_clean_text      (const char    *text);
char          *tn_brand_find_problem    (const char    *text);
guint          tn_brand_count_sentences (const char    *text);
guint          tn_brand_count_words     (const char    *text,
                                         gboolean      *estimated);
TnBrandReport *tn_brand_check           (const char    *text);
void           tn_brand_report_free     (TnBrandReport *report);
guint          tn_brand_count_passed    (const TnBrandReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnBrandReport, tn_brand_report_free)

G_END_DECLS
