/* bench-frame-timing.h — timing a change to a window until the frame that shows it, the
 * same way in bench-search and bench-floor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The times of a group of changes, in ms, one entry per change. */
typedef struct
{
  GArray *to_frame; /* from the change to its frame painted, waiting for the frame clock included */
  GArray *cpu;      /* the main thread's CPU time for the same */
  GArray *all_cpu;  /* the CPU time of all the process's threads for the same (the GL
                     * renderer's llvmpipe draws in threads of its own) */
  GArray *frame;    /* the frame alone: its before-paint to its after-paint, wall time */
} BenchTimes;

typedef void (*BenchChange) (gpointer target,
                             gpointer data);
typedef gboolean (*BenchBusy) (gpointer target);

void   bench_times_init  (BenchTimes *times);
void   bench_times_clear (BenchTimes *times);
void   bench_times_forget (BenchTimes *times);
double bench_time_change (GtkWidget   *window,
                          BenchChange  change,
                          gpointer     target,
                          gpointer     data,
                          BenchBusy    busy,
                          BenchTimes  *times);
double bench_times_last  (GArray      *values);
void   bench_times_print (const char  *name,
                          BenchTimes  *times);

#define BENCH_SCROLL_STEPS 28
int    bench_scroll_step  (int                i);
void   bench_scroll_pages (GtkScrolledWindow *scroller,
                           int                pages);

G_END_DECLS
