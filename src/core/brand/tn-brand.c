/* tn-brand.c — the brand statement's coaching checks: one sentence, one breath,
 * something concrete, no filler, first person. See tn-brand.h for the rules on languages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-brand"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tn-brand.h"

/* ---- Word lists --------------------------------------------------------------------- */

/* Each list is the English one, the German one and the translation into the interface
 * language, so an English or a German statement is coached whatever the interface
 * language, and a translated one in its own. Entries are separated by commas; a hyphen
 * and a space match alike ("results-driven", "results driven"). The German lists are also
 * the German translations in po/de.po. */

typedef struct
{
  const char *context;
  const char *english;
  const char *german;
} WordList;

static const WordList first_person_words = {
  "brand first person",
  /* Translators: words that show a sentence is said by the speaker, separated by commas.
   * Give your language's first-person pronouns and short forms; for a language written
   * without spaces (Japanese, Chinese), give the pronouns as they are written. */
  NC_ ("brand first person", "I, I'm, I've, I'd, I'll, me, my, mine, myself, we, we're, we've, we'd, we'll, our, ours"),
  "ich, mich, mir, mein, meine, meinen, meinem, meiner, meines, wir, uns, unser, "
  "unsere, unseren, unserem, unserer, unseres",
};

static const WordList marker_words = {
  "brand language markers",
  /* Translators: a few very common words of your language that hardly occur in other
   * languages, separated by commas. A statement containing none of these (nor a word
   * from the other brand lists) is taken to be in another language, and the word checks
   * then say "could not check" instead of giving a hint. */
  NC_ ("brand language markers", "the, and, to, for, with, who, that, by, from, of, at"),
  "der, die, das, und, für, mit, ist, nicht, auf, den, dem, des, ein, eine, einen, "
  "bei, von, zu, wer, habe, bin",
};

static const WordList concrete_words = {
  "brand concrete words",
  /* Translators: number words and verbs of results or qualifications that make a brand
   * statement concrete, separated by commas. */
  NC_ ("brand concrete words", "one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, twenty, "
       "fifty, hundred, hundreds, thousand, thousands, million, millions, billion, dozen, "
       "dozens, half, double, doubled, tripled, quadrupled, halved, first, built, founded, "
       "launched, sold, grew, cut, saved, raised, won, led, shipped, wrote, published, "
       "invented, increased, reduced, turned around, majored, minored, graduated, certified, "
       "licensed, patented, designed, created, opened, hired, trained, taught"),
  "eins, zwei, drei, vier, fünf, sechs, sieben, acht, neun, zehn, elf, zwölf, "
  "zwanzig, fünfzig, hundert, hunderte, tausend, tausende, Million, Millionen, "
  "Milliarde, Milliarden, Dutzend, Dutzende, halb, halbiert, doppelt, verdoppelt, "
  "verdreifacht, vervierfacht, erste, ersten, erster, erstes, gebaut, aufgebaut, "
  "gegründet, eingeführt, gestartet, verkauft, gewachsen, gesenkt, gespart, "
  "eingespart, eingeworben, gesteigert, gewonnen, geleitet, geführt, ausgeliefert, "
  "geschrieben, veröffentlicht, erfunden, erhöht, verringert, reduziert, saniert, "
  "studiert, Hauptfach, Nebenfach, Abschluss, promoviert, zertifiziert, "
  "approbiert, zugelassen, patentiert, entworfen, gestaltet, entwickelt, "
  "geschaffen, eröffnet, eingestellt, ausgebildet, geschult, unterrichtet",
};

/* A field of work is checkable too: "software teams… QA" says what you know, and someone
 * who hears it can ask about it. Fields everyone claims ("sales", "marketing") are left
 * out: they check nothing. */
