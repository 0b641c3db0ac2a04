/* tn-linchpin.h — the linchpin self-check: six habits of a job search that make you a
 * replaceable "factory worker", asked as yes/no, each with the article's advice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TnLinchpinQuestion:
 * @TN_LINCHPIN_JOB_SEARCH_GROUPS: more time at job-search groups than professional events
 * @TN_LINCHPIN_GROUP_EVENTS: more group events than one-on-one meetings
 * @TN_LINCHPIN_BORROWED_PITCH: an elevator pitch modelled on the ones you hear
 * @TN_LINCHPIN_JOB_BOARDS: lots of time on job boards
 * @TN_LINCHPIN_SAME_RESUME_PLACES: a résumé sent where everyone else sends theirs
 * @TN_LINCHPIN_ASK_EVERYONE: asking everyone you know about jobs
 *
 * The questions in the article's order. In a check's answers, bit i set means question i
 * was answered "yes": the factory worker's way.
 */
typedef enum
{
  TN_LINCHPIN_JOB_SEARCH_GROUPS,
  TN_LINCHPIN_GROUP_EVENTS,
  TN_LINCHPIN_BORROWED_PITCH,
  TN_LINCHPIN_JOB_BOARDS,
  TN_LINCHPIN_SAME_RESUME_PLACES,
  TN_LINCHPIN_ASK_EVERYONE,
} TnLinchpinQuestion;

#define TN_LINCHPIN_N_QUESTIONS (TN_LINCHPIN_ASK_EVERYONE + 1)

/* Every answer "yes". */
#define TN_LINCHPIN_ALL_YES ((1u << TN_LINCHPIN_N_QUESTIONS) - 1)

/**
 * TnLinchpinCheck:
 * @id: the check's row id
 * @taken_at: when it was taken, Unix time
 * @answers: bit i set: question i answered "yes"
 * @score: how many were answered the linchpin way ("no"), 0 to 6
 */
typedef struct
{
  gint64 id;
  gint64 taken_at;
  guint answers;
  int score;
} TnLinchpinCheck;

const char *tn_linchpin_get_question      (TnLinchpinQuestion question);
const char *tn_linchpin_get_advice        (TnLinchpinQuestion question);
gboolean    tn_linchpin_answers_are_valid (guint              answers);
gboolean    tn_linchpin_answered_yes      (guint              answers,
                                           TnLinchpinQuestion question);
int         tn_linchpin_score             (guint              answers);

G_END_DECLS
