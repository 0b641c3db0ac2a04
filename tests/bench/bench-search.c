/* bench-search.c — how long the real window takes, over a large database, from a change to
 * the frame that shows it: the Contacts page shown the first time, switching pages, each
 * search keystroke, the trust and Overdue filters, a rating, and scrolling a page at a time
 * and to the ends; and the main thread's CPU time for the same changes (the rest of a figure
 * is waiting: for the renderer's threads, or for a busy machine), each on stderr too; and
 * the CPU time of the rows the page makes only after that frame (…-after-frame-…); and how
 * long the filter buttons' counts lag behind the rows after a burst of keystrokes while
 * frames come back to back (counts-behind-after-burst-…).
 * Prints figures; asserts nothing. tests/bench/bench-ui.sh runs it beside its floor
 * (bench-floor keystroke).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each group of changes prints its median, its 90th percentile (nearest rank) and its worst,
 * for four clocks (bench-frame-timing.c): to the painted frame (…-ms: includes waiting for
 * the frame clock's next slot), the main thread's CPU time (…-cpu-…), all threads' CPU time
 * (…-all-cpu-…: with the GL renderer, llvmpipe draws in threads of its own) and the frame
 * alone (…-frame-…: from the frame clock's before-paint to its after-paint, wall time), and
 * how many changes it timed (…-steps).
 *
 * Usage: bench-search DATABASE   (fill it with tests/bench/populate.py; needs a display)
 * BENCH_SEARCH_ONLY=first-shown stops after the Contacts page is first shown;
 * BENCH_SEARCH_ONLY=page-switch or scroll times only that after it (to profile it:
 * valgrind --tool=callgrind --dump-after=time_until gives one profile per change).
 * BENCH_SEARCH_ROUNDS=N repeats the page switches and the scrolling N times (default 3).
 */
#include "config.h"

#include "tn-clock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tn-application.h"
#include "tn-contacts-page-private.h"
#include "tn-window-private.h"
#include "tn-ui-test-util.h"

#include "bench-frame-timing.h"

/* What a person types, one keystroke at a time, then deletes again. */
static const char * const typed[] = { "a", "an", "ana", "ana ", "ana g", "ana ga", "ana gar", "ana garc" };

/* The changes timed since the last figures; and the main thread's CPU time of the rows the
 * page announces only after each change's frame (the rows out of sight). */
static BenchTimes timed;
typedef void (*Change) (TnWindow *window,
                        gpointer  data);
static GArray *after_cpu_times;

static gboolean
counts_are_due (TnWindow *window)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);

  return tn_after_paint_is_pending (&page->recount);
}

/* The main thread's CPU time until the Contacts page has announced the rows it held back
 * for the frame (_tn_contacts_page_hold_rows_until_painted()), in ms: work moved out of
 * the frame, not gone. */
static double
rows_after_frame_cpu_ms (TnWindow *window)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);
  struct timespec cpu0, cpu1;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu0);
  while (tn_after_paint_is_pending (&page->rows_after_paint))
    g_main_context_iteration (NULL, TRUE);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu1);
  return (cpu1.tv_sec - cpu0.tv_sec) * 1e3 + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e6;
}

/* Milliseconds from making @change to the frame that shows it being painted; with
 * @counted, until the filter buttons' counts say it too (they may follow the frame).
 * To profile one change: valgrind --tool=callgrind --dump-after=time_until. */
static double
time_until (TnWindow *window,
            Change    change,
            gpointer  data,
            gboolean  counted)
{
  double ms = bench_time_change (GTK_WIDGET (window), (BenchChange) change, window, data,
                                 counted ? (BenchBusy) counts_are_due : NULL, &timed);
  double after_ms = rows_after_frame_cpu_ms (window);

  g_array_append_val (after_cpu_times, after_ms);
  return ms;
}

