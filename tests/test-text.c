/* test-text.c — when two pieces of text mean the same: search folding,
 * email and phone normalisation, and cleaning one-line fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "tn-text.h"

/* "é" as one code point, and as "e" followed by a combining acute accent. */
#define E_ACUTE_COMPOSED "\xc3\xa9"
#define E_ACUTE_DECOMPOSED "e\xcc\x81"
#define RLM "\xe2\x80\x8f"

static void
assert_folds_equal (const char *a,
                    const char *b)
{
  g_autofree char *folded_a = tn_text_fold_for_search (a);
  g_autofree char *folded_b = tn_text_fold_for_search (b);

  g_assert_cmpstr (folded_a, ==, folded_b);
}

static void
test_fold_case (void)
{
  g_autofree char *folded = tn_text_fold_for_search ("Ada LOVELACE");

  g_assert_cmpstr (folded, ==, "ada lovelace");
  assert_folds_equal ("ADA@EXAMPLE.ORG", "ada@example.org");
  /* Case folding, not just lower-casing: "ß" and "SS" are the same word. */
  assert_folds_equal ("Straße", "STRASSE");
  assert_folds_equal ("ΣΊΣΥΦΟΣ", "σίσυφος");
}

static void
test_fold_composition (void)
{
  g_autofree char *composed = tn_text_fold_for_search ("Zo" E_ACUTE_COMPOSED " Durand");
  g_autofree char *decomposed = tn_text_fold_for_search ("Zo" E_ACUTE_DECOMPOSED " Durand");
  g_autofree char *query_decomposed = tn_text_fold_for_search ("ZO" E_ACUTE_DECOMPOSED);
  g_autofree char *query_upper = tn_text_fold_for_search ("ZO\xc3\x89"); /* "ZOÉ" composed */

  g_assert_cmpstr (composed, ==, decomposed);
  g_assert_true (g_utf8_validate (composed, -1, NULL));

  /* A query typed either way finds a name stored either way. */
  g_assert_nonnull (strstr (composed, query_decomposed));
  g_assert_nonnull (strstr (decomposed, query_upper));

  /* Folding is not accent stripping: "e" and "é" stay different letters. */
  {
    g_autofree char *plain = tn_text_fold_for_search ("Zoe Durand");

    g_assert_cmpstr (plain, !=, composed);
  }
}

static void
test_fold_empty (void)
{
  g_autofree char *from_null = tn_text_fold_for_search (NULL);
  g_autofree char *from_empty = tn_text_fold_for_search ("");

  g_assert_nonnull (from_null);
  g_assert_cmpstr (from_null, ==, "");
  g_assert_nonnull (from_empty);
  g_assert_cmpstr (from_empty, ==, "");
}

static void
test_normalize_email (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "ada@example.org", "ada@example.org" },
    { "Ada@Example.ORG", "ada@example.org" },
    { "  ADA@EXAMPLE.ORG\t\n", "ada@example.org" },
    { "\xc3\x89lodie@Exemple.FR", "\xc3\xa9lodie@exemple.fr" }, /* "Élodie" */
    { "", NULL },
    { "   ", NULL },
    { "\t\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = tn_text_normalize_email (cases[i].input);

      g_test_message ("normalising “%s”", cases[i].input);
      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }

  g_assert_null (tn_text_normalize_email (NULL));
}

static void
test_plausible_email (void)
{
  static const char * const good[] = {
    "ada@example.org",
    "Ada.Lovelace+lunch@mail.example.co.uk",
    "x@y.z",
    "o'brien@example.ie",
    "\xc3\xa9lodie@exemple.fr",
  };
  static const char * const bad[] = {
    "",
    "ada",
    "ada@",
    "@example.org",
    "ada@example",
    "ada@@example.org",
    "ada@ex@ample.org",
    "ada lovelace@example.org",
    " ada@example.org",
    "ada@example.org ",
    "ada@example.org\n",
    "ada@\texample.org",
    "ada@.example.org",
    "ada@example.org.",
    "example.org",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("good: “%s”", good[i]);
      g_assert_true (tn_text_is_plausible_email (good[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: “%s”", bad[i]);
      g_assert_false (tn_text_is_plausible_email (bad[i]));
    }

  g_assert_false (tn_text_is_plausible_email (NULL));
}

static void
test_normalize_phone (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "+44 (20) 7946-0958", "+442079460958" },
    { "+44 20 7946 0958", "+442079460958" },
    { "tel:+1-555-0100", "+15550100" },
    { "020 7946 0958", "02079460958" },
    { "555.0100", "5550100" },
    /* Only a leading plus is a country-code marker. */
    { "555+0100", "5550100" },
    { "no digits here", NULL },
    { "+", NULL },
    { "tel:+", NULL },
    { "( ) -", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = tn_text_normalize_phone (cases[i].input);

      g_test_message ("normalising “%s”", cases[i].input);
      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }

  g_assert_null (tn_text_normalize_phone (NULL));
}

static void
test_clean_line (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "Ada Lovelace", "Ada Lovelace" },
    { "  Ada Lovelace \n", "Ada Lovelace" },
    { "\tAda  Lovelace\t", "Ada  Lovelace" },
    { "Robert'); DROP TABLE contacts;--", "Robert'); DROP TABLE contacts;--" },
    { "\"Ada\" O'Brien; Jr.", "\"Ada\" O'Brien; Jr." },
    /* Family emoji, a ZWJ sequence: kept intact. */
    { " \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 ",
      "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" },
    /* Right-to-left marks are not white space to trim. */
    { RLM "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" RLM, RLM "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" RLM },
    { "", NULL },
    { "   ", NULL },
    { " \t\r\n ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cleaned = tn_text_clean_line (cases[i].input);

      g_test_message ("cleaning “%s”", cases[i].input);
      g_assert_cmpstr (cleaned, ==, cases[i].expected);
    }

  g_assert_null (tn_text_clean_line (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and lets the others still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/text/fold/case", test_fold_case);
  g_test_add_func ("/text/fold/composition", test_fold_composition);
  g_test_add_func ("/text/fold/empty", test_fold_empty);
  g_test_add_func ("/text/email/normalize", test_normalize_email);
  g_test_add_func ("/text/email/plausible", test_plausible_email);
  g_test_add_func ("/text/phone/normalize", test_normalize_phone);
  g_test_add_func ("/text/clean-line", test_clean_line);

  return g_test_run ();
}