static const WordList field_words = {
  "brand field words",
  /* Translators: fields of work, trades and tools that make a brand statement concrete,
   * separated by commas. */
  NC_ ("brand field words", "software, QA, quality assurance, testing, accounting, bookkeeping, tax, taxes, audit, "
       "payroll, hospital, hospitals, nursing, medicine, surgery, pharmacy, "
       "legal, contracts, patents, security, cybersecurity, cloud, databases, analytics, "
       "machine learning, UX, finance, banking, insurance, logistics, supply chain, "
       "procurement, recruiting, HR, engineering, teaching, schools, construction, real estate, "
       "retail, restaurants, manufacturing, energy, solar, nonprofit, fundraising, grants, "
       "translation, journalism, veterinary, dentistry, chemistry, biology, physics, "
       "mathematics, statistics, Python, Java, Linux, Kubernetes, SAP, Excel, Salesforce"),
  "Software, Qualitätssicherung, Softwaretests, Buchhaltung, Steuer, Steuern, "
  "Steuerberatung, Revision, Lohnbuchhaltung, Krankenhaus, "
  "Krankenhäuser, Klinik, Kliniken, Pflege, Medizin, Chirurgie, Apotheke, Verträge, "
  "Patente, IT-Sicherheit, Cloud, Datenbanken, Datenanalyse, Finanzen, Banken, "
  "Versicherung, Versicherungen, Logistik, Lieferkette, Einkauf, Personalwesen, "
  "Recruiting, Ingenieurwesen, Maschinenbau, Schulen, Bauwesen, Immobilien, "
  "Einzelhandel, Gastronomie, Produktion, Energie, Solar, Fundraising, Übersetzung, "
  "Journalismus, Tiermedizin, Zahnmedizin, Chemie, Biologie, Physik, Mathematik, "
  "Statistik, Python, Java, Linux, Kubernetes, SAP, Excel, Salesforce",
};

static const WordList filler_words = {
  "brand filler words",
  /* Translators: generic phrases that say little about a person ("team player"),
   * separated by commas. */
  NC_ ("brand filler words", "hard-working, hardworking, team player, passionate, results-driven, results-oriented, "
       "detail-oriented, go-getter, synergy, synergies, self-starter, self-motivated, "
       "highly motivated, dynamic, proactive, thought leader, think outside the box, "
       "out of the box, best-in-class, best of breed, guru, ninja, rockstar, rock star, "
       "people person, go-to person, seasoned professional, value-add, game changer, "
       "game-changer, visionary, strategic thinker"),
  "fleißig, fleißige, fleißiger, fleißigen, engagiert, engagierte, engagierter, "
  "engagierten, leidenschaftlich, leidenschaftliche, leidenschaftlicher, "
  "leidenschaftlichen, ergebnisorientiert, ergebnisorientierte, "
  "ergebnisorientierter, ergebnisorientierten, zielorientiert, zielorientierte, "
  "zielorientierter, zielorientierten, detailorientiert, detailorientierte, "
  "detailorientierter, detailorientierten, selbstständig, selbstständige, "
  "selbstständiger, selbstständigen, eigenständig, eigenständige, eigenständiger, "
  "eigenständigen, selbstmotiviert, selbstmotivierte, selbstmotivierter, "
  "selbstmotivierten, hochmotiviert, hochmotivierte, hochmotivierter, "
  "hochmotivierten, motiviert, motivierte, motivierter, motivierten, dynamisch, "
  "dynamische, dynamischer, dynamischen, proaktiv, proaktive, proaktiver, "
  "proaktiven, kommunikationsstark, kommunikationsstarke, kommunikationsstarker, "
  "kommunikationsstarken, belastbar, belastbare, belastbarer, belastbaren, "
  "flexibel, flexible, flexibler, flexiblen, zuverlässig, zuverlässige, "
  "zuverlässiger, zuverlässigen, lösungsorientiert, lösungsorientierte, "
  "lösungsorientierter, lösungsorientierten, teamfähig, teamfähige, teamfähiger, "
  "teamfähigen, Teamplayer, mit Leidenschaft, Macher, Synergie, Synergien, "
  "hoch motiviert, hoch motivierte, hoch motivierter, hoch motivierten, Vordenker, "
  "über den Tellerrand, Best in Class, Guru, Ninja, Rockstar, erfahrener Profi, "
  "Mehrwert, Gamechanger, Visionär, strategischer Denker",
};

