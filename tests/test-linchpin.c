/* test-linchpin.c — the six questions, their advice and the score of a set of answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tn-linchpin.h"

static void
test_questions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < TN_LINCHPIN_N_QUESTIONS; i++)
    {
      const char *question = tn_linchpin_get_question (i);
      const char *advice = tn_linchpin_get_advice (i);

      g_assert_nonnull (question);
      g_assert_true (g_str_has_suffix (question, "?"));
      g_assert_nonnull (advice);
      g_assert_cmpuint (strlen (advice), >, 10);
      g_assert_true (g_hash_table_add (seen, (gpointer) question));
    }

  g_assert_cmpstr (tn_linchpin_get_question (TN_LINCHPIN_GROUP_EVENTS), ==,
                   "Do you focus more on group events than on one-on-one meetings?");
}

static void
test_score (void)
{
  g_assert_cmpint (TN_LINCHPIN_N_QUESTIONS, ==, 6);
  g_assert_cmpuint (TN_LINCHPIN_ALL_YES, ==, 63);

  /* Every "no" is the linchpin way. */
  g_assert_cmpint (tn_linchpin_score (0), ==, 6);
  g_assert_cmpint (tn_linchpin_score (TN_LINCHPIN_ALL_YES), ==, 0);
  g_assert_cmpint (tn_linchpin_score (1u << TN_LINCHPIN_GROUP_EVENTS), ==, 5);
  g_assert_cmpint (tn_linchpin_score ((1u << TN_LINCHPIN_JOB_BOARDS) | (1u << TN_LINCHPIN_ASK_EVERYONE)), ==, 4);

  g_assert_true (tn_linchpin_answered_yes (1u << TN_LINCHPIN_JOB_BOARDS, TN_LINCHPIN_JOB_BOARDS));
  g_assert_false (tn_linchpin_answered_yes (1u << TN_LINCHPIN_JOB_BOARDS, TN_LINCHPIN_GROUP_EVENTS));

  g_assert_true (tn_linchpin_answers_are_valid (0));
  g_assert_true (tn_linchpin_answers_are_valid (63));
  g_assert_false (tn_linchpin_answers_are_valid (64));
  g_assert_false (tn_linchpin_answers_are_valid (G_MAXUINT));
}

static void
test_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (tn_linchpin_score (64), ==, -1);
      g_assert_null (tn_linchpin_get_question (TN_LINCHPIN_N_QUESTIONS));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*tn_linchpin_answers_are_valid*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/linchpin/questions", test_questions);
  g_test_add_func ("/linchpin/score", test_score);
  g_test_add_func ("/linchpin/invalid", test_invalid);

  return g_test_run ();
}