static double
time_to_paint (TnWindow *window,
               Change    change,
               gpointer  data)
{
  return time_until (window, change, data, FALSE);
}

/* Lets what a change left for later (the counts) run before the next one is timed, and the
 * search keys the Contacts page folds in idle time after it is first shown (chunks of a few
 * ms at low priority, about a second of them at 100,000 contacts): run while a change is
 * timed, a chunk counted in its CPU time, or not, at random. */
static void
settle (TnWindow *window)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);

  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  while (page->warm_source != 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The figures of the changes timed since the last figures (bench_times_print()), and the
 * worst CPU time after their frames; then forgets them. */
static void
print_figures (const char *name)
{
  double worst_after = 0;

  bench_times_print (name, &timed);
  for (guint i = 0; i < after_cpu_times->len; i++)
    worst_after = MAX (worst_after, g_array_index (after_cpu_times, double, i));
  g_print ("%s-after-frame-cpu-worst-ms %.2f\n", name, worst_after);
  g_array_set_size (after_cpu_times, 0);
}

/* Forgets what was timed without printing it (a change made only to set the next ones up). */
static void
forget_times (void)
{
  bench_times_forget (&timed);
  g_array_set_size (after_cpu_times, 0);
}

static void
show_page (TnWindow *window,
           gpointer  name)
{
  tn_window_show_page (window, name);
}

/* One key as a person types it: a letter added at the end, or the last one deleted.
 * gtk_editable_set_text() would empty the entry first, and an empty search is announced at
 * once: every keystroke would show all the contacts and then hide them again. The entry's
 * own search-changed comes after its debounce delay (a deliberate pause, not work, left
 * out); the page then sees an unchanged query and does nothing. */
static void
type_search (TnWindow *window,
             gpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (tn_contacts_page_get_search_entry (tn_window_get_contacts_page (window)));
  const char *text = data;
  const char *shown = gtk_editable_get_text (entry);
  int length = g_utf8_strlen (shown, -1);

  if (g_str_has_prefix (text, shown))
    {
      int position = length;

      gtk_editable_insert_text (entry, text + strlen (shown), -1, &position);
    }
  else if (g_str_has_prefix (shown, text))
    {
      gtk_editable_delete_text (entry, g_utf8_strlen (text, -1), length);
    }
  else
    {
      gtk_editable_set_text (entry, text);
    }
  g_signal_emit_by_name (entry, "search-changed");
}

static void
set_trust_filter (TnWindow *window,
                  gpointer  filter)
{
  tn_contacts_page_set_trust_filter (tn_window_get_contacts_page (window), filter);
}

static void
set_overdue_only (TnWindow *window,
                  gpointer  on)
{
  tn_contacts_page_set_overdue_only (tn_window_get_contacts_page (window), GPOINTER_TO_INT (on));
}

/* 1 then 2 on the selected row, as the keys do: the page's own action. */
static void
rate_selected (TnWindow *window,
               gpointer  trust)
{
  gtk_widget_activate_action (GTK_WIDGET (tn_window_get_contacts_page (window)),
                              "contacts.rate-selected", "i", GPOINTER_TO_INT (trust));
}

/* A step of bench_scroll_step() on the contacts list. */
static void
scroll_pages (TnWindow *window,
              gpointer  pages)
{
  GtkWidget *view = GTK_WIDGET (tn_contacts_page_get_column_view (tn_window_get_contacts_page (window)));

  bench_scroll_pages (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (view)), GPOINTER_TO_INT (pages));
}

static void
on_frame_painted_cb (GdkFrameClock *frame_clock,
                     guint         *n_painted)
{
  (*n_painted)++;
}

static gboolean
counts_follow_rows (TnContactsPage *page)
{
  guint n_counted;

  g_object_get (page, "n-contacts", &n_counted, NULL);
  return n_counted == g_list_model_get_n_items (tn_contacts_page_get_visible_model (page));
}

