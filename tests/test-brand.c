/* test-brand.c — the brand statement's coaching checks over many sentences, in English
 * and in languages where a check must say "could not check" rather than misfire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "tn-brand.h"

/* Expected verdicts, one letter per check in TnBrandCheck order: P pass, H hint,
 * U unknown, . not asserted. */
typedef struct
{
  const char *text;
  guint n_sentences;
  guint n_words;
  const char *verdicts;
} Case;

static const Case cases[] = {
  /* The seed's three examples pass every check. */
  { "I'm the guy who doubled widget sales in two territories.", 1, 10, "PPPPP" },
  { "I bought a company for a thousand dollars and sold it for a million in two years.", 1, 17, "PPPPP" },
  { "I majored in engineering and minored in business law.", 1, 9, "PPPPP" },

  /* Filler, and no result. */
  { "I am a hard-working team player.", 1, 6, "PPHHP" },
  { "I'm a passionate, results-driven professional.", 1, 5, "PPHHP" },
  { "Detail-oriented go-getter who loves synergy.", 1, 5, "PPHHH" },
  { "I am a hard working team player", 1, 7, "PPHHP" },
  /* A number makes it concrete; the filler stays a hint. */
  { "I am a hard-working team player who cut costs by 30%.", 1, 11, "PPPHP" },
  { "I grew revenue 35% in 2023.", 1, 6, "PPPPP" },
  { "I saved my clients $2.5M last year.", 1, 7, "PPPPP" },
  { "I raised €400,000 for a startup in Berlin.", 1, 8, "PPPPP" },

  /* Not first person. */
  { "Doubled widget sales in two territories.", 1, 6, "PPPPH" },
  { "Sales leader with 20 years of experience.", 1, 7, "PPPPH" },

  /* Sentences: abbreviations, initials, decimals, domains do not end one. */
  { "I helped Dr. Smith cut wait times by 3.5 hours.", 1, 10, "PPPPP" },
  { "I build tools, e.g. compilers, for 40 teams.", 1, 8, "PPPPP" },
  { "I, i.e. the one who wrote widgets.com, sold 1,000 copies.", 1, 10, "PPPPP" },
  { "I worked with J. R. R. Tolkien on 3 books.", 1, 10, "PPPPP" },
  { "I sold widgets. I grew sales.", 2, 6, "HPPPP" },
  { "I sold widgets! Then I grew sales? Yes.", 3, 8, "HPPPP" },
  { "I sold widgets... and grew sales 10%.", 1, 7, "PPPPP" },
  { "I sold widgets.\n\nI grew sales by 10%.", 2, 8, "HPPPP" },
  { "I sold 3 widgets", 1, 4, "PPPPP" },
  { "“I doubled sales.” That is me.", 2, 6, "HPPPP" },

  /* Too long for one breath: 27 words. */
  { "I am the person who has spent ten years helping a lot of different small companies in many "
    "places find better ways to sell their widgets online", 1, 27, "PHPPP" },
  /* 25 words is still one breath. */
  { "I am the person who has spent ten years helping a lot of different small companies in many "
    "places find ways to sell widgets online", 1, 25, "PPPPP" },

  /* Emoji are not words and do not disturb the checks. */
  { "I doubled widget sales in two territories 🚀🚀", 1, 7, "PPPPP" },
  { "🚀 I shipped 12 apps 🎉.", 1, 4, "PPPPP" },

  /* German has built-in word lists, so a German statement is checked in any locale. */
  { "Ich habe zwei Firmen gegründet und verkauft.", 1, 7, "PPPPP" },
  { "Ich habe den Umsatz in zwei Jahren um 40 % gesteigert.", 1, 10, "PPPPP" },
  { "Ich arbeite z.B. mit Dr. Müller an 3 Projekten.", 1, 9, "PPPPP" },
  /* German filler, no result, not first person. */
  { "Ich bin ein engagierter und belastbarer Mensch.", 1, 7, "PPHHP" },
  { "Hochmotivierte, ergebnisorientierte Fachkraft mit Leidenschaft für Vertrieb.", 1, 7, "PPHHH" },
  { "Ich bin fleißig und zuverlässig.", 1, 5, "PPHHP" },
  { "Hat den Umsatz in zwei Regionen verdoppelt.", 1, 7, "PPPPH" },
  { "Wir haben unser Start-up für eine Million Euro verkauft.", 1, 9, "PPPPP" },
  { "Ich habe Maschinenbau im Hauptfach und Wirtschaftsrecht im Nebenfach studiert.", 1, 10, "PPPPP" },
  /* German sentences: "z. B.", "Nr." and "bzw." do not end one; a second sentence does. */
  { "Ich habe als Ing. bei Firma Nr. 1 bzw. bei deren Tochter 12 Patente angemeldet.", 1, 15, "PPPPP" },
  { "Ich verkaufe Häuser. Ich habe 300 im Jahr verkauft.", 2, 9, "HPPPP" },
  /* A German "ß" and umlauts match after case folding. */
  { "ICH HABE DEN UMSATZ VERDOPPELT UND BIN FLEIẞIG.", 1, 8, "PPPHP" },
  /* Hebrew: its own full stop, no case. */
  { "הכפלתי את המכירות בשני אזורים.", 1, 5, "PPUUU" },
  { "הכפלתי את המכירות ב-2 אזורים. אני מהנדס.", 2, 7, "HPPUU" },
  /* Japanese: no spaces, its own stops; words are estimated. */
  { "私は二つの地域でウィジェットの売上を倍増させました。", 1, 13, "PPUUU" },
  { "売上を2倍にしました。私はエンジニアです。", 2, 10, "HPPUU" },
  { "売上を2倍にしました！", 1, 6, "PPPUU" },
  /* Spanish with its opening marks. */
  { "¿Qué hago? Vendo 300 casas al año.", 2, 7, "HPPUU" },

  /* Nothing to check yet. */
  { "", 0, 0, "UUUUU" },
  { "   \n\t  ", 0, 0, "UUUUU" },
  { "🚀🚀", 0, 0, "UUUUU" },
  { "...", 0, 0, "UUUUU" },
};

