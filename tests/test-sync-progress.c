/* test-sync-progress.c — a sync's progress is told at once at 0, then at most ten times a
 * second as cards are written, and always at the last card; "0 of 0" while they download.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sync-progress"

#include "config.h"

#include "tn-sync-private.h"
#include "tn-test-sync.h"

static void
test_throttled (void)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  TnSyncRun run = { .progress = tn_test_sync_record_progress, .progress_data = calls };

  /* Nothing to receive: nothing to tell. */
  _tn_sync_progress_begin (&run, 0);
  g_assert_cmpuint (calls->len, ==, 0);

  _tn_sync_progress_begin (&run, 10000);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 10000);

  /* A tenth of a second later, the next card is told. */
  _tn_sync_progress_add (&run, 1);
  g_assert_cmpuint (calls->len, ==, 2);
  g_usleep (110 * G_TIME_SPAN_MILLISECOND);
  _tn_sync_progress_add (&run, 1);
  g_assert_cmpuint (calls->len, ==, 4);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 2);

  /* Card by card, as fast as they come: far fewer calls than cards, never backwards, and
   * the last card always told. */
  for (guint i = 2; i < 10000; i++)
    _tn_sync_progress_add (&run, 1);
  g_assert_cmpuint (calls->len / 2, <, 100);
  for (guint i = 2; i < calls->len; i += 2)
    {
      g_assert_cmpuint (g_array_index (calls, guint, i), >=, g_array_index (calls, guint, i - 2));
      g_assert_cmpuint (g_array_index (calls, guint, i + 1), ==, 10000);
    }
  g_assert_cmpuint (g_array_index (calls, guint, calls->len - 2), ==, 10000);
}

/* While cards download, "0 of 0" at once (told even right after another call); then the
 * count is of the cards downloaded. */
static void
test_downloading (void)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  TnSyncRun run = { .progress = tn_test_sync_record_progress, .progress_data = calls };

  _tn_sync_progress_downloading (&run, 0);
  _tn_sync_progress_downloading (&run, 5);
  g_assert_cmpuint (calls->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (g_array_index (calls, guint, i), ==, 0);

  _tn_sync_progress_add (&run, 5);
  g_assert_cmpuint (calls->len, ==, 6);
  g_assert_cmpuint (g_array_index (calls, guint, 4), ==, 5);
  g_assert_cmpuint (g_array_index (calls, guint, 5), ==, 5);
}

static void
test_no_listener (void)
{
  TnSyncRun run = { 0 };

  /* A sync from the command line tells no one, and still counts. */
  _tn_sync_progress_begin (&run, 3);
  _tn_sync_progress_add (&run, 3);
  g_assert_cmpuint (run.received, ==, 3);
  _tn_sync_progress_downloading (&run, 2);
  g_assert_cmpuint (run.received, ==, 0);
  g_assert_cmpuint (run.to_receive, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-progress/throttled", test_throttled);
  g_test_add_func ("/sync-progress/downloading", test_downloading);
  g_test_add_func ("/sync-progress/no-listener", test_no_listener);

  return g_test_run ();
}