/* A burst of keystrokes while frames come back to back: how long, and how many frames,
 * after the last keystroke the filter buttons' counts still disagree with the rows (given
 * up after 10 s). */
static void
time_counts_after_burst (TnWindow *window)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint tick = tn_ui_test_add_slow_frames (GTK_WIDGET (window));
  guint n_painted = 0;
  gulong handler;
  gint64 start;

  for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
    {
      type_search (window, (gpointer) typed[k]);
      g_main_context_iteration (NULL, FALSE);
    }
  type_search (window, (gpointer) "an");
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_frame_painted_cb), &n_painted);
  start = g_get_monotonic_time ();
  while (!counts_follow_rows (page) && g_get_monotonic_time () - start < 10 * G_TIME_SPAN_SECOND)
    g_main_context_iteration (NULL, TRUE);
  g_print ("counts-behind-after-burst-ms %.2f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_print ("counts-behind-after-burst-frames %u\n", n_painted);
  g_signal_handler_disconnect (frame_clock, handler);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
}

/* The app starts on the Dashboard, and a person sees its figures painted there before going
 * anywhere: the first frame with the cards (new glyph sizes, llvmpipe compiling the cards'
 * shaders, 60-70 ms of main-thread CPU) is the start's, not the first page switch's. The
 * figures come from a worker; the cards fade in (the page's stack) once they are there. */
static void
wait_for_dashboard_figures (TnWindow *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GtkWidget *cards = tn_ui_test_find_named (GTK_WIDGET (window), "dashboard-cards");
  GtkWidget *stack = cards != NULL ? gtk_widget_get_ancestor (cards, GTK_TYPE_STACK) : NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_painted = 0;
  gulong handler;

  while (stack != NULL && (!gtk_widget_get_mapped (cards) || gtk_stack_get_transition_running (GTK_STACK (stack))) &&
         g_get_monotonic_time () - start < 30 * G_TIME_SPAN_SECOND)
    g_main_context_iteration (NULL, TRUE);

  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_frame_painted_cb), &n_painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (n_painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);
  g_print ("dashboard-figures-painted-after-ms %.0f\n", (g_get_monotonic_time () - start) / 1000.0);
}

/* Each search keystroke, typed forward and deleted back; the trust and Overdue filters on and
 * off; rating the selected row. */
static void
time_search_filter_and_rating (TnWindow *window)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);

  /* Type forward, then delete back: narrowing and widening both count. */
  tn_contacts_page_set_search_mode (page, TRUE);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        {
          const char *text = pass == 0 ? typed[k] : typed[G_N_ELEMENTS (typed) - 1 - k];

          double ms = time_to_paint (window, type_search, (gpointer) text);

          g_print ("“%s”: %6u shown, to painted frame %6.2f ms, main thread CPU %6.2f ms, after the frame %6.2f ms\n", text,
                   g_list_model_get_n_items (tn_contacts_page_get_visible_model (page)), ms,
                   bench_times_last (timed.cpu), bench_times_last (after_cpu_times));
          settle (window);
        }
    }
  print_figures ("keystroke");
  time_counts_after_burst (window);
  settle (window);
  time_to_paint (window, type_search, (gpointer) "");
  forget_times ();
  settle (window);

  /* The trust filter and the Overdue filter, on and off. */
  for (int pass = 0; pass < 3; pass++)
    {
      const char *filters[] = { "completely", "all", "unrated", "all" };

      for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
        {
          time_to_paint (window, set_trust_filter, (gpointer) filters[f]);
          settle (window);
        }
      for (int on = 1; on >= 0; on--)
        {
          time_to_paint (window, set_overdue_only, GINT_TO_POINTER (on));
          settle (window);
        }
    }
  print_figures ("filter-toggle");

  /* Rating the selected row, in "All" (it stays) and in "Not Rated" (it leaves). */
  for (int pass = 0; pass < 4; pass++)
    {
      tn_contacts_page_set_trust_filter (page, pass % 2 == 0 ? "all" : "unrated");
      settle (window);
      for (int r = 0; r < 4; r++)
        {
          if (tn_contacts_page_get_selected_contact (page) == NULL)
            {
              g_autoptr(TnContact) first = g_list_model_get_item (tn_contacts_page_get_visible_model (page), 0);

              tn_contacts_page_select_contact (page, first);
            }
          time_until (window, rate_selected, GINT_TO_POINTER (r % 2 == 0 ? 1 : 2), pass >= 2);
          settle (window);
        }
      /* Then the same until the counts on the filter buttons agree. */
      if (pass == 1)
        print_figures ("rating");
    }
  print_figures ("rating-counted");
}