static char
verdict_letter (TnBrandVerdict verdict)
{
  switch (verdict)
    {
    case TN_BRAND_VERDICT_PASS:
      return 'P';
    case TN_BRAND_VERDICT_HINT:
      return 'H';
    case TN_BRAND_VERDICT_UNKNOWN:
      return 'U';
    default:
      g_assert_not_reached ();
    }
}

static void
test_cases (void)
{
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(TnBrandReport) report = tn_brand_check (c->text);
      char got[TN_BRAND_N_CHECKS + 1] = { 0 };

      for (guint check = 0; check < TN_BRAND_N_CHECKS; check++)
        {
          got[check] = c->verdicts[check] == '.' ? '.' : verdict_letter (report->results[check].verdict);
          g_assert_nonnull (report->results[check].message);
          g_assert_cmpstr (report->results[check].message, !=, "");
        }

      g_test_message ("%s → %u sentences, %u words, %s (%s / %s / %s / %s / %s)", c->text,
                      report->n_sentences, report->n_words, got,
                      report->results[0].message, report->results[1].message,
                      report->results[2].message, report->results[3].message,
                      report->results[4].message);
      if (g_strcmp0 (got, c->verdicts) != 0 || report->n_sentences != c->n_sentences ||
          report->n_words != c->n_words || tn_brand_count_sentences (c->text) != c->n_sentences)
        {
          g_printerr ("MISMATCH %s: %u sentences (want %u), %u words (want %u), %s (want %s)\n",
                      c->text, report->n_sentences, c->n_sentences, report->n_words, c->n_words,
                      got, c->verdicts);
          failures++;
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

static void
test_messages (void)
{
  g_autoptr(TnBrandReport) filler = tn_brand_check ("I am a hard-working team player.");
  g_autoptr(TnBrandReport) concrete = tn_brand_check ("I'm the guy who doubled widget sales.");
  g_autoptr(TnBrandReport) number = tn_brand_check ("I raised $1,000,000 in 2 years.");
  g_autoptr(TnBrandReport) two = tn_brand_check ("I sell. I buy.");
  g_autoptr(TnBrandReport) japanese = tn_brand_check ("売上を倍増させました");
  g_autoptr(TnBrandReport) empty = tn_brand_check ("");

  /* The hint names the phrase found, the pass the evidence. */
  g_assert_cmpstr (filler->results[TN_BRAND_CHECK_NO_FILLER].message, ==,
                   "“hard-working” is what everyone says; say what you did instead");
  g_assert_cmpstr (concrete->results[TN_BRAND_CHECK_CONCRETE].message, ==, "Concrete: “doubled” can be checked");
  g_assert_cmpstr (number->results[TN_BRAND_CHECK_CONCRETE].message, ==, "Concrete: “$1,000,000” can be checked");
  g_assert_cmpstr (number->results[TN_BRAND_CHECK_SHORT].message, ==, "6 words: short enough to say in one breath");
  g_assert_cmpstr (two->results[TN_BRAND_CHECK_ONE_SENTENCE].message, ==, "2 sentences: make them one");
  g_assert_cmpstr (japanese->results[TN_BRAND_CHECK_SHORT].message, ==, "About 5 words: short enough to say in one breath");
  g_assert_true (japanese->words_estimated);
  g_assert_cmpstr (empty->results[TN_BRAND_CHECK_ONE_SENTENCE].message, ==, "One sentence");

  g_assert_cmpuint (tn_brand_count_passed (concrete), ==, 5);
  g_assert_cmpuint (tn_brand_count_passed (filler), ==, 3);
  g_assert_cmpuint (tn_brand_count_passed (empty), ==, 0);
}

/* German statements name the German word found, and a German statement is judged in
 * the C locale too (the tests run with LC_ALL=C.UTF-8): the German lists are built in. */
/* A field of work is checkable: "software teams… QA" is not flagged as vague. */
static void
test_field (void)
{
  g_autoptr(TnBrandReport) qa = tn_brand_check ("I help software teams ship with fewer surprises through QA.");
  g_autoptr(TnBrandReport) only_qa = tn_brand_check ("I do QA for teams that hate surprises.");
  g_autoptr(TnBrandReport) german = tn_brand_check ("Ich mache die Buchhaltung für kleine Firmen.");
  g_autoptr(TnBrandReport) vague = tn_brand_check ("I help teams do better work.");

  g_assert_cmpint (qa->results[TN_BRAND_CHECK_CONCRETE].verdict, ==, TN_BRAND_VERDICT_PASS);
  g_assert_cmpstr (qa->results[TN_BRAND_CHECK_CONCRETE].message, ==, "Concrete: “software” names your field");
  g_assert_cmpstr (only_qa->results[TN_BRAND_CHECK_CONCRETE].message, ==, "Concrete: “QA” names your field");
  g_assert_cmpstr (german->results[TN_BRAND_CHECK_CONCRETE].message, ==, "Concrete: “Buchhaltung” names your field");
  /* A number or result still comes first. */
  g_assert_cmpint (vague->results[TN_BRAND_CHECK_CONCRETE].verdict, ==, TN_BRAND_VERDICT_HINT);
}

static void
test_german (void)
{
  g_autoptr(TnBrandReport) filler = tn_brand_check ("Ich bin ein engagierter Teamplayer.");
  g_autoptr(TnBrandReport) concrete = tn_brand_check ("Ich habe drei Firmen gegründet.");
  g_autoptr(TnBrandReport) third = tn_brand_check ("Hat drei Firmen gegründet.");
  g_autoptr(TnBrandReport) plain = tn_brand_check ("Ich arbeite gern mit Menschen.");

  g_assert_cmpstr (filler->results[TN_BRAND_CHECK_NO_FILLER].message, ==,
                   "“engagierter” is what everyone says; say what you did instead");
  g_assert_cmpint (filler->results[TN_BRAND_CHECK_CONCRETE].verdict, ==, TN_BRAND_VERDICT_HINT);
  g_assert_cmpstr (concrete->results[TN_BRAND_CHECK_CONCRETE].message, ==, "Concrete: “drei” can be checked");
  g_assert_cmpuint (tn_brand_count_passed (concrete), ==, 5);
  g_assert_cmpint (third->results[TN_BRAND_CHECK_FIRST_PERSON].verdict, ==, TN_BRAND_VERDICT_HINT);
  /* Known as German by its common words alone: hints, not "could not check". */
  g_assert_cmpint (plain->results[TN_BRAND_CHECK_CONCRETE].verdict, ==, TN_BRAND_VERDICT_HINT);
  g_assert_cmpint (plain->results[TN_BRAND_CHECK_NO_FILLER].verdict, ==, TN_BRAND_VERDICT_PASS);
  g_assert_cmpint (plain->results[TN_BRAND_CHECK_FIRST_PERSON].verdict, ==, TN_BRAND_VERDICT_PASS);
}

static void
test_count_words (void)
{
  gboolean estimated = TRUE;

  g_assert_cmpuint (tn_brand_count_words ("", &estimated), ==, 0);
  g_assert_false (estimated);
  g_assert_cmpuint (tn_brand_count_words ("one  two\tthree\nfour", NULL), ==, 4);
  /* A dash or an emoji alone is not a word; a number is. */
  g_assert_cmpuint (tn_brand_count_words ("sales — up 40 % 🚀", NULL), ==, 3);
  /* Non-breaking and ideographic spaces separate words too. */
  g_assert_cmpuint (tn_brand_count_words ("one\u00A0two\u3000three", NULL), ==, 3);
  g_assert_cmpuint (tn_brand_count_words ("私はエンジニア", &estimated), ==, 4);
  g_assert_true (estimated);
  /* Korean is written with spaces between words. */
  g_assert_cmpuint (tn_brand_count_words ("저는 엔지니어입니다", &estimated), ==, 2);
  g_assert_false (estimated);
  g_assert_cmpuint (tn_brand_count_words ("\xff\xfe", NULL), ==, 0);
}

static void
test_thai_cannot_be_counted (void)
{
  g_autoptr(TnBrandReport) report = tn_brand_check ("ผมเพิ่มยอดขายเป็นสองเท่า");

  g_assert_cmpint (report->results[TN_BRAND_CHECK_SHORT].verdict, ==, TN_BRAND_VERDICT_UNKNOWN);
  g_assert_cmpint (report->results[TN_BRAND_CHECK_FIRST_PERSON].verdict, ==, TN_BRAND_VERDICT_UNKNOWN);
  g_assert_cmpint (report->results[TN_BRAND_CHECK_ONE_SENTENCE].verdict, ==, TN_BRAND_VERDICT_PASS);
}

static void
test_clean_text (void)
{
  const struct { const char *in, *out; } cleans[] = {
    { "", "" },
    { "   ", "" },
    { "  I sell\n widgets.  ", "I sell widgets." },
    { "I\tsell\r\n\r\nwidgets", "I sell widgets" },
    { "I\u00A0sell\u2003widgets", "I sell widgets" },
    { "I\u200Bsell", "I sell" },
    { "私は 売る", "私は 売る" },
  };
  g_autofree char *repaired = tn_brand_clean_text ("I sell \xff widgets");

  for (guint i = 0; i < G_N_ELEMENTS (cleans); i++)
    {
      g_autofree char *clean = tn_brand_clean_text (cleans[i].in);

      g_assert_cmpstr (clean, ==, cleans[i].out);
    }

  g_assert_true (g_utf8_validate (repaired, -1, NULL));
  g_assert_true (g_str_has_prefix (repaired, "I sell "));
}

/* Invalid UTF-8 never crashes a check. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(TnBrandReport) report = tn_brand_check ("I sold \xc3\x28 2 widgets.");

  g_assert_cmpuint (report->n_sentences, ==, 1);
  g_assert_cmpint (report->results[TN_BRAND_CHECK_CONCRETE].verdict, ==, TN_BRAND_VERDICT_PASS);
  g_assert_cmpuint (tn_brand_count_sentences ("\xc3\x28"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brand/cases", test_cases);
  g_test_add_func ("/brand/messages", test_messages);
  g_test_add_func ("/brand/german", test_german);
  g_test_add_func ("/brand/field", test_field);
  g_test_add_func ("/brand/count-words", test_count_words);
  g_test_add_func ("/brand/thai", test_thai_cannot_be_counted);
  g_test_add_func ("/brand/clean-text", test_clean_text);
  g_test_add_func ("/brand/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
