/* test-trust.c — the trust rating: what a person may type, the words shown
 * for it, the order it sorts in, and its registered enum type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-trust"

#include "config.h"

#include <string.h>

#include <glib-object.h>

#include "tn-enums.h"
#include "tn-trust.h"

static void
test_trust_is_valid (void)
{
  g_assert_true (tn_trust_is_valid (TN_TRUST_UNRATED));
  g_assert_true (tn_trust_is_valid (TN_TRUST_COMPLETELY));
  g_assert_true (tn_trust_is_valid (TN_TRUST_MODERATELY));
  g_assert_true (tn_trust_is_valid (TN_TRUST_VAGUELY));
  g_assert_true (tn_trust_is_valid (0));
  g_assert_true (tn_trust_is_valid (3));

  g_assert_false (tn_trust_is_valid (-1));
  g_assert_false (tn_trust_is_valid (4));
  g_assert_false (tn_trust_is_valid (G_MININT));
  g_assert_false (tn_trust_is_valid (G_MAXINT));
}

static void
test_trust_parse_accepts (void)
{
  static const struct
  {
    const char *text;
    TnTrust expected;
  } cases[] = {
    { "0", TN_TRUST_UNRATED },
    { "1", TN_TRUST_COMPLETELY },
    { "2", TN_TRUST_MODERATELY },
    { "3", TN_TRUST_VAGUELY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* A value parse never produces, so a parse that succeeds without
       * writing the result is caught. */
      TnTrust trust = (TnTrust) 42;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (tn_trust_parse (cases[i].text, &trust));
      g_assert_cmpint (trust, ==, cases[i].expected);
    }
}

static void
test_trust_parse_rejects (void)
{
  static const char * const rejected[] = {
    "", "4", "9", "-1", "1x", " 1", "1 ", "01", "10", "+1", "x", "one", "1\n", "\xef\xbc\x91", /* FULLWIDTH DIGIT ONE */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      TnTrust trust = TN_TRUST_MODERATELY;

      g_test_message ("parsing “%s”", rejected[i]);
      g_assert_false (tn_trust_parse (rejected[i], &trust));
      /* A refused text leaves the caller's value alone. */
      g_assert_cmpint (trust, ==, TN_TRUST_MODERATELY);
    }

  {
    TnTrust trust = TN_TRUST_VAGUELY;

    g_assert_false (tn_trust_parse (NULL, &trust));
    g_assert_cmpint (trust, ==, TN_TRUST_VAGUELY);
  }
}

static void
test_trust_labels (void)
{
  const TnTrust all[] = { TN_TRUST_UNRATED, TN_TRUST_COMPLETELY, TN_TRUST_MODERATELY, TN_TRUST_VAGUELY };

  /* The words DESIGN.md fixes; LC_ALL=C.UTF-8 means no translation. */
  g_assert_cmpstr (tn_trust_get_label (TN_TRUST_COMPLETELY), ==, "Completely");
  g_assert_cmpstr (tn_trust_get_label (TN_TRUST_MODERATELY), ==, "Moderately");
  g_assert_cmpstr (tn_trust_get_label (TN_TRUST_VAGUELY), ==, "Vaguely");
  g_assert_cmpstr (tn_trust_get_label (TN_TRUST_UNRATED), ==, "Not rated");

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *label = tn_trust_get_label (all[i]);
      const char *description = tn_trust_get_description (all[i]);

      g_assert_nonnull (label);
      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_cmpuint (strlen (description), >, 0);
      g_assert_true (g_utf8_validate (label, -1, NULL));
      g_assert_true (g_utf8_validate (description, -1, NULL));
      g_assert_cmpstr (label, !=, description);

      for (guint j = i + 1; j < G_N_ELEMENTS (all); j++)
        {
          g_assert_cmpstr (label, !=, tn_trust_get_label (all[j]));
          g_assert_cmpstr (description, !=, tn_trust_get_description (all[j]));
        }
    }

  /* The descriptions say what the rating means for calls and meetings. */
  g_assert_nonnull (strstr (tn_trust_get_description (TN_TRUST_COMPLETELY), "always"));
  g_assert_nonnull (strstr (tn_trust_get_description (TN_TRUST_MODERATELY), "probably"));
  g_assert_nonnull (strstr (tn_trust_get_description (TN_TRUST_VAGUELY), "might"));
}

static void
test_trust_sort_rank (void)
{
  guint completely = tn_trust_get_sort_rank (TN_TRUST_COMPLETELY);
  guint moderately = tn_trust_get_sort_rank (TN_TRUST_MODERATELY);
  guint vaguely = tn_trust_get_sort_rank (TN_TRUST_VAGUELY);
  guint unrated = tn_trust_get_sort_rank (TN_TRUST_UNRATED);

  /* The people who count most first, the ones waiting for a rating last. */
  g_assert_cmpuint (completely, <, moderately);
  g_assert_cmpuint (moderately, <, vaguely);
  g_assert_cmpuint (vaguely, <, unrated);
}

static void
test_trust_enum_type (void)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  const struct
  {
    int value;
    const char *name;
    const char *nick;
  } expected[] = {
    { TN_TRUST_UNRATED, "TN_TRUST_UNRATED", "unrated" },
    { TN_TRUST_COMPLETELY, "TN_TRUST_COMPLETELY", "completely" },
    { TN_TRUST_MODERATELY, "TN_TRUST_MODERATELY", "moderately" },
    { TN_TRUST_VAGUELY, "TN_TRUST_VAGUELY", "vaguely" },
  };

  g_assert_true (G_TYPE_IS_ENUM (TN_TYPE_TRUST));
  g_assert_cmpstr (g_type_name (TN_TYPE_TRUST), ==, "TnTrust");

  enum_class = g_type_class_ref (TN_TYPE_TRUST);
  g_assert_cmpuint (enum_class->n_values, ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (enum_class->minimum, ==, TN_TRUST_UNRATED);
  g_assert_cmpint (enum_class->maximum, ==, TN_TRUST_LAST);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GEnumValue *value = g_enum_get_value (enum_class, expected[i].value);

      g_assert_nonnull (value);
      g_assert_cmpint (value->value, ==, expected[i].value);
      g_assert_cmpstr (value->value_name, ==, expected[i].name);
      g_assert_cmpstr (value->value_nick, ==, expected[i].nick);
      g_assert_true (g_enum_get_value_by_nick (enum_class, expected[i].nick) == value);
    }

  g_assert_null (g_enum_get_value (enum_class, 4));
  g_assert_null (g_enum_get_value (enum_class, -1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and lets the others still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/trust/is-valid", test_trust_is_valid);
  g_test_add_func ("/trust/parse/accepts", test_trust_parse_accepts);
  g_test_add_func ("/trust/parse/rejects", test_trust_parse_rejects);
  g_test_add_func ("/trust/labels", test_trust_labels);
  g_test_add_func ("/trust/sort-rank", test_trust_sort_rank);
  g_test_add_func ("/trust/enum-type", test_trust_enum_type);

  return g_test_run ();
}
