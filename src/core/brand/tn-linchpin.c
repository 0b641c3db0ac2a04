/* tn-linchpin.c — the six questions of the linchpin self-check, the advice for a "yes",
 * and the score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-linchpin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tn-linchpin.h"

typedef struct
{
  const char *question;
  const char *advice;
} Habit;

static const Habit habits[TN_LINCHPIN_N_QUESTIONS] = {
  [TN_LINCHPIN_JOB_SEARCH_GROUPS] = {
    N_("Do you spend more time at job-search groups than at professional events?"),
    N_("Go where people who do your work meet: a room of job seekers cannot hire you."),
  },
  [TN_LINCHPIN_GROUP_EVENTS] = {
    N_("Do you focus more on group events than on one-on-one meetings?"),
    N_("Trust is built one person at a time: turn a handshake at an event into a lunch for two."),
  },
  [TN_LINCHPIN_BORROWED_PITCH] = {
    N_("Do you model your elevator pitch on the ones you hear?"),
    N_("Say what only you can say: one sentence with a result nobody else can claim."),
  },
  [TN_LINCHPIN_JOB_BOARDS] = {
    N_("Do you spend lots of time on job boards?"),
    N_("Most jobs are filled through people; spend those hours with people who trust you."),
  },
  [TN_LINCHPIN_SAME_RESUME_PLACES] = {
    N_("Do you submit your résumé where everyone else does?"),
    N_("Hand it to someone who knows your work, before the job is ever posted."),
  },
  [TN_LINCHPIN_ASK_EVERYONE] = {
    N_("Do you ask everyone you know about jobs?"),
    N_("Ask the people who trust you completely, and ask for advice and introductions, not a job."),
  },
};

static gboolean
question_is_valid (TnLinchpinQuestion question)
{
  return (guint) question < TN_LINCHPIN_N_QUESTIONS;
}

/**
 * tn_linchpin_get_question:
 * @question: a question
 *
 * Returns: (transfer none): the question, translated
 */
const char *
tn_linchpin_get_question (TnLinchpinQuestion question)
{
  g_return_val_if_fail (question_is_valid (question), NULL);

  return _(habits[question].question);
}

/**
 * tn_linchpin_get_advice:
 * @question: a question
 *
 * Returns: (transfer none): one line of the article's advice for a "yes", translated
 */
const char *
tn_linchpin_get_advice (TnLinchpinQuestion question)
{
  g_return_val_if_fail (question_is_valid (question), NULL);

  return _(habits[question].advice);
}

/**
 * tn_linchpin_answers_are_valid:
 * @answers: a bitmask of "yes" answers
 *
 * Returns: whether @answers sets no bit beyond the six questions
 */
gboolean
tn_linchpin_answers_are_valid (guint answers)
{
  return (answers & ~TN_LINCHPIN_ALL_YES) == 0;
}

/**
 * tn_linchpin_answered_yes:
 * @answers: a bitmask of "yes" answers
 * @question: a question
 *
 * Returns: whether @question was answered "yes" in @answers
 */
gboolean
tn_linchpin_answered_yes (guint              answers,
                          TnLinchpinQuestion question)
{
  g_return_val_if_fail (question_is_valid (question), FALSE);

  return (answers & (1u << question)) != 0;
}

/**
 * tn_linchpin_score:
 * @answers: a bitmask of "yes" answers (see tn_linchpin_answers_are_valid())
 *
 * Every question describes a factory worker's habit, so the linchpin way is "no".
 *
 * Returns: how many of the six were answered "no", or -1 if @answers is not valid
 */
int
tn_linchpin_score (guint answers)
{
  int score = 0;

  g_return_val_if_fail (tn_linchpin_answers_are_valid (answers), -1);

  for (guint i = 0; i < TN_LINCHPIN_N_QUESTIONS; i++)
    score += !tn_linchpin_answered_yes (answers, i);

  return score;
}
