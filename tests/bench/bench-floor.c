/* bench-floor.c — the floor TrustNet's window is measured against (issue 17): as little as a
 * program must do to show the same contacts in a table and to search them. Prints figures;
 * asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-floor first-frame DATABASE
 *          reads the contacts from SQLite into plain GObjects and shows them in a bare
 *          GtkColumnView (GtkSignalListItemFactory labels); prints "first-frame-realtime-us N"
 *          when the first frame is painted, as `TRUSTNET_BENCH_FIRST_FRAME=quit trustnet` does
 *        bench-floor keystroke DATABASE
 *          the same table, then the keystrokes of bench-search through a plain
 *          GtkFilterListModel whose GtkCustomFilter matches keys folded beforehand, then
 *          bench-search's scrolling (BENCH_SEARCH_ROUNDS times): to the painted frame, the
 *          main thread's CPU time and the frame alone, as bench-search measures them
 * BENCH_FLOOR_HEADER_BAR=1 gives the window a header bar (client-side decorations, as
 * TrustNet's window has). Needs a display.
 */
#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>
#include <gtk/gtk.h>

#include "tn-search.h"

#include "bench-frame-timing.h"

/* What bench-search types, one keystroke at a time, then deletes again. */
static const char * const typed[] = { "a", "an", "ana", "ana ", "ana g", "ana ga", "ana gar", "ana garc" };

/* One row: the texts shown, and the search key folded once. */
#define FLOOR_TYPE_ROW (floor_row_get_type ())
G_DECLARE_FINAL_TYPE (FloorRow, floor_row, FLOOR, ROW, GObject)

struct _FloorRow
{
  GObject parent_instance;
  char *texts[5]; /* name, organization, trust, last met, email */
  char *key;
};

G_DEFINE_FINAL_TYPE (FloorRow, floor_row, G_TYPE_OBJECT)

static void
floor_row_finalize (GObject *object)
{
  FloorRow *self = FLOOR_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);
  g_free (self->key);
  G_OBJECT_CLASS (floor_row_parent_class)->finalize (object);
}

static void
floor_row_class_init (FloorRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = floor_row_finalize;
}

static void
floor_row_init (FloorRow *self)
{
}

static GListStore *
read_rows (const char *path,
           gboolean    with_keys)
{
  GListStore *rows = g_list_store_new (FLOOR_TYPE_ROW);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT full_name, organization, trust, last_met,"
                          " (SELECT value FROM emails WHERE contact_id = contacts.id ORDER BY position LIMIT 1)"
                          " FROM contacts WHERE removed_at IS NULL ORDER BY full_name",
                          -1, &statement, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));

  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      FloorRow *row = g_object_new (FLOOR_TYPE_ROW, NULL);

      for (int i = 0; i < 5; i++)
        row->texts[i] = g_strdup ((const char *) sqlite3_column_text (statement, i));
      if (with_keys)
        {
          const char *searched[] = { row->texts[0], row->texts[1], row->texts[4] };

          row->key = tn_search_make_key (searched, G_N_ELEMENTS (searched));
        }
      g_ptr_array_add (batch, row);
    }

  g_list_store_splice (rows, 0, 0, batch->pdata, batch->len);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return rows;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  FloorRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->texts[GPOINTER_TO_INT (column)]);
}

static GtkColumnView *
new_table (GListModel *model)
{
  static const char * const titles[] = { "Name", "Organization", "Trust", "Last Contact", "Email" };
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (model))));

  for (int i = 0; i < 5; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (view, column);
    }

  return view;
}

static GtkWindow *
show_table (GListModel *model)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  /* A header bar makes the window draw its own decorations, as TrustNet's does. With them
   * GTK 4.8's GL renderer under Xvfb paints about 4x the pixels a scroll step changes. */
  if (g_getenv ("BENCH_FLOOR_HEADER_BAR") != NULL)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (new_table (model)));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until the window has painted a frame, as bench-search does. */