/* Scrolling through everyone, @rounds times (bench_scroll_step()). */
static void
time_scrolling (TnWindow *window,
                int       rounds)
{
  tn_contacts_page_set_trust_filter (tn_window_get_contacts_page (window), "all");
  settle (window);
  forget_times ();
  for (int i = 0; i < BENCH_SCROLL_STEPS * rounds; i++)
    {
      time_to_paint (window, scroll_pages, GINT_TO_POINTER (bench_scroll_step (i)));
      settle (window);
    }
  print_figures ("scroll");
}

int
main (int   argc,
      char *argv[])
{
  /* As the app does first thing (src/main.c): one look-up of the local zone, not one per date. */
  tn_clock_pin_local_zone ();
  g_autoptr(TnApplication) application = NULL;
  g_autoptr(TnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *only = g_getenv ("BENCH_SEARCH_ONLY");
  const char *rounds_text = g_getenv ("BENCH_SEARCH_ROUNDS");
  int rounds = rounds_text != NULL ? MAX (atoi (rounds_text), 1) : 3;
  TnWindow *window;
  gint64 start;
  double ms;

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  bench_times_init (&timed);
  after_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  application = tn_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  start = g_get_monotonic_time ();
  store = tn_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("store open: %u contacts in %.0f ms\n",
           g_list_model_get_n_items (tn_store_get_contacts (store)),
           (g_get_monotonic_time () - start) / 1000.0);

  window = tn_window_new (ADW_APPLICATION (application), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  tn_window_show_page (window, "dashboard");
  wait_for_dashboard_figures (window);

  /* The Contacts page the first time, then back and forth. */
  ms = time_to_paint (window, show_page, "contacts");
  g_print ("contacts-first-shown-ms %.2f\n", ms);
  g_print ("contacts-first-shown-cpu-ms %.2f\n", bench_times_last (timed.cpu));
  g_print ("contacts-first-shown-all-cpu-ms %.2f\n", bench_times_last (timed.all_cpu));
  g_print ("contacts-first-shown-frame-ms %.2f\n", bench_times_last (timed.frame));
  g_print ("contacts-first-shown-after-frame-cpu-ms %.2f\n", bench_times_last (after_cpu_times));
  /* The first showing alone, to profile: valgrind --tool=callgrind --toggle-collect=time_until. */
  if (g_strcmp0 (only, "first-shown") == 0)
    return 0;
  forget_times ();
  start = g_get_monotonic_time ();
  settle (window);
  /* Until then a frame may wait for a chunk of the folding. */
  g_print ("search-keys-folded-after-ms %.0f\n", (g_get_monotonic_time () - start) / 1000.0);
  if (only == NULL || g_strcmp0 (only, "page-switch") == 0)
    {
      for (int i = 0; i < 6 * rounds; i++)
        {
          time_to_paint (window, show_page, i % 2 == 0 ? "dashboard" : "contacts");
          settle (window);
        }
      print_figures ("page-switch");
    }
  if (only == NULL)
    time_search_filter_and_rating (window);
  if (only == NULL || g_strcmp0 (only, "scroll") == 0)
    time_scrolling (window, rounds);


  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