static const WordList abbreviation_words = {
  "brand abbreviations",
  /* Translators: abbreviations written with a full stop that does not end a sentence
   * ("Dr." in "Dr. Smith"), without the stop, separated by commas. Ones with a stop
   * inside ("e.g.", "z.B.") and single letters are recognised already. */
  NC_ ("brand abbreviations", "Mr, Mrs, Ms, Dr, Prof, St, Jr, Sr, vs, No, approx, ca, Mt"),
  "Hr, Fr, Dr, Prof, Str, Nr, bzw, ca, vgl, ggf, evtl, inkl, zzgl, Tel, Abt, Dipl, "
  "Ing",
};

/* ---- Text helpers ------------------------------------------------------------------- */

static gboolean
is_spaceless_script (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
is_uncountable_script (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_THAI || script == G_UNICODE_SCRIPT_LAO ||
         script == G_UNICODE_SCRIPT_KHMER || script == G_UNICODE_SCRIPT_MYANMAR;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/**
 * tn_brand_clean_text:
 * @text: what the person typed, possibly several lines
 *
 * A statement is one sentence: surrounding white space goes, and every run of spaces,
 * tabs and line breaks inside becomes a single space. Invalid UTF-8 is repaired.
 *
 * Returns: (transfer full): the cleaned text, "" when nothing is left
 */
char *
tn_brand_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B /* zero-width space */)
        {
          pending_space = clean->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (clean, ' ');
      pending_space = FALSE;
      g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/**
 * tn_brand_find_problem:
 * @text: a statement about to be saved
 *
 * What makes @text impossible to save: empty once cleaned, or longer than
 * %TN_BRAND_MAX_CHARS characters. The coaching checks are advice and never stop a save.
 *
 * Returns: (transfer full) (nullable): a message for the person, or %NULL if @text can be saved
 */
char *
tn_brand_find_problem (const char *text)
{
  g_autofree char *clean = NULL;
  glong length;

  g_return_val_if_fail (text != NULL, NULL);

  clean = tn_brand_clean_text (text);
  length = g_utf8_strlen (clean, -1);
  if (length == 0)
    return g_strdup (_("A brand statement cannot be empty; say in one sentence what you do"));
  if (length > TN_BRAND_MAX_CHARS)
    return g_strdup_printf (_("A brand statement is one sentence of at most %d characters; this one has %ld"),
                            TN_BRAND_MAX_CHARS, length);

  return NULL;
}

/* " token token … " in case-folded, compatibility-normalised form: letters, digits and
 * marks, an apostrophe inside a word, and a dot between two word characters ("3.5",
 * "e.g", "i.e") stay; everything else separates. Spaces round every token make whole
 * words easy to find with strstr(). */
static char *
normalize_for_matching (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  GString *out = g_string_new (" ");

  if (normal == NULL)
    return g_string_free (out, FALSE);

  chars = g_utf8_to_ucs4_fast (normal, -1, &n);
  for (glong i = 0; i < n; i++)
    {
      gunichar c = chars[i];
      gboolean between = i > 0 && i + 1 < n && is_word_char (chars[i - 1]) && is_word_char (chars[i + 1]);

      if (c == 0x2019 || c == 0x02BC)
        c = '\'';

      if (is_word_char (c) || (between && (c == '\'' || c == '.')))
        g_string_append_unichar (out, c);
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }

  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/* The first entry of the comma-separated @list found in @normalized (from
 * normalize_for_matching()), as written in the list; %NULL if none is. An entry in a
 * script written without spaces is found inside words too. */
static char *
find_entry (const char *normalized,
            const char *list)
{
  g_auto(GStrv) entries = g_strsplit (list, ",", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *entry = g_strstrip (g_strdup (entries[i]));
      g_autofree char *needle = NULL;

      if (*entry == '\0')
        continue;

      needle = normalize_for_matching (entry);
      if (strlen (needle) <= 2)
        continue;

      if (is_spaceless_script (g_utf8_get_char (entry)))
        {
          /* Without the spaces normalize_for_matching() put round it. */
          needle[strlen (needle) - 1] = '\0';
          if (strstr (normalized, needle + 1) != NULL)
            return g_steal_pointer (&entry);
        }
      else if (strstr (normalized, needle) != NULL)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

/* find_entry() over the English list, the German one and the translation. */
static char *
find_in_list (const char     *normalized,
              const WordList *list)
{
  const char *translated = g_dpgettext2 (GETTEXT_PACKAGE, list->context, list->english);
  char *found = find_entry (normalized, list->english);

  if (found == NULL)
    found = find_entry (normalized, list->german);
  if (found == NULL && g_strcmp0 (list->english, translated) != 0 &&
      g_strcmp0 (list->german, translated) != 0)
    found = find_entry (normalized, translated);

  return found;
}

static gboolean
has_word_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_word_char (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* ---- Sentences ---------------------------------------------------------------------- */

static gboolean
is_terminator (gunichar c)
{
  switch (c)
    {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
    case 0x061F: /* Arabic question mark */
    case 0x06D4: /* Arabic full stop */
    case 0x0964: /* Devanagari danda */
    case 0x0965: /* Devanagari double danda */
    case 0x1362: /* Ethiopic full stop */
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF0E: /* ． */
    case 0xFF1F: /* ？ */
    case 0xFF61: /* ｡ */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Full stops of scripts written without spaces: the next sentence follows at once. */
static gboolean
ends_without_space (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F || c == 0xFF61;
}

static gboolean
is_closing (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '"' || c == '\'' || type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION;
}

/* Whether the word just before the full stop at @stop makes it an abbreviation's:
 * a single letter (an initial), a word with a dot inside ("e.g", "U.S", "z.B"), or one
 * from the list ("Dr"). */
static gboolean
is_abbreviation (const gunichar *chars,
                 glong           stop)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *normalized = NULL;
  g_autofree char *found = NULL;
  glong start = stop;
  glong n_letters = 0;

  while (start > 0 && !g_unichar_isspace (chars[start - 1]))
    start--;
  while (start < stop && !is_word_char (chars[start]))
    start++;

  for (glong i = start; i < stop; i++)
    {
      if (chars[i] == '.')
        return TRUE;
      if (g_unichar_isalpha (chars[i]))
        n_letters++;
      g_string_append_unichar (word, chars[i]);
    }

  if (n_letters == 1 && stop - start == 1)
    return TRUE;
  if (word->len == 0)
    return FALSE;

  normalized = normalize_for_matching (word->str);
  found = find_in_list (normalized, &abbreviation_words);
  return found != NULL;
}

/**
 * tn_brand_count_sentences:
 * @text: a statement
 *
 * Counts sentences: a sentence ends at a run of terminators (. ! ? … 。 and others) followed
 * by the end of the text, or by white space and something that is not a lower-case letter.
 * A full stop inside a token ("3.5", "widgets.com"), after an abbreviation ("Dr.", "e.g.")
 * or an initial does not end one; Chinese and Japanese stops end one with no space after.
 * Text with letters or digits but no terminator is one sentence.
 *
 * Returns: the number of sentences; 0 for text with no letter or digit
 */
guint
tn_brand_count_sentences (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  guint count = 0;
  gboolean pending = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  for (glong i = 0; i < n;)
    {
      gboolean spaceless = FALSE;
      guint n_stops = 0;
      gboolean ends;
      glong j;

      if (!is_terminator (chars[i]))
        {
          if (is_word_char (chars[i]))
            pending = TRUE;
          i++;
          continue;
        }

      for (j = i; j < n && (is_terminator (chars[j]) || is_closing (chars[j])); j++)
        {
          spaceless |= ends_without_space (chars[j]);
          n_stops += is_terminator (chars[j]);
        }

      if (!pending)
        ends = FALSE;
      else if (spaceless || j == n)
        ends = TRUE;
      else if (!g_unichar_isspace (chars[j]))
        ends = FALSE;
      else
        {
          glong k = j;

          while (k < n && g_unichar_isspace (chars[k]))
            k++;

          if (k < n && g_unichar_islower (chars[k]))
            ends = FALSE;
          else if (chars[i] == '.' && n_stops == 1 && is_abbreviation (chars, i))
            ends = FALSE;
          else
            ends = TRUE;
        }

      if (ends)
        {
          count++;
          pending = FALSE;
        }
      i = j;
    }

  return count + (pending ? 1 : 0);
}

/* ---- Words -------------------------------------------------------------------------- */

static guint
count_words (const char *text,
             gboolean   *estimated,
             gboolean   *uncountable)
{
  guint words = 0;
  guint spaceless = 0;
  gboolean in_word = FALSE;

  *estimated = FALSE;
  *uncountable = FALSE;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c) || is_spaceless_script (c))
        {
          words += in_word ? 1 : 0;
          in_word = FALSE;
          if (c == 0)
            break;
          if (is_spaceless_script (c))
            spaceless++;
          continue;
        }

      if (is_uncountable_script (c))
        *uncountable = TRUE;
      if (is_word_char (c))
        in_word = TRUE;
    }

  /* Chinese words average about two characters, and Japanese mixes kanji, kana and
   * particles to about the same: a fair estimate of the length spoken. */
  if (spaceless > 0)
    {
      *estimated = TRUE;
      words += (spaceless + 1) / 2;
    }

  return words;
}

/**
 * tn_brand_count_words:
 * @text: a statement
 * @estimated: (out) (optional): set when the text holds Chinese or Japanese, whose
 *   words are estimated at two characters each
 *
 * Returns: the number of words: runs between spaces holding a letter or a digit
 */
guint
tn_brand_count_words (const char *text,
                      gboolean   *estimated)
{
  gboolean is_estimate, uncountable;
  guint words;

  g_return_val_if_fail (text != NULL, 0);

  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  words = count_words (text, &is_estimate, &uncountable);
  if (estimated != NULL)
    *estimated = is_estimate;

  return words;
}

/* ---- The checks --------------------------------------------------------------------- */

static void
set_result (TnBrandReport  *report,
            TnBrandCheck    check,
            TnBrandVerdict  verdict,
            char           *message)
{
  report->results[check].verdict = verdict;
  g_free (report->results[check].message);
  report->results[check].message = message;
}

/* What each check asks for, shown before anything is written. */
static void
describe_checks (TnBrandReport *report)
{
  set_result (report, TN_BRAND_CHECK_ONE_SENTENCE, TN_BRAND_VERDICT_UNKNOWN,
              g_strdup (_("One sentence")));
  set_result (report, TN_BRAND_CHECK_SHORT, TN_BRAND_VERDICT_UNKNOWN,
              g_strdup (_("Short enough to say in one breath")));
  set_result (report, TN_BRAND_CHECK_CONCRETE, TN_BRAND_VERDICT_UNKNOWN,
              g_strdup (_("Something concrete: a number, a result, a field")));
  set_result (report, TN_BRAND_CHECK_NO_FILLER, TN_BRAND_VERDICT_UNKNOWN,
              g_strdup (_("No generic filler")));
  set_result (report, TN_BRAND_CHECK_FIRST_PERSON, TN_BRAND_VERDICT_UNKNOWN,
              g_strdup (_("Said as yourself: “I”, “my”, “we”")));
}

static void
check_sentences (TnBrandReport *report)
{
  if (report->n_sentences == 1)
    set_result (report, TN_BRAND_CHECK_ONE_SENTENCE, TN_BRAND_VERDICT_PASS,
                g_strdup (_("One sentence")));
  else
    set_result (report, TN_BRAND_CHECK_ONE_SENTENCE, TN_BRAND_VERDICT_HINT,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u sentence: make it one",
                                              "%u sentences: make them one",
                                              report->n_sentences),
                                 report->n_sentences));
}

static void
check_length (TnBrandReport *report,
              gboolean       uncountable)
{
  guint n = report->n_words;

  if (uncountable)
    set_result (report, TN_BRAND_CHECK_SHORT, TN_BRAND_VERDICT_UNKNOWN,
                g_strdup (_("Could not count the words in this script; keep it to one breath")));
  else if (n > TN_BRAND_MAX_WORDS)
    set_result (report, TN_BRAND_CHECK_SHORT, TN_BRAND_VERDICT_HINT,
                g_strdup_printf (report->words_estimated
                                 ? g_dngettext (GETTEXT_PACKAGE,
                                                "About %u word: too long for one breath; aim for %u or fewer",
                                                "About %u words: too long for one breath; aim for %u or fewer",
                                                n)
                                 : g_dngettext (GETTEXT_PACKAGE,
                                                "%u word: too long for one breath; aim for %u or fewer",
                                                "%u words: too long for one breath; aim for %u or fewer",
                                                n),
                                 n, TN_BRAND_MAX_WORDS));
  else
    set_result (report, TN_BRAND_CHECK_SHORT, TN_BRAND_VERDICT_PASS,
                g_strdup_printf (report->words_estimated
                                 ? g_dngettext (GETTEXT_PACKAGE,
                                                "About %u word: short enough to say in one breath",
                                                "About %u words: short enough to say in one breath",
                                                n)
                                 : g_dngettext (GETTEXT_PACKAGE,
                                                "%u word: short enough to say in one breath",
                                                "%u words: short enough to say in one breath",
                                                n),
                                 n));
}

static gboolean
is_number_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_DECIMAL_NUMBER || type == G_UNICODE_OTHER_NUMBER ||
         type == G_UNICODE_LETTER_NUMBER || type == G_UNICODE_CURRENCY_SYMBOL ||
         c == '%' || c == 0x2030 /* ‰ */ || c == 0xFF05 /* ％ */;
}

/* The number, amount or percentage in @text, as written ("$1,000,000", "2", "35%"), or
 * %NULL. A comma or a dot between two digits belongs to the number. */
static char *
find_number (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  for (glong i = 0; i < n; i++)
    {
      glong end = i;

      if (!is_number_char (chars[i]))
        continue;

      while (end < n && (is_number_char (chars[end]) ||
                         ((chars[end] == ',' || chars[end] == '.') && end + 1 < n &&
                          g_unichar_isdigit (chars[end + 1]) && end > i)))
        end++;

      return g_ucs4_to_utf8 (chars + i, end - i, NULL, NULL, NULL);
    }

  return NULL;
}

static void
check_concrete (TnBrandReport *report,
                const char    *text,
                const char    *normalized,
                gboolean       known_language)
{
  g_autofree char *found = find_number (text);
  g_autofree char *field = NULL;

  if (found == NULL)
    found = find_in_list (normalized, &concrete_words);
  if (found == NULL)
    field = find_in_list (normalized, &field_words);

  if (found != NULL)
    set_result (report, TN_BRAND_CHECK_CONCRETE, TN_BRAND_VERDICT_PASS,
                /* Translators: %s is the number or result word found, e.g. “doubled” */
                g_strdup_printf (_("Concrete: “%s” can be checked"), found));
  else if (field != NULL)
    set_result (report, TN_BRAND_CHECK_CONCRETE, TN_BRAND_VERDICT_PASS,
                /* Translators: %s is the field of work found, e.g. “QA” */
                g_strdup_printf (_("Concrete: “%s” names your field"), field));
  else if (!known_language)
    set_result (report, TN_BRAND_CHECK_CONCRETE, TN_BRAND_VERDICT_UNKNOWN,
                g_strdup (_("Could not look for results in this language; a number always counts")));
  else
    set_result (report, TN_BRAND_CHECK_CONCRETE, TN_BRAND_VERDICT_HINT,
                g_strdup (_("Add something checkable: a number, a result, a field")));
}

static void
check_filler (TnBrandReport *report,
              const char    *normalized,
              gboolean       known_language)
{
  g_autofree char *found = find_in_list (normalized, &filler_words);

  if (found != NULL)
    set_result (report, TN_BRAND_CHECK_NO_FILLER, TN_BRAND_VERDICT_HINT,
                /* Translators: %s is the generic phrase found, e.g. “team player” */
                g_strdup_printf (_("“%s” is what everyone says; say what you did instead"), found));
  else if (!known_language)
    set_result (report, TN_BRAND_CHECK_NO_FILLER, TN_BRAND_VERDICT_UNKNOWN,
                g_strdup (_("Could not look for filler words in this language")));
  else
    set_result (report, TN_BRAND_CHECK_NO_FILLER, TN_BRAND_VERDICT_PASS,
                g_strdup (_("No generic filler")));
}

static void
check_first_person (TnBrandReport *report,
                    const char    *normalized,
                    gboolean       known_language)
{
  g_autofree char *found = find_in_list (normalized, &first_person_words);

  if (found != NULL)
    set_result (report, TN_BRAND_CHECK_FIRST_PERSON, TN_BRAND_VERDICT_PASS,
                g_strdup (_("Said in the first person")));
  else if (!known_language)
    set_result (report, TN_BRAND_CHECK_FIRST_PERSON, TN_BRAND_VERDICT_UNKNOWN,
                g_strdup (_("Could not check the first person in this language")));
  else
    set_result (report, TN_BRAND_CHECK_FIRST_PERSON, TN_BRAND_VERDICT_HINT,
                g_strdup (_("Say it as yourself: “I …”, “my …”")));
}

/* Whether the word lists can judge @normalized: it holds a word from one of them. */
static gboolean
speaks_list_language (const char *normalized)
{
  const WordList *lists[] = { &marker_words, &first_person_words, &concrete_words, &field_words, &filler_words };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *found = find_in_list (normalized, lists[i]);

      if (found != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * tn_brand_check:
 * @text: a statement, as typed (it is cleaned first)
 *
 * Runs every #TnBrandCheck over @text. With no letter or digit in it, every result is
 * %TN_BRAND_VERDICT_UNKNOWN and its message says what the check asks for.
 *
 * Returns: (transfer full): the report; free it with tn_brand_report_free()
 */
TnBrandReport *
tn_brand_check (const char *text)
{
  g_autoptr(TnBrandReport) report = g_new0 (TnBrandReport, 1);
  g_autofree char *clean = NULL;
  g_autofree char *normalized = NULL;
  gboolean uncountable, known_language;

  g_return_val_if_fail (text != NULL, NULL);

  describe_checks (report);
  clean = tn_brand_clean_text (text);
  if (!has_word_char (clean))
    return g_steal_pointer (&report);

  report->n_sentences = tn_brand_count_sentences (clean);
  report->n_words = count_words (clean, &report->words_estimated, &uncountable);
  normalized = normalize_for_matching (clean);
  known_language = speaks_list_language (normalized);

  check_sentences (report);
  check_length (report, uncountable);
  check_concrete (report, clean, normalized, known_language);
  check_filler (report, normalized, known_language);
  check_first_person (report, normalized, known_language);

  return g_steal_pointer (&report);
}

/**
 * tn_brand_count_passed:
 * @report: a report
 *
 * Returns: how many checks passed
 */
guint
tn_brand_count_passed (const TnBrandReport *report)
{
  guint passed = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < TN_BRAND_N_CHECKS; i++)
    passed += report->results[i].verdict == TN_BRAND_VERDICT_PASS;

  return passed;
}

void
tn_brand_report_free (TnBrandReport *report)
{
  if (report == NULL)
    return;

  for (guint i = 0; i < TN_BRAND_N_CHECKS; i++)
    g_free (report->results[i].message);
  g_free (report);
}