static void
wait_for_paint (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* The search the table shows, and its filter. */
typedef struct
{
  TnSearch *search;
  GtkFilter *filter;
} Searched;

static gboolean
match_row (gpointer item,
           gpointer user_data)
{
  Searched *searched = user_data;

  return tn_search_matches_key (searched->search, FLOOR_ROW (item)->key);
}

/* A keystroke: the search @text instead of the one shown, and the filter told how it changed. */
static void
search_for (gpointer target,
            gpointer text)
{
  Searched *searched = target;
  g_autoptr(TnSearch) old = g_steal_pointer (&searched->search);

  searched->search = tn_search_new (text);
  gtk_filter_changed (searched->filter,
                      tn_search_is_narrower (searched->search, old) ? GTK_FILTER_CHANGE_MORE_STRICT :
                      tn_search_is_narrower (old, searched->search) ? GTK_FILTER_CHANGE_LESS_STRICT :
                      GTK_FILTER_CHANGE_DIFFERENT);
}

static void
scroll_pages (gpointer scroller,
              gpointer pages)
{
  bench_scroll_pages (scroller, GPOINTER_TO_INT (pages));
}

/* Each keystroke of bench-search, forward then back, then its scrolling through everyone
 * (bench_scroll_step(), @rounds times), each to the painted frame. */
static void
run_keystrokes_and_scrolling (GListStore *rows,
                              int         rounds)
{
  Searched searched = { tn_search_new (NULL), NULL };
  GtkFilterListModel *filtered;
  GtkWindow *window;
  BenchTimes times;

  searched.filter = GTK_FILTER (gtk_custom_filter_new (match_row, &searched, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (rows), searched.filter);
  bench_times_init (&times);
  window = show_table (G_LIST_MODEL (filtered));
  wait_for_paint (window);

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        {
          const char *text = pass == 0 ? typed[k] : typed[G_N_ELEMENTS (typed) - 1 - k];
          double ms = bench_time_change (GTK_WIDGET (window), search_for, &searched, (gpointer) text, NULL, &times);

          g_print ("“%s”: %6u shown, to painted frame %6.2f ms\n", text,
                   g_list_model_get_n_items (G_LIST_MODEL (filtered)), ms);
        }
    }
  bench_times_print ("keystroke", &times);

  bench_time_change (GTK_WIDGET (window), search_for, &searched, "", NULL, &times);
  bench_times_forget (&times);
  for (int i = 0; i < BENCH_SCROLL_STEPS * rounds; i++)
    bench_time_change (GTK_WIDGET (window), scroll_pages, gtk_window_get_child (window),
                       GINT_TO_POINTER (bench_scroll_step (i)), NULL, &times);
  bench_times_print ("scroll", &times);

  gtk_window_destroy (window);
  bench_times_clear (&times);
  g_clear_pointer (&searched.search, tn_search_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) rows = NULL;
  GtkWindow *window;

  if (argc != 3 || (!g_str_equal (argv[1], "first-frame") && !g_str_equal (argv[1], "keystroke")))
    {
      g_printerr ("usage: %s first-frame|keystroke DATABASE\n", argv[0]);
      return 2;
    }

  gtk_init ();

  if (g_str_equal (argv[1], "keystroke"))
    {
      const char *rounds = g_getenv ("BENCH_SEARCH_ROUNDS");

      rows = read_rows (argv[2], TRUE);
      run_keystrokes_and_scrolling (rows, rounds != NULL ? MAX (atoi (rounds), 1) : 3);
      return 0;
    }

  /* Launch to first frame: what a program must do to show these rows at all. */
  rows = read_rows (argv[2], FALSE);
  window = show_table (G_LIST_MODEL (g_object_ref (rows)));
  wait_for_paint (window);
  g_printerr ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  gtk_window_destroy (window);
  return 0;
}
