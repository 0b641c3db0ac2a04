/* tn-sync-progress.c — how far a sync's receiving is: "0 of 0" while cards are being
 * downloaded, then card by card as each is written, but to the window at most ten times a second: a first sync of 10,000 cards moves smoothly
 * without 10,000 calls crossing to the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tn-sync"

#include "config.h"

#include "tn-sync-private.h"

#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

static void
tell (TnSyncRun *run)
{
  run->progress_told_at = g_get_monotonic_time ();
  run->progress (run->received, run->to_receive, run->progress_data);
}

/**
 * _tn_sync_progress_begin:
 * @run: the sync
 * @total: how many cards it is about to receive
 *
 * Tells "0 of @total" at once, unless there is nothing to receive.
 */
void
_tn_sync_progress_begin (TnSyncRun *run,
                         guint      total)
{
  run->received = 0;
  run->to_receive = total;
  if (run->progress != NULL && total > 0)
    tell (run);
}

/**
 * _tn_sync_progress_downloading:
 * @run: the sync
 * @total: how many cards it is about to fetch and receive; 0 when not known yet
 *
 * Tells "0 of 0" at once: the cards are on their way from the server, and none is written
 * yet. A first sync's whole book comes in one answer, which takes a while on a big book
 * (the window says so in words, rather than "0 of 10,000" all that time). The count that
 * follows (_tn_sync_progress_add()) is of @total.
 */
void
_tn_sync_progress_downloading (TnSyncRun *run,
                               guint      total)
{
  run->received = 0;
  run->to_receive = total;
  if (run->progress == NULL)
    return;
  run->progress_told_at = g_get_monotonic_time ();
  run->progress (0, 0, run->progress_data);
}

/**
 * _tn_sync_progress_add:
 * @run: the sync
 * @n: cards received (written) since the last call
 *
 * Tells how far it is when a tenth of a second has passed since it last told, and always
 * when the last card is in.
 */
void
_tn_sync_progress_add (TnSyncRun *run,
                       guint      n)
{
  run->received += n;
  if (run->progress == NULL || run->to_receive == 0)
    return;

  if (run->received >= run->to_receive || g_get_monotonic_time () - run->progress_told_at >= PROGRESS_INTERVAL_US)
    tell (run);
}
