/* bench-search.c — how long one search keystroke takes to update the contacts list
 * of the real window over a large database. Prints figures; asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-search DATABASE   (fill it with tests/bench/populate.py; needs a display)
 */
#include "config.h"

#include "tn-application.h"
#include "tn-window-private.h"

/* What a person types, one keystroke at a time, then deletes again. */
static const char * const typed[] = { "a", "an", "ana", "ana ", "ana g", "ana ga", "ana gar", "ana garc" };

typedef struct
{
  gboolean painted;
} FrameWait;

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   FrameWait     *wait)
{
  wait->painted = TRUE;
}

/* Time from the keystroke's search-changed to the filtered list being
 * painted on screen. The search entry's debounce delay is left out: it is
 * a deliberate pause, not work. */
static void
measure_keystroke (TnWindow   *window,
                   const char *text,
                   double     *filter_ms,
                   double     *frame_ms,
                   guint      *n_visible)
{
  TnContactsPage *page = tn_window_get_contacts_page (window);
  GtkSearchEntry *entry = tn_contacts_page_get_search_entry (page);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  FrameWait wait = { FALSE };
  gulong handler;
  gint64 start;
  gint64 filtered;

  /* The entry's own search-changed comes after its debounce delay; the
   * page then sees an unchanged query and does nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);

  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &wait);
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (entry, "search-changed");
  filtered = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!wait.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);

  *filter_ms = (filtered - start) / 1000.0;
  *frame_ms = (g_get_monotonic_time () - start) / 1000.0;
  *n_visible = g_list_model_get_n_items (tn_contacts_page_get_visible_model (page));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TnApplication) application = NULL;
  g_autoptr(TnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TnWindow *window;
  double worst_filter = 0, worst_frame = 0, total_filter = 0;
  guint n_measured = 0;
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }

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
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);

  tn_contacts_page_set_search_mode (tn_window_get_contacts_page (window), TRUE);

  /* Type forward, then delete back: narrowing and widening both count. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        {
          const char *text = pass == 0 ? typed[k] : typed[G_N_ELEMENTS (typed) - 1 - k];
          double filter_ms, frame_ms;
          guint n_visible;

          measure_keystroke (window, text, &filter_ms, &frame_ms, &n_visible);
          g_print ("“%s”: %6u shown, filter %6.2f ms, to painted frame %6.2f ms\n",
                   text, n_visible, filter_ms, frame_ms);
          worst_filter = MAX (worst_filter, filter_ms);
          worst_frame = MAX (worst_frame, frame_ms);
          total_filter += filter_ms;
          n_measured++;
        }
    }

  g_print ("search keystroke: mean filter %.2f ms, worst filter %.2f ms, worst to painted frame %.2f ms (goal <= 16 ms)\n",
           total_filter / n_measured, worst_filter, worst_frame);

  /* The Overdue toggle: every contact's keep-in-touch interval checked once. */
  gtk_editable_set_text (GTK_EDITABLE (tn_contacts_page_get_search_entry (tn_window_get_contacts_page (window))), "");
  g_signal_emit_by_name (tn_contacts_page_get_search_entry (tn_window_get_contacts_page (window)), "search-changed");
  for (int pass = 0; pass < 3; pass++)
    {
      TnContactsPage *page = tn_window_get_contacts_page (window);

      for (int on = 1; on >= 0; on--)
        {
          gint64 toggled = g_get_monotonic_time ();

          tn_contacts_page_set_overdue_only (page, on);
          g_print ("overdue filter %s: %6u shown, filter %6.2f ms\n", on ? "on " : "off",
                   g_list_model_get_n_items (tn_contacts_page_get_visible_model (page)),
                   (g_get_monotonic_time () - toggled) / 1000.0);
          for (int i = 0; i < 50; i++)
            g_main_context_iteration (NULL, FALSE);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
