/* bench-frame-timing.c — timing a change to a window until the frame that shows it, the
 * same way in bench-search and bench-floor: to the painted frame, the main thread's CPU
 * time, and the frame alone; and the figures of a group of changes: median, 90th
 * percentile and worst of each. Prints figures; asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "bench-frame-timing.h"

typedef struct
{
  gboolean painted;
  gint64   frame_start;
  gint64   frame_end;
} FrameWatch;

static void
on_before_paint_cb (GdkFrameClock *frame_clock,
                    FrameWatch    *watch)
{
  if (watch->frame_start == 0)
    watch->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   FrameWatch    *watch)
{
  if (!watch->painted)
    watch->frame_end = g_get_monotonic_time ();
  watch->painted = TRUE;
}

static double
cpu_now_ms (clockid_t clock)
{
  struct timespec cpu;

  clock_gettime (clock, &cpu);
  return cpu.tv_sec * 1e3 + cpu.tv_nsec / 1e6;
}

void
bench_times_init (BenchTimes *times)
{
  times->to_frame = g_array_new (FALSE, FALSE, sizeof (double));
  times->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  times->all_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  times->frame = g_array_new (FALSE, FALSE, sizeof (double));
}

void
bench_times_clear (BenchTimes *times)
{
  g_clear_pointer (&times->to_frame, g_array_unref);
  g_clear_pointer (&times->cpu, g_array_unref);
  g_clear_pointer (&times->all_cpu, g_array_unref);
  g_clear_pointer (&times->frame, g_array_unref);
}

/* Forgets what was timed without printing it (changes made only to set the next ones up). */
void
bench_times_forget (BenchTimes *times)
{
  g_array_set_size (times->to_frame, 0);
  g_array_set_size (times->cpu, 0);
  g_array_set_size (times->all_cpu, 0);
  g_array_set_size (times->frame, 0);
}

/* Makes @change (@change (@target, @data)), then runs the main loop until @window has painted
 * a frame and, with @busy, until @busy (@target) says FALSE; adds the change's times to
 * @times. Returns the time to the painted frame in ms. */
double
bench_time_change (GtkWidget   *window,
                   BenchChange  change,
                   gpointer     target,
                   gpointer     data,
                   BenchBusy    busy,
                   BenchTimes  *times)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);
  FrameWatch watch = { FALSE, 0, 0 };
  gulong before_handler, after_handler;
  gint64 start, end;
  double cpu_start, all_cpu_start, to_frame_ms, cpu_ms, all_cpu_ms, frame_ms;

  before_handler = g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint_cb), &watch);
  after_handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &watch);
  start = g_get_monotonic_time ();
  cpu_start = cpu_now_ms (CLOCK_THREAD_CPUTIME_ID);
  all_cpu_start = cpu_now_ms (CLOCK_PROCESS_CPUTIME_ID);
  change (target, data);
  gtk_widget_queue_draw (window);
  while (!watch.painted || (busy != NULL && busy (target)))
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  cpu_ms = cpu_now_ms (CLOCK_THREAD_CPUTIME_ID) - cpu_start;
  all_cpu_ms = cpu_now_ms (CLOCK_PROCESS_CPUTIME_ID) - all_cpu_start;
  g_signal_handler_disconnect (frame_clock, before_handler);
  g_signal_handler_disconnect (frame_clock, after_handler);

  to_frame_ms = (end - start) / 1000.0;
  /* A frame already under way when the change was made shows it only in the next one. */
  frame_ms = (watch.frame_end - MAX (watch.frame_start, start)) / 1000.0;
  g_array_append_val (times->to_frame, to_frame_ms);
  g_array_append_val (times->cpu, cpu_ms);
  g_array_append_val (times->all_cpu, all_cpu_ms);
  g_array_append_val (times->frame, frame_ms);
  /* The monotonic start, to find a slow change in a profile taken with perf -k CLOCK_MONOTONIC. */
  g_printerr ("to frame %.1f ms, frame %.1f ms, main thread CPU %.1f ms, all threads %.1f ms, started at %" G_GINT64_FORMAT " us\n",
              to_frame_ms, frame_ms, cpu_ms, all_cpu_ms, start);
  return to_frame_ms;
}

/* The last value added to @values. */
double
bench_times_last (GArray *values)
{
  return g_array_index (values, double, values->len - 1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* NAME-median-ms, NAME-p90-ms (nearest rank) and NAME-worst-ms of @values, then empties it. */
static void
print_spread (const char *name,
              GArray     *values)
{
  guint p90 = (values->len * 9 + 9) / 10 - 1;

  if (values->len == 0)
    return;
  g_array_sort (values, compare_doubles);
  g_print ("%s-median-ms %.2f\n", name, g_array_index (values, double, values->len / 2));
  g_print ("%s-p90-ms %.2f\n", name, g_array_index (values, double, p90));
  g_print ("%s-worst-ms %.2f\n", name, g_array_index (values, double, values->len - 1));
  g_array_set_size (values, 0);
}

/* NAME-steps (how many changes), then the median, 90th percentile and worst of the times
 * to the painted frame (NAME-…), of the main thread's CPU times (NAME-cpu-…), of all
 * threads' (NAME-all-cpu-…) and of the frames alone (NAME-frame-…); then forgets them. */
void
bench_times_print (const char *name,
                   BenchTimes *times)
{
  g_autofree char *cpu_name = g_strconcat (name, "-cpu", NULL);
  g_autofree char *all_cpu_name = g_strconcat (name, "-all-cpu", NULL);
  g_autofree char *frame_name = g_strconcat (name, "-frame", NULL);

  g_print ("%s-steps %u\n", name, times->to_frame->len);
  print_spread (name, times->to_frame);
  print_spread (cpu_name, times->cpu);
  print_spread (all_cpu_name, times->all_cpu);
  print_spread (frame_name, times->frame);
}

/* The @i-th step of scrolling through everyone, as both benchmarks do it, in rounds of
 * BENCH_SCROLL_STEPS: twenty pages down, the end, five pages up, the start, a page down
 * again. A page count for bench_scroll_pages(); G_MAXINT and G_MININT go to the ends. */
int
bench_scroll_step (int i)
{
  int k = i % BENCH_SCROLL_STEPS;

  return k < 20 ? 1 : k == 20 ? G_MAXINT : k < 26 ? -1 : k == 26 ? G_MININT : 1;
}

/* PageDown, PageUp, End and Home as a list's keys scroll it: @pages pages further, or to
 * an end (G_MAXINT, G_MININT). */
void
bench_scroll_pages (GtkScrolledWindow *scroller,
                    int                pages)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (pages == G_MAXINT)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - page);
  else if (pages == G_MININT)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  else
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + pages * page);
}
